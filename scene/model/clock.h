// Presentation time (seconds of playback) <-> historical time (days), piecewise per phase:
// each phase maps its historical interval linearly onto its presentation duration.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "scene/model/calendar.h"

namespace scene {

struct Scenario;

double total_duration(const Scenario& scenario);                // sum of phase durations, seconds
double phase_start_s(const Scenario& scenario, int phase);      // presentation second a phase starts
int phase_at(const Scenario& scenario, double presentation_s);  // clamped to a valid index
Day day_at(const Scenario& scenario, double presentation_s);    // clamped to the scenario
double presentation_at(const Scenario& scenario, Day day);      // clamped to the scenario

// Resolves what a user types for --time: presentation seconds ("42.5"), a phase id ("famine",
// its start), or a date "YYYY-MM-DD[Thh:mm]" in the scenario's calendar. On failure returns
// nullopt and says why in error (naming the phases when an id is unknown).
std::optional<double> resolve_time(const Scenario& scenario, std::string_view spec, std::string* error = nullptr);

// The hour of day a --time spec names: a date with a time "YYYY-MM-DDThh:mm" gives hh + mm/60;
// seconds, phase ids and bare dates name no hour (the scenario's rules pick one).
std::optional<float> hour_in_time_spec(const Scenario& scenario, std::string_view spec);

}  // namespace scene
