// Where the moon stands and how much of it is lit: a low-precision lunar theory (the mean
// elements and the largest periodic terms of Meeus, Astronomical Algorithms ch. 47), good to
// about 0.3° in longitude and latitude, which is far below what a picture can show.
#pragma once

namespace scene {

inline constexpr double kSynodicMonthDays = 29.530589;

struct MoonPosition {
  double ecliptic_longitude_deg = 0;  // geocentric, equinox of date, 0..360
  double ecliptic_latitude_deg = 0;
  double distance_km = 385000;
  double right_ascension_deg = 0;  // 0..360
  double declination_deg = 0;
  double elongation_deg = 0;  // moon's minus sun's ecliptic longitude, 0..360: 0 new, 180 full
  double illuminated = 0;     // fraction of the disc lit, 0..1
  double age_days = 0;        // days since the last new moon (conjunction), 0..29.53
  bool waxing = true;         // elongation under 180°
};

// jd_tt: Julian date in terrestrial time (scene/sim/sky.h converts a local day to it).
MoonPosition moon_position(double jd_tt);

}  // namespace scene
