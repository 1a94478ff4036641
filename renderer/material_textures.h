// The world's material layers on the GPU (scene/materials paints them): two 2D array images,
// albedo detail and normal + roughness, one layer per scene::Material after Plain, every mip
// down to 1×1, and the repeating trilinear sampler that reads them. world.frag finds them at
// set 0, bindings 5 and 6 (shaders/materials.glsl).
#pragma once

#include <vulkan/vulkan.h>

#include "renderer/resources.h"
#include "renderer/unique_handle.h"

namespace scene {
struct MaterialImages;
}

namespace renderer {

class Context;

class MaterialTextures {
 public:
  MaterialTextures() = default;
  // Paints the layers the first time a process asks (the same bytes after), uploads them and
  // waits; leaves both images in SHADER_READ_ONLY_OPTIMAL.
  explicit MaterialTextures(Context& context);

  VkDescriptorImageInfo albedo() const { return {sampler_.get(), albedo_.view(), kLayout}; }
  VkDescriptorImageInfo normal_roughness() const { return {sampler_.get(), normal_.view(), kLayout}; }

 private:
  static constexpr VkImageLayout kLayout = VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL;
  Image albedo_, normal_;
  Unique<VkSampler> sampler_;
};

// The layers as painted for this process (built once, on first use; about a tenth of a second).
const scene::MaterialImages& material_images();

}  // namespace renderer
