#include "renderer/shadows.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include <glm/gtc/matrix_transform.hpp>

#include "renderer/context.h"
#include "renderer/vk_check.h"
#include "shaders/shared.h"

namespace renderer {

namespace {
constexpr VkFormat kShadowFormat = VK_FORMAT_D32_SFLOAT;
// Reads by the previous frame's fragment shaders must finish before this frame clears.
const ImageState kShadowStart{VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT, 0};
const ImageState kShadowRead{VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                             VK_ACCESS_2_SHADER_SAMPLED_READ_BIT};
}  // namespace

ShadowMap::ShadowMap(Context& context)
    : depth_(context, {kSize * shaders::kMaxShadowCascades, kSize}, kShadowFormat,
             VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT, VK_IMAGE_ASPECT_DEPTH_BIT) {
  // Hardware PCF (a 2×2 bilinear compare) where the format filters linearly.
  VkFormatProperties props{};
  vkGetPhysicalDeviceFormatProperties(context.physical_device(), kShadowFormat, &props);
  const bool linear = props.optimalTilingFeatures & VK_FORMAT_FEATURE_SAMPLED_IMAGE_FILTER_LINEAR_BIT;
  VkSamplerCreateInfo sampler{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};
  sampler.magFilter = sampler.minFilter = linear ? VK_FILTER_LINEAR : VK_FILTER_NEAREST;
  sampler.addressModeU = sampler.addressModeV = sampler.addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_BORDER;
  sampler.borderColor = VK_BORDER_COLOR_FLOAT_OPAQUE_WHITE;  // outside the map: lit
  sampler.compareEnable = VK_TRUE;
  sampler.compareOp = VK_COMPARE_OP_LESS_OR_EQUAL;
  VkSampler created;
  VK_CHECK(vkCreateSampler(context.device(), &sampler, nullptr, &created));
  sampler_ = Unique<VkSampler>(context.device(), created);

  PipelineDesc desc;
  desc.vertex_shader = "shadow.vert";
  desc.fragment_shader = "shadow.frag";
  desc.world_vertices = true;
  desc.position_only = true;  // shadow.vert reads the position alone
  desc.depth_format = kShadowFormat;
  desc.depth_test = desc.depth_write = true;
  desc.depth_compare = VK_COMPARE_OP_LESS_OR_EQUAL;
  desc.cull = VK_CULL_MODE_NONE;  // thin walls and roofs cast from both sides
  desc.push_constant_bytes = sizeof(shaders::ShadowPush);
  pipeline_ = Pipeline(context.device(), desc);
}

namespace {

// One cascade: the light-space box of the casters, narrowed to the frustum slice [near, far].
// nullopt when the slice holds no caster, as the near slice of a camera high above the plain
// does: its depth pass would be drawn for nothing.
std::optional<ShadowCascade> fit_cascade(const glm::mat4& light_view, glm::vec3 cmin, glm::vec3 cmax,
                                         glm::vec3 world_min, glm::vec3 world_max, const scene::Camera& camera,
                                         float aspect, float near_m, float far_m, float margin) {
  const glm::mat4 inv = glm::inverse(scene::view_matrix(camera));
  const float t = std::tan(glm::radians(camera.fov_deg) * 0.5f);
  glm::vec2 fmin(1e30f), fmax(-1e30f);
  glm::vec3 smin(1e30f), smax(-1e30f);
  for (float d : {near_m, far_m})
    for (int i = 0; i < 4; ++i) {
      const glm::vec3 v((i & 1 ? 1.0f : -1.0f) * t * aspect * d, (i & 2 ? 1.0f : -1.0f) * t * d, -d);
      const glm::vec3 w = glm::vec3(inv * glm::vec4(v, 1));
      smin = glm::min(smin, w), smax = glm::max(smax, w);
      const glm::vec3 l = glm::vec3(light_view * glm::vec4(w, 1));
      fmin = glm::min(fmin, glm::vec2(l)), fmax = glm::max(fmax, glm::vec2(l));
    }
  if (glm::any(glm::greaterThan(smin, world_max)) || glm::any(glm::lessThan(smax, world_min))) return std::nullopt;
  glm::vec2 lo = glm::max(glm::vec2(cmin), fmin), hi = glm::min(glm::vec2(cmax), fmax);
  if (lo.x >= hi.x || lo.y >= hi.y) return std::nullopt;
  const glm::vec2 grow = (hi - lo) * margin;
  lo -= grow, hi += grow;
  // Square texels, snapped to whole texels so the map does not shimmer as the camera moves.
  const glm::vec2 needed_lo = lo, needed_hi = hi;
  const float size = std::max(hi.x - lo.x, hi.y - lo.y);
  const float texel = size / static_cast<float>(ShadowMap::kSize);
  lo = glm::floor(lo / texel) * texel;
  hi = lo + glm::vec2(size + 2 * texel);
  // Depth: view space looks down -z; nearest the light is the largest z.
  const glm::mat4 proj = glm::orthoRH_ZO(lo.x, hi.x, lo.y, hi.y, -cmax.z - 10.0f, -cmin.z + 10.0f);
  const glm::vec2 ndc_lo = (needed_lo - lo) / (hi - lo) * 2.0f - 1.0f,
                  ndc_hi = (needed_hi - lo) / (hi - lo) * 2.0f - 1.0f;
  return ShadowCascade{proj * light_view, (size + 2 * texel) / static_cast<float>(ShadowMap::kSize), far_m,
                       glm::vec4(ndc_lo, ndc_hi)};
}

}  // namespace

ShadowFit ShadowMap::fit(glm::vec3 sun, const scene::Camera& camera, float aspect, glm::vec3 casters_min,
                         glm::vec3 casters_max, const std::vector<float>& splits, float margin) {
  ShadowFit out;
  if (sun.y < 0.02f || glm::any(glm::greaterThan(casters_min, casters_max))) return out;
  sun = glm::normalize(sun);
  const glm::vec3 centre = (casters_min + casters_max) * 0.5f;
  const float radius = glm::length(casters_max - casters_min) * 0.5f + 50.0f;
  const glm::vec3 up = std::abs(sun.y) > 0.99f ? glm::vec3(0, 0, -1) : glm::vec3(0, 1, 0);
  const glm::mat4 view = glm::lookAt(centre + sun * radius, centre, up);

  // Light-space bounds of the casters.
  glm::vec3 cmin(1e30f), cmax(-1e30f);
  for (int i = 0; i < 8; ++i) {
    const glm::vec3 corner((i & 1) ? casters_max.x : casters_min.x, (i & 2) ? casters_max.y : casters_min.y,
                           (i & 4) ? casters_max.z : casters_min.z);
    const glm::vec3 l = glm::vec3(view * glm::vec4(corner, 1));
    cmin = glm::min(cmin, l), cmax = glm::max(cmax, l);
  }
  float near_m = camera.near_m;
  for (size_t i = 0; i <= splits.size() && out.cascades.size() < shaders::kMaxShadowCascades; ++i) {
    const float far_m = i < splits.size() ? std::min(splits[i], kDistance) : kDistance;
    if (far_m <= near_m) continue;
    // Cascades overlap a little so a point near a split finds itself in the nearer one.
    if (auto cascade = fit_cascade(view, cmin, cmax, casters_min, casters_max, camera, aspect, near_m, far_m, margin))
      out.cascades.push_back(*cascade);
    near_m = far_m * 0.95f;
  }
  // A point between cascades that fitted and one that did not still looks in the last.
  if (!out.cascades.empty()) out.cascades.back().far_m = kDistance;
  return out;
}

bool ShadowFit::covers(const ShadowFit& inner) const {
  if (inner.cascades.size() != cascades.size()) return false;
  for (std::size_t i = 0; i < cascades.size(); ++i) {
    const ShadowCascade& a = cascades[i];
    const ShadowCascade& b = inner.cascades[i];
    if (a.far_m != b.far_m) return false;
    const glm::mat4 to_outer = a.view_proj * glm::inverse(b.view_proj);
    for (int k = 0; k < 8; ++k) {  // the corners of what the inner slice needs, in the outer's clip space
      const glm::vec4 p = to_outer * glm::vec4(k & 1 ? b.needed.z : b.needed.x, k & 2 ? b.needed.w : b.needed.y,
                                               k & 4 ? 1.0f : 0.0f, 1.0f);
      if (std::abs(p.x / p.w) > 1.0f + 1e-4f || std::abs(p.y / p.w) > 1.0f + 1e-4f) return false;
    }
  }
  return true;
}

void ShadowMap::record(VkCommandBuffer cmd, const ShadowFit& fit,
                       const std::function<void(VkCommandBuffer)>& draw_casters) {
  transition(cmd, depth_.handle(), VK_IMAGE_ASPECT_DEPTH_BIT, kShadowStart, kDepthAttachment);
  VkRenderingAttachmentInfo depth{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
  depth.imageView = depth_.view();
  depth.imageLayout = VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL;
  depth.loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
  depth.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
  depth.clearValue.depthStencil = {1.0f, 0};
  // Only the cascades in use are cleared and drawn (at least one cell, so the atlas is defined).
  const auto cells = static_cast<std::uint32_t>(std::max<size_t>(fit.cascades.size(), 1));
  VkRenderingInfo info{VK_STRUCTURE_TYPE_RENDERING_INFO};
  info.renderArea = {{0, 0}, {kSize * cells, kSize}};
  info.layerCount = 1;
  info.pDepthAttachment = &depth;
  vkCmdBeginRendering(cmd, &info);
  for (size_t i = 0; i < fit.cascades.size(); ++i) {
    // Bound per cascade: a caster may bind a pipeline of its own (renderer/trees.h).
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline_.handle());
    const auto x = static_cast<std::int32_t>(kSize * i);
    const VkViewport viewport{static_cast<float>(x), 0, static_cast<float>(kSize), static_cast<float>(kSize), 0, 1};
    const VkRect2D scissor{{x, 0}, {kSize, kSize}};
    vkCmdSetViewport(cmd, 0, 1, &viewport);
    vkCmdSetScissor(cmd, 0, 1, &scissor);
    const shaders::ShadowPush push{fit.cascades[i].view_proj};
    vkCmdPushConstants(cmd, pipeline_.layout(), VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0,
                       sizeof(push), &push);
    draw_casters(cmd);
  }
  vkCmdEndRendering(cmd);
  transition(cmd, depth_.handle(), VK_IMAGE_ASPECT_DEPTH_BIT, kDepthAttachment, kShadowRead);
}

}  // namespace renderer
