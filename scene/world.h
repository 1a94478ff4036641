// The procedural world as CPU meshes: what stands still is built once per scenario, what
// changes with time (rings under construction, lakes draining) per snapshot.
#pragma once

#include "scene/mesh.h"
#include "scene/objects.h"
#include "scene/scenario.h"
#include "scene/snapshot.h"

namespace scene {

struct World {
  ObjectRegistry objects;  // ids for every static and dynamic object, fixed for the scenario
  std::uint32_t sky = 0;
  std::uint32_t terrain = 0;
  Mesh ground;             // the terrain
  Mesh water;              // rivers
  Mesh structures;         // walls, bastions, gates, towers, buildings
};

struct DynamicMeshes {
  Mesh solids;  // siege rings as far as built
  Mesh water;   // lakes at their level
};

World build_world(const Scenario& scenario);
DynamicMeshes build_dynamic(const Scenario& scenario, const World& world, const Snapshot& snapshot);

// The builders behind them, one file each.
Mesh build_ground_mesh(const Scenario& scenario, const Heightfield& ground, std::uint32_t object);
void add_river_water(Mesh& mesh, const Scenario& scenario, const River& river, std::uint32_t object);
void add_moat_water(Mesh& mesh, const Scenario& scenario, const Moat& moat, const Wall& wall, std::uint32_t object);
void add_lake_water(Mesh& mesh, const Scenario& scenario, const Lake& lake, float level, std::uint32_t object);
void add_wall(Mesh& mesh, const Heightfield& ground, const Wall& wall, std::uint32_t object);
void add_gate(Mesh& mesh, const Heightfield& ground, const Wall& wall, const Gate& gate, std::uint32_t object);
void add_tower(Mesh& mesh, const Heightfield& ground, const Tower& tower, std::uint32_t object);
void add_settlement(Mesh& mesh, const Scenario& scenario, const Heightfield& ground, const Settlement& settlement,
                    std::uint32_t salt, std::uint32_t object);
void add_siege_ring(Mesh& mesh, const Heightfield& ground, const SiegeRing& ring, float built, std::uint32_t object);

// A polyline resampled so no segment is longer than `step` (keeps ribbons on the ground).
std::vector<glm::vec2> resample(const std::vector<glm::vec2>& path, float step);

}  // namespace scene
