// Where the sun stands: a low-precision solar position (good to a fraction of a degree, which
// is all shadows and sky colour need), from the date for the season and the local solar hour
// for the time of day.
#pragma once

#include <glm/glm.hpp>

#include "scene/model/calendar.h"

namespace scene {

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

}  // namespace scene
