#include "scene/sim/season.h"

#include <cmath>

#include <glm/glm.hpp>

namespace scene {

Foliage foliage_at(Day day) {
  // Mid-month values, January first, interpolated between months.
  constexpr float kLeaves[12] = {0.0f, 0.0f, 0.05f, 0.45f, 0.95f, 1.0f, 1.0f, 1.0f, 1.0f, 0.9f, 0.35f, 0.02f};
  constexpr float kAutumn[12] = {0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.05f, 0.1f, 0.25f, 0.7f, 0.95f, 1.0f};
  const CivilDate date = civil_date(static_cast<std::int64_t>(std::floor(day)), Calendar::Julian);
  const float month = static_cast<float>(date.month - 1) + (static_cast<float>(date.day) - 15.5f) / 30.5f;
  const float m = month < 0 ? month + 12 : month;
  const int a = static_cast<int>(m) % 12, b = (a + 1) % 12;
  const float f = m - std::floor(m);
  return {glm::mix(kLeaves[a], kLeaves[b], f), glm::mix(kAutumn[a], kAutumn[b], f)};
}

}  // namespace scene
