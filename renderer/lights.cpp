#include "renderer/lights.h"

#include <algorithm>
#include <cmath>

#include "scene/model/hash.h"
#include "scene/world/terrain_chunks.h"

namespace renderer {

namespace {

// The flicker's depth by kind: a whole burning quarter averages many flames.
float flicker_depth(scene::LightKind kind) {
  switch (kind) {
    case scene::LightKind::Fire:
      return 0.08f;
    case scene::LightKind::Campfire:
      return 0.16f;
    case scene::LightKind::Torch:
      return 0.22f;
  }
  return 0.0f;
}

// The pixel rectangle [lo, hi) a sphere can cover, from its bounding box's corners; the whole
// image where the box reaches behind the eye (the projection of such corners is no bound).
struct PixelRect {
  glm::vec2 lo, hi;
};
PixelRect screen_rect(const glm::mat4& view_proj, glm::vec3 centre, float radius, glm::vec2 size) {
  glm::vec2 lo(1e30f), hi(-1e30f);
  for (int i = 0; i < 8; ++i) {
    const glm::vec3 corner = centre + radius * glm::vec3(i & 1 ? 1 : -1, i & 2 ? 1 : -1, i & 4 ? 1 : -1);
    const glm::vec4 clip = view_proj * glm::vec4(corner, 1.0f);
    if (clip.w < 1e-3f) return {glm::vec2(0), size};
    const glm::vec2 pixel = (glm::vec2(clip) / clip.w * 0.5f + 0.5f) * size;
    lo = glm::min(lo, pixel);
    hi = glm::max(hi, pixel);
  }
  return {glm::max(lo, glm::vec2(0)), glm::min(hi, size)};
}

}  // namespace

float light_flicker(const scene::LightSource& light, float time_s) {
  const std::uint32_t h = scene::hash32(light.flicker_seed, 0x11u, 0x6c);
  // Two incommensurate rates per light (about 1 and 2.3 Hz) and their phases, from its seed.
  const double w1 = 5.0 + 3.0 * scene::unit_float(h), w2 = 11.0 + 6.0 * scene::unit_float(scene::mix32(h));
  const double p1 = 6.2831853 * scene::unit_float(scene::mix32(h + 1)), p2 = 6.2831853 * scene::unit_float(h * 7u);
  const double t = time_s;
  const double wave = 0.6 * std::sin(w1 * t + p1) + 0.4 * std::sin(w2 * t + p2);
  return static_cast<float>(1.0 + flicker_depth(light.kind) * wave);
}

shaders::LightUniforms select_lights(const std::vector<scene::LightSource>& lights, const glm::mat4& view_proj,
                                     glm::vec3 eye, std::uint32_t width, std::uint32_t height, float time_s,
                                     std::uint32_t cap, float shade, float floor) {
  shaders::LightUniforms block{};
  block.tile_scale = glm::vec2(static_cast<float>(shaders::kLightTilesX) / static_cast<float>(std::max(width, 1u)),
                               static_cast<float>(shaders::kLightTilesY) / static_cast<float>(std::max(height, 1u)));
  cap = std::min(cap, shaders::kMaxLocalLights);
  if (cap == 0 || lights.empty()) return block;

  // The candidates: lit, with a reach, and touching the view.
  std::vector<std::uint32_t> order;
  std::vector<float> brightness(lights.size(), 0.0f), reach_m(lights.size(), 0.0f);
  std::vector<glm::vec3> flickered(lights.size());  // this instant's intensity, flicker applied
  for (std::uint32_t i = 0; i < lights.size(); ++i) {
    const scene::LightSource& l = lights[i];
    if (!(l.intensity > 0.0f) || !(l.radius_m > 0.0f) || glm::length(l.colour) <= 0.0f) continue;
    reach_m[i] = l.radius_m;
    flickered[i] = l.colour * (l.intensity * light_flicker(l, time_s));
    if (floor > 0.0f && shade > 0.0f) {
      // local_light() adds at most intensity / (π max(d², 1)) of each channel.
      const glm::vec3& peak = flickered[i];
      const float strongest = std::max({peak.r, peak.g, peak.b});
      const float seen_m = std::sqrt(strongest / (3.14159265f * floor * shade));
      if (!(seen_m > 1.0f)) continue;
      reach_m[i] = std::min(reach_m[i], seen_m);
    }
    const glm::vec3 reach(reach_m[i]);
    if (!scene::box_in_frustum(view_proj, l.position - reach, l.position + reach)) continue;
    const glm::vec3 d = l.position - eye;
    brightness[i] = l.intensity * glm::length(l.colour) / std::max(glm::dot(d, d), 1.0f);
    order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return brightness[a] > brightness[b]; });
  if (order.size() > cap) order.resize(cap);

  const glm::vec2 size(static_cast<float>(width), static_cast<float>(height));
  const glm::vec2 tiles(shaders::kLightTilesX, shaders::kLightTilesY);
  for (std::uint32_t slot = 0; slot < order.size(); ++slot) {
    const scene::LightSource& l = lights[order[slot]];
    shaders::LocalLight& out = block.lights[slot];
    out.position = l.position;
    out.radius_m = l.radius_m;
    out.intensity = flickered[order[slot]];
    out.inv_radius2 = 1.0f / (l.radius_m * l.radius_m);
    const PixelRect rect = screen_rect(view_proj, l.position, reach_m[order[slot]], size);
    if (rect.lo.x >= rect.hi.x || rect.lo.y >= rect.hi.y) continue;
    const glm::ivec2 first(glm::floor(rect.lo / size * tiles));
    const glm::ivec2 last = glm::min(glm::ivec2(glm::ceil(rect.hi / size * tiles)) - 1,
                                     glm::ivec2(shaders::kLightTilesX - 1, shaders::kLightTilesY - 1));
    for (int y = std::max(first.y, 0); y <= last.y; ++y)
      for (int x = std::max(first.x, 0); x <= last.x; ++x) {
        const auto tile = static_cast<std::uint32_t>(y) * shaders::kLightTilesX + static_cast<std::uint32_t>(x);
        block.tile_masks[tile / 4u][static_cast<int>(tile % 4u)] |= 1u << slot;
      }
  }
  block.count = static_cast<std::uint32_t>(order.size());
  return block;
}

}  // namespace renderer
