#include "renderer/target.h"

#include <algorithm>

namespace renderer {

RenderTarget::RenderTarget(const Context& context, VkExtent2D extent)
    : extent(extent),
      // The scene pass's images are copied to and from the still world (renderer/still_world.h).
      hdr(context, extent, kHdrFormat,
          VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT |
              VK_IMAGE_USAGE_TRANSFER_DST_BIT,
          VK_IMAGE_ASPECT_COLOR_BIT),
      ids(context, extent, kIdFormat,
          VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT,
          VK_IMAGE_ASPECT_COLOR_BIT),
      // Sampled and copied by the sub-sample path (renderer/accumulation.h) for coverage and the depth pass.
      depth(context, extent, kDepthFormat,
            VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT |
                VK_IMAGE_USAGE_TRANSFER_DST_BIT,
            VK_IMAGE_ASPECT_DEPTH_BIT),
      display(context, extent, kDisplayFormat, VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT,
              VK_IMAGE_ASPECT_COLOR_BIT),
      reflection(context, reflection_extent(extent), kHdrFormat,
                 VK_IMAGE_USAGE_TRANSFER_DST_BIT | VK_IMAGE_USAGE_SAMPLED_BIT, VK_IMAGE_ASPECT_COLOR_BIT) {}

VkExtent2D reflection_extent(VkExtent2D extent) {
  return {std::max(extent.width / 2, 1u), std::max(extent.height / 2, 1u)};
}

}  // namespace renderer
