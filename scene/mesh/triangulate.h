// Triangulation of simple polygons (lakes, courtyards) by ear clipping.
#pragma once

#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

namespace scene {

// Indices into `polygon`, three per triangle, wound counter-clockwise seen from +y.
// A simple polygon of n points gives n-2 triangles; a degenerate one may give fewer.
std::vector<std::uint32_t> triangulate(const std::vector<glm::vec2>& polygon);

// Signed area on the [x, z] plane; positive when counter-clockwise seen from +y.
float signed_area(const std::vector<glm::vec2>& polygon);

}  // namespace scene
