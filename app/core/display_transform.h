// The display transform from an OpenColorIO config: which config, display and view, baked
// into the table the renderer's tonemap applies (common/display_lut.h). The shipped config
// (assets/ocio/config.ocio) reproduces the built-in look; --ocio or $OCIO chooses another.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "common/display_lut.h"

namespace app {

struct DisplayChoice {
  std::string config;  // an OCIO config file; empty: $OCIO, else the shipped config
  std::string view;    // "Display/View" or a view of the default display; empty: the config's defaults
};

// assets/ocio/config.ocio in the source tree ($SIEGE_OCIO_DIR/config.ocio overrides where).
std::filesystem::path shipped_ocio_config();

// The config a choice reads: its own, else $OCIO, else the shipped one.
std::filesystem::path chosen_ocio_config(const DisplayChoice& choice);

// Bakes the choice's display and view, read from scene-linear Rec.709 (the config's colour
// space of that name or a usual alias), into a table of `size` points per axis. Throws
// std::runtime_error naming the config and what is wrong: no such file, a config OCIO
// refuses, an unknown display or view, no linear Rec.709 colour space.
common::DisplayLut bake_display_lut(const DisplayChoice& choice, std::uint32_t size = 65);

}  // namespace app
