#include "renderer/image_compare.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace renderer {

ImageDifference compare(const RgbaImage& a, const RgbaImage& b, int outlier_threshold) {
  ImageDifference d;
  d.same_size = a.width == b.width && a.height == b.height && a.pixels.size() == b.pixels.size();
  if (!d.same_size || a.pixels.empty()) return d;
  const size_t pixels = static_cast<size_t>(a.width) * a.height;
  double sum = 0, squares = 0;
  size_t outliers = 0;
  for (size_t i = 0; i < pixels; ++i) {
    int largest = 0;
    for (int c = 0; c < 3; ++c) {
      const int diff = std::abs(static_cast<int>(a.pixels[i * 4 + c]) - static_cast<int>(b.pixels[i * 4 + c]));
      sum += diff;
      squares += static_cast<double>(diff) * diff;
      largest = std::max(largest, diff);
    }
    d.max_abs = std::max(d.max_abs, largest);
    if (largest > outlier_threshold) ++outliers;
  }
  d.mean_abs = sum / (pixels * 3.0);
  d.outlier_fraction = static_cast<double>(outliers) / pixels;
  const double mse = squares / (pixels * 3.0);
  d.psnr_db = mse == 0 ? std::numeric_limits<double>::infinity() : 10.0 * std::log10(255.0 * 255.0 / mse);
  return d;
}

RgbaImage difference_image(const RgbaImage& a, const RgbaImage& b) {
  RgbaImage out;
  if (a.width != b.width || a.height != b.height) return out;
  out.width = a.width;
  out.height = a.height;
  out.pixels.resize(a.pixels.size());
  for (size_t i = 0; i < a.pixels.size(); ++i)
    out.pixels[i] =
        (i % 4 == 3) ? 255 : static_cast<std::uint8_t>(std::min(255, 4 * std::abs(a.pixels[i] - b.pixels[i])));
  return out;
}

}  // namespace renderer
