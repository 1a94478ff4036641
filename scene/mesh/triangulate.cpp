#include "scene/mesh/triangulate.h"

#include <algorithm>
#include <numeric>

namespace scene {

namespace {
// Seen from +y with +x east and +z south, counter-clockwise means cross(b-a, c-b) < 0 in
// (x, z) terms; we normalise to one orientation and test with this sign.
float cross2(glm::vec2 a, glm::vec2 b, glm::vec2 c) { return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x); }

bool in_triangle(glm::vec2 p, glm::vec2 a, glm::vec2 b, glm::vec2 c) {
  const float d1 = cross2(a, b, p), d2 = cross2(b, c, p), d3 = cross2(c, a, p);
  const bool neg = d1 < 0 || d2 < 0 || d3<0, pos = d1> 0 || d2 > 0 || d3 > 0;
  return !(neg && pos);
}
}  // namespace

float signed_area(const std::vector<glm::vec2>& polygon) {
  float area = 0;
  for (size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++)
    area += polygon[j].x * polygon[i].y - polygon[i].x * polygon[j].y;
  return -0.5f * area;  // (x, z) with z south: flip so CCW seen from above is positive
}

std::vector<std::uint32_t> triangulate(const std::vector<glm::vec2>& polygon) {
  std::vector<std::uint32_t> out;
  if (polygon.size() < 3) return out;
  std::vector<std::uint32_t> ring(polygon.size());
  std::iota(ring.begin(), ring.end(), 0u);
  // Work in the (x, z) plane with a positive (x-to-z) orientation.
  if (signed_area(polygon) > 0) std::reverse(ring.begin(), ring.end());

  size_t guard = 0;
  while (ring.size() > 3 && guard++ < polygon.size() * polygon.size()) {
    bool clipped = false;
    for (size_t i = 0; i < ring.size(); ++i) {
      const size_t ip = (i + ring.size() - 1) % ring.size(), in = (i + 1) % ring.size();
      const glm::vec2 a = polygon[ring[ip]], b = polygon[ring[i]], c = polygon[ring[in]];
      if (cross2(a, b, c) <= 0) continue;  // reflex corner
      bool ear = true;
      for (size_t k = 0; k < ring.size() && ear; ++k) {
        if (k == ip || k == i || k == in) continue;
        if (in_triangle(polygon[ring[k]], a, b, c)) ear = false;
      }
      if (!ear) continue;
      out.insert(out.end(), {ring[ip], ring[in], ring[i]});
      ring.erase(ring.begin() + static_cast<long>(i));
      clipped = true;
      break;
    }
    if (!clipped) break;  // not simple: give what we have rather than loop forever
  }
  if (ring.size() == 3) out.insert(out.end(), {ring[0], ring[2], ring[1]});
  return out;
}

}  // namespace scene
