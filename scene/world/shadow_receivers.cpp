#include "scene/world/shadow_receivers.h"

#include <algorithm>
#include <cmath>

#include "scene/model/heightfield.h"

namespace scene {

namespace {
constexpr float kMinCasterHeight =
    1.2f;  // roads lifted over the coarse ground, ridges of ploughland: nothing worth a lookup
constexpr float kLowSunReach = 25.0f;  // shadows longer than 25 caster heights: treat the whole map as reachable
}  // namespace

void add_casters(CasterHeights& heights, const TerrainChunks& terrain, const Heightfield& ground, const Mesh& mesh) {
  heights.resize(terrain.chunks.size());
  for (const Vertex& v : mesh.vertices) {
    const glm::vec2 xz(v.position.x, v.position.z);
    const int chunk = terrain.chunk_at(xz);
    if (chunk < 0) continue;
    const float above = v.position.y - ground.height(xz);
    if (above <= kMinCasterHeight) continue;
    ChunkCasters& c = heights[static_cast<size_t>(chunk)];
    c.height = std::max(c.height, above);
    c.min = glm::min(c.min, xz);
    c.max = glm::max(c.max, xz);
  }
}

std::vector<std::uint8_t> shadowed_chunks(const TerrainChunks& terrain, const CasterHeights& heights, glm::vec3 sun) {
  const size_t n = terrain.chunks.size();
  std::vector<std::uint8_t> out(n, 0);
  if (heights.size() != n || terrain.chunks_x * terrain.chunks_z != static_cast<int>(n))
    return std::vector<std::uint8_t>(n, 1);
  const glm::vec2 flat(sun.x, sun.z);
  const float horizontal = glm::length(flat);
  // Shadow length per metre of caster height; a sun near the horizon throws them across the map.
  if (sun.y <= horizontal / kLowSunReach) return std::vector<std::uint8_t>(n, 1);
  const float per_metre = horizontal / sun.y;
  const glm::vec2 away = horizontal > 1e-6f ? -flat / horizontal : glm::vec2(0);
  for (const ChunkCasters& c : heights) {
    if (c.height <= 0) continue;
    // The casters' box and the same box moved along the shadow, in chunk units.
    const glm::vec2 shift = away * (c.height * per_metre);
    const glm::vec2 lo = (glm::min(c.min, c.min + shift) - terrain.origin) / terrain.chunk_size;
    const glm::vec2 hi = (glm::max(c.max, c.max + shift) - terrain.origin) / terrain.chunk_size;
    const int x0 = std::max(static_cast<int>(std::floor(lo.x)), 0),
              x1 = std::min(static_cast<int>(std::floor(hi.x)), terrain.chunks_x - 1);
    const int z0 = std::max(static_cast<int>(std::floor(lo.y)), 0),
              z1 = std::min(static_cast<int>(std::floor(hi.y)), terrain.chunks_z - 1);
    for (int z = z0; z <= z1; ++z)
      for (int x = x0; x <= x1; ++x) out[static_cast<size_t>(z * terrain.chunks_x + x)] = 1;
  }
  return out;
}

}  // namespace scene
