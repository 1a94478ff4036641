#include "scene/world/structure_chunks.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>

#include <meshoptimizer.h>

#include "scene/mesh/mesh_lod.h"

namespace scene {

namespace {

// Level `error_m` of a chunk: welded by position, colour and object (not the normal, so a
// flat-shaded box is one closed surface the simplifier can collapse, while colour, material
// and object boundaries stay seams), simplified as far as that error allows, flat shaded
// again. `achieved_m`: what the simplifier reports.
Mesh simplified(const Mesh& mesh, float error_m, float& achieved_m) {
  std::vector<Vertex> keyed(mesh.vertices);
  for (Vertex& v : keyed) v.normal = glm::vec3(0);
  std::vector<unsigned> remap(keyed.size());
  const std::size_t unique = meshopt_generateVertexRemap(remap.data(), mesh.indices.data(), mesh.indices.size(),
                                                         keyed.data(), keyed.size(), sizeof(Vertex));
  std::vector<Vertex> corners(unique);
  std::vector<unsigned> welded(mesh.indices.size());
  meshopt_remapVertexBuffer(corners.data(), keyed.data(), keyed.size(), sizeof(Vertex), remap.data());
  meshopt_remapIndexBuffer(welded.data(), mesh.indices.data(), mesh.indices.size(), remap.data());
  const float scale = meshopt_simplifyScale(&corners[0].position.x, corners.size(), sizeof(Vertex));
  std::vector<unsigned> out(welded.size());
  float relative = 0;
  out.resize(meshopt_simplify(out.data(), welded.data(), welded.size(), &corners[0].position.x, corners.size(),
                              sizeof(Vertex), 0, error_m / std::max(scale, 1e-6f), 0, &relative));
  achieved_m = relative * scale;
  Mesh flat;
  for (std::size_t t = 0; t + 2 < out.size(); t += 3) {
    const Vertex &a = corners[out[t]], &b = corners[out[t + 1]], &c = corners[out[t + 2]];
    glm::vec3 n = glm::cross(b.position - a.position, c.position - a.position);
    const float len = glm::length(n);
    if (!(len > 1e-9f)) continue;
    n /= len;
    const auto base = static_cast<std::uint32_t>(flat.vertices.size());
    for (const Vertex* v : {&a, &b, &c}) flat.vertices.push_back({v->position, n, v->color, v->object});
    for (std::uint32_t k = 0; k < 3; ++k) flat.indices.push_back(base + k);
  }
  return optimize_mesh(flat);
}

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
      Mesh coarse = cell.empty() ? Mesh{} : simplified(cell, kErrors[static_cast<size_t>(level)], achieved);
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
