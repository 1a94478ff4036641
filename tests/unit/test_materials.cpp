// The material layers (scene/materials): the same bytes on every run, a mean albedo detail of
// 1 (so far away a surface is its vertex colour), mips that are the box average of the level
// above, and patterns that run the way the building does: rammed earth's lifts are horizontal,
// roof tiles' rows run down the slope.
#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "scene/materials/material_images.h"
#include "shaders/materials.h"

using namespace scene;

namespace {

const MaterialImages& images() {
  static const MaterialImages built = build_material_images(shaders::kMaterialTextureSize);
  return built;
}

int layer_of(Material m) { return static_cast<int>(m) - 1; }

// The albedo detail's luminance at mip 0, as rows (v) of columns (u).
std::vector<std::vector<double>> luminance(const MaterialImages& im, Material m) {
  const std::uint8_t* p = &im.albedo[im.offset(layer_of(m), 0)];
  std::vector<std::vector<double>> rows(static_cast<size_t>(im.size),
                                        std::vector<double>(static_cast<size_t>(im.size)));
  for (int y = 0; y < im.size; ++y)
    for (int x = 0; x < im.size; ++x) {
      const std::uint8_t* t = p + 4 * (static_cast<size_t>(y) * im.size + x);
      rows[y][x] = (0.2126 * t[0] + 0.7152 * t[1] + 0.0722 * t[2]) / 255.0 / shaders::kAlbedoDetailStore;
    }
  return rows;
}

double variance(const std::vector<double>& v) {
  double mean = 0, sq = 0;
  for (double x : v) mean += x;
  mean /= static_cast<double>(v.size());
  for (double x : v) sq += (x - mean) * (x - mean);
  return sq / static_cast<double>(v.size());
}

// Variance of the row means (v varies) and of the column means (u varies).
std::pair<double, double> row_and_column_variance(const std::vector<std::vector<double>>& lum) {
  const size_t n = lum.size();
  std::vector<double> rows(n, 0), columns(n, 0);
  for (size_t y = 0; y < n; ++y)
    for (size_t x = 0; x < n; ++x) {
      rows[y] += lum[y][x] / static_cast<double>(n);
      columns[x] += lum[y][x] / static_cast<double>(n);
    }
  return {variance(rows), variance(columns)};
}

}  // namespace

TEST_CASE("materials: every layer is the same bytes on every build", "[materials]") {
  const MaterialImages again = build_material_images(shaders::kMaterialTextureSize);
  REQUIRE(again.layers == shaders::kMaterialLayers);
  REQUIRE(again.mip_levels == 9);  // 256 .. 1
  CHECK(again.albedo == images().albedo);
  CHECK(again.normal_roughness == images().normal_roughness);
  // Any power of two builds, laid out as offset() says; anything else is refused.
  const MaterialImages small = build_material_images(16);
  CHECK(small.albedo.size() == small.offset(0, small.mip_levels));
  CHECK_THROWS_AS(build_material_images(100), std::invalid_argument);
}

TEST_CASE("materials: each albedo layer's detail has a mean of 1, down to its last mip", "[materials]") {
  const MaterialImages& im = images();
  for (int layer = 0; layer < im.layers; ++layer) {
    INFO("layer " << to_string(static_cast<Material>(layer + 1)));
    const std::uint8_t* top = &im.albedo[im.offset(layer, 0)];
    const size_t texels = static_cast<size_t>(im.size) * im.size;
    for (int c = 0; c < 3; ++c) {
      double sum = 0;
      for (size_t i = 0; i < texels; ++i) sum += top[4 * i + c];
      CHECK(sum / static_cast<double>(texels) / 255.0 / shaders::kAlbedoDetailStore == Approx(1.0).margin(0.01));
      const std::uint8_t last = im.albedo[im.offset(layer, im.mip_levels - 1) + c];
      CHECK(last / 255.0 / shaders::kAlbedoDetailStore == Approx(1.0).margin(0.01));
    }
    // Detail that is there: not a flat layer of ones.
    const auto [rows, columns] = row_and_column_variance(luminance(im, static_cast<Material>(layer + 1)));
    double var = 0, mean = 0;
    for (const auto& row : luminance(im, static_cast<Material>(layer + 1)))
      for (double x : row) {
        mean += x;
        var += x * x;
      }
    mean /= static_cast<double>(texels);
    CHECK(std::sqrt(var / static_cast<double>(texels) - mean * mean) > 0.02);
  }
}

