#include "app/film/caption_layer.h"

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include <png.h>

#include "common/atomic_file.h"

namespace app {

namespace {

bool write_rgba_png(const std::filesystem::path& path, std::uint32_t width, std::uint32_t height,
                    const std::vector<std::uint8_t>& rgba, std::string* why) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (!file) {
    if (why) *why = "cannot create the file";
    return false;
  }
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  bool ok = png && info;
  if (ok && setjmp(png_jmpbuf(png))) ok = false;
  if (ok) {
    png_init_io(png, file);
    png_set_compression_level(png, 2);  // mostly transparent: compresses well even at 2
    png_set_IHDR(png, info, width, height, 8, PNG_COLOR_TYPE_RGBA, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (std::uint32_t y = 0; y < height; ++y)
      png_write_row(png, const_cast<png_bytep>(&rgba[static_cast<std::size_t>(y) * width * 4]));
    png_write_end(png, nullptr);
  }
  png_destroy_write_struct(&png, &info);
  ok = std::fclose(file) == 0 && ok;
  if (!ok && why) *why = "libpng failed";
  return ok;
}

}  // namespace

bool captions_separate(const std::string& captions_option) { return captions_option == "separate"; }

std::string caption_layer_path(const std::string& out, bool video, const std::string& frame_path, std::int64_t frame) {
  if (video) {
    const std::filesystem::path o(out);
    char name[48];
    std::snprintf(name, sizeof name, "captions_%06lld.png", static_cast<long long>(frame));
    return (o.parent_path() / (o.stem().string() + "_captions") / name).string();
  }
  const std::filesystem::path p(frame_path);
  return (p.parent_path() / (p.stem().string() + ".captions.png")).string();
}

std::vector<std::uint8_t> finish_caption_layer(const std::vector<std::uint8_t>& premultiplied, std::uint32_t width,
                                               std::uint32_t height, std::uint32_t n) {
  const std::uint32_t w = width / n, h = height / n, samples = n * n;
  std::vector<std::uint8_t> out(static_cast<std::size_t>(w) * h * 4);
  for (std::uint32_t y = 0; y < h; ++y)
    for (std::uint32_t x = 0; x < w; ++x) {
      std::uint32_t sum[4] = {0, 0, 0, 0};  // premultiplied values average correctly
      for (std::uint32_t dy = 0; dy < n; ++dy)
        for (std::uint32_t dx = 0; dx < n; ++dx)
          for (int c = 0; c < 4; ++c)
            sum[c] += premultiplied[(static_cast<std::size_t>(y * n + dy) * width + x * n + dx) * 4 + c];
      std::uint8_t* px = &out[(static_cast<std::size_t>(y) * w + x) * 4];
      const std::uint32_t a = (sum[3] + samples / 2) / samples;
      px[3] = static_cast<std::uint8_t>(a);
      for (int c = 0; c < 3; ++c)  // straight = premultiplied / alpha, rounded, 0 where transparent
        px[c] = a == 0 ? 0
                       : static_cast<std::uint8_t>(
                             std::min<std::uint32_t>(255, (sum[c] * 255 + a * samples / 2) / (a * samples)));
    }
  return out;
}

namespace {
// Box filter, straight alpha, PNG: the CPU half of a layer, which may run on another thread.
void store_caption_layer(const std::vector<std::uint8_t>& premultiplied, std::uint32_t width, std::uint32_t height,
                         std::uint32_t n, const std::string& path) {
  const std::vector<std::uint8_t> layer = finish_caption_layer(premultiplied, width * n, height * n, n);
  std::string error;
  const auto write = [&](const std::filesystem::path& temporary, std::string* why) {
    return write_rgba_png(temporary, width, height, layer, why);
  };
  if (!common::write_file_atomically_with(path, write, &error, common::Temporary::PerProcess))
    throw std::runtime_error(error);
}
}  // namespace

void write_caption_layer(CaptionPass& captions, const scene::Snapshot& snapshot, std::uint32_t width,
                         std::uint32_t height, std::uint32_t n, const std::string& path) {
  store_caption_layer(captions.render_layer(snapshot, {width * n, height * n}), width, height, n, path);
}

CaptionLayerWriter::~CaptionLayerWriter() {
  try {
    drain();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "siege render: %s\n", e.what());
  }
}

void CaptionLayerWriter::submit(CaptionPass& captions, const scene::Snapshot& snapshot, std::uint32_t width,
                                std::uint32_t height, std::uint32_t n, const std::string& path) {
  std::vector<std::uint8_t> premultiplied = captions.render_layer(snapshot, {width * n, height * n});
  drain();
  pending_ = std::async(std::launch::async, [layer = std::move(premultiplied), width, height, n, path] {
    store_caption_layer(layer, width, height, n, path);
  });
}

void CaptionLayerWriter::drain() {
  if (pending_.valid()) pending_.get();  // rethrows the write's failure
}

}  // namespace app
