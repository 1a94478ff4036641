#include "renderer/bloom.h"

#include <algorithm>

#include "renderer/context.h"
#include "renderer/descriptors.h"
#include "renderer/target.h"
#include "shaders/shared.h"

namespace renderer {

namespace {

// A level at the start of a frame: its contents are not needed, but the frame before may still
// be reading it (the tonemap, the next pass of the chain) or writing it.
const ImageState kStart{VK_IMAGE_LAYOUT_UNDEFINED,
                        VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT | VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                        VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT};
// Written, and read back where the upsample blends onto it.
const ImageState kTarget{VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                         VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT | VK_ACCESS_2_COLOR_ATTACHMENT_READ_BIT};
const ImageState kRead{VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                       VK_ACCESS_2_SHADER_SAMPLED_READ_BIT};

VkExtent2D half(VkExtent2D e) { return {std::max(1u, (e.width + 1) / 2), std::max(1u, (e.height + 1) / 2)}; }

}  // namespace

// The images of one frame size: level i is 1/(4·2^i) of the frame.
struct BloomPass::Chain {
  VkExtent2D frame{};
  std::array<Image, kLevels> levels;
  bool written = false;  // level 0 holds something and is in kRead (once a frame has recorded)
};

BloomPass::BloomPass(Context& context, std::uint32_t frames) : context_(context) {
  VkDevice device = context_.device();
  sampler_ = create_linear_sampler(device);
  layout_ = create_set_layout(
      device, {{0, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1, VK_SHADER_STAGE_FRAGMENT_BIT, nullptr}});
  pool_ =
      create_descriptor_pool(device, {{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, frames * kPasses}}, frames * kPasses);
  sets_.resize(frames);
  for (auto& slot : sets_)
    for (VkDescriptorSet& set : slot) set = allocate_set(device, pool_.get(), layout_.get());

  PipelineDesc desc;
  desc.vertex_shader = "fullscreen.vert";
  desc.fragment_shader = "bloom_down.frag";
  desc.color_formats = {kHdrFormat};
  desc.set_layouts = {layout_.get()};
  desc.push_constant_bytes = sizeof(shaders::BloomPush);
  desc.constants = {0};
  down_ = Pipeline(device, desc);
  desc.constants = {1};  // the first step: only what is above the threshold
  prefilter_ = Pipeline(device, desc);
  desc.fragment_shader = "bloom_up.frag";
  desc.constants = {};
  desc.blend = true;  // the shader writes alpha 0: premultiplied "over" becomes a plain add
  up_ = Pipeline(device, desc);
}

BloomPass::~BloomPass() { vkDeviceWaitIdle(context_.device()); }

std::shared_ptr<void> BloomPass::resize(VkExtent2D extent) {
  if (chain_ && chain_->frame.width == extent.width && chain_->frame.height == extent.height) return nullptr;
  auto chain = std::make_shared<Chain>();
  chain->frame = extent;
  VkExtent2D size = half(half(extent));
  for (Image& level : chain->levels) {
    level = Image(context_, size, kHdrFormat, VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT,
                  VK_IMAGE_ASPECT_COLOR_BIT);
    size = half(size);
  }
  std::shared_ptr<void> old = std::move(chain_);
  chain_ = std::move(chain);
  return old;
}

VkImageView BloomPass::output() const { return chain_->levels[0].view(); }

// Begins rendering into one level, with its viewport.
void BloomPass::begin(VkCommandBuffer cmd, std::uint32_t level, VkAttachmentLoadOp load) {
  const Image& target = chain_->levels[level];
  VkRenderingAttachmentInfo colour{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
  colour.imageView = target.view();
  colour.imageLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
  colour.loadOp = load;
  colour.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
  VkRenderingInfo pass{VK_STRUCTURE_TYPE_RENDERING_INFO};
  pass.renderArea = {{0, 0}, target.extent()};
  pass.layerCount = 1;
  pass.colorAttachmentCount = 1;
  pass.pColorAttachments = &colour;
  vkCmdBeginRendering(cmd, &pass);
  const VkViewport viewport{0, 0, static_cast<float>(target.extent().width), static_cast<float>(target.extent().height),
                            0, 1};
  const VkRect2D scissor{{0, 0}, target.extent()};
  vkCmdSetViewport(cmd, 0, 1, &viewport);
  vkCmdSetScissor(cmd, 0, 1, &scissor);
}

void BloomPass::draw(VkCommandBuffer cmd, const Pipeline& pipeline, VkDescriptorSet set, std::uint32_t target_level,
                     VkExtent2D source, float exposure, float threshold, bool load) {
  // Without load, every pixel is drawn over: the old contents are not needed.
  begin(cmd, target_level, load ? VK_ATTACHMENT_LOAD_OP_LOAD : VK_ATTACHMENT_LOAD_OP_DONT_CARE);
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline.handle());
  vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline.layout(), 0, 1, &set, 0, nullptr);
  const shaders::BloomPush push{
      {1.0f / static_cast<float>(source.width), 1.0f / static_cast<float>(source.height)}, threshold, exposure};
  vkCmdPushConstants(cmd, pipeline.layout(), VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(push),
                     &push);
  vkCmdDraw(cmd, 3, 1, 0, 0);
  vkCmdEndRendering(cmd);
}

