#include "renderer/accumulation.h"

#include <stdexcept>

#include "renderer/context.h"
#include "renderer/descriptors.h"
#include "renderer/vk_check.h"
#include "shaders/shared.h"

namespace renderer {

namespace {

const ImageState kSumTarget{VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                            VK_ACCESS_2_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT};
// A new frame's sum: the last frame's tonemap or readback may still read the image.
const ImageState kSumStart{VK_IMAGE_LAYOUT_UNDEFINED,
                           VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT | VK_PIPELINE_STAGE_2_COPY_BIT, 0};
const ImageState kSumSampled{VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                             VK_ACCESS_2_SHADER_SAMPLED_READ_BIT};

// Float blending on a 32-bit float attachment is optional in Vulkan; say so plainly if absent.
void require_blendable_sum(VkPhysicalDevice device) {
  VkFormatProperties props{};
  vkGetPhysicalDeviceFormatProperties(device, kAccumulationFormat, &props);
  const VkFormatFeatureFlags needed =
      VK_FORMAT_FEATURE_COLOR_ATTACHMENT_BLEND_BIT | VK_FORMAT_FEATURE_SAMPLED_IMAGE_BIT;
  if ((props.optimalTilingFeatures & needed) != needed)
    throw std::runtime_error("this GPU cannot blend into R32G32B32A32_SFLOAT images, which sub-samples need");
}

}  // namespace

Accumulation::Accumulation(Context& context) : context_(context) {
  require_blendable_sum(context.physical_device());
  VkDevice device = context.device();
  sampler_ = create_nearest_sampler(device);
  layout_ = create_set_layout(
      device, {{0, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1, VK_SHADER_STAGE_FRAGMENT_BIT, nullptr},
               {1, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1, VK_SHADER_STAGE_FRAGMENT_BIT, nullptr},
               {2, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1, VK_SHADER_STAGE_FRAGMENT_BIT, nullptr}});
  pool_ = create_descriptor_pool(device, {{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 3}}, 1);
  set_ = allocate_set(device, pool_.get(), layout_.get());
  PipelineDesc desc;
  desc.vertex_shader = "fullscreen.vert";
  desc.fragment_shader = "accumulate.frag";
  desc.color_formats = {kAccumulationFormat};
  desc.set_layouts = {layout_.get()};
  desc.push_constant_bytes = sizeof(shaders::TonemapPush);
  desc.additive = true;
  desc.constants = {0};
  plain_ = Pipeline(device, desc);
  desc.constants = {1};
  with_bloom_ = Pipeline(device, desc);
}

void Accumulation::resize(VkExtent2D extent) {
  if (sum_.handle() != VK_NULL_HANDLE && extent.width == extent_.width && extent.height == extent_.height) return;
  extent_ = extent;
  sum_ = Image(context_, extent, kAccumulationFormat,
               VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT,
               VK_IMAGE_ASPECT_COLOR_BIT);
}

void Accumulation::record_add(VkCommandBuffer cmd, const Inputs& inputs, bool first) {
  const VkDescriptorImageInfo hdr{sampler_.get(), inputs.hdr, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
  const VkDescriptorImageInfo bloom{inputs.bloom_sampler, inputs.bloom, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
  const VkDescriptorImageInfo depth{sampler_.get(), inputs.depth, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
  const VkWriteDescriptorSet writes[] = {image_write(set_, 0, hdr), image_write(set_, 1, bloom),
                                         image_write(set_, 2, depth)};
  vkUpdateDescriptorSets(context_.device(), 3, writes, 0, nullptr);

  // The previous sample's additions land before this one's (a read-modify-write of each pixel).
  transition(cmd, sum_.handle(), VK_IMAGE_ASPECT_COLOR_BIT, first ? kSumStart : kSumTarget, kSumTarget);
  VkRenderingAttachmentInfo attachment{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
  attachment.imageView = sum_.view();
  attachment.imageLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
  attachment.loadOp = first ? VK_ATTACHMENT_LOAD_OP_CLEAR : VK_ATTACHMENT_LOAD_OP_LOAD;
  attachment.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
  attachment.clearValue.color = {{0, 0, 0, 0}};
  VkRenderingInfo pass{VK_STRUCTURE_TYPE_RENDERING_INFO};
  pass.renderArea = {{0, 0}, extent_};
  pass.layerCount = 1;
  pass.colorAttachmentCount = 1;
  pass.pColorAttachments = &attachment;
  vkCmdBeginRendering(cmd, &pass);
  const VkViewport viewport{0, 0, static_cast<float>(extent_.width), static_cast<float>(extent_.height), 0, 1};
  const VkRect2D scissor{{0, 0}, extent_};
  vkCmdSetViewport(cmd, 0, 1, &viewport);
  vkCmdSetScissor(cmd, 0, 1, &scissor);
  const Pipeline& pipeline = inputs.with_bloom ? with_bloom_ : plain_;
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline.handle());
  vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline.layout(), 0, 1, &set_, 0, nullptr);
  const shaders::TonemapPush push{inputs.exposure, inputs.with_bloom ? inputs.bloom_strength : 0.0f};
  vkCmdPushConstants(cmd, pipeline.layout(), VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(push),
                     &push);
  vkCmdDraw(cmd, 3, 1, 0, 0);
  vkCmdEndRendering(cmd);
}

void Accumulation::record_finish(VkCommandBuffer cmd) {
  transition(cmd, sum_.handle(), VK_IMAGE_ASPECT_COLOR_BIT, kSumTarget, kSumSampled);
}

void Accumulation::record_to_copy_source(VkCommandBuffer cmd) {
  transition(cmd, sum_.handle(), VK_IMAGE_ASPECT_COLOR_BIT, kSumSampled, kCopyRead);
}

}  // namespace renderer
