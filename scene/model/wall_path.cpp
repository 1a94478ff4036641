#include "scene/model/wall_path.h"

#include <algorithm>
#include <vector>

#include "scene/model/geometry2d.h"

namespace scene {

WallPoint nearest_on_wall(const Wall& wall, glm::vec2 p) {
  const std::vector<glm::vec2> path = explicit_path(wall.points, wall.closed);
  WallPoint out;
  float along = 0;
  for (size_t i = 0; i + 1 < path.size(); ++i) {
    float t;
    const float d = segment_distance(p, path[i], path[i + 1], &t);
    const float len = glm::length(path[i + 1] - path[i]);
    if (d < out.distance && len > 1e-4f)
      out = {path[i] + (path[i + 1] - path[i]) * t, (path[i + 1] - path[i]) / len, along + t * len, d};
    along += len;
  }
  return out;
}

glm::vec2 damage_span(const Wall& wall, const WallDamage& damage) {
  const float centre = nearest_on_wall(wall, damage.position).s;
  float total = 0;
  const std::vector<glm::vec2> path = explicit_path(wall.points, wall.closed);
  for (size_t i = 0; i + 1 < path.size(); ++i) total += glm::length(path[i + 1] - path[i]);
  return {std::max(centre - damage.length * 0.5f, 0.0f), std::min(centre + damage.length * 0.5f, total)};
}

}  // namespace scene
