// The ground in chunks with levels of detail: one vertex array (the full-resolution grid,
// lowered copies of the chunk borders for skirts, and the skirt out to the horizon) and, per
// chunk, one index range per level. Level k samples every 2^k-th grid line; a skirt hanging
// from each chunk's border hides the cracks where neighbours differ by a level.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "scene/mesh/mesh.h"

namespace scene {

struct Heightfield;
struct Scenario;

struct IndexRange {
  std::uint32_t first = 0;
  std::uint32_t count = 0;
};

struct TerrainChunk {
  glm::vec3 min{0}, max{0};          // bounds, skirts included
  static constexpr int kLevels = 5;  // steps of 1, 2, 4, 8 and 16 grid cells
  std::array<IndexRange, kLevels> levels;
  bool wet = false;  // holds carved channels, moats or lake beds: water lies over this ground,
                     // so its coarse levels have their own lowered corners
};

struct TerrainChunks {
  Mesh mesh;  // every vertex and every index range below
  std::vector<TerrainChunk> chunks;
  IndexRange horizon;                                            // the flat skirt out to the horizon, always drawn
  std::vector<std::array<float, TerrainChunk::kLevels>> errors;  // per chunk: metres of height error per level
  float cell = 1;                                                // metres per grid cell
  // The chunks lie in rows of `chunks_x` along x, `chunks_z` rows along z, from `origin`,
  // each `chunk_size` metres (the last row and column may be smaller).
  glm::vec2 origin{0}, chunk_size{1};
  int chunks_x = 0, chunks_z = 0;
  // The chunk over ground point `xz`, or -1 off the terrain.
  int chunk_at(glm::vec2 xz) const;
  std::size_t full_triangles() const;  // the whole grid at level 0, for comparison
};

constexpr int kTerrainChunkCells = 32;  // grid cells per chunk side

TerrainChunks build_terrain_chunks(const Scenario& scenario, const Heightfield& ground, std::uint32_t object);

// The coarsest level of chunk `index` seen from `eye` whose height error stays under
// `max_error_px` pixels and whose cells stay under `max_cell_px` pixels (so per-vertex colours
// do not smear). `pixel_angle`: the angle one pixel subtends, in radians. A wet chunk's coarse
// levels are lowered to the lowest ground near each corner, so they never rise through the
// water drawn over its channels and coarsen by the same rule.
int terrain_level(const TerrainChunks& terrain, std::size_t index, glm::vec3 eye, float pixel_angle,
                  float max_error_px = 2.5f, float max_cell_px = 48.0f);

// Whether an axis-aligned box can be seen through a view-projection (side planes and behind
// the eye; conservative).
bool box_in_frustum(const glm::mat4& view_proj, glm::vec3 min, glm::vec3 max);

}  // namespace scene
