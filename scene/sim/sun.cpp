#include "scene/sim/sun.h"

#include <algorithm>
#include <cmath>

namespace scene {

namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kRad = kPi / 180.0;
// Day number (chronological, local midnight) of 1 January 2000, 12:00, the J2000.0 epoch
// the mean elements below count from; the half day and the longitude do not matter for
// the declination at this precision.
constexpr double kJ2000 = 2451545.5;
}  // namespace

SunPosition sun_position(Day day, double solar_hour, double latitude_deg) {
  // Ecliptic longitude from the mean longitude and the equation of centre. The rates are
  // per tropical year, so the seasons stay right over the centuries between J2000 and 1233.
  const double n = day - kJ2000;
  const double mean_longitude = 280.460 + 0.9856474 * n;
  const double mean_anomaly = (357.528 + 0.9856003 * n) * kRad;
  const double ecliptic_longitude =
      (mean_longitude + 1.915 * std::sin(mean_anomaly) + 0.020 * std::sin(2 * mean_anomaly)) * kRad;
  const double obliquity = (23.439 - 0.0000004 * n) * kRad;
  const double declination = std::asin(std::sin(obliquity) * std::sin(ecliptic_longitude));

  const double hour_angle = (solar_hour - 12.0) * 15.0 * kRad;
  const double latitude = latitude_deg * kRad;

  // The sun's direction in local east/north/up coordinates.
  const double east = -std::cos(declination) * std::sin(hour_angle);
  const double north =
      std::cos(latitude) * std::sin(declination) - std::sin(latitude) * std::cos(declination) * std::cos(hour_angle);
  const double up =
      std::sin(latitude) * std::sin(declination) + std::cos(latitude) * std::cos(declination) * std::cos(hour_angle);

  SunPosition sun;
  sun.declination_deg = declination / kRad;
  sun.hour_angle_deg = hour_angle / kRad;
  sun.elevation_deg = std::asin(std::clamp(up, -1.0, 1.0)) / kRad;
  double azimuth = std::atan2(east, north) / kRad;
  sun.azimuth_deg = azimuth < 0 ? azimuth + 360.0 : azimuth;
  sun.direction =
      glm::normalize(glm::vec3(static_cast<float>(east), static_cast<float>(up), static_cast<float>(-north)));
  return sun;
}

}  // namespace scene
