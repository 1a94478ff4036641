// Men off the ground: climbers on the scaling ladders and defenders on the wall-walk.
//
// Climbers. Where scene/sim/ladders.h leans a unit's ladders against a wall, the unit's first
// standing men (its front ranks) go up them, kClimbers to a ladder, spread up its length,
// facing the wall, playing Climb.
//
// Defenders. A unit that holds or assaults with its centre inside a closed city or inner wall
// and within kDefendReach of the wall's line mans that wall: its standing men in the kManned
// metres of its ground nearest the wall (from the wall's face when some stand in its
// footprint) stand on the wall-walk at the wall's top, the nearest at the parapet and the
// rest towards the inner edge, facing out; archers among them shoot, the rest stand ready.
#pragma once

#include "scene/model/scenario.h"
#include "scene/model/snapshot.h"

namespace scene {

inline constexpr int kClimbers = 3;           // men on each leaning ladder
inline constexpr float kDefendReach = 40.0f;  // metres from a wall's line to a defending unit's centre
inline constexpr float kManned = 8.0f;        // metres of a garrison's ground, nearest the wall, that go up

// Moves men of the snapshot onto ladders and walls; the snapshot's units must be filled in.
void put_men_on_walls(const Scenario& scenario, Snapshot& snap);

}  // namespace scene
