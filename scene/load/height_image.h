// Reading a scenario's heightmap image (libpng), for the ground the loader derives.
#pragma once

#include <filesystem>
#include <string>

#include "scene/model/heightfield.h"

namespace scene {

// Reads a greyscale heightmap PNG as raw 16-bit values (8-bit files are scaled, not
// gamma-decoded). False with `error` set when the file cannot be read or is under 2x2.
bool read_height_image(const std::filesystem::path& path, HeightImage& out, std::string& error);

}  // namespace scene