TEST_CASE("materials: each mip is the box average of the one above, its normals unit length", "[materials]") {
  const MaterialImages& im = images();
  int worst = 0;
  double worst_normal = 0;
  for (int layer = 0; layer < im.layers; ++layer)
    for (int mip = 1; mip < im.mip_levels; ++mip) {
      const int n = im.mip_size(mip), up = im.mip_size(mip - 1);
      const std::uint8_t* above = &im.albedo[im.offset(layer, mip - 1)];
      const std::uint8_t* here = &im.albedo[im.offset(layer, mip)];
      const std::uint8_t* normals = &im.normal_roughness[im.offset(layer, mip)];
      for (int y = 0; y < n; ++y)
        for (int x = 0; x < n; ++x) {
          for (int c = 0; c < 4; ++c) {
            int sum = 0;
            for (int j = 0; j < 2; ++j)
              for (int i = 0; i < 2; ++i) sum += above[4 * ((2 * y + j) * up + 2 * x + i) + c];
            worst = std::max(worst, std::abs(4 * here[4 * (y * n + x) + c] - sum));
          }
          const std::uint8_t* t = normals + 4 * (y * n + x);
          const double nx = t[0] / 127.5 - 1, ny = t[1] / 127.5 - 1, nz = t[2] / 127.5 - 1;
          worst_normal = std::max(worst_normal, std::abs(std::sqrt(nx * nx + ny * ny + nz * nz) - 1.0));
          CHECK(nz > 0.0);  // the normals face out of the surface
        }
    }
  CHECK(worst <= 4);  // four texels' rounding: within one step of the average
  CHECK(worst_normal < 0.02);
}

TEST_CASE("materials: rammed earth's lifts are horizontal, 8-12 cm apart", "[materials]") {
  const auto lum = luminance(images(), Material::RammedEarth);
  const auto [rows, columns] = row_and_column_variance(lum);
  // Lines along u: the rows differ from each other far more than the columns do.
  CHECK(rows > 6.0 * columns);
  // Count the seams: dark rows darker than the rows either side of them.
  const size_t n = lum.size();
  std::vector<double> row_mean(n, 0);
  for (size_t y = 0; y < n; ++y)
    for (double x : lum[y]) row_mean[y] += x / static_cast<double>(n);
  int seams = 0;
  for (size_t y = 0; y < n; ++y) {
    const double here = row_mean[y], below = row_mean[(y + n - 2) % n], above = row_mean[(y + 2) % n];
    const double prev = row_mean[(y + n - 1) % n], next = row_mean[(y + 1) % n];
    if (here < prev && here <= next && here < below - 0.02 && here < above - 0.02) ++seams;
  }
  const double spacing_cm = 100.0 * shaders::kMetresRammedEarth / seams;
  INFO("seams " << seams << ", " << spacing_cm << " cm apart");
  CHECK(spacing_cm > 8.0);
  CHECK(spacing_cm < 12.5);
}

TEST_CASE("materials: roof tiles' rows run down the slope, and each layer has the shaders' scale", "[materials]") {
  const auto [tile_rows, tile_columns] = row_and_column_variance(luminance(images(), Material::RoofTiles));
  CHECK(tile_columns > 3.0 * tile_rows);  // the rows of cover tiles run along v
  CHECK(material_metres(Material::RammedEarth) == shaders::kMetresRammedEarth);
  CHECK(material_metres(Material::Mud) == shaders::kMetresMud);
}
