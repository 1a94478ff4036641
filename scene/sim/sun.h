// Where the sun stands: a low-precision solar position (good to a fraction of a degree, which
// is all shadows and sky colour need), from the date for the season and the local solar hour
// for the time of day.
#pragma once

#include <glm/glm.hpp>

#include "scene/model/calendar.h"

namespace scene {

// The sun against the stars at an instant (geocentric, equinox of date).
struct SunEquatorial {
  double ecliptic_longitude_deg = 0;
  double right_ascension_deg = 0;  // 0..360
  double declination_deg = 0;
  double equation_of_time_h = 0;  // apparent minus mean solar time, hours (within ±0.28)
};
// day: a Day (chronological, local midnight based); the longitude and the half day between
// local midnight and the epoch's noon shift the sun by a fraction of a degree, which the
// callers that need it (scene/sim/sky.h) correct for through julian_date_ut.
SunEquatorial sun_equatorial(Day day);

struct SunPosition {
  double declination_deg = 0;    // north of the celestial equator
  double hour_angle_deg = 0;     // west of the meridian: 0 at solar noon, +15 per hour after
  double elevation_deg = 0;      // above the horizon; negative at night
  double azimuth_deg = 0;        // clockwise from north: 90 east, 180 south
  glm::vec3 direction{0, 1, 0};  // unit vector towards the sun: +x east, +z south, y up
};

// day: any instant of the date (only the season is taken from it); solar_hour: local apparent
// solar time, 12 = the sun on the meridian; latitude in degrees north.
SunPosition sun_position(Day day, double solar_hour, double latitude_deg);

// A direction on the sky given by its hour angle (degrees west of the meridian) and
// declination, as a world vector at a latitude: +x east, +z south, y up.
glm::dvec3 sky_direction(double hour_angle_deg, double declination_deg, double latitude_deg);

}  // namespace scene
