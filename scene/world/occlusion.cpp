#include "scene/world/occlusion.h"

#include <algorithm>

namespace scene {

float ground_occlusion(float height_above_ground, float normal_y) {
  const float t = std::clamp(height_above_ground / kOcclusionHeight, 0.0f, 1.0f);
  const float near_ground = 1.0f - t * t * (3.0f - 2.0f * t);
  const float upright = 1.0f - std::clamp(normal_y, 0.0f, 1.0f);
  return 1.0f - kFootOcclusion * near_ground * upright;
}

void bake_ground_occlusion(Mesh& mesh, const Heightfield& ground, std::size_t first_vertex) {
  for (std::size_t i = first_vertex; i < mesh.vertices.size(); ++i) {
    Vertex& v = mesh.vertices[i];
    const float k = ground_occlusion(v.position.y - ground.height({v.position.x, v.position.z}), v.normal.y);
    if (k >= 1.0f) continue;
    std::uint32_t c = v.color;
    std::uint32_t out = c & 0xFF000000u;  // alpha (the farmland share) untouched
    for (int shift = 0; shift < 24; shift += 8) {
      const float channel = static_cast<float>((c >> shift) & 0xFFu) * k;
      out |= static_cast<std::uint32_t>(std::clamp(channel + 0.5f, 0.0f, 255.0f)) << shift;
    }
    v.color = out;
  }
}

}  // namespace scene
