#include "scene/load/height_image.h"

#include <png.h>

#include <algorithm>
#include <vector>

namespace scene {

bool read_height_image_size(const std::filesystem::path& path, int& width, int& height, std::string& error) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  // The simplified API reads the signature and header chunks here, and no pixels.
  if (!png_image_begin_read_from_file(&image, path.string().c_str())) {
    error = image.message;
    return false;
  }
  width = static_cast<int>(std::min<png_uint_32>(image.width, 1u << 30));
  height = static_cast<int>(std::min<png_uint_32>(image.height, 1u << 30));
  png_image_free(&image);
  return true;
}

bool read_height_image(const std::filesystem::path& path, HeightImage& out, std::string& error) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_file(&image, path.string().c_str())) {
    error = image.message;
    return false;
  }
  if (image.width > kMaxHeightImageSide || image.height > kMaxHeightImageSide) {
    error = std::to_string(image.width) + "x" + std::to_string(image.height) + " pixels, over the " +
            std::to_string(kMaxHeightImageSide) + " a side that are read";
    png_image_free(&image);
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
