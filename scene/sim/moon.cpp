#include "scene/sim/moon.h"

#include <algorithm>
#include <cmath>

#include "scene/sim/angles.h"

namespace scene {

namespace {

constexpr double kJ2000 = 2451545.0;
constexpr double kAuKm = 149597870.7;

// The sun's geocentric ecliptic longitude and distance at T (Julian centuries from J2000),
// to about 0.01°: enough for the moon's elongation and phase.
void sun_ecliptic(double T, double& longitude_deg, double& distance_km) {
  const double L0 = 280.46646 + 36000.76983 * T;
  const double M = (357.52911 + 35999.05029 * T) * kRad;
  const double e = 0.016708634 - 0.000042037 * T;
  const double C = (1.914602 - 0.004817 * T) * std::sin(M) + 0.019993 * std::sin(2 * M) + 0.000289 * std::sin(3 * M);
  longitude_deg = wrap360(L0 + C);
  const double v = M + C * kRad;
  distance_km = kAuKm * 1.000001018 * (1 - e * e) / (1 + e * std::cos(v));
}

// Everything but the age.
MoonPosition moon_place(double jd_tt) {
  const double T = (jd_tt - kJ2000) / 36525.0;
  const double T2 = T * T;
  // Mean elements (degrees): the moon's mean longitude, its mean elongation from the sun, the
  // sun's and the moon's mean anomalies, the moon's argument of latitude. The T² terms hold
  // the tidal slowing that matters over eight centuries.
  const double Lp = 218.3164477 + 481267.88123421 * T - 0.0015786 * T2;
  const double D = (297.8501921 + 445267.1114034 * T - 0.0018819 * T2) * kRad;
  const double M = (357.5291092 + 35999.0502909 * T - 0.0001536 * T2) * kRad;
  const double Mp = (134.9633964 + 477198.8675055 * T + 0.0087414 * T2) * kRad;
  const double F = (93.2720950 + 483202.0175233 * T - 0.0036539 * T2) * kRad;

  // The largest periodic terms: the equation of centre, evection, variation, the annual
  // equation and the reduction to the ecliptic; each term left out is under 0.05°.
  const double longitude = Lp + 6.288774 * std::sin(Mp) + 1.274027 * std::sin(2 * D - Mp) + 0.658314 * std::sin(2 * D) +
                           0.213618 * std::sin(2 * Mp) - 0.185116 * std::sin(M) - 0.114332 * std::sin(2 * F) +
                           0.058793 * std::sin(2 * D - 2 * Mp) + 0.057066 * std::sin(2 * D - M - Mp) +
                           0.053322 * std::sin(2 * D + Mp) + 0.045758 * std::sin(2 * D - M) -
                           0.040923 * std::sin(M - Mp) - 0.034720 * std::sin(D) - 0.030383 * std::sin(M + Mp);
  const double latitude = 5.128122 * std::sin(F) + 0.280602 * std::sin(Mp + F) + 0.277693 * std::sin(Mp - F) +
                          0.173237 * std::sin(2 * D - F) + 0.055413 * std::sin(2 * D - Mp + F) +
                          0.046271 * std::sin(2 * D - Mp - F) + 0.032573 * std::sin(2 * D + F);
  const double distance = 385000.56 - 20905.355 * std::cos(Mp) - 3699.111 * std::cos(2 * D - Mp) -
                          2955.968 * std::cos(2 * D) - 569.925 * std::cos(2 * Mp);

  MoonPosition moon;
  moon.ecliptic_longitude_deg = wrap360(longitude);
  moon.ecliptic_latitude_deg = latitude;
  moon.distance_km = distance;

  const double obliquity = (23.439291 - 0.0130042 * T) * kRad;
  const double lambda = moon.ecliptic_longitude_deg * kRad, beta = latitude * kRad;
  moon.right_ascension_deg = wrap360(
      std::atan2(std::sin(lambda) * std::cos(obliquity) - std::tan(beta) * std::sin(obliquity), std::cos(lambda)) /
      kRad);
  moon.declination_deg =
      std::asin(std::sin(beta) * std::cos(obliquity) + std::cos(beta) * std::sin(obliquity) * std::sin(lambda)) / kRad;

  // Phase: the angle sun–moon–earth from the elongation and the two distances.
  double sun_longitude = 0, sun_distance = 0;
  sun_ecliptic(T, sun_longitude, sun_distance);
  moon.elongation_deg = wrap360(moon.ecliptic_longitude_deg - sun_longitude);
  const double psi = std::acos(std::cos(beta) * std::cos(moon.elongation_deg * kRad));
  const double phase_angle = std::atan2(sun_distance * std::sin(psi), distance - sun_distance * std::cos(psi));
  moon.illuminated = (1 + std::cos(phase_angle)) / 2;
  moon.waxing = moon.elongation_deg < 180.0;
  return moon;
}

}  // namespace

MoonPosition moon_position(double jd_tt) {
  MoonPosition moon = moon_place(jd_tt);
  // The age is the time since the conjunction, not the elongation at a mean rate (the moon
  // runs up to 15% fast or slow): step back to where the elongation was 0, correcting the
  // guess by the elongation left over there; three steps settle to minutes.
  double age = moon.elongation_deg / 360.0 * kSynodicMonthDays;
  for (int step = 0; step < 3; ++step) {
    double left = moon_place(jd_tt - age).elongation_deg;
    if (left > 180.0) left -= 360.0;
    age += left / 360.0 * kSynodicMonthDays;
  }
  moon.age_days = std::clamp(age, 0.0, kSynodicMonthDays);
  return moon;
}

}  // namespace scene
