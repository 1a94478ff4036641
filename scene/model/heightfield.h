// The ground as a regular grid of heights: procedural relief and ridges (or a heightmap
// image), with river channels and lake beds carved in. Built once per scenario.
#pragma once

#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

namespace scene {

struct Scenario;

struct Heightfield {
  glm::vec2 min{0}, max{0};    // extent in [x, z]
  int nx = 0, nz = 0;          // samples per side
  std::vector<float> heights;  // row-major, z rows of x samples
  // The ground before rivers, lakes and moats were cut in (relief, ridges and the hills'
  // erosion), sample for sample; empty in a field filled in by hand (then plain_height).
  std::vector<float> plain;
  // 1 / cell_size(), set by build_heightfield so height() multiplies instead of dividing;
  // zero (a field filled in by hand) means "work it out on use".
  glm::vec2 inv_cell{0};

  float at(int ix, int iz) const { return heights[static_cast<size_t>(iz) * nx + ix]; }
  glm::vec2 cell_size() const { return (max - min) / glm::vec2(nx - 1, nz - 1); }
  // Bilinear height at a point; clamps outside the extent.
  float height(glm::vec2 xz) const;
  // Unit surface normal from central differences.
  glm::vec3 normal(glm::vec2 xz) const;
  // Where a ray first meets the ground, within max_distance; false if it does not.
  bool intersect(glm::vec3 origin, glm::vec3 direction, float max_distance, glm::vec3& hit) const;
};

// A greyscale heightmap as the loader read it (scene/load/height_image.h): raw 16-bit samples.
struct HeightImage {
  int width = 0, height = 0;
  std::vector<std::uint16_t> values;  // row-major
  float sample(glm::vec2 uv) const;   // bilinear, uv in 0..1, 0..1 out
};

// Height of the undisturbed plain (relief and ridges, before carving and before the hills'
// erosion, which only a whole grid can do) at a point. Rivers, lakes and moats lie where
// erosion does not reach, so their water levels may be read from it.
float plain_height(const Scenario& scenario, glm::vec2 xz);
// The carved ground: the heightmap `image` where the scenario names one and it was read (null:
// the procedural relief and ridges, the tall ones eroded into valleys and terraced), rivers,
// lakes and moats cut in.
Heightfield build_heightfield(const Scenario& scenario, const HeightImage* image = nullptr);
// The plain under sample (ix, iz): the field's own `plain` grid, or plain_height without one.
float plain_at(const Scenario& scenario, const Heightfield& field, int ix, int iz);

}  // namespace scene
