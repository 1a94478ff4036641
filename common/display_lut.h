// The display transform as a table: scene-linear Rec.709 radiance → display-encoded RGB,
// baked from an OCIO config by the application (app/core/display_transform.h) or built in.
// The tonemap pass looks every pixel up in it, so the viewer, stills and films all show what
// the chosen config's display and view say.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace common {

struct DisplayLut {
  // Lattice points per axis. Each axis is indexed by log2 of the input from log2_min to
  // log2_max: a film curve spans many stops, and a linear axis would give the shadows a
  // handful of points.
  std::uint32_t size = 0;
  float log2_min = -14, log2_max = 6;
  std::vector<float> rgb;   // size³ × 3, red fastest, then green, then blue; display-encoded 0..1
  std::string description;  // what made it, for manifests and messages
  // The input value of lattice point i on every axis.
  float input_at(std::uint32_t i) const;
};

// The built-in view: the filmic curve (a rational fit of the ACES reference rendering
// transform) then the sRGB encoding, per channel. assets/ocio/config.ocio's default view is
// the same curve as a 1D table (tools/bake_display_lut writes it from this function).
float filmic_srgb(float linear);

// A table holding each lattice point's own input (the identity): what a display transform is
// then applied to, value by value.
DisplayLut identity_display_lut(std::uint32_t size);

// The built-in view as a table.
DisplayLut builtin_display_lut(std::uint32_t size = 65);

}  // namespace common
