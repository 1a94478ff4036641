#include "scene/materials/material_images.h"

#include <cmath>
#include <stdexcept>
#include <string>
#include <thread>

#include "scene/materials/material_canvas.h"
#include "shaders/materials.h"

namespace scene {

namespace {

using materials::Canvas;
using Painter = void (*)(Canvas&);

struct LayerSpec {
  float metres;
  Painter paint;
};

// Indexed by Material code; Plain has no layer.
const LayerSpec kLayers[kMaterialCount] = {
    {1.0f, nullptr},
    {shaders::kMetresRammedEarth, materials::paint_rammed_earth},
    {shaders::kMetresBrick, materials::paint_brick},
    {shaders::kMetresRoofTiles, materials::paint_roof_tiles},
    {shaders::kMetresTimber, materials::paint_timber},
    {shaders::kMetresPlaster, materials::paint_plaster},
    {shaders::kMetresPackedEarth, materials::paint_packed_earth},
    {shaders::kMetresStone, materials::paint_stone},
    {shaders::kMetresThatch, materials::paint_thatch},
    {shaders::kMetresRubble, materials::paint_rubble},
    {shaders::kMetresBark, materials::paint_bark},
    {shaders::kMetresLeaves, materials::paint_leaves},
    {shaders::kMetresReeds, materials::paint_reeds},
    {shaders::kMetresFieldSoil, materials::paint_field_soil},
    {shaders::kMetresStubble, materials::paint_stubble},
    {shaders::kMetresGrass, materials::paint_grass},
    {shaders::kMetresSnow, materials::paint_snow},
    {shaders::kMetresMud, materials::paint_mud},
};
static_assert(kMaterialCount - 1 == shaders::kMaterialLayers);

std::uint8_t to_byte(float x) { return static_cast<std::uint8_t>(glm::clamp(x, 0.0f, 1.0f) * 255.0f + 0.5f); }

// One layer's mips as floats: rgb albedo detail, height (0..1), normal xyz, roughness.
struct Level {
  int size;
  std::vector<glm::vec4> albedo;  // rgb detail, a height 0..1
  std::vector<glm::vec4> normal;  // xyz normal, w roughness
};

// Mip 0 from the painted canvas: albedo scaled to a mean of 1 in each channel, the height
// to 0..1, the normal from the height's slopes in metres (so relief reads the same at every
// layer's scale).
Level top_level(const Canvas& c) {
  const int n = c.size;
  const auto count = static_cast<std::size_t>(n) * n;
  glm::dvec3 sum(0);
  float lo = 1e9f, hi = -1e9f;
  for (std::size_t i = 0; i < count; ++i) {
    sum += glm::dvec3(c.albedo[i]);
    lo = std::fmin(lo, c.height[i]);
    hi = std::fmax(hi, c.height[i]);
  }
  const glm::vec3 scale = glm::vec3(static_cast<double>(count) / glm::max(sum, glm::dvec3(1e-9)));
  const float texel_m = c.metres / static_cast<float>(n), range = std::fmax(hi - lo, 1e-6f);
  Level level{n, std::vector<glm::vec4>(count), std::vector<glm::vec4>(count)};
  for (int y = 0; y < n; ++y)
    for (int x = 0; x < n; ++x) {
      const int i = c.index(x, y);
      const float dx = (c.height[c.index(x + 1, y)] - c.height[c.index(x - 1, y)]) / (2.0f * texel_m);
      const float dy = (c.height[c.index(x, y + 1)] - c.height[c.index(x, y - 1)]) / (2.0f * texel_m);
      level.albedo[i] = glm::vec4(c.albedo[i] * scale, (c.height[i] - lo) / range);
      level.normal[i] = glm::vec4(glm::normalize(glm::vec3(-dx, -dy, 1.0f)), c.roughness[i]);
    }
  return level;
}

// The next mip: the box average of 2×2 texels; the normal renormalised, and the roughness
// raised by how much the four normals disagreed (what the average lost as a sharp bump comes
// back as a broader highlight).
Level next_level(const Level& l) {
  const int n = l.size / 2;
  Level next{n, std::vector<glm::vec4>(static_cast<std::size_t>(n) * n),
             std::vector<glm::vec4>(static_cast<std::size_t>(n) * n)};
  for (int y = 0; y < n; ++y)
    for (int x = 0; x < n; ++x) {
      glm::vec4 a(0), m(0);
      for (int j = 0; j < 2; ++j)
        for (int i = 0; i < 2; ++i) {
          a += l.albedo[static_cast<std::size_t>(2 * y + j) * l.size + 2 * x + i];
          m += l.normal[static_cast<std::size_t>(2 * y + j) * l.size + 2 * x + i];
        }
      a *= 0.25f;
      m *= 0.25f;
      const float length = glm::length(glm::vec3(m));
      const glm::vec3 normal = length > 1e-6f ? glm::vec3(m) / length : glm::vec3(0, 0, 1);
      next.albedo[static_cast<std::size_t>(y) * n + x] = a;
      next.normal[static_cast<std::size_t>(y) * n + x] =
          glm::vec4(normal, std::fmin(1.0f, m.w + 0.5f * (1.0f - length)));
    }
  return next;
}

void store(const Level& level, std::uint8_t* albedo, std::uint8_t* normal) {
  for (std::size_t i = 0; i < level.albedo.size(); ++i) {
    const glm::vec4& a = level.albedo[i];
    const glm::vec4& m = level.normal[i];
    albedo[4 * i + 0] = to_byte(a.r * shaders::kAlbedoDetailStore);
    albedo[4 * i + 1] = to_byte(a.g * shaders::kAlbedoDetailStore);
    albedo[4 * i + 2] = to_byte(a.b * shaders::kAlbedoDetailStore);
    albedo[4 * i + 3] = to_byte(a.a);
    normal[4 * i + 0] = to_byte(m.x * 0.5f + 0.5f);
    normal[4 * i + 1] = to_byte(m.y * 0.5f + 0.5f);
    normal[4 * i + 2] = to_byte(m.z * 0.5f + 0.5f);
    normal[4 * i + 3] = to_byte(m.w);
  }
}

void build_layer(MaterialImages& images, int layer) {
  const LayerSpec& spec = kLayers[layer + 1];
  Canvas canvas(images.size, spec.metres);
  spec.paint(canvas);
  Level level = top_level(canvas);
  for (int mip = 0; mip < images.mip_levels; ++mip) {
    const std::size_t at = images.offset(layer, mip);
    store(level, &images.albedo[at], &images.normal_roughness[at]);
    if (mip + 1 < images.mip_levels) level = next_level(level);
  }
}

}  // namespace

std::size_t MaterialImages::offset(int layer, int mip) const {
  std::size_t at = 0;
  for (int m = 0; m < mip; ++m) at += level_bytes(m);
  return at + static_cast<std::size_t>(layer) * mip_size(mip) * mip_size(mip) * 4;
}

// Each layer depends on nothing but its painter, so the layers are painted on two threads
// with the same bytes as on one.
MaterialImages build_material_images(int size) {
  if (size < 4 || (size & (size - 1)) != 0)
    throw std::invalid_argument("material texture size " + std::to_string(size) +
                                ": expected a power of two, at least 4");
  MaterialImages images;
  images.size = size;
  images.layers = shaders::kMaterialLayers;
  while ((size >> images.mip_levels) > 0) ++images.mip_levels;
  const std::size_t bytes = images.offset(0, images.mip_levels);
  images.albedo.resize(bytes);
  images.normal_roughness.resize(bytes);
  std::thread helper([&images] {
    for (int layer = 1; layer < images.layers; layer += 2) build_layer(images, layer);
  });
  for (int layer = 0; layer < images.layers; layer += 2) build_layer(images, layer);
  helper.join();
  return images;
}

float material_metres(Material material) { return kLayers[static_cast<int>(material)].metres; }

}  // namespace scene
