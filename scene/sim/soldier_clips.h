// What a drawn soldier is doing: the clip he plays (scene/model/soldier_look.h) and how far
// through it he is, from his unit's state and speed. Pure functions of (unit, slot, time), so
// scrubbing shows the same man doing the same thing at the same instant.
//
// The rules, standing men:
// - Camp: sit round the fire; one man in five (by a hash of unit and slot) stands idle.
// - Hold: idle. Archers shoot while an enemy unit's centre is within kBowRange.
// - March: foot walk, and run above kFootRunKmh; horses walk, trot (Run) above kTrotKmh and
//   gallop above kGallopKmh. A marching unit that stands still idles.
// - Assault: on the move, foot run above kAssaultRunKmh (else walk) and horses gallop.
//   Stopped at its objective, its front two ranks strike (archers shoot; civilians stand)
//   and the men behind idle. Where an assault meets the enemy at a breach or a forced gate,
//   scene/sim/melee.h then takes some of both sides' men into the fight there.
// - Rout: foot run, horses gallop.
// - Siege crews carry their gear (ladders, mantlets) wherever they walk or run.
// - A formation or state change that moves men about makes the still ones walk.
// The fallen: Fall for kClipSeconds[Fall] presentation seconds after they fell, then Dead.
// Phase: loops advance with presentation seconds over kClipSeconds[clip], each man offset by
// a hash of (unit, slot) so a block never steps in lockstep; Sit and Dead are held at 0, a
// finished Fall holds at 1.
#pragma once

#include <array>
#include <cstdint>

#include "scene/model/scenario.h"
#include "scene/model/soldier_look.h"

namespace scene {

inline constexpr float kBowRange = 250.0f;     // metres: archers shoot at enemies this close
inline constexpr float kFootRunKmh = 6.0f;     // a march faster than this is run
inline constexpr float kAssaultRunKmh = 3.0f;  // an assault faster than this is a charge
inline constexpr float kTrotKmh = 8.0f;        // horses trot above this
inline constexpr float kGallopKmh = 16.0f;     // and gallop above this
inline constexpr float kStillKmh = 0.01f;      // 10 m an hour: standing still

// What all standing men of one unit share at one instant: worked out once per unit.
struct ClipUnit {
  UnitKind kind = UnitKind::Infantry;
  UnitState state = UnitState::Hold;
  float speed_kmh = 0;
  bool shifting = false;        // a formation or state change is moving men about
  bool enemy_in_range = false;  // an enemy unit's centre within kBowRange
};

// The clip of a standing man: `routing` when his own place is a fleeing one (routs blend in
// man by man), `front_rank` when he stands in the first two ranks of his formation, `hash`
// his own random bits.
Clip standing_clip(const ClipUnit& unit, bool routing, bool front_rank, std::uint32_t hash);

// standing_clip() for all men of a unit, worked out once: what the routing, front-rank and
// other men play, and whether a camp's men sit or stand by their hash.
struct UnitClips {
  Clip routing = Clip::Run, front = Clip::Idle, rest = Clip::Idle;
  bool camp = false;  // resting in camp: Sit, or Idle for one man in five
  explicit UnitClips(const ClipUnit& unit);
  Clip pick(bool routing_place, bool front_rank, std::uint32_t hash) const {
    if (routing_place) return routing;
    if (camp) return hash % 5 == 0 ? Clip::Idle : Clip::Sit;
    return front_rank ? front : rest;
  }
};

// Phase of clip at presentation second t for a man whose offset (0..1) is `offset`.
float clip_phase(Clip clip, double presentation_s, float offset);

// The same worked out once for all men at one instant: each clip's phase with no offset.
struct ClipClock {
  std::array<float, kClips> phase{};
  explicit ClipClock(double presentation_s);
  float at(Clip clip, float offset) const {
    if (!clip_loops(clip)) return 0;
    const float p = phase[static_cast<size_t>(clip)] + offset;  // 0..2
    return p >= 1.0f ? p - 1.0f : p;
  }
};

struct ClipNow {
  Clip clip = Clip::Dead;
  float phase = 0;
};
// A fallen man `seconds` of presentation time after he fell (negative or unknown: long ago).
ClipNow fallen_clip(double seconds);

}  // namespace scene
