#include "scene/model/water.h"

#include <cmath>

#include "scene/model/geometry2d.h"

namespace scene {

float moat_centre_distance(const Moat& moat, const Wall& wall) {
  return wall.thickness * 0.5f + moat.offset + moat.width * 0.5f;
}

std::string water_at(const Scenario& scenario, glm::vec2 p, Day day) {
  for (const River& river : scenario.rivers)
    if (river.points.size() >= 2 && polyline_distance(p, river.points) < river.width * 0.5f)
      return "river \"" + river.id + "\"";
  for (const Lake& lake : scenario.lakes) {
    if (lake.outline.size() < 3 || !inside_polygon(p, lake.outline)) continue;
    const float level = lake.level.sample(day, 0.0f);
    if (level > -lake.bed_depth + 0.5f) return "lake \"" + lake.id + "\"";
  }
  for (const Moat& moat : scenario.moats)
    for (const Wall& wall : scenario.walls) {
      if (wall.id != moat.around || wall.points.size() < 2) continue;
      if (wall.closed && inside_polygon(p, wall.points)) continue;
      if (std::abs(polyline_distance(p, wall.points, wall.closed) - moat_centre_distance(moat, wall)) <
          moat.width * 0.5f)
        return "the moat of wall \"" + wall.id + "\"";
    }
  return {};
}

}  // namespace scene
