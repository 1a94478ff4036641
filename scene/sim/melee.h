// Men fighting hand to hand where a wall is open: in a breach and in a forced gate.
//
// Where. A fight's front is
// - a breached wall segment: Snapshot::wall_damage at kBreached or more, the state in which the
//   wall mesher (scene/world/walls.cpp) opens a gap; below it the wall still stands and nobody
//   fights through it. The front is the rubble ramp across the gap (breach_ramp(),
//   scene/model/wall_path.h), along the wall's line about the segment's middle;
// - a gate forced open: its covering damage no longer than kGateForcedMaxLength at kForced or
//   more, when the world draws its leaves broken open. The front is its kGateOpening passage.
//   A shut gate is no place to fight across: its defenders are on the wall (on_walls.h).
// Only closed city and inner walls count: the outer low wall (羊马墙) is a screen, not the city.
//
// Who. Attackers: units in Assault with their centre outside the wall within kMeleeReach of the
// front's middle. Defenders: present units of a faction none of the attackers belongs to, with
// their centre inside the wall within kMeleeReach, neither routing nor in camp. kMeleeReach is
// a little short of bowshot (kBowRange): it takes in a garrison standing behind its stretch of
// wall and an assault column at the wall's foot, each some hundreds of men across, but not the
// units a city block away. Infantry and spearmen strike, archers shoot; horsemen, siege crews
// and civilians do not fight on a rubble ramp or in a gate's passage.
//
// Which men. Each side's units nearest the front first (then by index); of each unit its
// standing men on the ground (not fallen, not on a ladder or the wall-walk) in slot order, so
// its front ranks: up to kMeleeRanks ranks of strikers across the front, a man every
// kMeleeFile metres, at most kMeleeMen a side, and up to kMeleeShooters archers. A unit near
// two fronts gives each its next men.
//
// Where they stand. Two ragged lines facing each other across the wall's line, kMeleeGap
// apart: attackers outside, defenders inside, further ranks kMeleeRankDepth behind, each man
// jittered along and across and turned a little by a hash of (unit, slot); archers kShootBack
// behind their side's line. Strikers play Strike, archers Shoot, each with his own phase
// offset. Feet on the ground, or on the breach's ramp where it lies higher; a place in water
// (scene/sim/dry_ground.h) is moved to the bank on the man's own side of the wall.
//
// Cost. Nothing is done unless a unit is assaulting; then the fronts are found once per call
// (damages and gates: a handful), the units near each once per front, and only the men moved
// are touched (at most kMeleeMen + kMeleeShooters a side per front).
#pragma once

#include <cstdint>

#include "scene/model/scenario.h"
#include "scene/model/snapshot.h"

namespace scene {

inline constexpr float kBreached = 0.999f;           // wall_damage at which the wall is a gap
inline constexpr float kForced = 0.5f;               // a gate's covering damage at which it is open
inline constexpr float kMeleeReach = 200.0f;         // metres from a front's middle to a unit's centre
inline constexpr int kMeleeRanks = 3;                // ranks of strikers on each side
inline constexpr float kMeleeFile = 1.5f;            // metres between neighbours along the front
inline constexpr std::uint32_t kMeleeMen = 96;       // strikers of one side at one front, at most
inline constexpr std::uint32_t kMeleeShooters = 24;  // archers of one side at one front, at most
inline constexpr float kMeleeGap = 1.6f;             // metres between the two front ranks
inline constexpr float kMeleeRankDepth = 1.3f;       // from rank to rank
inline constexpr float kShootBack = 7.0f;            // archers' line behind the wall's line

// Moves men of the snapshot into the fights at breaches and forced gates. The snapshot's units,
// soldiers (after put_men_on_walls) and wall_damage must be filled in.
void fight_at_breaches(const Scenario& scenario, Snapshot& snap);

}  // namespace scene
