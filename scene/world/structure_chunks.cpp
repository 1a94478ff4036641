#include "scene/world/structure_chunks.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>

#include "scene/mesh/mesh_lod.h"

namespace scene {

namespace {

IndexRange append_level(Mesh& all, const Mesh& level) {
  const IndexRange range{static_cast<std::uint32_t>(all.indices.size()),
                         static_cast<std::uint32_t>(level.indices.size())};
  all.append(level);
  return range;
}

}  // namespace

std::size_t StructureChunks::triangles(int level) const {
  std::size_t n = 0;
  for (const StructureChunk& c : chunks) n += c.levels[static_cast<size_t>(level)].count / 3;
  return n;
}

StructureChunks build_structure_chunks(const Mesh& structures, float chunk_metres, std::size_t flat_from) {
  // Triangles into cells by their centre; std::map keeps the cells in a fixed order.
  struct Cell {
    Mesh solid, flat;
  };
  std::map<std::pair<int, int>, Cell> cells;
  for (std::size_t t = 0; t + 2 < structures.indices.size(); t += 3) {
    const Vertex* v[3] = {&structures.vertices[structures.indices[t]], &structures.vertices[structures.indices[t + 1]],
                          &structures.vertices[structures.indices[t + 2]]};
    const glm::vec3 centre = (v[0]->position + v[1]->position + v[2]->position) / 3.0f;
    Cell& both = cells[{static_cast<int>(std::floor(centre.x / chunk_metres)),
                        static_cast<int>(std::floor(centre.z / chunk_metres))}];
    Mesh& cell = t >= flat_from ? both.flat : both.solid;
    const auto base = static_cast<std::uint32_t>(cell.vertices.size());
    for (const Vertex* p : v) cell.vertices.push_back(*p);
    for (std::uint32_t k = 0; k < 3; ++k) cell.indices.push_back(base + k);
  }
  // Level 1 may move a surface by up to 0.4 m, level 2 by 2 m: about a pixel at 600 m and 3 km
  // in a 1280x720 frame of 50° (structure_level chooses by the reported error, not these).
  constexpr std::array<float, StructureChunk::kLevels> kErrors{0.0f, 0.4f, 2.0f};
  StructureChunks out;
  for (const auto& [key, both] : cells) {
    const Mesh& cell = both.solid;
    StructureChunk chunk;
    chunk.min = glm::vec3(1e30f);
    chunk.max = glm::vec3(-1e30f);
    for (const Mesh* m : {&both.solid, &both.flat})
      for (const Vertex& v : m->vertices)
        chunk.min = glm::min(chunk.min, v.position), chunk.max = glm::max(chunk.max, v.position);
    const Mesh flat = optimize_mesh(both.flat);
    Mesh full = optimize_mesh(cell);
    full.append(flat);
    chunk.levels[0] = append_level(out.mesh, full);
    std::size_t previous = full.triangle_count();
    for (int level = 1; level < StructureChunk::kLevels; ++level) {
      float achieved = 0;
      Mesh coarse = simplify_within(cell, kErrors[static_cast<size_t>(level)], achieved);
      coarse.append(flat);
      // Not worth a level unless it saves a fifth of the triangles.
      if (!coarse.empty() && static_cast<float>(coarse.triangle_count()) < 0.8f * static_cast<float>(previous)) {
        chunk.levels[static_cast<size_t>(level)] = append_level(out.mesh, coarse);
        chunk.error_m[static_cast<size_t>(level)] = std::max(achieved, chunk.error_m[static_cast<size_t>(level - 1)]);
        previous = coarse.triangle_count();
      } else {
        chunk.levels[static_cast<size_t>(level)] = chunk.levels[static_cast<size_t>(level - 1)];
        chunk.error_m[static_cast<size_t>(level)] = chunk.error_m[static_cast<size_t>(level - 1)];
      }
    }
    out.chunks.push_back(chunk);
  }
  return out;
}

int structure_level(const StructureChunk& chunk, glm::vec3 eye, float pixel_angle, float max_error_px) {
  const glm::vec3 nearest = glm::clamp(eye, chunk.min, chunk.max);
  const float distance = glm::length(eye - nearest);
  int level = 0;
  for (int k = 1; k < StructureChunk::kLevels; ++k)
    if (chunk.error_m[static_cast<size_t>(k)] <= max_error_px * pixel_angle * distance) level = k;
  return level;
}

}  // namespace scene
