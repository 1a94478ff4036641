// The procedural world as CPU meshes: what stands still is built once per scenario, what
// changes with time (rings under construction, lakes draining) per snapshot.
#pragma once

#include "scene/mesh.h"
#include "scene/objects.h"
#include "scene/scenario.h"
#include "scene/snapshot.h"
#include "scene/terrain_chunks.h"

namespace scene {

struct World {
  ObjectRegistry objects;  // ids for every static and dynamic object, fixed for the scenario
  std::uint32_t sky = 0;
  std::uint32_t terrain = 0;
  TerrainChunks ground;    // the terrain, in chunks with levels of detail
  Mesh water;              // rivers
  Mesh structures;         // walls (less their damaged segments), bastions, gates, towers, buildings
  std::vector<Mesh> camps; // parallel to Scenario::camps; drawn while the camp is occupied
  glm::vec3 casters_min{1e30f}, casters_max{-1e30f};  // bounds of everything that casts a shadow
};

struct DynamicMeshes {
  Mesh solids;  // siege rings as far as built, camps, engines, earthworks, damaged wall segments
  Mesh water;   // lakes at their level
};

World build_world(const Scenario& scenario);
DynamicMeshes build_dynamic(const Scenario& scenario, const World& world, const Snapshot& snapshot);

// The builders behind them, one file each.
Mesh build_ground_mesh(const Scenario& scenario, const Heightfield& ground, std::uint32_t object);
void add_river_water(Mesh& mesh, const Scenario& scenario, const River& river, std::uint32_t object);
void add_moat_water(Mesh& mesh, const Scenario& scenario, const Moat& moat, const Wall& wall, std::uint32_t object);
void add_lake_water(Mesh& mesh, const Scenario& scenario, const Lake& lake, float level, std::uint32_t object);
// `cuts`: arc-length intervals [from, to] along the wall's path left out (damaged segments,
// which add_wall_damage draws in their state of the moment).
void add_wall(Mesh& mesh, const Heightfield& ground, const Wall& wall, std::uint32_t object, std::vector<glm::vec2> cuts = {});
// The arc-length interval of the wall that a damage record covers.
glm::vec2 damage_span(const Wall& wall, const WallDamage& damage);
// A damaged segment: 0 intact, (0,1) scarred with merlons missing and fallen facing, 1 breached
// (broken stubs, a gap and a rubble ramp, the rubble under `rubble_object`).
void add_wall_damage(Mesh& mesh, const Heightfield& ground, const Wall& wall, const WallDamage& damage, float state,
                     std::uint32_t salt, std::uint32_t wall_object, std::uint32_t rubble_object);
void add_gate(Mesh& mesh, const Heightfield& ground, const Wall& wall, const Gate& gate, std::uint32_t object);
void add_tower(Mesh& mesh, const Heightfield& ground, const Tower& tower, std::uint32_t object);
void add_settlement(Mesh& mesh, const Scenario& scenario, const Heightfield& ground, const Settlement& settlement,
                    std::uint32_t salt, std::uint32_t object);
void add_camp(Mesh& mesh, const Scenario& scenario, const Heightfield& ground, const Camp& camp, std::uint32_t salt,
              std::uint32_t object);
void add_siege_engine(Mesh& mesh, const Scenario& scenario, const Heightfield& ground, const SiegeEngine& engine,
                      glm::vec2 position, std::uint32_t object);
void add_earthwork(Mesh& mesh, const Heightfield& ground, const Earthwork& work, float built, std::uint32_t object);
void add_siege_ring(Mesh& mesh, const Heightfield& ground, const SiegeRing& ring, float built, std::uint32_t object);

// A polyline resampled so no segment is longer than `step` (keeps ribbons on the ground).
std::vector<glm::vec2> resample(const std::vector<glm::vec2>& path, float step);

}  // namespace scene
