// The terrain mesh: one grid over the heightfield, coloured by what the ground is.
#include <cmath>

#include "scene/geometry2d.h"
#include "scene/world.h"

namespace scene {

namespace {

// Late-autumn and winter fields of the North China plain (linear RGB).
constexpr glm::vec3 kStubble{0.34f, 0.27f, 0.14f};
constexpr glm::vec3 kWinterWheat{0.16f, 0.21f, 0.09f};
constexpr glm::vec3 kPloughed{0.22f, 0.15f, 0.09f};
constexpr glm::vec3 kFallow{0.27f, 0.25f, 0.13f};
constexpr glm::vec3 kMud{0.14f, 0.11f, 0.07f};
constexpr glm::vec3 kBareSlope{0.28f, 0.23f, 0.16f};
constexpr glm::vec3 kHillScrub{0.13f, 0.15f, 0.08f};
constexpr glm::vec3 kTrodden{0.30f, 0.25f, 0.17f};

std::uint32_t plot_hash(int x, int z) {
  std::uint32_t h = static_cast<std::uint32_t>(x) * 0x27D4EB2Du ^ static_cast<std::uint32_t>(z) * 0x165667B1u;
  h ^= h >> 15;
  h *= 0x85EBCA6Bu;
  h ^= h >> 13;
  return h;
}

// Fields as long strips on a slightly rotated grid, each plot one crop.
glm::vec3 field_colour(glm::vec2 xz) {
  const float angle = 0.35f;
  const glm::vec2 r(std::cos(angle) * xz.x - std::sin(angle) * xz.y, std::sin(angle) * xz.x + std::cos(angle) * xz.y);
  const int px = static_cast<int>(std::floor(r.x / 260.0f)), pz = static_cast<int>(std::floor(r.y / 110.0f));
  static constexpr glm::vec3 palette[] = {kStubble, kWinterWheat, kPloughed, kFallow, kStubble, kFallow};
  const std::uint32_t h = plot_hash(px, pz);
  const float shade = 0.85f + 0.3f * static_cast<float>(h >> 24) / 255.0f;
  return palette[h % std::size(palette)] * shade;
}

}  // namespace

Mesh build_ground_mesh(const Scenario& scenario, const Heightfield& ground, std::uint32_t object) {
  Mesh mesh;
  mesh.vertices.reserve(static_cast<size_t>(ground.nx) * ground.nz);
  const glm::vec2 cell = ground.cell_size();
  for (int iz = 0; iz < ground.nz; ++iz) {
    for (int ix = 0; ix < ground.nx; ++ix) {
      const glm::vec2 xz = ground.min + glm::vec2(ix, iz) * cell;
      const float h = ground.at(ix, iz);
      const glm::vec3 n = ground.normal(xz);
      const float above_plain = h - scenario.terrain.base_height;
      const float carved = h - plain_height(scenario, xz);

      glm::vec3 colour = field_colour(xz);
      if (above_plain > 25) colour = glm::mix(colour, kHillScrub, glm::clamp((above_plain - 25) / 60, 0.0f, 1.0f));
      for (const Wall& wall : scenario.walls)  // inside the walls: streets and yards, not fields
        if (wall.closed && inside_polygon(xz, wall.points)) colour = kTrodden;
      const float slope = 1.0f - n.y;
      colour = glm::mix(colour, kBareSlope, glm::clamp(slope * 6.0f, 0.0f, 1.0f));
      if (carved < -0.3f) colour = glm::mix(colour, kMud, glm::clamp(-carved - 0.3f, 0.0f, 1.0f));
      mesh.vertices.push_back({glm::vec3(xz.x, h, xz.y), n, pack_color(colour), object});
    }
  }
  mesh.indices.reserve(static_cast<size_t>(ground.nx - 1) * (ground.nz - 1) * 6);
  for (int iz = 0; iz + 1 < ground.nz; ++iz) {
    for (int ix = 0; ix + 1 < ground.nx; ++ix) {
      const auto i = static_cast<std::uint32_t>(iz * ground.nx + ix);
      const auto nx = static_cast<std::uint32_t>(ground.nx);
      // Counter-clockwise seen from above (+y) with +z pointing south.
      mesh.indices.insert(mesh.indices.end(), {i, i + nx, i + 1, i + 1, i + nx, i + nx + 1});
    }
  }
  return mesh;
}

}  // namespace scene
