// Siege rings (the changli, the lock-the-city works): an earthen rampart with a ditch on the
// side facing the city and watch posts, drawn as far along its path as it is built.
#include <cmath>

#include "scene/model/geometry2d.h"
#include "scene/world/world.h"

namespace scene {

namespace {
constexpr glm::vec3 kRampart{0.30f, 0.22f, 0.13f};
constexpr glm::vec3 kRampartTop{0.26f, 0.20f, 0.12f};
constexpr glm::vec3 kDitch{0.07f, 0.055f, 0.035f};
constexpr glm::vec3 kPost{0.24f, 0.15f, 0.08f};

glm::vec2 left_of(glm::vec2 d) { return glm::vec2(-d.y, d.x); }

glm::vec2 centroid(const std::vector<glm::vec2>& points) {
  glm::vec2 sum(0);
  for (glm::vec2 p : points) sum += p;
  return points.empty() ? sum : sum / static_cast<float>(points.size());
}

}  // namespace

void add_siege_ring(Mesh& mesh, const Heightfield& ground, const SiegeRing& ring, float built, std::uint32_t object) {
  if (built <= 0 || ring.points.size() < 2) return;
  const std::vector<glm::vec2> full = explicit_path(ring.points, ring.closed);
  const std::vector<glm::vec2> path = resample(path_prefix(full, std::min(built, 1.0f)), 25.0f);
  if (path.size() < 2) return;
  const glm::vec2 city = centroid(ring.points);
  const float half = ring.thickness * 0.5f, top = half * 0.35f;
  const std::uint32_t side = pack_color(kRampart), crest = pack_color(kRampartTop), ditch = pack_color(kDitch);

  for (size_t i = 0; i + 1 < path.size(); ++i) {
    const glm::vec2 a = path[i], b = path[i + 1];
    const glm::vec2 dir = glm::normalize(b - a);
    glm::vec2 n = left_of(dir);
    if (glm::dot(n, city - (a + b) * 0.5f) > 0) n = -n;  // n points away from the city
    const float ga = ground.height(a), gb = ground.height(b);
    const auto p = [&](glm::vec2 q, float off, float y) { return glm::vec3(q.x + n.x * off, y, q.y + n.y * off); };
    const glm::vec3 out(n.x, 0.6f, n.y), in(-n.x, 0.6f, -n.y);
    mesh.add_quad_facing(p(a, half, ga - 0.5f), p(b, half, gb - 0.5f), p(b, top, gb + ring.height),
                         p(a, top, ga + ring.height), out, side, object);
    mesh.add_quad_facing(p(a, -half, ga - 0.5f), p(b, -half, gb - 0.5f), p(b, -top, gb + ring.height),
                         p(a, -top, ga + ring.height), in, side, object);
    mesh.add_quad_facing(p(a, top, ga + ring.height), p(b, top, gb + ring.height), p(b, -top, gb + ring.height),
                         p(a, -top, ga + ring.height), glm::vec3(0, 1, 0), crest, object);
    // The ditch, cut on the city side: a dark band just above the ground.
    const float d0 = -(half + 1.5f), d1 = -(half + 1.5f + ring.ditch_width);
    mesh.add_quad_facing(p(a, d0, ga + 0.25f), p(b, d0, gb + 0.25f), p(b, d1, gb + 0.25f), p(a, d1, ga + 0.25f),
                         glm::vec3(0, 1, 0), ditch, object);
  }

  if (ring.watch_post_spacing > 0) {
    float along = 0, next_post = ring.watch_post_spacing * 0.5f;
    for (size_t i = 0; i + 1 < path.size(); ++i) {
      const float seg = glm::length(path[i + 1] - path[i]);
      while (next_post <= along + seg) {
        const glm::vec2 q = path[i] + (path[i + 1] - path[i]) * ((next_post - along) / seg);
        const float g = ground.height(q);
        mesh.add_box(glm::vec3(q.x, g - 0.5f, q.y), glm::vec3(4.5f, ring.height + 5.0f, 4.5f), 0, pack_color(kPost),
                     object);
        mesh.add_pyramid(glm::vec3(q.x, g + ring.height + 4.5f, q.y), glm::vec2(5.5f), 2.2f, 0,
                         pack_color(kPost * 0.6f), object);
        next_post += ring.watch_post_spacing;
      }
      along += seg;
    }
  }
}

}  // namespace scene
