#include "app/film/downsample.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace app::film {

std::vector<std::uint8_t> downsample(const std::vector<std::uint8_t>& rgba, std::uint32_t width, std::uint32_t height,
                                     std::uint32_t n) {
  static const auto tables = [] {
    struct Tables {
      std::array<std::uint16_t, 256> to_linear;
      std::vector<std::uint8_t> to_srgb;
    } t;
    for (int i = 0; i < 256; ++i) {
      const double c = i / 255.0;
      const double l = c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
      t.to_linear[static_cast<size_t>(i)] = static_cast<std::uint16_t>(std::lround(l * 65535.0));
    }
    t.to_srgb.resize(65536);
    for (int i = 0; i < 65536; ++i) {
      const double l = i / 65535.0;
      const double c = l <= 0.0031308 ? l * 12.92 : 1.055 * std::pow(l, 1 / 2.4) - 0.055;
      t.to_srgb[static_cast<size_t>(i)] = static_cast<std::uint8_t>(std::clamp(std::lround(c * 255.0), 0L, 255L));
    }
    return t;
  }();
  const std::uint32_t w = width / n, h = height / n, count = n * n;
  std::vector<std::uint8_t> out(static_cast<size_t>(w) * h * 4);
  for (std::uint32_t y = 0; y < h; ++y)
    for (std::uint32_t x = 0; x < w; ++x) {
      std::uint32_t sum[3] = {0, 0, 0};
      for (std::uint32_t sy = 0; sy < n; ++sy) {
        const std::uint8_t* row = &rgba[((static_cast<size_t>(y) * n + sy) * width + static_cast<size_t>(x) * n) * 4];
        for (std::uint32_t sx = 0; sx < n; ++sx)
          for (int c = 0; c < 3; ++c) sum[c] += tables.to_linear[row[sx * 4 + c]];
      }
      std::uint8_t* p = &out[(static_cast<size_t>(y) * w + x) * 4];
      for (int c = 0; c < 3; ++c) p[c] = tables.to_srgb[(sum[c] + count / 2) / count];
      p[3] = 255;
    }
  return out;
}

std::vector<std::uint32_t> downsample_ids(const std::vector<std::uint32_t>& ids, std::uint32_t width,
                                          std::uint32_t height, std::uint32_t n) {
  const std::uint32_t w = width / n, h = height / n;
  std::vector<std::uint32_t> out(static_cast<size_t>(w) * h);
  for (std::uint32_t y = 0; y < h; ++y)
    for (std::uint32_t x = 0; x < w; ++x)
      out[static_cast<size_t>(y) * w + x] = ids[(static_cast<size_t>(y) * n + n / 2) * width + x * n + n / 2];
  return out;
}

}  // namespace app::film
