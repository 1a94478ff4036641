#include "scene/sim/sun.h"

#include <algorithm>
#include <cmath>

#include "scene/sim/angles.h"

namespace scene {

namespace {
// Day number (chronological, local midnight) of 1 January 2000, 12:00, the J2000.0 epoch
// the mean elements below count from.
constexpr double kJ2000 = 2451545.5;

double wrap180(double degrees) { return degrees - 360.0 * std::floor((degrees + 180.0) / 360.0); }
}  // namespace

SunEquatorial sun_equatorial(Day day) {
  // Ecliptic longitude from the mean longitude and the equation of centre. The rates are
  // per tropical year, so the seasons stay right over the centuries between J2000 and 1233.
  const double n = day - kJ2000;
  const double mean_longitude = 280.460 + 0.9856474 * n;
  const double mean_anomaly = (357.528 + 0.9856003 * n) * kRad;
  const double ecliptic_longitude =
      (mean_longitude + 1.915 * std::sin(mean_anomaly) + 0.020 * std::sin(2 * mean_anomaly)) * kRad;
  const double obliquity = (23.439 - 0.0000004 * n) * kRad;

  SunEquatorial sun;
  sun.ecliptic_longitude_deg = wrap360(ecliptic_longitude / kRad);
  sun.declination_deg = std::asin(std::sin(obliquity) * std::sin(ecliptic_longitude)) / kRad;
  const double ra = std::atan2(std::cos(obliquity) * std::sin(ecliptic_longitude), std::cos(ecliptic_longitude)) / kRad;
  sun.right_ascension_deg = ra < 0 ? ra + 360.0 : ra;
  // The mean sun runs along the equator at the mean longitude; the apparent one is ahead of
  // it by this much (4 minutes of time per degree).
  sun.equation_of_time_h = wrap180(mean_longitude - sun.right_ascension_deg) / 15.0;
  return sun;
}

glm::dvec3 sky_direction(double hour_angle_deg, double declination_deg, double latitude_deg) {
  const double h = hour_angle_deg * kRad, d = declination_deg * kRad, phi = latitude_deg * kRad;
  const double east = -std::cos(d) * std::sin(h);
  const double north = std::cos(phi) * std::sin(d) - std::sin(phi) * std::cos(d) * std::cos(h);
  const double up = std::sin(phi) * std::sin(d) + std::cos(phi) * std::cos(d) * std::cos(h);
  return {east, up, -north};
}

SunPosition sun_position(Day day, double solar_hour, double latitude_deg) {
  const SunEquatorial equatorial = sun_equatorial(day);
  const double hour_angle = (solar_hour - 12.0) * 15.0;
  const glm::dvec3 d = sky_direction(hour_angle, equatorial.declination_deg, latitude_deg);

  SunPosition sun;
  sun.declination_deg = equatorial.declination_deg;
  sun.hour_angle_deg = hour_angle;
  sun.elevation_deg = std::asin(std::clamp(d.y, -1.0, 1.0)) / kRad;
  const double azimuth = std::atan2(d.x, -d.z) / kRad;
  sun.azimuth_deg = azimuth < 0 ? azimuth + 360.0 : azimuth;
  sun.direction = glm::normalize(glm::vec3(d));
  return sun;
}

}  // namespace scene
