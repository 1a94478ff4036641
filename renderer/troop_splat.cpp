#include "renderer/troop_splat.h"

#include <cstring>
#include <string_view>
#include <utility>

#include "renderer/descriptors.h"
#include "renderer/pipeline.h"
#include "renderer/target.h"
#include "renderer/vk_check.h"

namespace renderer {

namespace {

constexpr VkShaderStageFlags kSplatStages = VK_SHADER_STAGE_COMPUTE_BIT | VK_SHADER_STAGE_FRAGMENT_BIT;
constexpr VkShaderStageFlags kResolvePushStages = VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT;

// `constant`: the shader's specialisation constant 0.
Unique<VkPipeline> create_compute(VkDevice device, VkPipelineLayout layout, std::string_view name,
                                  std::uint32_t constant = 0) {
  const Unique<VkShaderModule> module = load_shader_module(device, name);
  const VkSpecializationMapEntry entry{0, 0, sizeof(constant)};
  const VkSpecializationInfo specialization{1, &entry, sizeof(constant), &constant};
  VkComputePipelineCreateInfo info{VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO};
  info.stage = {VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO};
  info.stage.stage = VK_SHADER_STAGE_COMPUTE_BIT;
  info.stage.module = module.get();
  info.stage.pName = "main";
  info.stage.pSpecializationInfo = &specialization;
  info.layout = layout;
  VkPipeline pipeline;
  VK_CHECK(vkCreateComputePipelines(device, VK_NULL_HANDLE, 1, &info, nullptr, &pipeline));
  return {device, pipeline};
}

void buffer_barrier(VkCommandBuffer cmd, VkBuffer buffer, VkPipelineStageFlags2 src_stage, VkAccessFlags2 src_access,
                    VkPipelineStageFlags2 dst_stage, VkAccessFlags2 dst_access) {
  VkBufferMemoryBarrier2 barrier{VK_STRUCTURE_TYPE_BUFFER_MEMORY_BARRIER_2};
  barrier.srcStageMask = src_stage;
  barrier.srcAccessMask = src_access;
  barrier.dstStageMask = dst_stage;
  barrier.dstAccessMask = dst_access;
  barrier.srcQueueFamilyIndex = barrier.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
  barrier.buffer = buffer;
  barrier.size = VK_WHOLE_SIZE;
  VkDependencyInfo dependency{VK_STRUCTURE_TYPE_DEPENDENCY_INFO};
  dependency.bufferMemoryBarrierCount = 1;
  dependency.pBufferMemoryBarriers = &barrier;
  vkCmdPipelineBarrier2(cmd, &dependency);
}

}  // namespace

TroopSplat::TroopSplat(Context& context, VkDescriptorSetLayout scene_layout, VkDescriptorSetLayout troop_layout,
                       std::uint32_t frames)
    : context_(context) {
  VkDevice device = context_.device();
  layout_ = create_set_layout(
      device, {{0, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, kSplatStages, nullptr},
               {1, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, kSplatStages, nullptr},
               {2, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, kSplatStages | VK_SHADER_STAGE_VERTEX_BIT, nullptr}});
  pool_ = create_descriptor_pool(device, {{VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 3 * frames}}, frames);
  blocks_ = Buffer(context_, kBlocks * sizeof(shaders::SplatBlock), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, kHostMemory);
  slots_.resize(frames);
  for (Slot& slot : slots_) slot.set = allocate_set(device, pool_.get(), layout_.get());

  const VkDescriptorSetLayout sets[] = {scene_layout, troop_layout, layout_.get()};
  const VkPushConstantRange push{VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof(shaders::SplatPush)};
  VkPipelineLayoutCreateInfo layout_info{VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO};
  layout_info.setLayoutCount = 3;
  layout_info.pSetLayouts = sets;
  layout_info.pushConstantRangeCount = 1;
  layout_info.pPushConstantRanges = &push;
  VkPipelineLayout compute_layout;
  VK_CHECK(vkCreatePipelineLayout(device, &layout_info, nullptr, &compute_layout));
  compute_layout_ = Unique<VkPipelineLayout>(device, compute_layout);
  if (context_.buffer_int64_atomics()) atomic64_ = create_compute(device, compute_layout_.get(), "troop_splat.comp");
  depth_pass_ = create_compute(device, compute_layout_.get(), "troop_splat_words.comp", 0);
  payload_pass_ = create_compute(device, compute_layout_.get(), "troop_splat_words.comp", 1);

  PipelineDesc resolve;
  resolve.vertex_shader = "troop_splat.vert";
  resolve.fragment_shader = "troop_splat.frag";
  resolve.color_formats = {kHdrFormat, kIdFormat};
  resolve.depth_format = kDepthFormat;
  resolve.depth_test = resolve.depth_write = true;  // walls and ground in front hide the figures
  resolve.set_layouts = {scene_layout, troop_layout, layout_.get()};
  resolve.push_constant_bytes = sizeof(shaders::SplatPush);
  resolve_ = LightVariants(device, resolve);
}

void TroopSplat::set_blocks(const std::array<shaders::SplatBlock, kBlocks>& blocks) {
  std::memcpy(blocks_.mapped(), blocks.data(), sizeof(blocks));
}

void TroopSplat::write_set(Slot& slot) {
  const VkDescriptorBufferInfo splat{slot.splat.handle(), 0, VK_WHOLE_SIZE};
  const VkDescriptorBufferInfo blocks{blocks_.handle(), 0, VK_WHOLE_SIZE};
  const VkDescriptorBufferInfo tiles{slot.tiles.handle(), 0, VK_WHOLE_SIZE};
  const VkWriteDescriptorSet writes[] = {buffer_write(slot.set, 0, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, splat),
                                         buffer_write(slot.set, 1, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, blocks),
                                         buffer_write(slot.set, 2, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, tiles)};
  vkUpdateDescriptorSets(context_.device(), 3, writes, 0, nullptr);
}

std::uint32_t TroopSplat::tile_count(const shaders::SplatPush& push) {
  const auto across = [](std::uint32_t pixels) { return (pixels + shaders::kSplatTile - 1) / shaders::kSplatTile; };
  return across(push.width) * across(push.height);
}

std::uint32_t TroopSplat::record(VkCommandBuffer cmd, std::uint32_t slot_index, VkDescriptorSet troop_set,
                                 const shaders::SplatPush& push, std::span<const Bin> bins, bool two_pass) {
  Slot& slot = slots_[slot_index % slots_.size()];
  // The slot's last frame has finished (its fence was waited on): the buffer may be replaced.
  const VkDeviceSize bytes = VkDeviceSize{push.width} * push.height * sizeof(std::uint64_t);
  const VkDeviceSize tile_bytes = VkDeviceSize{tile_count(push)} * sizeof(std::uint32_t);
  if (slot.splat.size() < bytes || slot.tiles.size() < tile_bytes) {
    constexpr VkBufferUsageFlags kUsage = VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT;
    slot.splat = Buffer(context_, bytes, kUsage, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
    slot.tiles = Buffer(context_, tile_bytes, kUsage, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
    write_set(slot);
  }
  // The last reads of both (the resolve's) before the clears; the clears before the splat.
  for (const auto& [buffer, size] :
       {std::pair{slot.splat.handle(), bytes}, std::pair{slot.tiles.handle(), tile_bytes}}) {
    buffer_barrier(cmd, buffer, VK_PIPELINE_STAGE_2_VERTEX_SHADER_BIT | VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                   VK_ACCESS_2_SHADER_STORAGE_READ_BIT, VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT,
                   VK_ACCESS_2_TRANSFER_WRITE_BIT);
    vkCmdFillBuffer(cmd, buffer, 0, size, 0);
    buffer_barrier(cmd, buffer, VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT,
                   VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                   VK_ACCESS_2_SHADER_STORAGE_READ_BIT | VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT);
  }
  const VkDescriptorSet sets[] = {troop_set, slot.set};
  vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, compute_layout_.get(), 1, 2, sets, 0, nullptr);
  const auto dispatch_bins = [&](VkPipeline pipeline) {
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline);
    for (const Bin& bin : bins) {
      shaders::SplatPush p = push;
      p.block = bin.block;
      p.first = bin.first;
      p.count = bin.count;
      vkCmdPushConstants(cmd, compute_layout_.get(), VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof(p), &p);
      vkCmdDispatch(cmd, (bin.count + shaders::kSplatGroup - 1) / shaders::kSplatGroup, 1, 1);
    }
  };
  const bool one_pass = atomic64_ && !two_pass;
  if (one_pass) {
    dispatch_bins(atomic64_.get());
  } else {
    dispatch_bins(depth_pass_.get());
    // Every pixel's nearest depth before any figure compares its own with it.
    buffer_barrier(cmd, slot.splat.handle(), VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                   VK_ACCESS_2_SHADER_STORAGE_READ_BIT | VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT,
                   VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                   VK_ACCESS_2_SHADER_STORAGE_READ_BIT | VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT);
    dispatch_bins(payload_pass_.get());
  }
  for (const VkBuffer buffer : {slot.splat.handle(), slot.tiles.handle()})
    buffer_barrier(cmd, buffer, VK_PIPELINE_STAGE_2_COMPUTE_SHADER_BIT,
                   VK_ACCESS_2_SHADER_STORAGE_READ_BIT | VK_ACCESS_2_SHADER_STORAGE_WRITE_BIT,
                   VK_PIPELINE_STAGE_2_VERTEX_SHADER_BIT | VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                   VK_ACCESS_2_SHADER_STORAGE_READ_BIT);
  return one_pass ? 1 : 2;
}

void TroopSplat::resolve(VkCommandBuffer cmd, std::uint32_t slot_index, const VkDescriptorSet sets[2], bool lit,
                         const shaders::SplatPush& push) {
  const Slot& slot = slots_[slot_index % slots_.size()];
  const Pipeline& pipeline = resolve_.get(lit);
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline.handle());
  const VkDescriptorSet all[] = {sets[0], sets[1], slot.set};
  vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline.layout(), 0, 3, all, 0, nullptr);
  vkCmdPushConstants(cmd, pipeline.layout(), kResolvePushStages, 0, sizeof(push), &push);
  vkCmdDraw(cmd, 6 * tile_count(push), 1, 0, 0);  // the tiles' quads, empty ones collapsed
}

}  // namespace renderer
