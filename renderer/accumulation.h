// Sub-samples of one frame summed in linear light (Renderer::render_samples): each sample's
// HDR radiance and bloom times the tonemap's exposure, exactly what the tonemap pass would
// receive from it, and in alpha 1 where something other than sky was drawn, added into a
// 32-bit float image by a fullscreen pass with additive blending.
#pragma once

#include <vulkan/vulkan.h>

#include "renderer/pipeline.h"
#include "renderer/resources.h"
#include "renderer/unique_handle.h"

namespace renderer {

class Context;

constexpr VkFormat kAccumulationFormat = VK_FORMAT_R32G32B32A32_SFLOAT;

class Accumulation {
 public:
  explicit Accumulation(Context& context);

  // Makes the sum image for frames of `extent` if it is not that size yet. Call between frames
  // only (the GPU must be done with the old one).
  void resize(VkExtent2D extent);

  // What one sample reads: its HDR image and depth (both in SHADER_READ_ONLY_OPTIMAL), the
  // bloom chain's output (ready for sampling, cleared when the frame had no bloom).
  struct Inputs {
    VkImageView hdr = VK_NULL_HANDLE;
    VkImageView depth = VK_NULL_HANDLE;
    VkImageView bloom = VK_NULL_HANDLE;
    VkSampler bloom_sampler = VK_NULL_HANDLE;
    bool with_bloom = false;
    float bloom_strength = 0;
    float exposure = 1;  // the tonemap's
  };
  // Adds one sample; the first of a frame (`first`) starts the sum from 0. The sample's
  // descriptors are written now: the previous sample's commands must have completed.
  void record_add(VkCommandBuffer cmd, const Inputs& inputs, bool first);
  // After the last sample: the sum ready for the tonemap's sampler (SHADER_READ_ONLY_OPTIMAL).
  void record_finish(VkCommandBuffer cmd);
  // Then, for a readback: the sum in TRANSFER_SRC_OPTIMAL.
  void record_to_copy_source(VkCommandBuffer cmd);

  const Image& sum() const { return sum_; }

 private:
  Context& context_;
  VkExtent2D extent_{};
  Image sum_;
  Unique<VkSampler> sampler_;
  Unique<VkDescriptorSetLayout> layout_;
  Unique<VkDescriptorPool> pool_;
  VkDescriptorSet set_ = VK_NULL_HANDLE;  // from pool_
  Pipeline plain_, with_bloom_;           // accumulate.frag without and with the bloom's sample
};

}  // namespace renderer
