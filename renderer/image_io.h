// PNG files for frames, ID mattes and golden images.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace renderer {

struct RgbaImage {
  std::uint32_t width = 0, height = 0;
  std::vector<std::uint8_t> pixels;  // RGBA8, top row first
};

// Writes RGB (alpha dropped) to a temporary file beside `path`, flushed and then renamed over
// it (common/atomic_file.h), so a reader never sees half a file. Throws std::runtime_error
// naming the path on failure.
void write_png_rgb(const std::filesystem::path& path, std::uint32_t width, std::uint32_t height,
                   const std::vector<std::uint8_t>& rgba);
// Object ids as 24-bit colour: id = r + 256 g + 65536 b.
void write_id_png(const std::filesystem::path& path, std::uint32_t width, std::uint32_t height,
                  const std::vector<std::uint32_t>& ids);
// Reads any PNG as RGBA8. Throws std::runtime_error naming the path on failure.
RgbaImage read_png(const std::filesystem::path& path);

}  // namespace renderer
