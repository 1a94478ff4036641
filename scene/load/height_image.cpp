#include "scene/load/height_image.h"

#include <png.h>

namespace scene {

// Reads a greyscale heightmap PNG as raw 16-bit values (8-bit files are scaled, not gamma-decoded).
bool read_height_image(const std::filesystem::path& path, HeightImage& out, std::string& error) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&image, path.string().c_str())) {
    error = image.message;
    return false;
  }
  const bool sixteen = (image.format & PNG_FORMAT_FLAG_LINEAR) != 0;
  image.format = sixteen ? PNG_FORMAT_LINEAR_Y : PNG_FORMAT_GRAY;
  std::vector<std::uint8_t> buffer(PNG_IMAGE_SIZE(image));
  if (!png_image_finish_read(&image, nullptr, buffer.data(), 0, nullptr)) {
    error = image.message;
    png_image_free(&image);
    return false;
  }
  out.width = static_cast<int>(image.width);
  out.height = static_cast<int>(image.height);
  out.values.resize(static_cast<size_t>(out.width) * out.height);
  for (size_t i = 0; i < out.values.size(); ++i)
    out.values[i] = sixteen ? reinterpret_cast<const std::uint16_t*>(buffer.data())[i]
                            : static_cast<std::uint16_t>(buffer[i] * 257);
  return out.width >= 2 && out.height >= 2;
}

}  // namespace scene
