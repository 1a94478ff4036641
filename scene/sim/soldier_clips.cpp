#include "scene/sim/soldier_clips.h"

#include <algorithm>
#include <cmath>

namespace scene {

namespace {

Clip moving_clip(const ClipUnit& u, bool charge) {
  const bool horse = u.kind == UnitKind::Cavalry;
  if (horse) {
    if (charge || u.speed_kmh > kGallopKmh) return Clip::Gallop;
    return u.speed_kmh > kTrotKmh ? Clip::Run : Clip::Walk;
  }
  const Clip gait = charge ? Clip::Run : Clip::Walk;
  return u.kind == UnitKind::SiegeCrew ? Clip::Carry : gait;
}

}  // namespace

Clip standing_clip(const ClipUnit& u, bool routing, bool front_rank, std::uint32_t hash) {
  if (routing) return u.kind == UnitKind::Cavalry ? Clip::Gallop : Clip::Run;
  const bool moving = u.speed_kmh > kStillKmh;
  switch (u.state) {
    case UnitState::Camp:
      if (u.shifting) return Clip::Walk;
      return hash % 5 == 0 ? Clip::Idle : Clip::Sit;
    case UnitState::March:
      if (moving) return moving_clip(u, u.kind != UnitKind::Cavalry && u.speed_kmh > kFootRunKmh);
      return u.shifting ? Clip::Walk : Clip::Idle;
    case UnitState::Assault:
      if (moving) return moving_clip(u, u.speed_kmh > kAssaultRunKmh);
      if (u.kind == UnitKind::Archers) return Clip::Shoot;
      if (u.shifting) return Clip::Walk;
      return front_rank && u.kind != UnitKind::Civilians ? Clip::Strike : Clip::Idle;
    case UnitState::Rout:
      return u.kind == UnitKind::Cavalry ? Clip::Gallop : Clip::Run;
    case UnitState::Hold:
      if (moving) return moving_clip(u, false);
      if (u.kind == UnitKind::Archers && u.enemy_in_range) return Clip::Shoot;
      return u.shifting ? Clip::Walk : Clip::Idle;
  }
  return Clip::Idle;
}

UnitClips::UnitClips(const ClipUnit& unit)
    : routing(standing_clip(unit, true, false, 1)),
      front(standing_clip(unit, false, true, 1)),
      rest(standing_clip(unit, false, false, 1)),
      camp(unit.state == UnitState::Camp && !unit.shifting) {}

float clip_phase(Clip clip, double presentation_s, float offset) {
  if (!clip_loops(clip)) return 0;
  const double cycles = presentation_s / kClipSeconds[static_cast<size_t>(clip)] + offset;
  return static_cast<float>(cycles - std::floor(cycles));
}

ClipClock::ClipClock(double presentation_s) {
  for (size_t c = 0; c < kClips; ++c) {
    const double cycles = presentation_s / kClipSeconds[c];
    phase[c] = static_cast<float>(cycles - std::floor(cycles));
  }
}

ClipNow fallen_clip(double seconds) {
  const double fall = kClipSeconds[static_cast<size_t>(Clip::Fall)];
  if (seconds >= 0 && seconds < fall) return {Clip::Fall, static_cast<float>(seconds / fall)};
  return {Clip::Dead, 0};
}

}  // namespace scene
