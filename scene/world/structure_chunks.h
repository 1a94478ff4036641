// What never moves (walls, towers, gates, houses, roads) in square chunks with levels of
// detail: the renderer skips chunks outside the view and draws far ones simplified, so a city
// of detailed halls costs little from the air. One vertex array; per chunk, per level, one
// index range and the largest distance (metres) any surface of that level strays from level 0.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "scene/mesh/mesh.h"
#include "scene/world/terrain_chunks.h"

namespace scene {

struct StructureChunk {
  glm::vec3 min{0}, max{0};
  static constexpr int kLevels = 3;
  std::array<IndexRange, kLevels> levels;  // a level that could not get smaller repeats the one before
  std::array<float, kLevels> error_m{};    // 0 for level 0
};

struct StructureChunks {
  Mesh mesh;
  std::vector<StructureChunk> chunks;
  std::size_t triangles(int level) const;  // every chunk at one level, for comparison
};

constexpr float kStructureChunkMetres = 192.0f;

// Chunks by each triangle's centre. Deterministic; the triangles of level 0 are those of
// `structures`, reordered for the vertex cache. Indices from `flat_from` on (roads, draped a
// few centimetres over the ground) stay as they are at every level: simplified, they would
// sink under the terrain.
StructureChunks build_structure_chunks(const Mesh& structures, float chunk_metres = kStructureChunkMetres,
                                       std::size_t flat_from = SIZE_MAX);

// The coarsest level of `chunk` whose error, seen from `eye` at its nearest, stays under
// `max_error_px` pixels. `pixel_angle`: the angle one pixel subtends, in radians.
int structure_level(const StructureChunk& chunk, glm::vec3 eye, float pixel_angle, float max_error_px = 1.0f);

}  // namespace scene
