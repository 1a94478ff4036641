#include "scene/model/wall_path.h"

#include <algorithm>
#include <cmath>
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

WallPoint point_on_wall(const Wall& wall, float s) {
  const std::vector<glm::vec2> path = explicit_path(wall.points, wall.closed);
  WallPoint out;
  if (path.empty()) return out;
  out = {path.front(), {1, 0}, 0, 0};
  float along = 0;
  for (size_t i = 0; i + 1 < path.size(); ++i) {
    const float len = glm::length(path[i + 1] - path[i]);
    if (len <= 1e-4f) continue;
    const float t = std::clamp((s - along) / len, 0.0f, 1.0f);
    out = {path[i] + (path[i + 1] - path[i]) * t, (path[i + 1] - path[i]) / len, along + t * len, 0};
    if (s <= along + len) break;
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

BreachRamp breach_ramp(const Wall& wall, glm::vec2 span) {
  BreachRamp ramp;
  const float length = span.y - span.x;
  ramp.stub = std::min(length * 0.2f, 12.0f);
  ramp.half_length = (length - 2 * ramp.stub) * 0.3f;
  ramp.crest = std::min(4.0f, wall.height * 0.35f);
  ramp.reach_out = wall.thickness + 14.0f;
  ramp.reach_in = wall.thickness * 0.5f + 6.0f;
  return ramp;
}

float BreachRamp::top(float across) const {
  const float reach = across >= 0 ? reach_out : reach_in;
  return crest + (kFoot - crest) * std::abs(across) / reach;
}

}  // namespace scene
