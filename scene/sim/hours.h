// Which hour of the day a moment shows. Precedence, first that applies:
//   1. the current shot's "hour" (scene/sim/shot.h says which shot is current);
//   2. the phase's "hour": a number held over the phase, or "clock";
//   3. environment.hour, a track keyed by date like every other;
//   4. the phase's default: the clock when the phase spans under two days (one night's
//      assault plays out in its hours), else 14:00 held (months of siege do not strobe
//      through day and night).
// "The clock" is the fraction of the historical day being shown. Hours are local apparent
// solar time throughout (scene/sim/sky.h).
#pragma once

#include <cstdint>

#include "scene/model/calendar.h"
#include "scene/model/scenario.h"

namespace scene {

inline constexpr float kDefaultHour = 14.0f;
inline constexpr double kClockPhaseMaxDays = 2.0;  // shorter phases follow the clock by default

enum class HourSource : std::uint8_t { Shot, Phase, Environment, PhaseDefault };

struct HourChoice {
  float hour = kDefaultHour;
  HourSource source = HourSource::PhaseDefault;
};

// The local hour of a Day: 24 × its fraction.
float clock_hour(Day day);

// The hour a rule gives on `day`, or nothing when the rule is unset.
bool apply_rule(const HourRule& rule, Day day, float& hour);

// The hour shown at historical time `day`, in `phase` (an index into Scenario::phases).
HourChoice hour_at(const Scenario& scenario, Day day, int phase);

}  // namespace scene
