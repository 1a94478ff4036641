#include <catch2/catch.hpp>

#include "scene/sim/sun.h"
#include "test_scenarios.h"

using namespace scene;
using test_scenarios::julian;

// In 1233 the Julian calendar ran 7 days behind the seasons' Gregorian dates: the June
// solstice fell on about 14 June (Julian), the December solstice on about 14 December.
TEST_CASE("noon sun stands due south at 33 degrees north", "[sun]") {
  for (Day day : {julian(1233, 3, 1), julian(1233, 6, 14), julian(1233, 11, 5), julian(1125, 12, 20)}) {
    const SunPosition sun = sun_position(day, 12.0, 33.0);
    INFO("day " << format_iso(day, Calendar::Julian));
    CHECK(sun.azimuth_deg == Approx(180.0).margin(1e-6));
    CHECK(sun.direction.x == Approx(0.0f).margin(1e-6));
    CHECK(sun.direction.z > 0.0f);  // +z is south
    CHECK(sun.direction.y > 0.0f);
    CHECK(glm::length(sun.direction) == Approx(1.0f));
    CHECK(sun.elevation_deg == Approx(90.0 - 33.0 + sun.declination_deg).margin(1e-6));
  }
}

TEST_CASE("noon elevation is sane at the solstices", "[sun]") {
  const SunPosition summer = sun_position(julian(1233, 6, 14), 12.0, 33.0);
  const SunPosition winter = sun_position(julian(1233, 12, 14), 12.0, 33.0);
  CHECK(summer.declination_deg == Approx(23.5).margin(0.3));
  CHECK(winter.declination_deg == Approx(-23.5).margin(0.3));
  CHECK(summer.elevation_deg == Approx(80.5).margin(0.5));
  CHECK(winter.elevation_deg == Approx(33.5).margin(0.5));
  // Near an equinox the noon sun stands at the co-latitude.
  const SunPosition equinox = sun_position(julian(1233, 3, 13), 12.0, 33.0);
  CHECK(equinox.declination_deg == Approx(0.0).margin(1.0));
}

TEST_CASE("the sun is below the horizon at midnight and rises in the east", "[sun]") {
  for (int month = 1; month <= 12; ++month) {
    const Day day = julian(1233, month, 15);
    CHECK(sun_position(day, 0.0, 33.0).elevation_deg < -20.0);
    CHECK(sun_position(day, 24.0, 33.0).direction.y < 0.0f);
    const SunPosition morning = sun_position(day, 8.0, 33.0);
    const SunPosition evening = sun_position(day, 16.0, 33.0);
    CHECK(morning.direction.x > 0.0f);                                           // east
    CHECK(evening.direction.x < 0.0f);                                           // west
    CHECK(morning.elevation_deg == Approx(evening.elevation_deg).margin(1e-9));  // symmetric about noon
    CHECK(morning.azimuth_deg > 0.0);
    CHECK(morning.azimuth_deg < 180.0);
    CHECK(evening.azimuth_deg > 180.0);
  }
  // Near the autumn equinox the sun rises close to 6:00 and due east.
  const SunPosition sunrise = sun_position(julian(1233, 9, 15), 6.0, 33.0);
  CHECK(sunrise.elevation_deg == Approx(0.0).margin(1.5));
  CHECK(sunrise.azimuth_deg == Approx(90.0).margin(2.0));
}
