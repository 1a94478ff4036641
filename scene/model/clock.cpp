// The presentation clock: phases laid end to end on the playback axis, each stretching its
// historical interval [start, end) linearly over its duration. Every mapping clamps at both
// ends, so a scrub bar past the end shows the last instant and never extrapolates.
#include "scene/model/clock.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "scene/model/scenario.h"

namespace scene {

namespace {

int phase_count(const Scenario& scenario) { return static_cast<int>(scenario.phases.size()); }

std::string format_seconds(double s) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", s);
  return text;
}

std::string phase_ids(const Scenario& scenario) {
  std::string ids;
  for (const Phase& p : scenario.phases) ids += (ids.empty() ? "" : ", ") + p.id;
  return ids.empty() ? "(none)" : ids;
}

std::optional<double> parse_seconds(std::string_view text) {
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

bool looks_like_date(std::string_view text) {
  const size_t digits = (!text.empty() && text[0] == '-') ? 1 : 0;
  return text.size() >= digits + 5 && std::isdigit(static_cast<unsigned char>(text[digits])) &&
         text.find('-', digits) != std::string_view::npos;
}

}  // namespace

double total_duration(const Scenario& scenario) {
  double total = 0;
  for (const Phase& p : scenario.phases) total += p.duration_s;
  return total;
}

double phase_start_s(const Scenario& scenario, int phase) {
  double start = 0;
  const int end = std::clamp(phase, 0, phase_count(scenario));
  for (int i = 0; i < end; ++i) start += scenario.phases[static_cast<size_t>(i)].duration_s;
  return start;
}

int phase_at(const Scenario& scenario, double presentation_s) {
  const int count = phase_count(scenario);
  double start = 0;
  for (int i = 0; i < count - 1; ++i) {
    start += scenario.phases[static_cast<size_t>(i)].duration_s;
    if (presentation_s < start) return i;
  }
  return std::max(count - 1, 0);
}

Day day_at(const Scenario& scenario, double presentation_s) {
  if (scenario.phases.empty()) return 0;
  const int index = phase_at(scenario, presentation_s);
  const Phase& phase = scenario.phases[static_cast<size_t>(index)];
  const double local = presentation_s - phase_start_s(scenario, index);
  const double f = phase.duration_s > 0 ? std::clamp(local / phase.duration_s, 0.0, 1.0) : 0.0;
  return phase.start.day + f * (phase.end.day - phase.start.day);
}

double presentation_at(const Scenario& scenario, Day day) {
  if (scenario.phases.empty()) return 0;
  if (day <= scenario.phases.front().start.day) return 0;
  double start = 0;
  for (const Phase& phase : scenario.phases) {
    if (day < phase.end.day) {
      const double span = phase.end.day - phase.start.day;
      const double f = span > 0 ? std::clamp((day - phase.start.day) / span, 0.0, 1.0) : 0.0;
      return start + f * phase.duration_s;
    }
    start += phase.duration_s;
  }
  return start;  // at or past the last phase's end
}

std::optional<double> resolve_time(const Scenario& scenario, std::string_view spec, std::string* error) {
  const std::string text(spec);
  const auto fail = [&](std::string message) -> std::optional<double> {
    if (error) *error = std::move(message);
    return std::nullopt;
  };
  const double total = total_duration(scenario);

  if (const auto seconds = parse_seconds(spec)) {
    if (*seconds < 0 || *seconds > total)
      return fail("--time " + text + ": " + format_seconds(*seconds) +
                  " s is outside the presentation, which runs 0.." + format_seconds(total) + " s");
    return *seconds;
  }

  if (const int phase = scenario.phase_index(spec); phase >= 0) return phase_start_s(scenario, phase);

  std::string date_error;
  if (const auto day = parse_day(spec, scenario.calendar, &date_error)) {
    if (scenario.phases.empty()) return fail("--time " + text + ": the scenario has no phases");
    const Day first = scenario.phases.front().start.day;
    const Day last = scenario.phases.back().end.day;
    if (*day < first || *day > last)
      return fail("--time " + text + ": the date is outside the scenario, which runs from " +
                  format_day(first, scenario.calendar, true) + " to " + format_day(last, scenario.calendar, true));
    return presentation_at(scenario, *day);
  }
  // A malformed date deserves the calendar's own sentence ("February 1233 has 28 days").
  if (looks_like_date(spec)) return fail("--time " + text + ": " + date_error);

  return fail("--time " + text + ": expected seconds (e.g. 42.5), a phase id (" + phase_ids(scenario) +
              ") or a date YYYY-MM-DD[Thh:mm] in the " + std::string(to_string(scenario.calendar)) + " calendar");
}

std::optional<float> hour_in_time_spec(const Scenario& scenario, std::string_view spec) {
  if (spec.find('T') == std::string_view::npos) return std::nullopt;
  const std::optional<Day> day = parse_day(spec, scenario.calendar);
  if (!day) return std::nullopt;
  return static_cast<float>((*day - std::floor(*day)) * 24.0);
}

}  // namespace scene
