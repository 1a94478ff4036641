// Where in a frame the sky can show. The sky pass is a triangle over the whole frame, drawn
// last where nothing nearer has written depth; a CPU driver still rasterises and depth-tests
// every pixel under the ground for it. Below the lowest row where a view ray can pass over the
// world's edge, the ground (a heightfield and its skirt out to the horizon, without holes)
// covers every pixel, so the sky pass is scissored to the rows above (renderer.cpp).
#pragma once

#include <cstdint>

#include <glm/glm.hpp>

#include "scene/world/terrain_chunks.h"

namespace renderer {

// What the ground covers: a disc about `centre` out to `edge_radius` (the nearest its skirt's
// outer edge comes), nowhere lower than `lowest`.
struct GroundCover {
  glm::vec2 centre{0};
  float edge_radius = 0;  // 0: no ground, the sky may show anywhere
  float lowest = 0;
};

GroundCover ground_cover(const scene::TerrainChunks& ground);

// How many rows from the top of a `width`×`height` frame can show the sky, for a camera
// without roll at `eye`, `ground_under_eye` metres being the ground's height below it, whose
// view-projection `inv_view_proj` inverts. A ray that dips more steeply than the drop from the
// eye to `lowest` over the distance to the world's edge meets the ground before the edge;
// along a row, rays dip least at the frame's sides. All rows while the eye is not above the
// ground.
std::uint32_t sky_rows(const glm::mat4& inv_view_proj, glm::vec3 eye, float ground_under_eye, std::uint32_t width,
                       std::uint32_t height, const GroundCover& cover);

}  // namespace renderer
