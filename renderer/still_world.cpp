#include "renderer/still_world.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <functional>
#include <iterator>
#include <string_view>

namespace renderer {

namespace {

void mix(std::uint64_t& hash, const void* bytes, std::size_t size) {
  const std::uint64_t h = std::hash<std::string_view>{}(std::string_view(static_cast<const char*>(bytes), size));
  hash ^= h + 0x9e3779b97f4a7c15ull + (hash << 6) + (hash >> 2);
}

const ImageState kAttachmentColour{VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                                   VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                                   VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT | VK_ACCESS_2_COLOR_ATTACHMENT_READ_BIT};
// A target image at the start of a frame: the frame before may still read it (the tonemap,
// the viewer's blit, a readback).
const ImageState kTargetBefore{
    VK_IMAGE_LAYOUT_UNDEFINED,
    VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT | VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT |
        VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT |
        VK_PIPELINE_STAGE_2_COPY_BIT | VK_PIPELINE_STAGE_2_BLIT_BIT,
    VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT | VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT};

void copy(VkCommandBuffer cmd, const Image& from, const Image& to, VkImageAspectFlags aspect, VkExtent2D extent) {
  VkImageCopy region{};
  region.srcSubresource = {aspect, 0, 0, 1};
  region.dstSubresource = {aspect, 0, 0, 1};
  region.extent = {extent.width, extent.height, 1};
  vkCmdCopyImage(cmd, from.handle(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, to.handle(),
                 VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &region);
}

// The season's and the weather's shares (0..1) drift by an amount, the rest by a fraction.
bool is_share(std::size_t float_index) {
  static const std::size_t shares[] = {
      offsetof(shaders::FrameUniforms, daylight),      offsetof(shaders::FrameUniforms, crop_cover),
      offsetof(shaders::FrameUniforms, crop_ripeness), offsetof(shaders::FrameUniforms, cloud_cover),
      offsetof(shaders::FrameUniforms, snow_cover),    offsetof(shaders::FrameUniforms, frost),
      offsetof(shaders::FrameUniforms, wetness),       offsetof(shaders::FrameUniforms, mist),
      offsetof(shaders::FrameUniforms, foliage),       offsetof(shaders::FrameUniforms, foliage_autumn)};
  return std::find(std::begin(shares), std::end(shares), float_index * 4) != std::end(shares);
}

}  // namespace

bool StillWorldInputs::light_within_drift(const StillWorldInputs& other) const {
  for (std::size_t i = 0; i < light.size(); ++i) {
    const float allowed = is_share(i) ? kShareDrift : kDrift * std::max(std::abs(light[i]), std::abs(other.light[i]));
    if (std::abs(light[i] - other.light[i]) > allowed) return false;
  }
  return true;
}

StillWorldInputs still_world_inputs(const shaders::FrameUniforms& uniforms, const shaders::LightUniforms& lights,
                                    double presentation_s, const std::vector<bool>& camps, VkExtent2D extent,
                                    std::uint64_t settings) {
  StillWorldInputs in;
  in.presentation_s = presentation_s;
  std::uint64_t hash = settings;
  mix(hash, &uniforms.view_proj, sizeof(uniforms.view_proj));
  mix(hash, &uniforms.camera_position, sizeof(uniforms.camera_position));
  const std::uint32_t ids[] = {uniforms.sky_object, uniforms.terrain_object, uniforms.shadow_cascades};
  mix(hash, ids, sizeof(ids));
  if (lights.count > 0) mix(hash, &lights, sizeof(lights));
  const std::vector<std::uint8_t> standing(camps.begin(), camps.end());
  mix(hash, standing.data(), standing.size());
  mix(hash, &extent, sizeof(extent));
  in.key = hash == 0 ? 1 : hash;

  shaders::FrameUniforms light = uniforms;  // zero what is matched above or not the world's
  light.view_proj = light.inv_view_proj = {};
  light.camera_position = {};
  light.sky_object = light.terrain_object = light.shadow_cascades = 0;
  light.time_s = 0;
  light.star_brightness = 0;
  light.moon_direction = {};
  light.moon_illuminated = 0;
  light.moon_disc_colour = {};
  light.celestial_to_world = {};
  light.precipitation_kind = 0;
  light.precipitation_rate = 0;
  static_assert(sizeof(light) == sizeof(in.light));
  std::memcpy(in.light.data(), &light, sizeof(light));
  return in;
}

bool StillWorld::holds(const StillWorldInputs& inputs) const {
  return kept_.key != 0 && inputs.key == kept_.key &&
         std::abs(inputs.presentation_s - kept_.presentation_s) <= StillWorldInputs::kMaxAge_s &&
         inputs.light_within_drift(kept_);
}

bool StillWorld::should_keep(const StillWorldInputs& inputs) {
  const bool keep = inputs.key == last_key_ && !holds(inputs);
  last_key_ = inputs.key;
  return keep;
}

void StillWorld::keep(const Context& context, VkCommandBuffer cmd, const RenderTarget& target,
                      const StillWorldInputs& inputs) {
  if (extent_.width != target.extent.width || extent_.height != target.extent.height) {
    // Only copied; sampled because every Image has a view, and a view needs a viewable usage.
    const VkImageUsageFlags usage =
        VK_IMAGE_USAGE_TRANSFER_SRC_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT | VK_IMAGE_USAGE_SAMPLED_BIT;
    hdr_ = Image(context, target.extent, kHdrFormat, usage, VK_IMAGE_ASPECT_COLOR_BIT);
    ids_ = Image(context, target.extent, kIdFormat, usage, VK_IMAGE_ASPECT_COLOR_BIT);
    depth_ = Image(context, target.extent, kDepthFormat, usage, VK_IMAGE_ASPECT_DEPTH_BIT);
    extent_ = target.extent;
  }
  // The kept images: UNDEFINED when new or rewritten (their old contents go), but a frame
  // before this one may still be copying out of them.
  const ImageState kept_before{VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_COPY_BIT, 0};
  for (const Layer& l : layers(target)) {
    transition(cmd, l.target.handle(), l.aspect, l.attachment, kCopyRead);
    transition(cmd, l.kept.handle(), l.aspect, kept_before, kCopyWrite);
    copy(cmd, l.target, l.kept, l.aspect, extent_);
    transition(cmd, l.kept.handle(), l.aspect, kCopyWrite, kCopyRead);  // restore() reads them so
    transition(cmd, l.target.handle(), l.aspect, kCopyRead, l.attachment);
  }
  kept_ = inputs;
}

void StillWorld::restore(VkCommandBuffer cmd, const RenderTarget& target) const {
  for (const Layer& l : layers(target)) {
    transition(cmd, l.target.handle(), l.aspect, kTargetBefore, kCopyWrite);
    copy(cmd, l.kept, l.target, l.aspect, extent_);
    transition(cmd, l.target.handle(), l.aspect, kCopyWrite, l.attachment);
  }
}

std::array<StillWorld::Layer, 3> StillWorld::layers(const RenderTarget& target) const {
  return {{{target.hdr, hdr_, VK_IMAGE_ASPECT_COLOR_BIT, kAttachmentColour},
           {target.ids, ids_, VK_IMAGE_ASPECT_COLOR_BIT, kAttachmentColour},
           {target.depth, depth_, VK_IMAGE_ASPECT_DEPTH_BIT, kDepthAttachment}}};
}

}  // namespace renderer
