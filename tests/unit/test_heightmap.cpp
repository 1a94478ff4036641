// Heightmap images: read into the ground when they are sane, refused from their header when
// they declare more pixels than are read, and a warning with the line when they cannot be.
#include <png.h>

#include <catch2/catch.hpp>

#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "file_fixtures.h"
#include "load_test_support.h"
#include "scene/load/height_image.h"
#include "scene/model/heightfield.h"

namespace fs = std::filesystem;

namespace {

// A scenario whose terrain is the heightmap "hm.png" beside it, 0..100 m.
std::string scenario_with_heightmap() {
  return load_test::scenario(
      {{"terrain",
        R"({"extent": [-3000, -3000, 3000, 3000], "resolution": 16, "heightmap": {"image": "hm.png", "min_height": 0, "max_height": 100}})"}});
}

std::uint32_t crc32(const std::uint8_t* data, std::size_t n, std::uint32_t crc = 0xFFFFFFFFu) {
  for (std::size_t i = 0; i < n; ++i) {
    crc ^= data[i];
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return crc;
}

void put32(std::vector<std::uint8_t>& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(v >> shift));
}

// A PNG of a few dozen bytes whose header declares width x height (16-bit grey) and whose
// data is one empty deflate block: what an attacker sends to make a loader allocate gigabytes.
void write_lying_png(const fs::path& file, std::uint32_t width, std::uint32_t height) {
  std::vector<std::uint8_t> out = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  const auto chunk = [&](const char* type, const std::vector<std::uint8_t>& data) {
    put32(out, static_cast<std::uint32_t>(data.size()));
    const std::size_t start = out.size();
    out.insert(out.end(), type, type + 4);
    out.insert(out.end(), data.begin(), data.end());
    put32(out, crc32(out.data() + start, out.size() - start) ^ 0xFFFFFFFFu);
  };
  std::vector<std::uint8_t> ihdr;
  put32(ihdr, width);
  put32(ihdr, height);
  ihdr.insert(ihdr.end(), {16, 0, 0, 0, 0});  // 16-bit greyscale, deflate, no filter, no interlace
  chunk("IHDR", ihdr);
  chunk("IDAT", {0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
  chunk("IEND", {});
  std::ofstream(file, std::ios::binary)
      .write(reinterpret_cast<const char*>(out.data()), static_cast<std::streamsize>(out.size()));
}

// A real 16-bit greyscale PNG: a ramp from 0 at the west edge to 65535 at the east.
void write_ramp_png(const fs::path& file, int width, int height) {
  std::vector<std::uint16_t> pixels(static_cast<std::size_t>(width) * height);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      pixels[static_cast<std::size_t>(y) * width + x] = static_cast<std::uint16_t>(65535 * x / (width - 1));
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(width);
  image.height = static_cast<png_uint_32>(height);
  image.format = PNG_FORMAT_LINEAR_Y;
  REQUIRE(png_image_write_to_file(&image, file.string().c_str(), 0, pixels.data(), 0, nullptr));
}

}  // namespace

TEST_CASE("heightmap: a sane image becomes the ground", "[load][heightmap]") {
  const fs::path dir = file_fixtures::fresh_dir("heightmap-ramp");
  write_ramp_png(dir / "hm.png", 64, 64);
  const scene::LoadResult r = scene::load_scenario_text(scenario_with_heightmap(), (dir / "s.json").string());
  INFO(load_test::errors(r).size());
  REQUIRE(r.errors.empty());
  CHECK(r.warnings.empty());
  REQUIRE(r.scenario);
  REQUIRE(r.scenario->ground);
  CHECK(r.scenario->ground->height({-2900, 0}) < 5.0f);  // west: min_height
  CHECK(r.scenario->ground->height({2900, 0}) > 95.0f);  // east: max_height
}

TEST_CASE("heightmap: a header declaring 40000x40000 is refused with its line, before any pixel is read",
          "[load][heightmap]") {
  const fs::path dir = file_fixtures::fresh_dir("heightmap-lying");
  write_lying_png(dir / "hm.png", 40000, 40000);
  int width = 0, height = 0;
  std::string error;
  REQUIRE(scene::read_height_image_size(dir / "hm.png", width, height, error));
  CHECK(width == 40000);
  CHECK(height == 40000);

  const auto start = std::chrono::steady_clock::now();
  const scene::LoadResult r = scene::load_scenario_text(scenario_with_heightmap(), (dir / "s.json").string());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(r.errors.size() == 1);
  const std::string message = r.errors[0].to_string();
  INFO(message);
  CHECK(r.errors[0].line == load_test::kTerrain);
  CHECK(r.errors[0].pointer == "/terrain/heightmap/image");
  CHECK(message.find("40000x40000") != std::string::npos);
  CHECK(message.find("8192x8192") != std::string::npos);
  CHECK(!r.scenario);
  CHECK(seconds < 5.0);  // generous: refused from 33 bytes of header, not 3.2 GB of pixels

  // The reader refuses it too, for whoever calls it without the loader's check.
  scene::HeightImage image;
  CHECK_FALSE(scene::read_height_image(dir / "hm.png", image, error));
  CHECK(image.values.empty());
}

TEST_CASE("heightmap: a missing image is a warning with its line, and the procedural relief", "[load][heightmap]") {
  const fs::path dir = file_fixtures::fresh_dir("heightmap-missing");
  const scene::LoadResult r = scene::load_scenario_text(scenario_with_heightmap(), (dir / "s.json").string());
  REQUIRE(r.errors.empty());
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].line == load_test::kTerrain);
  CHECK(r.warnings[0].message.find("could not be read") != std::string::npos);
  REQUIRE(r.scenario);
  CHECK(r.scenario->ground);
}
