#include "renderer/sky_rows.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace renderer {

GroundCover ground_cover(const scene::TerrainChunks& ground) {
  GroundCover cover;
  if (ground.mesh.vertices.empty() || ground.horizon.count == 0) return cover;
  cover.lowest = std::numeric_limits<float>::max();
  for (const scene::Vertex& v : ground.mesh.vertices) cover.lowest = std::min(cover.lowest, v.position.y);
  // The skirt joins the terrain's border to points far out from its centre: the outer ring is
  // the horizon range's vertices farther than half the farthest.
  cover.centre = ground.origin + 0.5f * ground.chunk_size * glm::vec2(ground.chunks_x, ground.chunks_z);
  const auto distance = [&](std::uint32_t index) {
    const glm::vec3 p = ground.mesh.vertices[ground.mesh.indices[index]].position;
    return glm::length(glm::vec2(p.x, p.z) - cover.centre);
  };
  const std::uint32_t end = ground.horizon.first + ground.horizon.count;
  float farthest = 0;
  for (std::uint32_t i = ground.horizon.first; i < end; ++i) farthest = std::max(farthest, distance(i));
  cover.edge_radius = farthest;
  for (std::uint32_t i = ground.horizon.first; i < end; ++i)
    if (const float d = distance(i); d > 0.5f * farthest) cover.edge_radius = std::min(cover.edge_radius, d);
  return cover;
}

std::uint32_t sky_rows(const glm::mat4& inv_view_proj, glm::vec3 eye, float ground_under_eye, std::uint32_t width,
                       std::uint32_t height, const GroundCover& cover) {
  const float reach = cover.edge_radius - glm::length(glm::vec2(eye.x, eye.z) - cover.centre);
  if (eye.y <= ground_under_eye + 0.05f || reach <= 0 || width == 0 || height == 0) return height;
  // The steepest dip (as a slope) that can still pass over the edge, with room for rounding.
  const float limit = (eye.y - cover.lowest) / reach * 1.02f + 1e-4f;
  // A pixel's ray as sky.frag makes it: through the pixel's centre, from the eye.
  const auto dip = [&](float x, std::uint32_t row) {
    const glm::vec2 ndc(x, (static_cast<float>(row) + 0.5f) / static_cast<float>(height) * 2.0f - 1.0f);
    const glm::vec4 far_point = inv_view_proj * glm::vec4(ndc, 0.5f, 1.0f);
    const glm::vec3 dir = glm::vec3(far_point) / far_point.w - eye;
    return -dir.y / std::max(glm::length(glm::vec2(dir.x, dir.z)), 1e-6f);
  };
  const float side = 1.0f - 1.0f / static_cast<float>(width);  // the first and last columns' centres
  if (dip(0, 0) > dip(0, height - 1)) return height;           // a frame upside down: no saving
  for (std::uint32_t row = height; row-- > 0;)
    if (std::min(dip(-side, row), dip(side, row)) < limit) return std::min(row + 2, height);
  return 0;
}

}  // namespace renderer
