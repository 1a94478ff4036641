#include "renderer/image_io.h"

#include <png.h>

#include <stdexcept>
#include <system_error>

namespace renderer {

namespace {
void write_rgb(const std::filesystem::path& path, std::uint32_t width, std::uint32_t height, const std::vector<std::uint8_t>& rgb) {
  std::filesystem::path temp = path;
  temp += ".partial";
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = width;
  image.height = height;
  image.format = PNG_FORMAT_RGB;
  if (!png_image_write_to_file(&image, temp.string().c_str(), 0, rgb.data(), 0, nullptr)) {
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    throw std::runtime_error("cannot write " + path.string() + ": " + image.message);
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) throw std::runtime_error("cannot write " + path.string() + ": " + ec.message());
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
