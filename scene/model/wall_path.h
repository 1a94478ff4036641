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

// A damage covering a gate no longer than this is the gate forced: the gatehouse stands,
// broken open and burnt, and the wall beside it is scarred but not gapped. A longer one is a
// breach of the wall that takes the gatehouse down with it.
inline constexpr float kGateForcedMaxLength = 60.0f;
// The width of a gate's passage, clear through the wall once the gate is forced (at half its
// damage, when the world draws the leaves broken open).
inline constexpr float kGateOpening = 7.0f;

// The point of the wall's explicit path at arc length `s` (clamped to the path) and the path's
// direction there; `distance` is 0.
WallPoint point_on_wall(const Wall& wall, float s);

// The arc-length interval of the wall that a damage record covers.
glm::vec2 damage_span(const Wall& wall, const WallDamage& damage);

// The rubble a breached segment leaves (scene/world/walls.cpp draws it; scene/sim/melee.cpp
// stands the fight in the breach on it): broken stubs of wall at both ends of the span and, in
// the gap between, a ramp lying across the wall's line about the span's middle, its crest on the
// line and its slopes running down to a little below the ground there, further outward (where
// the wall fell) than inward. Heights are above the ground at the span's middle.
struct BreachRamp {
  float stub = 0;                        // metres of broken wall left at each end of the span
  float half_length = 0;                 // half the ramp's length along the wall
  float crest = 0;                       // the top, on the wall's line
  float reach_out = 0, reach_in = 0;     // from the line to the slopes' feet, outward and inward
  static constexpr float kFoot = -0.3f;  // the slopes' feet
  // The ramp's top `across` metres from the wall's line (outward positive); below kFoot off it.
  float top(float across) const;
};
BreachRamp breach_ramp(const Wall& wall, glm::vec2 span);

}  // namespace scene
