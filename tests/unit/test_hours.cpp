// Which hour a moment shows: the precedence of shot, phase, environment track and the phase's
// default (scene/sim/hours.h), and `--time` with a date-time showing the hour typed.
#include <catch2/catch.hpp>

#include "app/core/time_spec.h"
#include "scene/model/clock.h"
#include "scene/sim/evaluate.h"
#include "scene/sim/hours.h"
#include "test_scenarios.h"

using namespace scene;
using test_scenarios::julian;

namespace {

// three_phases() with a fourth, one-day phase "night" (9–10 February 1234, 24 s: one
// presentation second an hour), whose own shot "night_shot" is its preset.
Scenario with_night() {
  Scenario s = test_scenarios::three_phases();
  Phase night;
  night.id = "night";
  night.title.en = "night";
  night.start.day = julian(1234, 2, 9);
  night.end.day = julian(1234, 2, 10);
  night.duration_s = 24;
  s.phases.push_back(night);
  Shot shot = s.shots.front();
  shot.id = "night_shot";
  shot.overview = false;
  shot.phase = "night";
  s.shots.push_back(shot);
  s.phases.back().shot = "night_shot";
  return s;
}

double at(const Scenario& s, Day day) { return presentation_at(s, day); }

HourRule hold(float hour) { return {HourRule::Mode::Hold, hour}; }
HourRule follow_clock() { return {HourRule::Mode::Clock, 0}; }

}  // namespace

TEST_CASE("hours: by default a long phase holds 14:00 and a short one follows the clock", "[hours]") {
  const Scenario s = with_night();
  // Months of siege sweep past at 14:00 whatever the time of day of the instant.
  for (Day day : {julian(1233, 9, 20, 3), julian(1233, 10, 1, 21, 30), julian(1233, 12, 1, 6)}) {
    const HourChoice choice = hour_at(s, day, phase_at(s, at(s, day)));
    CHECK(choice.hour == 14.0f);
    CHECK(choice.source == HourSource::PhaseDefault);
    CHECK(evaluate(s, at(s, day)).hour == 14.0f);
  }
  // The one-day phase shows the hour of the day being shown.
  for (int hour : {2, 8, 13, 22}) {
    const Snapshot snap = evaluate(s, at(s, julian(1234, 2, 9, hour)));
    CHECK(snap.hour == Approx(hour).margin(0.01));
  }
  CHECK(evaluate(s, at(s, julian(1234, 2, 9, 2))).sun_direction.y < 0.0f);
  CHECK(evaluate(s, at(s, julian(1234, 2, 9, 12))).sun_direction.y > 0.3f);
}

TEST_CASE("hours: shot over phase over environment over the default", "[hours]") {
  Scenario s = with_night();
  const Day siege_day = julian(1233, 10, 1, 5);  // "siege": a long phase
  const Day night_day = julian(1234, 2, 9, 20);  // "night": a short one
  const int siege = s.phase_index("siege"), night = s.phase_index("night");

  // The environment track, keyed by date, replaces the default everywhere.
  s.environment.hour.keys = {{julian(1233, 9, 1), 9.0f}, {julian(1234, 1, 1), 9.0f}, {julian(1234, 2, 1), 11.0f}};
  CHECK(hour_at(s, siege_day, siege).hour == 9.0f);
  CHECK(hour_at(s, siege_day, siege).source == HourSource::Environment);
  CHECK(hour_at(s, julian(1234, 1, 16, 12), s.phase_index("fall")).hour == Approx(10.0f).margin(1e-3));
  CHECK(hour_at(s, night_day, night).hour == 11.0f);

  // A phase's own hour beats the track: held, or the clock.
  s.phases[static_cast<size_t>(siege)].hour = hold(6.5f);
  CHECK(hour_at(s, siege_day, siege).hour == 6.5f);
  CHECK(hour_at(s, siege_day, siege).source == HourSource::Phase);
  s.phases[static_cast<size_t>(siege)].hour = follow_clock();
  CHECK(hour_at(s, siege_day, siege).hour == Approx(5.0f).margin(1e-3));
  s.phases[static_cast<size_t>(night)].hour = hold(23.0f);
  CHECK(hour_at(s, night_day, night).hour == 23.0f);

  // The current shot's hour beats the phase's, only while that shot is current.
  s.shots.back().hour = hold(4.0f);
  CHECK(hour_at(s, night_day, night).hour == 4.0f);
  CHECK(hour_at(s, night_day, night).source == HourSource::Shot);
  CHECK(hour_at(s, siege_day, siege).hour == Approx(5.0f).margin(1e-3));
  CHECK(evaluate(s, at(s, night_day)).hour == 4.0f);
}

TEST_CASE("hours: a phase that holds its hour does not strobe as days stream past", "[hours]") {
  Scenario s = with_night();
  s.phases[0].hour = hold(7.0f);
  const Snapshot first = evaluate(s, 0.0);
  for (double t = 0.0; t < 10.0; t += 0.37) {
    const Snapshot snap = evaluate(s, t);
    CHECK(snap.hour == 7.0f);
    // The sun only drifts with the season: a few degrees over the phase's twenty days.
    CHECK(glm::dot(snap.sun_direction, first.sun_direction) > 0.99f);
  }
}

TEST_CASE("hours: --time with a date-time shows that hour, other specs keep the scenario's", "[hours]") {
  const Scenario s = with_night();
  CHECK(hour_in_time_spec(s, "1233-12-01T06:30") == Approx(6.5f).margin(1e-3));
  CHECK(hour_in_time_spec(s, "1234-02-09T22:00") == Approx(22.0f).margin(1e-3));
  CHECK_FALSE(hour_in_time_spec(s, "1233-12-01"));
  CHECK_FALSE(hour_in_time_spec(s, "42.5"));
  CHECK_FALSE(hour_in_time_spec(s, "siege"));

  // In a phase that holds 14:00, 06:30, 12:00 and 22:00 of one date are three different skies.
  const auto dawn = app::snapshot_for_time(s, "1233-12-01T06:30");
  const auto noon = app::snapshot_for_time(s, "1233-12-01T12:00");
  const auto night = app::snapshot_for_time(s, "1233-12-01T22:00");
  REQUIRE(dawn);
  REQUIRE(noon);
  REQUIRE(night);
  CHECK(dawn->hour == Approx(6.5f).margin(1e-3));
  CHECK(noon->hour == Approx(12.0f).margin(1e-3));
  CHECK(night->hour == Approx(22.0f).margin(1e-3));
  CHECK(noon->sun_direction.y > dawn->sun_direction.y);
  CHECK(night->sun_direction.y < -0.3f);
  CHECK(noon->sun_direction.x == Approx(0.0f).margin(1e-3));  // local apparent noon: due south
  // Without a time of day the phase's own rule holds.
  const auto plain = app::snapshot_for_time(s, "1233-12-01");
  REQUIRE(plain);
  CHECK(plain->hour == 14.0f);
  // set_hour recomputes what the hour decides and leaves the rest.
  Snapshot moved = *plain;
  set_hour(s, moved, 22.0f);
  CHECK(moved.hour == 22.0f);
  CHECK(moved.day == plain->day);
  CHECK(glm::dot(moved.sun_direction, night->sun_direction) > 0.9999f);  // 22 hours of season apart
  std::string error;
  CHECK_FALSE(app::snapshot_for_time(s, "1299-01-01T10:00", &error));
  CHECK_THAT(error, Catch::Contains("outside the scenario"));
}
