// The sky at an instant: the sun, the moon and the turning stars, seen from the scenario's
// latitude and longitude.
//
// Hours are local apparent solar time (12:00 = the sun on the meridian), as the scenario's
// dates and hours are written, so the sun needs no longitude and no equation of time. The
// stars and the moon do: the local sidereal time is the sun's right ascension plus its hour
// angle, which is exact whatever the calendar, and the moon's place is computed for the
// Julian date (UT, then terrestrial time) that the local apparent time corresponds to.
#pragma once

#include <glm/glm.hpp>

#include "scene/model/calendar.h"
#include "scene/model/snapshot.h"

namespace scene {

// Terrestrial minus universal time, days: the Morrison–Stephenson parabola (about 18 minutes
// in 1234); it moves the moon by a few tenths of a degree and nothing else here.
double delta_t_days(double year);

// The Julian date (UT) of a Day whose fraction is local apparent solar time at a longitude.
double julian_date_ut(Day day, double longitude_deg);

// Rotates equatorial unit vectors (x towards the March equinox, y towards 6h of right
// ascension, z towards the north celestial pole) into the world (+x east, +z south, y up).
glm::mat3 celestial_rotation(double local_sidereal_deg, double latitude_deg);

struct Sky {
  glm::vec3 sun_direction{0, 1, 0};
  double sun_elevation_deg = 0;
  double sun_right_ascension_deg = 0;  // the sun's equatorial place: celestial_to_world takes it to sun_direction
  double sun_declination_deg = 0;
  MoonState moon;
  glm::mat3 celestial_to_world{1};
  double local_sidereal_deg = 0;
};

// The ephemerides are evaluated at `day` and the hour turns the sky: where `day`'s own
// fraction is `hour` (a clock-following phase, a date-time --time) this is exact; where a
// phase holds the hour while days stream past, the moon stands where it is at `day` (within
// half a day's motion, ~6°, of its place at the hour shown) so it never jumps.
Sky sky_at(Day day, double hour, double latitude_deg, double longitude_deg);

}  // namespace scene
