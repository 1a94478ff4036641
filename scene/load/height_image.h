// Reading a scenario's heightmap image (libpng), for the ground the loader derives.
#pragma once

#include <filesystem>
#include <string>

#include "scene/model/heightfield.h"

namespace scene {

// The largest heightmap read, per side: 8192 x 8192 16-bit samples are 128 MiB. The ground
// grid is at most 2048 samples a side (resolution), so more would add nothing but time and memory.
inline constexpr int kMaxHeightImageSide = 8192;

// The size a PNG's header declares, without decoding it. False with `error` set when the file
// cannot be opened or is no PNG.
bool read_height_image_size(const std::filesystem::path& path, int& width, int& height, std::string& error);

// Reads a greyscale heightmap PNG as raw 16-bit values (8-bit files are scaled, not
// gamma-decoded). False with `error` set when the file cannot be read, is under 2x2 or over
// kMaxHeightImageSide a side (refused from its header, before anything is allocated).
bool read_height_image(const std::filesystem::path& path, HeightImage& out, std::string& error);

}  // namespace scene