// Down: the thresholded frame into level 0, then each level from the one above. Up: each level
// from the smallest, blurred, added onto the next larger one, so level 0 ends holding the sum
// of every width of blur.
void BloomPass::record(VkCommandBuffer cmd, std::uint32_t slot, VkImageView hdr, float exposure, float threshold) {
  std::array<VkDescriptorSet, kPasses>& sets = sets_[slot % sets_.size()];
  std::array<VkDescriptorImageInfo, kPasses> sources{};
  std::array<VkWriteDescriptorSet, kPasses> writes{};
  for (std::uint32_t p = 0; p < kPasses; ++p) {
    // Pass 0 reads the frame; 1..kLevels-1 level p-1 (down); then level kLevels-1-k+1 (up).
    const VkImageView view =
        p == 0 ? hdr : (p < kLevels ? chain_->levels[p - 1].view() : chain_->levels[2 * kLevels - 1 - p].view());
    sources[p] = {sampler_.get(), view, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
    writes[p] = image_write(sets[p], 0, sources[p]);
  }
  vkUpdateDescriptorSets(context_.device(), kPasses, writes.data(), 0, nullptr);

  auto& levels = chain_->levels;
  const auto to = [&](std::uint32_t level, ImageState from, ImageState state) {
    transition(cmd, levels[level].handle(), VK_IMAGE_ASPECT_COLOR_BIT, from, state);
  };
  to(0, kStart, kTarget);
  draw(cmd, prefilter_, sets[0], 0, chain_->frame, exposure, threshold, false);
  for (std::uint32_t i = 1; i < kLevels; ++i) {
    to(i - 1, kTarget, kRead);
    to(i, kStart, kTarget);
    draw(cmd, down_, sets[i], i, levels[i - 1].extent(), exposure, threshold, false);
  }
  for (std::uint32_t i = kLevels - 1; i >= 1; --i) {
    to(i, kTarget, kRead);
    to(i - 1, kRead, kTarget);
    draw(cmd, up_, sets[2 * kLevels - 1 - i], i - 1, levels[i].extent(), exposure, threshold, true);
  }
  to(0, kTarget, kRead);
  chain_->written = true;
}

void BloomPass::skip(VkCommandBuffer cmd) {
  if (chain_->written) return;
  transition(cmd, chain_->levels[0].handle(), VK_IMAGE_ASPECT_COLOR_BIT, kStart, kTarget);
  begin(cmd, 0, VK_ATTACHMENT_LOAD_OP_CLEAR);  // the clear value is zero: no bloom
  vkCmdEndRendering(cmd);
  transition(cmd, chain_->levels[0].handle(), VK_IMAGE_ASPECT_COLOR_BIT, kTarget, kRead);
  chain_->written = true;
}

}  // namespace renderer
