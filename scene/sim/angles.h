// Degrees and radians for the sun, moon and sky computations.
#pragma once

#include <cmath>

namespace scene {

inline constexpr double kPi = 3.14159265358979323846;
inline constexpr double kRad = kPi / 180.0;  // radians per degree

// An angle in degrees brought into [0, 360).
inline double wrap360(double degrees) { return degrees - 360.0 * std::floor(degrees / 360.0); }

}  // namespace scene
