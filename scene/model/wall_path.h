// Where things stand along a wall's centre line: the nearest point to a place, and the stretch a
// damage record covers. Shared by the wall mesher, the ladders and the tests of the record.
#pragma once

#include <glm/glm.hpp>

#include "scene/model/scenario.h"

namespace scene {

// The nearest point of the wall's explicit path to `p`: where, the path's direction there,
// its arc length `s`, and how far `p` is from it.
struct WallPoint {
  glm::vec2 at{0}, dir{1, 0};
  float s = 0, distance = 1e30f;
};
WallPoint nearest_on_wall(const Wall& wall, glm::vec2 p);

// The arc-length interval of the wall that a damage record covers.
glm::vec2 damage_span(const Wall& wall, const WallDamage& damage);

}  // namespace scene
