// A DisplayLut on the GPU: the size³ lattice as size blue slices of size × size side by
// side in one 2D half-float image, so the tonemap reads it with two bilinear taps.
#pragma once

#include "common/display_lut.h"
#include "renderer/resources.h"

namespace renderer {

class DisplayLutImage {
 public:
  DisplayLutImage() = default;
  // Uploads and waits; leaves the image in SHADER_READ_ONLY_OPTIMAL. Throws
  // std::invalid_argument on a malformed table (wrong size, too few or too many points).
  DisplayLutImage(Context& context, const common::DisplayLut& lut);

  VkImageView view() const { return image_.view(); }
  std::uint32_t size() const { return size_; }
  float log2_min() const { return log2_min_; }
  float log2_max() const { return log2_max_; }

 private:
  Image image_;
  std::uint32_t size_ = 0;
  float log2_min_ = 0, log2_max_ = 1;
};

}  // namespace renderer
