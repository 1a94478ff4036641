#include "scene/sim/sky.h"

#include <algorithm>
#include <cmath>

#include "scene/sim/angles.h"
#include "scene/sim/moon.h"
#include "scene/sim/sun.h"

namespace scene {

namespace {
constexpr double kEarthRadiusKm = 6378.14;
constexpr double kDaysPerYear = 365.25;
constexpr double kJ2000Day = 2451545.0;  // chronological day number of 1 January 2000
}  // namespace

double delta_t_days(double year) {
  const double u = (year - 1820.0) / 100.0;
  return (-20.0 + 32.0 * u * u) / 86400.0;
}

double julian_date_ut(Day day, double longitude_deg) {
  // A chronological day starts at local midnight, a Julian date at Greenwich noon.
  const double apparent_local = day - 0.5;
  const double mean_local = apparent_local - sun_equatorial(day).equation_of_time_h / 24.0;
  return mean_local - longitude_deg / 360.0;
}

glm::mat3 celestial_rotation(double local_sidereal_deg, double latitude_deg) {
  // Columns: where the equinox, the 6h point and the pole stand; linear in between.
  return glm::mat3(glm::vec3(sky_direction(local_sidereal_deg, 0, latitude_deg)),
                   glm::vec3(sky_direction(local_sidereal_deg - 90.0, 0, latitude_deg)),
                   glm::vec3(sky_direction(0, 90.0, latitude_deg)));
}

Sky sky_at(Day day, double hour, double latitude_deg, double longitude_deg) {
  Sky sky;
  // The sun's place for the same instant at Greenwich (a day's fraction at 114° E is 7.6 hours
  // ahead of it, 0.3° of the sun's yearly path).
  const Day universal_day = day - longitude_deg / 360.0;
  const SunPosition sun = sun_position(universal_day, hour, latitude_deg);
  const SunEquatorial sun_place = sun_equatorial(universal_day);
  sky.sun_direction = sun.direction;
  sky.sun_elevation_deg = sun.elevation_deg;
  sky.sun_right_ascension_deg = sun_place.right_ascension_deg;
  sky.sun_declination_deg = sun_place.declination_deg;
  sky.local_sidereal_deg = std::fmod(sun_place.right_ascension_deg + sun.hour_angle_deg + 720.0, 360.0);
  sky.celestial_to_world = celestial_rotation(sky.local_sidereal_deg, latitude_deg);

  const double jd_ut = julian_date_ut(day, longitude_deg);
  const double year = 2000.0 + (jd_ut - kJ2000Day) / kDaysPerYear;
  const MoonPosition moon = moon_position(jd_ut + delta_t_days(year));
  // Topocentric: seen from the ground, not the earth's centre (up to ~1° lower).
  const glm::dvec3 geocentric =
      sky_direction(sky.local_sidereal_deg - moon.right_ascension_deg, moon.declination_deg, latitude_deg);
  const glm::dvec3 seen = geocentric * moon.distance_km - glm::dvec3(0, kEarthRadiusKm, 0);
  sky.moon.direction = glm::vec3(glm::normalize(seen));
  sky.moon.illuminated = static_cast<float>(moon.illuminated);
  sky.moon.age_days = static_cast<float>(moon.age_days);
  sky.moon.waxing = moon.waxing;
  return sky;
}

}  // namespace scene
