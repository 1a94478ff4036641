// Inside scene/materials: one layer being painted, in floats, and the periodic noises its
// painters use. Positions are in repeats (0..1 across the layer, wrapping), so every pattern
// tiles; nothing here draws on a random generator with state.
#pragma once

#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

#include "scene/model/material.h"

namespace scene::materials {

struct Canvas {
  Canvas(int size, float metres);
  int size;
  float metres;                   // of surface across one repeat
  std::vector<glm::vec3> albedo;  // relative: normalised to a mean of 1 afterwards
  std::vector<float> height;      // metres, relief of the surface
  std::vector<float> roughness;   // 0 polished .. 1 matte

  int index(int x, int y) const { return (y & (size - 1)) * size + (x & (size - 1)); }
  // Texel (x, y)'s centre in repeats.
  float u(int x) const { return (static_cast<float>(x) + 0.5f) / static_cast<float>(size); }
  float v(int y) const { return (static_cast<float>(y) + 0.5f) / static_cast<float>(size); }
};

// Value noise on a lattice of `cells` per repeat (wrapping), smoothly interpolated; in [0, 1).
float noise(float x, float y, int cells, std::uint32_t seed);
// Octaves of noise, each twice the cells and half the weight of the last; in [0, 1), mean ½.
float fbm(float x, float y, int cells, int octaves, std::uint32_t seed);
// Noise stretched along one axis: `cells_x` by `cells_y` lattice (wood grain, straw, bark).
float noise2(float x, float y, int cells_x, int cells_y, std::uint32_t seed);

// One jittered point per cell of a `cells`² grid (wrapping), made once: the nearest and
// second-nearest of them to a position give pebbles, stones, rubble, clods and leaves.
struct Nearest {
  float d1 = 1e9f, d2 = 1e9f;  // in cells
  std::uint32_t id = 0;        // a hash of the nearest point's cell
  glm::vec2 offset{0};         // from the nearest point, in cells
};
class Points {
 public:
  Points(int cells, std::uint32_t seed, float jitter = 0.8f);
  Nearest nearest(float x, float y) const;  // x, y in repeats

 private:
  int cells_;
  std::vector<glm::vec2> point_;  // in its cell, 0..1
  std::vector<std::uint32_t> id_;
};

// Short strokes, one per cell of a `cells`² grid, in any direction, `half_len` by
// `half_width` cells, tapering: chopped straw, grass blades.
class Strokes {
 public:
  Strokes(int cells, std::uint32_t seed, float half_len, float half_width);
  // The hash of a stroke covering (x, y) (in repeats), or 0.
  std::uint32_t at(float x, float y) const;

 private:
  int cells_;
  float half_len_, half_width_;
  std::vector<glm::vec2> centre_, dir_;
  std::vector<std::uint32_t> id_;
};

// A hash as a float in [-1, 1).
float signed_unit(std::uint32_t h);
// 0 below edge0, 1 above edge1, smooth between.
float smooth(float edge0, float edge1, float x);

// The painters: scene/materials/material_layers_*.cpp.
void paint_rammed_earth(Canvas& c);
void paint_brick(Canvas& c);
void paint_roof_tiles(Canvas& c);
void paint_timber(Canvas& c);
void paint_plaster(Canvas& c);
void paint_stone(Canvas& c);
void paint_thatch(Canvas& c);
void paint_rubble(Canvas& c);
void paint_packed_earth(Canvas& c);
void paint_bark(Canvas& c);
void paint_leaves(Canvas& c);
void paint_reeds(Canvas& c);
void paint_field_soil(Canvas& c);
void paint_stubble(Canvas& c);
void paint_grass(Canvas& c);
void paint_snow(Canvas& c);
void paint_mud(Canvas& c);

}  // namespace scene::materials
