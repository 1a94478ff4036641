// Comparing two images: for golden-image tests, LOD quality checks and the image diff tool.
#pragma once

#include <cstdint>
#include <vector>

#include "renderer/image_io.h"

namespace renderer {

struct ImageDifference {
  bool same_size = false;
  double mean_abs = 0;          // mean absolute difference per channel, 0..255
  int max_abs = 0;              // largest difference of any channel
  double outlier_fraction = 0;  // pixels whose largest channel difference exceeds the threshold
  double psnr_db = 0;           // peak signal-to-noise ratio over RGB; infinity when identical
};

// Compares RGB (alpha ignored). `outlier_threshold` is per channel, 0..255.
ImageDifference compare(const RgbaImage& a, const RgbaImage& b, int outlier_threshold = 24);
// A visualisation: black where equal, brighter where different (x4 amplified).
RgbaImage difference_image(const RgbaImage& a, const RgbaImage& b);

}  // namespace renderer
