// Bloom: light that spills past bright pixels (flames, fire arrows, the sun's disc). What is
// brighter than a threshold in exposed luminance is taken from the HDR image at a quarter of
// its size, blurred down a short chain of halving images and added back up; the tonemap pass
// adds the result (shaders/bloom.glsl). All at low resolution, so a CPU driver pays little.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "renderer/pipeline.h"
#include "renderer/resources.h"
#include "renderer/unique_handle.h"

namespace renderer {

class Context;

class BloomPass {
 public:
  static constexpr std::uint32_t kLevels = 4;  // 1/4, 1/8, 1/16, 1/32 of the frame
  static constexpr std::uint32_t kPasses = 1 + 2 * (kLevels - 1);

  BloomPass(Context& context, std::uint32_t frames);
  ~BloomPass();
  BloomPass(const BloomPass&) = delete;
  BloomPass& operator=(const BloomPass&) = delete;

  // Makes the chain for frames of `extent`; returns the chain it replaces (a frame in flight
  // may still read it: the caller keeps it until that frame's fence), or null.
  std::shared_ptr<void> resize(VkExtent2D extent);

  // Records the chain from `hdr` (in SHADER_READ_ONLY_OPTIMAL, read by fragment shaders) with
  // frame slot `slot`'s descriptor sets. `threshold` is in exposed luminance (radiance times
  // `exposure`), where the tonemap's curve is near white. Leaves output() ready for sampling.
  void record(VkCommandBuffer cmd, std::uint32_t slot, VkImageView hdr, float exposure, float threshold);
  // For a frame without bloom: nothing is drawn, but output() must still be an image the
  // tonemap's descriptor may name, so a new chain's is cleared once.
  void skip(VkCommandBuffer cmd);

  VkImageView output() const;                           // the bloom at a quarter of the frame's size
  VkSampler sampler() const { return sampler_.get(); }  // bilinear, clamped

 private:
  struct Chain;
  void draw(VkCommandBuffer cmd, const Pipeline& pipeline, VkDescriptorSet set, std::uint32_t target_level,
            VkExtent2D source, float exposure, float threshold, bool load);
  void begin(VkCommandBuffer cmd, std::uint32_t level, VkAttachmentLoadOp load);

  Context& context_;
  std::shared_ptr<Chain> chain_;
  Unique<VkSampler> sampler_;
  Unique<VkDescriptorSetLayout> layout_;
  Unique<VkDescriptorPool> pool_;
  std::vector<std::array<VkDescriptorSet, kPasses>> sets_;  // per frame slot, from pool_
  Pipeline prefilter_, down_, up_;
};

}  // namespace renderer
