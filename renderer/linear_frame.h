// A film frame in scene-linear light, before any display transform: what an OpenEXR file
// stores (beauty, depth, normals) and what Cryptomatte's coverage is counted from.
#pragma once

#include <cstdint>
#include <vector>

namespace renderer {

struct LinearFrame {
  std::uint32_t width = 0, height = 0;  // output pixels, top row first in every plane
  // Exposed scene-linear Rec.709 radiance (what the display transform receives, bloom
  // included), averaged over the sub-samples; alpha is the share of sub-samples that saw
  // something other than sky (0 where only sky shows; the sky's radiance stays in rgb).
  std::vector<float> rgba;  // width * height * 4
  // Distance from the eye along the view axis in metres, from the frame's centre sample;
  // +infinity where only sky shows.
  std::vector<float> depth;  // width * height
  // World-space unit normals (x, y, z; +y up), from the centre sample; 0 where only sky shows.
  std::vector<float> normals;  // width * height * 3
  // Object ids as the ID pass writes them (0 = nothing), one plane per sub-sample, so that
  // a matte's coverage of a pixel is the share of sub-samples it was seen in.
  std::vector<std::vector<std::uint32_t>> sample_ids;
};

}  // namespace renderer
