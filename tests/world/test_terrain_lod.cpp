// Terrain levels of detail over water, and which chunks a sun shadow can reach.
#include <optional>

#include <catch2/catch.hpp>

#include "scene/model/heightfield.h"
#include "scene/model/scenario.h"
#include "scene/world/shadow_receivers.h"
#include "scene/world/terrain_chunks.h"

namespace {

scene::Scenario plain_with_river() {
  scene::Scenario s;
  s.terrain.min = {-2000, -2000};
  s.terrain.max = {2000, 2000};
  s.terrain.resolution = 201;  // 20 m cells, chunks of 640 m
  s.terrain.base_height = 50;
  s.terrain.relief_amplitude = 0;
  scene::River river;
  river.id = "ru";
  river.points = {{-2500, 10}, {2500, -30}};
  river.width = 70;
  river.depth = 4;
  river.bank_width = 20;
  s.rivers.push_back(river);
  return s;
}

// The height of the level's surface over grid point (x, z), if one of its non-vertical
// triangles covers it.
std::optional<float> surface_at(const scene::Mesh& mesh, scene::IndexRange range, glm::vec2 p) {
  for (std::uint32_t t = range.first; t + 2 < range.first + range.count; t += 3) {
    const glm::vec3 a = mesh.vertices[mesh.indices[t]].position, b = mesh.vertices[mesh.indices[t + 1]].position,
                    c = mesh.vertices[mesh.indices[t + 2]].position;
    const glm::vec2 ab(b.x - a.x, b.z - a.z), ac(c.x - a.x, c.z - a.z), ap(p.x - a.x, p.y - a.z);
    const float area = ab.x * ac.y - ab.y * ac.x;
    if (std::abs(area) < 1e-3f) continue;  // a skirt: vertical
    const float u = (ap.x * ac.y - ap.y * ac.x) / area, v = (ab.x * ap.y - ab.y * ap.x) / area;
    if (u < -1e-4f || v < -1e-4f || u + v > 1 + 1e-4f) continue;
    return a.y + u * (b.y - a.y) + v * (c.y - a.y);
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("terrain: coarse levels over water never rise above the full grid", "[terrain][lod]") {
  const scene::Scenario s = plain_with_river();
  const scene::Heightfield ground = scene::build_heightfield(s);
  const scene::TerrainChunks terrain = scene::build_terrain_chunks(s, ground, 1);
  int wet = 0, checked = 0;
  for (std::size_t c = 0; c < terrain.chunks.size(); ++c) {
    const scene::TerrainChunk& chunk = terrain.chunks[c];
    if (!chunk.wet) continue;
    ++wet;
    for (int k = 1; k < scene::TerrainChunk::kLevels; ++k)
      for (float z = chunk.min.z; z <= chunk.max.z; z += 20)
        for (float x = chunk.min.x; x <= chunk.max.x; x += 20) {
          const glm::vec2 p(x, z);
          const auto h = surface_at(terrain.mesh, chunk.levels[k], p);
          if (!h) continue;
          ++checked;
          INFO("chunk " << c << " level " << k << " at " << x << ", " << z);
          REQUIRE(*h <= ground.height(p) + 1e-3f);
        }
  }
  CHECK(wet >= 7);  // the river crosses the map: a row of chunks
  CHECK(checked > 1000);
}

TEST_CASE("terrain: wet chunks coarsen with distance like dry ones", "[terrain][lod]") {
  const scene::Scenario s = plain_with_river();
  const scene::Heightfield ground = scene::build_heightfield(s);
  const scene::TerrainChunks terrain = scene::build_terrain_chunks(s, ground, 1);
  const float pixel_angle = glm::radians(50.0f) / 720.0f;
  for (std::size_t c = 0; c < terrain.chunks.size(); ++c) {
    if (!terrain.chunks[c].wet) continue;
    const glm::vec3 centre = 0.5f * (terrain.chunks[c].min + terrain.chunks[c].max);
    CHECK(scene::terrain_level(terrain, c, centre + glm::vec3(0, 60, 0), pixel_angle) ==
          0);  // overhead, low: full grid
    CHECK(scene::terrain_level(terrain, c, centre + glm::vec3(0, 40000, 0), pixel_angle) > 0);  // far away: coarser
  }
}

TEST_CASE("shadow receivers: only ground a caster's shadow can reach", "[terrain][shadow]") {
  scene::Scenario s = plain_with_river();
  s.rivers.clear();
  const scene::Heightfield ground = scene::build_heightfield(s);
  const scene::TerrainChunks terrain = scene::build_terrain_chunks(s, ground, 1);
  REQUIRE(terrain.chunks_x * terrain.chunks_z == static_cast<int>(terrain.chunks.size()));
  // A 20 m post 10 m east of the border between the third and fourth chunk columns.
  const float border = terrain.origin.x + 3 * terrain.chunk_size.x;
  const glm::vec2 foot(border + 10, terrain.origin.y + 3.5f * terrain.chunk_size.y);
  scene::Mesh post;
  post.vertices.push_back({glm::vec3(foot.x, ground.height(foot) + 20, foot.y), glm::vec3(0, 1, 0), 0, 0});
  post.vertices.push_back({glm::vec3(foot.x, ground.height(foot), foot.y), glm::vec3(0, 1, 0), 0, 0});
  scene::CasterHeights casters;
  const auto marked = [&](glm::vec3 sun) {
    const std::vector<std::uint8_t> m = scene::shadowed_chunks(terrain, casters, glm::normalize(sun));
    int n = 0;
    for (auto v : m) n += v;
    return std::pair{n, m};
  };
  scene::add_casters(casters, terrain, ground, scene::Mesh{});
  CHECK(marked({1, 1, 0}).first == 0);  // nothing stands: no lookups anywhere

  scene::add_casters(casters, terrain, ground, post);
  const int home = terrain.chunk_at(foot), west = terrain.chunk_at(foot - glm::vec2(20, 0));
  REQUIRE(home != west);
  {
    const auto [n, m] = marked({1, 1, 0});  // sun in the east, 45°: a 20 m shadow to the west
    CHECK(m[static_cast<size_t>(home)] == 1);
    CHECK(m[static_cast<size_t>(west)] == 1);
    CHECK(n == 2);
  }
  {
    const auto [n, m] = marked({-1, 1, 0});  // sun in the west: the shadow stays in the post's chunk
    CHECK(m[static_cast<size_t>(home)] == 1);
    CHECK(n == 1);
  }
  CHECK(marked({0, 1, 0}).first == 1);                                            // noon overhead
  CHECK(marked({1, 0.01f, 0}).first == static_cast<int>(terrain.chunks.size()));  // at sunrise shadows cross the map
}
