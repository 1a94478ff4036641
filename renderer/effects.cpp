#include "renderer/effects.h"

#include <algorithm>
#include <cstring>

#include "renderer/target.h"
#include "renderer/vk_check.h"
#include "shaders/shared.h"

namespace renderer {

static_assert(sizeof(scene::Particle) == sizeof(shaders::EffectInstance));

namespace {
constexpr VkMemoryPropertyFlags kHostMemory = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
}

EffectsPass::EffectsPass(Context& context, const scene::Scenario& scenario, VkDescriptorSetLayout scene_layout,
                         std::uint32_t frames)
    : context_(context), scenario_(scenario) {
  VkDevice device = context_.device();
  const VkDescriptorSetLayoutBinding binding{0, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1,
                                             VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, nullptr};
  VkDescriptorSetLayoutCreateInfo info{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO};
  info.bindingCount = 1;
  info.pBindings = &binding;
  VK_CHECK(vkCreateDescriptorSetLayout(device, &info, nullptr, &layout_));
  const VkDescriptorPoolSize size{VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, frames};
  VkDescriptorPoolCreateInfo pool{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
  pool.maxSets = frames;
  pool.poolSizeCount = 1;
  pool.pPoolSizes = &size;
  VK_CHECK(vkCreateDescriptorPool(device, &pool, nullptr, &pool_));

  PipelineDesc desc;
  desc.vertex_shader = "effect.vert";
  desc.fragment_shader = "effect.frag";
  desc.color_formats = {kHdrFormat, kIdFormat};
  desc.depth_format = kDepthFormat;
  desc.depth_test = desc.depth_write = true;
  desc.set_layouts = {scene_layout, layout_};
  pipeline_ = Pipeline(device, desc);

  slots_.resize(frames);
  for (Slot& slot : slots_) {
    VkDescriptorSetAllocateInfo alloc{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
    alloc.descriptorPool = pool_;
    alloc.descriptorSetCount = 1;
    alloc.pSetLayouts = &layout_;
    VK_CHECK(vkAllocateDescriptorSets(device, &alloc, &slot.set));
    slot.particles = Buffer(context_, 4096 * sizeof(shaders::EffectInstance), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, kHostMemory);
    write_set(slot);
  }
}

EffectsPass::~EffectsPass() {
  VkDevice device = context_.device();
  vkDeviceWaitIdle(device);
  vkDestroyDescriptorPool(device, pool_, nullptr);
  vkDestroyDescriptorSetLayout(device, layout_, nullptr);
}

void EffectsPass::write_set(Slot& slot) {
  const VkDescriptorBufferInfo buffer{slot.particles.handle(), 0, VK_WHOLE_SIZE};
  VkWriteDescriptorSet write{VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
  write.dstSet = slot.set;
  write.descriptorCount = 1;
  write.descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
  write.pBufferInfo = &buffer;
  vkUpdateDescriptorSets(context_.device(), 1, &write, 0, nullptr);
}

void EffectsPass::prepare(std::uint32_t slot_index, const scene::Snapshot& snapshot) {
  Slot& slot = slots_[slot_index % slots_.size()];
  particles_.clear();
  scene::append_effects(scenario_, snapshot, particles_);
  count_ = static_cast<std::uint32_t>(particles_.size());
  const VkDeviceSize bytes = particles_.size() * sizeof(scene::Particle);
  if (slot.particles.size() < bytes) {
    slot.particles = Buffer(context_, bytes * 3 / 2, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, kHostMemory);
    write_set(slot);
  }
  if (bytes) std::memcpy(slot.particles.mapped(), particles_.data(), bytes);
}

void EffectsPass::draw(VkCommandBuffer cmd, std::uint32_t slot_index, VkDescriptorSet scene_set) {
  if (count_ == 0) return;
  Slot& slot = slots_[slot_index % slots_.size()];
  const VkDescriptorSet sets[] = {scene_set, slot.set};
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline_.handle());
  vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline_.layout(), 0, 2, sets, 0, nullptr);
  vkCmdDraw(cmd, 6, count_, 0, 0);
}

}  // namespace renderer
