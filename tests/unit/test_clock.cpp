#include <catch2/catch.hpp>

#include "scene/model/clock.h"
#include "scene/model/scenario.h"
#include "test_scenarios.h"

using namespace scene;
using test_scenarios::julian;

TEST_CASE("phases lie end to end on the presentation axis", "[clock]") {
  const Scenario s = test_scenarios::three_phases();
  CHECK(total_duration(s) == 80.0);
  CHECK(phase_start_s(s, 0) == 0.0);
  CHECK(phase_start_s(s, 1) == 10.0);
  CHECK(phase_start_s(s, 2) == 50.0);
  CHECK(phase_start_s(s, 3) == 80.0);  // one past the last: the end

  CHECK(phase_at(s, -5) == 0);
  CHECK(phase_at(s, 0) == 0);
  CHECK(phase_at(s, 9.999) == 0);
  CHECK(phase_at(s, 10) == 1);
  CHECK(phase_at(s, 49.9) == 1);
  CHECK(phase_at(s, 50) == 2);
  CHECK(phase_at(s, 80) == 2);
  CHECK(phase_at(s, 1e9) == 2);
}

TEST_CASE("each phase maps its interval linearly onto its duration", "[clock]") {
  const Scenario s = test_scenarios::three_phases();
  CHECK(day_at(s, 0) == julian(1233, 8, 20));
  CHECK(day_at(s, 5) == Approx(julian(1233, 8, 30)).epsilon(1e-12));
  CHECK(day_at(s, 10) == julian(1233, 9, 9));
  // The siege: 57 days in 40 s.
  CHECK(day_at(s, 30) == Approx(julian(1233, 9, 9) + 28.5).epsilon(1e-12));
  CHECK(day_at(s, 50) == julian(1233, 11, 5));
  CHECK(day_at(s, 80) == julian(1234, 2, 9));
  // Clamped at both ends.
  CHECK(day_at(s, -100) == julian(1233, 8, 20));
  CHECK(day_at(s, 1000) == julian(1234, 2, 9));

  // Continuous across phase boundaries.
  CHECK(day_at(s, 10 - 1e-9) == Approx(day_at(s, 10)).epsilon(1e-12));
  CHECK(day_at(s, 50 - 1e-9) == Approx(day_at(s, 50)).epsilon(1e-12));
}

TEST_CASE("presentation_at inverts day_at", "[clock]") {
  const Scenario s = test_scenarios::three_phases();
  for (double t = 0; t <= 80; t += 0.37) {
    INFO("t = " << t);
    CHECK(presentation_at(s, day_at(s, t)) == Approx(t).margin(1e-6));
  }
  CHECK(presentation_at(s, julian(1233, 11, 5)) == Approx(50.0));
  CHECK(presentation_at(s, julian(1200, 1, 1)) == 0.0);
  CHECK(presentation_at(s, julian(1300, 1, 1)) == 80.0);
  CHECK(presentation_at(s, julian(1234, 2, 9)) == 80.0);
}

TEST_CASE("an empty scenario does not crash the clock", "[clock]") {
  const Scenario s;
  CHECK(total_duration(s) == 0.0);
  CHECK(phase_at(s, 3) == 0);
  CHECK(day_at(s, 3) == 0.0);
  CHECK(presentation_at(s, 12345) == 0.0);
  std::string error;
  CHECK_FALSE(resolve_time(s, "1233-01-01", &error));
  CHECK_FALSE(error.empty());
}

TEST_CASE("resolve_time accepts seconds, phase ids and dates", "[clock]") {
  const Scenario s = test_scenarios::three_phases();
  std::string error;
  CHECK(resolve_time(s, "42.5", &error) == 42.5);
  CHECK(resolve_time(s, "0", &error) == 0.0);
  CHECK(resolve_time(s, "80", &error) == 80.0);
  CHECK(resolve_time(s, "siege", &error) == 10.0);
  CHECK(resolve_time(s, "fall", &error) == 50.0);
  CHECK(resolve_time(s, "gathering", &error) == 0.0);
  CHECK(resolve_time(s, "1233-11-05", &error) == Approx(50.0));
  const auto noon = resolve_time(s, "1233-11-05T12:00", &error);
  REQUIRE(noon);
  CHECK(*noon > 50.0);
  CHECK(day_at(s, *noon) == Approx(julian(1233, 11, 5, 12)).epsilon(1e-12));
  CHECK(resolve_time(s, "1234-02-09", &error) == Approx(80.0));
}

TEST_CASE("resolve_time explains what it cannot use", "[clock]") {
  const Scenario s = test_scenarios::three_phases();
  std::string error;

  CHECK_FALSE(resolve_time(s, "famine", &error));
  CHECK(error.find("gathering, siege, fall") != std::string::npos);
  CHECK(error.find("famine") != std::string::npos);

  CHECK_FALSE(resolve_time(s, "1233-02-30", &error));
  CHECK(error.find("February 1233 has 28 days in the julian calendar") != std::string::npos);

  CHECK_FALSE(resolve_time(s, "1232-01-01", &error));
  CHECK(error.find("outside the scenario") != std::string::npos);
  CHECK(error.find("20 August 1233") != std::string::npos);
  CHECK(error.find("9 February 1234") != std::string::npos);
  CHECK_FALSE(resolve_time(s, "1234-02-10", &error));

  CHECK_FALSE(resolve_time(s, "81", &error));
  CHECK(error.find("0..80 s") != std::string::npos);
  CHECK_FALSE(resolve_time(s, "-1", &error));
  CHECK_FALSE(resolve_time(s, "nan", &error));
  CHECK_FALSE(resolve_time(s, "", &error));
  CHECK_FALSE(error.empty());
}
