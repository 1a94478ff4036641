// Weathering a grid of heights into eroded hills: water cuts branching valleys where it
// gathers (stream-power incision along a drainage tree), slopes soften, and the loess of the
// lower slopes is stepped into farmed terraces. Deterministic: the same grid in gives the
// same bytes out on every machine.
#pragma once

#include <vector>

#include <glm/glm.hpp>

namespace scene {

// A grid of nx × nz heights (row-major, z rows of x samples) `cell` metres apart. `erodible`
// (same size, 0..1) says where and how strongly the ground weathers: 0 is the untouched plain,
// whose samples are where the hills' water drains out.
struct ErosionGrid {
  int nx = 0, nz = 0;
  glm::vec2 cell{1};
  std::vector<float>* heights = nullptr;
  const std::vector<float>* erodible = nullptr;
};

// Cuts valleys and gullies into the erodible ground: `iterations` rounds of routing water
// down the steepest descent (through hollows, filled) and lowering each sample towards the one
// it drains to in proportion to the square root of the area draining through it.
void erode_valleys(const ErosionGrid& grid, int iterations);

// Steps the lower erodible slopes into terraces: heights between `low` and `high` metres above
// `base` snap towards treads `step` metres apart with a short riser between them, where the
// slope is gentle enough for a tread to span a couple of grid cells (steeper ground, which the
// grid could only show as noise, is left as it is).
void terrace_slopes(const ErosionGrid& grid, float base, float low, float high, float step);

}  // namespace scene
