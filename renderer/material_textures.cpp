#include "renderer/material_textures.h"

#include <cstring>

#include "renderer/context.h"
#include "renderer/resources.h"
#include "renderer/vk_check.h"
#include "scene/materials/material_images.h"
#include "shaders/materials.h"

namespace renderer {

namespace {

constexpr VkFormat kFormat = VK_FORMAT_R8G8B8A8_UNORM;  // linear: the detail multiplies linear albedo

Image create_array_image(const Context& context, const scene::MaterialImages& images) {
  const auto size = static_cast<std::uint32_t>(images.size);
  return Image(context, {size, size}, kFormat, VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT,
               VK_IMAGE_ASPECT_COLOR_BIT, static_cast<std::uint32_t>(images.mip_levels),
               static_cast<std::uint32_t>(images.layers));
}

// Every mip of every layer from `at` in the staging buffer (the images' own mip-major order).
void record_upload(VkCommandBuffer cmd, VkBuffer staging, VkDeviceSize at, VkImage image,
                   const scene::MaterialImages& images) {
  const VkImageSubresourceRange all{VK_IMAGE_ASPECT_COLOR_BIT, 0, static_cast<std::uint32_t>(images.mip_levels), 0,
                                    static_cast<std::uint32_t>(images.layers)};
  VkImageMemoryBarrier2 barrier{VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER_2};
  barrier.srcStageMask = VK_PIPELINE_STAGE_2_NONE;
  barrier.dstStageMask = VK_PIPELINE_STAGE_2_COPY_BIT;
  barrier.dstAccessMask = VK_ACCESS_2_TRANSFER_WRITE_BIT;
  barrier.oldLayout = VK_IMAGE_LAYOUT_UNDEFINED;
  barrier.newLayout = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL;
  barrier.srcQueueFamilyIndex = barrier.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
  barrier.image = image;
  barrier.subresourceRange = all;
  VkDependencyInfo dep{VK_STRUCTURE_TYPE_DEPENDENCY_INFO};
  dep.imageMemoryBarrierCount = 1;
  dep.pImageMemoryBarriers = &barrier;
  vkCmdPipelineBarrier2(cmd, &dep);
  std::vector<VkBufferImageCopy> copies;
  for (int mip = 0; mip < images.mip_levels; ++mip) {
    VkBufferImageCopy copy{};
    copy.bufferOffset = at + images.offset(0, mip);
    copy.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, static_cast<std::uint32_t>(mip), 0,
                             static_cast<std::uint32_t>(images.layers)};
    const auto side = static_cast<std::uint32_t>(images.mip_size(mip));
    copy.imageExtent = {side, side, 1};
    copies.push_back(copy);
  }
  vkCmdCopyBufferToImage(cmd, staging, image, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL,
                         static_cast<std::uint32_t>(copies.size()), copies.data());
  barrier.srcStageMask = VK_PIPELINE_STAGE_2_COPY_BIT;
  barrier.srcAccessMask = VK_ACCESS_2_TRANSFER_WRITE_BIT;
  barrier.dstStageMask = VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT;
  barrier.dstAccessMask = VK_ACCESS_2_SHADER_SAMPLED_READ_BIT;
  barrier.oldLayout = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL;
  barrier.newLayout = VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL;
  vkCmdPipelineBarrier2(cmd, &dep);
}

// Trilinear and repeating. (Anisotropic filtering would need the device feature enabled at
// creation, context.cpp; the shader's own fade keeps grazing surfaces from shimmering.)
Unique<VkSampler> create_repeat_sampler(VkDevice device, int mip_levels) {
  VkSamplerCreateInfo info{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};
  info.magFilter = info.minFilter = VK_FILTER_LINEAR;
  info.mipmapMode = VK_SAMPLER_MIPMAP_MODE_LINEAR;
  info.addressModeU = info.addressModeV = info.addressModeW = VK_SAMPLER_ADDRESS_MODE_REPEAT;
  info.maxLod = static_cast<float>(mip_levels - 1);
  VkSampler sampler;
  VK_CHECK(vkCreateSampler(device, &info, nullptr, &sampler));
  return {device, sampler};
}

}  // namespace

const scene::MaterialImages& material_images() {
  static const scene::MaterialImages images = scene::build_material_images(shaders::kMaterialTextureSize);
  return images;
}

MaterialTextures::MaterialTextures(Context& context) {
  const scene::MaterialImages& images = material_images();
  albedo_ = create_array_image(context, images);
  normal_ = create_array_image(context, images);
  const VkDeviceSize bytes = images.albedo.size();
  Buffer staging(context, 2 * bytes, VK_BUFFER_USAGE_TRANSFER_SRC_BIT, kHostMemory);
  std::memcpy(staging.mapped(), images.albedo.data(), bytes);
  std::memcpy(static_cast<char*>(staging.mapped()) + bytes, images.normal_roughness.data(), bytes);
  context.submit_and_wait([&](VkCommandBuffer cmd) {
    record_upload(cmd, staging.handle(), 0, albedo_.handle(), images);
    record_upload(cmd, staging.handle(), bytes, normal_.handle(), images);
  });
  sampler_ = create_repeat_sampler(context.device(), images.mip_levels);
}

}  // namespace renderer
