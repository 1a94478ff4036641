#include "renderer/display_lut_image.h"

#include <stdexcept>
#include <string>

#include <glm/gtc/packing.hpp>

#include "renderer/context.h"

namespace renderer {

namespace {
constexpr std::uint32_t kMinSize = 2, kMaxSize = 128;  // 128² = 16384, the widest image Vulkan promises
}

DisplayLutImage::DisplayLutImage(Context& context, const common::DisplayLut& lut)
    : size_(lut.size), log2_min_(lut.log2_min), log2_max_(lut.log2_max) {
  const std::size_t n = lut.size;
  if (n < kMinSize || n > kMaxSize || lut.rgb.size() != n * n * n * 3 || !(lut.log2_max > lut.log2_min))
    throw std::invalid_argument("display table \"" + lut.description + "\": " + std::to_string(lut.size) +
                                " points per axis and " + std::to_string(lut.rgb.size()) +
                                " values; expected 2 to 128 points per axis and 3 values per point");
  const VkExtent2D extent{lut.size * lut.size, lut.size};
  image_ = Image(context, extent, VK_FORMAT_R16G16B16A16_SFLOAT,
                 VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT, VK_IMAGE_ASPECT_COLOR_BIT);
  Buffer staging(context, n * n * n * 4 * sizeof(std::uint16_t), VK_BUFFER_USAGE_TRANSFER_SRC_BIT, kHostMemory);
  auto* texels = static_cast<std::uint16_t*>(staging.mapped());
  // The lattice (red fastest, then green, then blue) laid out as rows of green, each row the
  // blue slices' red runs one after another.
  for (std::size_t b = 0; b < n; ++b)
    for (std::size_t g = 0; g < n; ++g)
      for (std::size_t r = 0; r < n; ++r) {
        const float* rgb = &lut.rgb[((b * n + g) * n + r) * 3];
        std::uint16_t* texel = &texels[(g * n * n + b * n + r) * 4];
        for (int c = 0; c < 3; ++c) texel[c] = glm::packHalf1x16(rgb[c]);
        texel[3] = glm::packHalf1x16(1.0f);
      }
  context.submit_and_wait([&](VkCommandBuffer cmd) {
    transition(cmd, image_.handle(), VK_IMAGE_ASPECT_COLOR_BIT,
               {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_NONE, VK_ACCESS_2_NONE},
               {VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT});
    VkBufferImageCopy copy{};
    copy.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    copy.imageExtent = {extent.width, extent.height, 1};
    vkCmdCopyBufferToImage(cmd, staging.handle(), image_.handle(), VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &copy);
    transition(cmd, image_.handle(), VK_IMAGE_ASPECT_COLOR_BIT,
               {VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT},
               {VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                VK_ACCESS_2_SHADER_SAMPLED_READ_BIT});
  });
}

}  // namespace renderer
