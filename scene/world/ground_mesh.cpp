// The terrain mesh: one grid over the heightfield, coloured by what the ground is, and a
// flat skirt out to the horizon so the world has no visible edge.
#include <algorithm>
#include <cmath>
#include <limits>

#include "scene/model/geometry2d.h"
#include "scene/model/heightfield.h"
#include "scene/world/world.h"

namespace scene {

namespace {

// Linear albedos. Open plain is drawn as farmland plots by the shader (vertex alpha).
constexpr glm::vec3 kGrass{0.15f, 0.15f, 0.08f};
// A channel's banks, from the water's edge up: wet brown mud that the water laps, damp earth,
// then the weedy loess of the upper bank, near the fields' own tone so that seen from afar the
// bank is a thin brown edge to the water rather than a pale or dark band.
constexpr glm::vec3 kWetMud{0.075f, 0.06f, 0.043f};
constexpr glm::vec3 kDampBank{0.12f, 0.1f, 0.07f};
constexpr glm::vec3 kDryBank{0.15f, 0.145f, 0.085f};
constexpr glm::vec3 kBareSlope{0.22f, 0.18f, 0.13f};
constexpr glm::vec3 kHillScrub{0.10f, 0.12f, 0.06f};
constexpr glm::vec3 kTrodden{0.13f, 0.105f, 0.08f};
constexpr float kSkirtReach = 40000.0f;  // metres beyond the terrain; haze hides the rest
// Over the last this many metres inside its edge the terrain fades to plain farmland facing up,
// which is what the skirt beyond shows, so the edge of the modelled ground never shows.
constexpr float kEdgeFade = 1500.0f;
constexpr float kCurtainDrop = 5.0f;  // metres the border's curtain hangs below its lowest point

float smoothstep(float a, float b, float x) {
  const float t = glm::clamp((x - a) / (b - a), 0.0f, 1.0f);
  return t * t * (3 - 2 * t);
}

// A ground vertex at grid sample (ix, iz): its colour by land (plain, hill, town, slope,
// bank, riverbed, faded edge), its farmland share and its shading normal.
Vertex ground_vertex(const Scenario& scenario, const Heightfield& ground, int ix, int iz, std::uint32_t object) {
  const glm::vec2 xz = ground.min + glm::vec2(ix, iz) * ground.cell_size();
  const float h = ground.at(ix, iz);
  const glm::vec3 n = ground.normal(xz);
  const float above_plain = h - scenario.terrain.base_height;
  const float carved = h - plain_at(scenario, ground, ix, iz);

  glm::vec3 colour = kGrass;
  float farmland = 1.0f;
  const float hill = glm::clamp((above_plain - 25) / 60, 0.0f, 1.0f);
  colour = glm::mix(colour, kHillScrub, hill);
  farmland *= 1.0f - hill;
  for (const Wall& wall : scenario.walls)  // inside the walls: streets and yards, not fields
    if (wall.closed && inside_polygon(xz, wall.points)) {
      colour = kTrodden;
      farmland = 0;
    }
  const float slope = glm::clamp((1.0f - n.y) * 8.0f, 0.0f, 1.0f);
  colour = glm::mix(colour, kBareSlope, slope);
  farmland *= 1.0f - slope;
  // A channel's sides (River::water_level is 1.5 m below the plain by default, a moat's
  // water stands deeper): dry loess at the lip, damp lower down, wet dark mud from a little
  // above the water to the bed. No fields on a bank.
  const float dry_to_damp = smoothstep(-0.3f, -0.9f, carved), damp_to_wet = smoothstep(-0.9f, -1.5f, carved);
  const glm::vec3 bank_colour = glm::mix(glm::mix(kDryBank, kDampBank, dry_to_damp), kWetMud, damp_to_wet);
  const float bank = smoothstep(-0.3f, -0.6f, carved);  // from where terrain_chunks counts it wet
  colour = glm::mix(colour, bank_colour, bank);
  farmland *= 1.0f - bank;
  const glm::vec2 inside = glm::min(xz - ground.min, ground.max - xz);
  const float edge = smoothstep(kEdgeFade, 0.0f, std::min(inside.x, inside.y));
  colour = glm::mix(colour, kGrass, edge);
  farmland = glm::mix(farmland, 1.0f, edge);
  const glm::vec3 shading_normal = glm::normalize(glm::mix(n, glm::vec3(0, 1, 0), edge));
  return {glm::vec3(xz.x, h, xz.y), shading_normal, pack_color(colour, farmland), object};
}

// The skirt: each border vertex joined to a point far out along the same direction from
// the centre, at the border's height.
void add_skirt(Mesh& mesh, const Scenario& scenario, const Heightfield& ground) {
  const glm::vec2 centre = (ground.min + ground.max) * 0.5f;
  std::vector<std::uint32_t> border;
  for (int ix = 0; ix < ground.nx; ++ix) border.push_back(static_cast<std::uint32_t>(ix));
  for (int iz = 1; iz < ground.nz; ++iz) border.push_back(static_cast<std::uint32_t>(iz * ground.nx + ground.nx - 1));
  for (int ix = ground.nx - 2; ix >= 0; --ix)
    border.push_back(static_cast<std::uint32_t>((ground.nz - 1) * ground.nx + ix));
  for (int iz = ground.nz - 2; iz > 0; --iz) border.push_back(static_cast<std::uint32_t>(iz * ground.nx));
  // The skirt starts from copies of the border vertices, all plain farmland facing straight
  // up as the border has faded to (kEdgeFade), so no hill or channel streaks out forty
  // kilometres and skirt and terrain meet without a seam.
  for (std::uint32_t& b : border) {
    Vertex v = mesh.vertices[b];
    v.normal = glm::vec3(0, 1, 0);
    v.color = pack_color(kGrass, 1.0f);
    mesh.vertices.push_back(v);
    b = static_cast<std::uint32_t>(mesh.vertices.size() - 1);
  }
  const auto outer_base = static_cast<std::uint32_t>(mesh.vertices.size());
  for (std::uint32_t b : border) {
    Vertex v = mesh.vertices[b];
    const glm::vec2 xz(v.position.x, v.position.z);
    const glm::vec2 out = xz + glm::normalize(xz - centre) * kSkirtReach;
    // Out at the horizon the land settles to the plain, whatever hill the border crosses.
    v.position = glm::vec3(out.x, std::min(v.position.y, scenario.terrain.base_height), out.y);
    v.normal = glm::vec3(0, 1, 0);
    mesh.vertices.push_back(v);
  }
  for (size_t k = 0; k < border.size(); ++k) {
    const std::uint32_t a = border[k], b = border[(k + 1) % border.size()];
    const std::uint32_t oa = outer_base + static_cast<std::uint32_t>(k);
    const std::uint32_t ob = outer_base + static_cast<std::uint32_t>((k + 1) % border.size());
    // The border runs clockwise seen from above; wind so the skirt faces up.
    const glm::vec3 pa = mesh.vertices[a].position, pb = mesh.vertices[b].position, po = mesh.vertices[oa].position;
    if (glm::cross(pb - pa, po - pa).y > 0)
      mesh.indices.insert(mesh.indices.end(), {a, b, oa, b, ob, oa});
    else
      mesh.indices.insert(mesh.indices.end(), {a, oa, b, b, oa, ob});
  }
  // A curtain hung from the skirt's inner edge, both sides, below the lowest border: a border
  // chunk drawn at a coarse level (terrain_chunks.h) may run below the full grid's border, and
  // a ray over it would pass under the skirt, which faces up, and through the ground.
  float lowest = std::numeric_limits<float>::max();
  for (const std::uint32_t b : border) lowest = std::min(lowest, mesh.vertices[b].position.y);
  const auto curtain_base = static_cast<std::uint32_t>(mesh.vertices.size());
  for (const std::uint32_t b : border) {
    Vertex v = mesh.vertices[b];
    v.position.y = lowest - kCurtainDrop;
    mesh.vertices.push_back(v);
  }
  for (size_t k = 0; k < border.size(); ++k) {
    const std::uint32_t a = border[k], b = border[(k + 1) % border.size()];
    const std::uint32_t la = curtain_base + static_cast<std::uint32_t>(k);
    const std::uint32_t lb = curtain_base + static_cast<std::uint32_t>((k + 1) % border.size());
    mesh.indices.insert(mesh.indices.end(), {a, la, b, b, la, lb, a, b, la, b, lb, la});
  }
}

}  // namespace

Mesh build_ground_mesh(const Scenario& scenario, const Heightfield& ground, std::uint32_t object) {
  Mesh mesh;
  mesh.vertices.reserve(static_cast<size_t>(ground.nx) * ground.nz);
  for (int iz = 0; iz < ground.nz; ++iz)
    for (int ix = 0; ix < ground.nx; ++ix) mesh.vertices.push_back(ground_vertex(scenario, ground, ix, iz, object));
  mesh.indices.reserve(static_cast<size_t>(ground.nx - 1) * (ground.nz - 1) * 6);
  for (int iz = 0; iz + 1 < ground.nz; ++iz) {
    for (int ix = 0; ix + 1 < ground.nx; ++ix) {
      const auto i = static_cast<std::uint32_t>(iz * ground.nx + ix);
      const auto nx = static_cast<std::uint32_t>(ground.nx);
      // Counter-clockwise seen from above (+y) with +z pointing south.
      mesh.indices.insert(mesh.indices.end(), {i, i + nx, i + 1, i + 1, i + nx, i + nx + 1});
    }
  }

  add_skirt(mesh, scenario, ground);
  return mesh;
}

}  // namespace scene
