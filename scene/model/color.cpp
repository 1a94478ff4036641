#include "scene/model/color.h"

#include <algorithm>
#include <cmath>

namespace scene {

std::uint32_t pack_color(glm::vec3 c, float alpha) {
  const auto byte = [](float v) { return static_cast<std::uint32_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); };
  return byte(c.r) | byte(c.g) << 8 | byte(c.b) << 16 | byte(alpha) << 24;
}

glm::vec4 unpack_color(std::uint32_t c) {
  return glm::vec4(static_cast<float>(c & 0xFF), static_cast<float>((c >> 8) & 0xFF),
                   static_cast<float>((c >> 16) & 0xFF), static_cast<float>(c >> 24)) /
         255.0f;
}

}  // namespace scene
