// Where a building, tent or horse line may stand: not on a wall, in water or on a road.
#include "scene/model/geometry2d.h"
#include "scene/world/world.h"

namespace scene {

bool clear_ground(const Scenario& scenario, glm::vec2 p, float margin) {
  for (const Wall& wall : scenario.walls)
    if (polyline_distance(p, wall.points, wall.closed) < wall.thickness * 0.5f + margin) return false;
  for (const River& river : scenario.rivers)
    if (polyline_distance(p, river.points) < river.width * 0.5f + river.bank_width + margin) return false;
  for (const Lake& lake : scenario.lakes)
    if (inside_polygon(p, lake.outline) || polyline_distance(p, lake.outline, true) < margin) return false;
  for (const Road& road : scenario.roads)
    if (polyline_distance(p, road_centre_line(scenario, road)) < road.width * 0.5f + margin) return false;
  return true;
}

}  // namespace scene
