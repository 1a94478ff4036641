// Which terrain chunks a sun shadow can fall on. On a CPU driver the shadow-map lookup is a
// large share of the ground's cost per pixel, and most of a plain has nothing standing on it:
// the renderer draws the chunks no shadow can reach with a pipeline that skips the lookup.
#pragma once

#include <cstdint>
#include <vector>

#include "scene/mesh/mesh.h"
#include "scene/world/terrain_chunks.h"

namespace scene {

struct Heightfield;

// What casts a shadow in one terrain chunk: the tallest caster's height above the ground (0:
// none) and the ground box the casters stand in.
struct ChunkCasters {
  float height = 0;
  glm::vec2 min{1e30f}, max{-1e30f};
};
using CasterHeights = std::vector<ChunkCasters>;  // per terrain chunk

// Adds every vertex of `mesh` that stands above the ground as a caster. Vertices off the
// terrain are ignored (their shadows fall off it too, or on the horizon skirt).
void add_casters(CasterHeights& heights, const TerrainChunks& terrain, const Heightfield& ground, const Mesh& mesh);

// Per chunk: 1 where a shadow of those casters can fall with the sun towards `sun` (a unit
// vector), 0 where none can. Conservative: a chunk is marked if it overlaps the box of a
// chunk's casters swept along the shadow's direction as far as its tallest caster's shadow.
std::vector<std::uint8_t> shadowed_chunks(const TerrainChunks& terrain, const CasterHeights& heights, glm::vec3 sun);

}  // namespace scene
