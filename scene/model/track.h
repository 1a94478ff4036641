// A generic keyframe track: everything that moves or changes is one of these.
#pragma once

#include <algorithm>
#include <cmath>
#include <limits>
#include <type_traits>
#include <vector>

#include <glm/glm.hpp>

#include "scene/model/calendar.h"

namespace scene {

// step: hold each key until the next; linear; smooth: Catmull-Rom (cubic Hermite with
// tangents from the neighbouring keys); eased: smoothstep between each pair of keys.
enum class Interp { Step, Linear, Smooth, Eased };

template <class T>
struct Key {
  Day t = 0;
  T v{};
};

// A half-open interval of historical time in which something exists. Default: always.
struct Interval {
  Day from = -std::numeric_limits<Day>::infinity();
  Day to = std::numeric_limits<Day>::infinity();
  bool contains(Day t) const { return t >= from && t < to; }
};

namespace detail {
template <class T>
constexpr bool interpolable =
    std::is_floating_point_v<T> || std::is_same_v<T, glm::vec2> || std::is_same_v<T, glm::vec3>;
}

// Keys are sorted by t (the loader rejects files where they are not). Before the first key
// the track holds the first value, after the last key the last value.
template <class T>
struct Track {
  Interp interp = Interp::Linear;
  std::vector<Key<T>> keys;

  bool empty() const { return keys.empty(); }

  // Index of the last key with t <= time, or -1 before the first key.
  int segment(Day time) const {
    auto it = std::upper_bound(keys.begin(), keys.end(), time, [](Day value, const Key<T>& k) { return value < k.t; });
    return static_cast<int>(it - keys.begin()) - 1;
  }

  T sample(Day time, T fallback = T{}) const {
    if (keys.empty()) return fallback;
    const int i = segment(time);
    if (i < 0) return keys.front().v;
    if (i >= static_cast<int>(keys.size()) - 1) return keys.back().v;
    if constexpr (!detail::interpolable<T>) {
      return keys[i].v;  // enumerations and labels only ever step
    } else {
      const Key<T>& a = keys[i];
      const Key<T>& b = keys[i + 1];
      const double span = b.t - a.t;
      const float f = span > 0 ? static_cast<float>((time - a.t) / span) : 1.0f;
      switch (interp) {
        case Interp::Step:
          return a.v;
        case Interp::Linear:
          return a.v + (b.v - a.v) * f;
        case Interp::Eased: {
          const float s = f * f * (3.0f - 2.0f * f);
          return a.v + (b.v - a.v) * s;
        }
        case Interp::Smooth: {
          // Tangents scaled to this segment's length so uneven key spacing does not overshoot.
          const Key<T>& p = keys[i > 0 ? i - 1 : i];
          const Key<T>& q = keys[i + 2 < static_cast<int>(keys.size()) ? i + 2 : i + 1];
          const auto tangent = [&](const Key<T>& l, const Key<T>& r) -> T {
            const double dt = r.t - l.t;
            return dt > 0 ? (r.v - l.v) * static_cast<float>(span / dt) : T{};
          };
          const T m0 = tangent(p, b);
          const T m1 = tangent(a, q);
          const float f2 = f * f, f3 = f2 * f;
          return a.v * (2 * f3 - 3 * f2 + 1) + m0 * (f3 - 2 * f2 + f) + b.v * (-2 * f3 + 3 * f2) + m1 * (f3 - f2);
        }
      }
      return a.v;
    }
  }
};

}  // namespace scene
