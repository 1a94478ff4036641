// The offscreen render target: HDR colour, object ids and depth for the scene pass, and the
// tonemapped 8-bit image that a window shows or a file receives.
#pragma once

#include "renderer/resources.h"

namespace renderer {

constexpr VkFormat kHdrFormat = VK_FORMAT_R16G16B16A16_SFLOAT;
constexpr VkFormat kIdFormat = VK_FORMAT_R32_UINT;
constexpr VkFormat kDepthFormat = VK_FORMAT_D32_SFLOAT;
constexpr VkFormat kDisplayFormat = VK_FORMAT_R8G8B8A8_UNORM;  // sRGB-encoded by the tonemap shader

VkExtent2D reflection_extent(VkExtent2D extent);  // half the target's, at least 1×1

struct RenderTarget {
  RenderTarget() = default;
  RenderTarget(const Context& context, VkExtent2D extent);

  VkExtent2D extent{};
  Image hdr;
  Image ids;
  Image depth;
  Image display;
  // Half-size copy of the opaque world before the water is drawn (rgb: exposed radiance,
  // a: distance from the eye), for the water's reflections of what stands beside it.
  Image reflection;
};

}  // namespace renderer
