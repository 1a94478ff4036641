#include "renderer/kept_shadows.h"

#include <cmath>

namespace renderer {

bool KeptShadows::serves(const ShadowFit& wanted, glm::vec3 light, double at_s, std::uint64_t casters) const {
  return valid_ && wanted.enabled() && casters == casters_ && std::abs(at_s - at_s_) <= kMaxAge_s &&
         glm::dot(glm::normalize(light), light_) >= std::cos(glm::radians(kMaxTurn_deg)) && fit_.covers(wanted);
}

void KeptShadows::keep(const ShadowFit& drawn, glm::vec3 light, double at_s, std::uint64_t casters) {
  valid_ = drawn.enabled();
  fit_ = drawn;
  light_ = glm::normalize(light);
  at_s_ = at_s;
  casters_ = casters;
}

}  // namespace renderer
