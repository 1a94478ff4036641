#include "renderer/image_io.h"

#include <png.h>

#include <csetjmp>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "common/atomic_file.h"

namespace renderer {

namespace {
// One PNG writer for frames, mattes, screenshots and goldens: fixed, fast settings (zlib
// level 2, the "up" filter) so the same pixels are the same bytes on every run, and a
// film's frames do not take longer to write than to render.
bool write_png_file(const std::filesystem::path& file_path, std::uint32_t width, std::uint32_t height,
                    const std::vector<std::uint8_t>& rgb, std::string* why) {
  FILE* file = std::fopen(file_path.c_str(), "wb");
  if (!file) {
    *why = "cannot create " + file_path.string();
    return false;
  }
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  volatile bool ok = png && info;
  if (ok && setjmp(png_jmpbuf(png))) ok = false;
  if (ok) {
    png_init_io(png, file);
    png_set_compression_level(png, 2);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
    png_set_IHDR(png, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (std::uint32_t y = 0; y < height; ++y)
      png_write_row(png, const_cast<png_bytep>(&rgb[static_cast<size_t>(y) * width * 3]));
    png_write_end(png, nullptr);
  }
  png_destroy_write_struct(&png, &info);
  if (std::fclose(file) != 0) ok = false;
  if (!ok) *why = "disk full?";
  return ok;
}

// Beside `path` first, then renamed over it (common/atomic_file.h).
void write_rgb(const std::filesystem::path& path, std::uint32_t width, std::uint32_t height,
               const std::vector<std::uint8_t>& rgb) {
  std::string error;
  const auto write = [&](const std::filesystem::path& temp, std::string* why) {
    return write_png_file(temp, width, height, rgb, why);
  };
  if (!common::write_file_atomically_with(path, write, &error)) throw std::runtime_error(error);
}
}  // namespace

void write_png_rgb(const std::filesystem::path& path, std::uint32_t width, std::uint32_t height,
                   const std::vector<std::uint8_t>& rgba) {
  std::vector<std::uint8_t> rgb(static_cast<size_t>(width) * height * 3);
  for (size_t i = 0, n = static_cast<size_t>(width) * height; i < n; ++i)
    for (int c = 0; c < 3; ++c) rgb[i * 3 + c] = rgba[i * 4 + c];
  write_rgb(path, width, height, rgb);
}

void write_id_png(const std::filesystem::path& path, std::uint32_t width, std::uint32_t height,
                  const std::vector<std::uint32_t>& ids) {
  std::vector<std::uint8_t> rgb(static_cast<size_t>(width) * height * 3);
  for (size_t i = 0; i < ids.size(); ++i) {
    rgb[i * 3 + 0] = static_cast<std::uint8_t>(ids[i] & 0xFF);
    rgb[i * 3 + 1] = static_cast<std::uint8_t>((ids[i] >> 8) & 0xFF);
    rgb[i * 3 + 2] = static_cast<std::uint8_t>((ids[i] >> 16) & 0xFF);
  }
  write_rgb(path, width, height, rgb);
}

RgbaImage read_png(const std::filesystem::path& path) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&image, path.string().c_str()))
    throw std::runtime_error("cannot read " + path.string() + ": " + image.message);
  image.format = PNG_FORMAT_RGBA;
  RgbaImage out;
  out.width = image.width;
  out.height = image.height;
  out.pixels.resize(PNG_IMAGE_SIZE(image));
  if (!png_image_finish_read(&image, nullptr, out.pixels.data(), 0, nullptr)) {
    png_image_free(&image);
    throw std::runtime_error("cannot read " + path.string() + ": " + image.message);
  }
  return out;
}

}  // namespace renderer
