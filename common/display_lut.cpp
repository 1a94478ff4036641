#include "common/display_lut.h"

#include <algorithm>
#include <cmath>

namespace common {

float DisplayLut::input_at(std::uint32_t i) const {
  const float t = size > 1 ? static_cast<float>(i) / static_cast<float>(size - 1) : 0.0f;
  return std::exp2(log2_min + t * (log2_max - log2_min));
}

float filmic_srgb(float x) {
  x = std::max(x, 0.0f);
  const float filmic = std::clamp((x * (2.51f * x + 0.03f)) / (x * (2.43f * x + 0.59f) + 0.14f), 0.0f, 1.0f);
  return filmic <= 0.0031308f ? filmic * 12.92f : 1.055f * std::pow(filmic, 1.0f / 2.4f) - 0.055f;
}

DisplayLut identity_display_lut(std::uint32_t size) {
  DisplayLut lut;
  lut.size = size;
  lut.description = "identity";
  lut.rgb.resize(static_cast<std::size_t>(size) * size * size * 3);
  std::size_t k = 0;
  for (std::uint32_t b = 0; b < size; ++b)
    for (std::uint32_t g = 0; g < size; ++g)
      for (std::uint32_t r = 0; r < size; ++r) {
        lut.rgb[k++] = lut.input_at(r);
        lut.rgb[k++] = lut.input_at(g);
        lut.rgb[k++] = lut.input_at(b);
      }
  return lut;
}

DisplayLut builtin_display_lut(std::uint32_t size) {
  DisplayLut lut = identity_display_lut(size);
  lut.description = "built-in filmic, sRGB";
  for (float& value : lut.rgb) value = filmic_srgb(value);  // per channel
  return lut;
}

}  // namespace common
