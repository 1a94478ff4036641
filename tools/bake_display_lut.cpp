// bake_display_lut: writes the built-in view (common::filmic_srgb) as the 1D table the
// shipped OCIO config's "Filmic" view reads, so a config and the built-in table agree.
//   bake_display_lut [OUTPUT]     (default: assets/ocio/luts/siege_filmic.spi1d)
// The table is indexed by (log2(x) - kLog2Min) / (kLog2Max - kLog2Min), which the config's
// AllocationTransform computes before it (assets/ocio/config.ocio; keep the two in step).
#include <cmath>
#include <cstdio>
#include <string>

#include "common/display_lut.h"

namespace {
constexpr int kEntries = 4096;
constexpr float kLog2Min = -14, kLog2Max = 6;
}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "assets/ocio/luts/siege_filmic.spi1d";
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (!f) {
    std::perror(path.c_str());
    return 1;
  }
  std::fprintf(f, "Version 1\nFrom 0.0 1.0\nLength %d\nComponents 1\n{\n", kEntries);
  for (int i = 0; i < kEntries; ++i) {
    const float t = static_cast<float>(i) / (kEntries - 1);
    std::fprintf(f, "  %.7f\n", common::filmic_srgb(std::exp2(kLog2Min + t * (kLog2Max - kLog2Min))));
  }
  std::fprintf(f, "}\n");
  if (std::fclose(f) != 0) {
    std::perror(path.c_str());
    return 1;
  }
  std::printf("wrote %s (%d entries)\n", path.c_str(), kEntries);
  return 0;
}
