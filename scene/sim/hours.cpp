#include "scene/sim/hours.h"

#include <cmath>

#include "scene/sim/shot.h"

namespace scene {

float clock_hour(Day day) { return static_cast<float>((day - std::floor(day)) * 24.0); }

bool apply_rule(const HourRule& rule, Day day, float& hour) {
  switch (rule.mode) {
    case HourRule::Mode::Unset:
      return false;
    case HourRule::Mode::Hold:
      hour = rule.hour;
      return true;
    case HourRule::Mode::Clock:
      hour = clock_hour(day);
      return true;
  }
  return false;
}

HourChoice hour_at(const Scenario& scenario, Day day, int phase) {
  HourChoice choice;
  const Phase* current = scenario.phases.empty() ? nullptr : &scenario.phases[static_cast<size_t>(phase)];
  if (const Shot* shot = current_shot(scenario, current ? phase : -1);
      shot && apply_rule(shot->hour, day, choice.hour)) {
    choice.source = HourSource::Shot;
    return choice;
  }
  if (current && apply_rule(current->hour, day, choice.hour)) {
    choice.source = HourSource::Phase;
    return choice;
  }
  if (!scenario.environment.hour.empty()) {
    choice.hour = scenario.environment.hour.sample(day, kDefaultHour);
    choice.source = HourSource::Environment;
    return choice;
  }
  const bool short_phase = current && current->end.day - current->start.day < kClockPhaseMaxDays;
  choice.hour = short_phase ? clock_hour(day) : kDefaultHour;
  choice.source = HourSource::PhaseDefault;
  return choice;
}

}  // namespace scene
