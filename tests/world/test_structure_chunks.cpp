// The structures' chunks: level 0 is every triangle of the city, coarser levels are smaller
// and within their reported error, and the level chosen grows with distance.
#include <cstring>

#include <catch2/catch.hpp>

#include "scene/world/structure_chunks.h"
#include "scene/world/world.h"
#include "shipped_scenarios.h"

namespace {

scene::Mesh city() {
  // Two rows of houses: boxes under a flat roof of 8x8 tiles (detail that a far level can
  // merge without moving the surface).
  scene::Mesh mesh;
  for (int i = 0; i < 40; ++i) {
    const glm::vec3 base(20.0f + static_cast<float>(i % 20) * 16.0f, 0, 20.0f + static_cast<float>(i / 20) * 300.0f);
    mesh.add_box(base, glm::vec3(10, 4, 7), 0, scene::pack_color(glm::vec3(0.3f)), 7);
    for (int u = 0; u < 8; ++u)
      for (int v = 0; v < 8; ++v) {
        const glm::vec3 c = base + glm::vec3(-5.5f + 11.0f * u / 8, 4.01f, -4.0f + 8.0f * v / 8);
        mesh.add_quad(c, c + glm::vec3(0, 0, 1), c + glm::vec3(11.0f / 8, 0, 1), c + glm::vec3(11.0f / 8, 0, 0),
                      scene::pack_color(glm::vec3(0.1f)), 7);
      }
  }
  return mesh;
}

}  // namespace

TEST_CASE("structure chunks keep every triangle at level 0 and shrink, within their error, further out") {
  const scene::Mesh mesh = city();
  const scene::StructureChunks chunks = scene::build_structure_chunks(mesh, 192.0f);
  REQUIRE(chunks.chunks.size() == 4);  // x 20..324 spans two chunks, z 20 and 320 two more
  CHECK(chunks.triangles(0) == mesh.triangle_count());
  for (const scene::StructureChunk& c : chunks.chunks) {
    CHECK(c.error_m[0] == 0.0f);
    for (int k = 1; k < scene::StructureChunk::kLevels; ++k) {
      CHECK(c.levels[k].count <= c.levels[k - 1].count);
      CHECK(c.error_m[k] >= c.error_m[k - 1]);
    }
    // The tiles merge: the far level is smaller.
    CHECK(c.levels[2].count < c.levels[0].count);
    // Far levels keep the object id of what they simplify.
    for (std::uint32_t i = c.levels[2].first; i < c.levels[2].first + c.levels[2].count; ++i)
      CHECK(chunks.mesh.vertices[chunks.mesh.indices[i]].object == 7);
  }
  // The level: the coarsest whose error stays under a pixel at the chunk's nearest point.
  scene::StructureChunk chunk;
  chunk.min = glm::vec3(0);
  chunk.max = glm::vec3(100, 20, 100);
  chunk.error_m = {0.0f, 0.4f, 2.0f};
  const float pixel = glm::radians(50.0f) / 720.0f;                           // about 1.2 mm per metre
  CHECK(scene::structure_level(chunk, glm::vec3(50, 10, 50), pixel) == 0);    // inside it
  CHECK(scene::structure_level(chunk, glm::vec3(50, 10, 300), pixel) == 0);   // 200 m: 0.4 m is 1.6 px
  CHECK(scene::structure_level(chunk, glm::vec3(50, 10, 500), pixel) == 1);   // 400 m: 0.8 px
  CHECK(scene::structure_level(chunk, glm::vec3(50, 10, 2000), pixel) == 2);  // 1.9 km: 2 m is 0.9 px
  // Deterministic: the same mesh twice gives the same bytes.
  const scene::StructureChunks again = scene::build_structure_chunks(mesh, 192.0f);
  REQUIRE(again.mesh.vertices.size() == chunks.mesh.vertices.size());
  CHECK(std::memcmp(again.mesh.vertices.data(), chunks.mesh.vertices.data(),
                    chunks.mesh.vertices.size() * sizeof(scene::Vertex)) == 0);
  CHECK(again.mesh.indices == chunks.mesh.indices);
}

TEST_CASE("the shipped cities' structures are chunked with every triangle at level 0") {
  for (const char* name : {"caizhou.json", "taiyuan.json"}) {
    const scene::World world = scene::build_world(world_test::shipped(name));
    INFO(name << ": " << world.structure_chunks.triangles(0) << " / " << world.structure_chunks.triangles(1) << " / "
              << world.structure_chunks.triangles(2) << " triangles");
    CHECK(world.structure_chunks.triangles(0) == world.structures.triangle_count());
    CHECK(world.structure_chunks.triangles(2) < world.structure_chunks.triangles(0));
    WARN(name << ": " << world.structure_chunks.triangles(0) << " / " << world.structure_chunks.triangles(1) << " / "
              << world.structure_chunks.triangles(2) << " triangles, " << world.structure_chunks.chunks.size()
              << " chunks");
  }
}
