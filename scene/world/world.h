// The procedural world as CPU meshes: what stands still is built once per scenario, what
// changes with time (rings under construction, lakes draining) per snapshot.
#pragma once

#include <array>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "scene/mesh/mesh.h"
#include "scene/model/heightfield.h"
#include "scene/model/scenario.h"
#include "scene/model/snapshot.h"
#include "scene/model/wall_path.h"
#include "scene/sim/ladders.h"
#include "scene/world/objects.h"
#include "scene/world/settlement_plan.h"
#include "scene/world/shadow_receivers.h"
#include "scene/world/structure_chunks.h"
#include "scene/world/terrain_chunks.h"
#include "scene/world/trees.h"

namespace scene {

// The props that are models (mesh/model_file.h; placed by world/props.cpp): the procedural builders make them in the model
// convention, tools/bake_models writes them to assets/models/<prop_file_name>.glb, and the
// world places them from those files.
// TrebuchetArm is the trebuchet's throwing arm on its own, axle at the origin, the long arm
// level towards +z (behind): build_dynamic swings it about the axle per frame.
enum class Prop { Trebuchet, SiegeShed, SiegeTower, Ram, Ger, Tent, Banner, TrebuchetArm };
inline constexpr std::size_t kPropCount = 8;
const char* prop_file_name(Prop prop);  // "siege_tower": assets/models/siege_tower.glb
Prop engine_prop(EngineKind kind);
// The procedural prop at the origin facing -z, its flags in kFactionColourKey, object id 0.
Mesh build_prop(Prop prop);
// Which way an engine at `position` faces: its target, or the city at the origin.
glm::vec2 engine_facing(const SiegeEngine& engine, glm::vec2 position);

// A prop's levels of detail (mesh_lod.h), level 0 the full mesh; never empty once loaded.
using PropLods = std::vector<Mesh>;

struct PropModels {
  std::array<PropLods, kPropCount> props;  // from assets/models, or the procedural fallback
  std::vector<PropLods> engines;           // parallel to Scenario::engines: the engine's own "model", else empty
  std::vector<PropLods> camps;             // parallel to Scenario::camps: the camp's own tent/ger "model", else empty
  std::vector<std::string> warnings;       // missing or broken files (fallen back to the procedural prop)
  const PropLods& engine(const Scenario& scenario, std::size_t i) const;
};

// Where the baked models are: $SIEGE_MODELS_DIR, else assets/models beside the scenario's
// assets/scenarios folder, else the source tree's assets/models.
std::filesystem::path models_directory(const Scenario& scenario);
// Loads every prop once, with a warning (printed to stderr and kept) for each fallback.
PropModels load_prop_models(const Scenario& scenario);

struct World {
  ObjectRegistry objects;  // ids for every static and dynamic object, fixed for the scenario
  std::uint32_t sky = 0;
  std::uint32_t terrain = 0;
  TerrainChunks ground;              // the terrain, in chunks with levels of detail
  Mesh water;                        // rivers
  Mesh structures;                   // walls (less their damaged segments), bastions, gates, towers, buildings, roads
  StructureChunks structure_chunks;  // the same in chunks with levels of detail, as the renderer draws them
  std::vector<Mesh> camps;           // parallel to Scenario::camps; drawn while the camp is occupied
  glm::vec3 casters_min{1e30f}, casters_max{-1e30f};  // bounds of everything that casts a shadow
  CasterHeights static_casters;                       // per terrain chunk: structures' heights (shadow_receivers.h)
  std::shared_ptr<const Heightfield> heightfield;     // the full-resolution ground the meshes stand on
  PropModels models;                                  // engines, tents, gers and banners as models, loaded once
  std::vector<TreeInstance> trees;                    // trees and reeds (trees.h), drawn as instances
};

struct DynamicMeshes {
  Mesh solids;  // siege rings as far as built, camps, engines (arms swung, crews pulling), earthworks,
                // damaged wall segments, scaling ladders
  Mesh water;   // lakes at their level
};

World build_world(const Scenario& scenario);
// `eye`: where the camera is, for the engines' levels of detail; without it every engine is
// drawn at level 0.
// `with_camps`: false for a renderer that keeps World::camps in GPU memory and draws the
// occupied ones itself.
DynamicMeshes build_dynamic(const Scenario& scenario, const World& world, const Snapshot& snapshot,
                            std::optional<glm::vec3> eye = std::nullopt, bool with_camps = true);

// The builders behind them, one file each.
Mesh build_ground_mesh(const Scenario& scenario, const Heightfield& ground, std::uint32_t object);
void add_river_water(Mesh& mesh, const Scenario& scenario, const River& river, std::uint32_t object);
void add_moat_water(Mesh& mesh, const Scenario& scenario, const Moat& moat, const Wall& wall, std::uint32_t object);
void add_lake_water(Mesh& mesh, const Scenario& scenario, const Lake& lake, float level, std::uint32_t object);
// `cuts`: arc-length intervals [from, to] along the wall's path left out (damaged segments,
// which add_wall_damage draws in their state of the moment).
// `gates`: gate_stations of this wall; no bastion stands in front of a gate or its barbican.
void add_wall(Mesh& mesh, const Heightfield& ground, const Wall& wall, std::uint32_t object,
              std::vector<glm::vec2> cuts = {}, const std::vector<glm::vec2>& gates = {});
// A 马面 bastion: its centre, its foot on the wall's line, the wall's direction there and the
// foot's arc length along the wall. One whose foot lies in a damage span is part of that
// segment: add_wall leaves it out and add_wall_damage draws it in the segment's state.
struct Bastion {
  glm::vec2 centre{0}, foot{0}, along{1, 0};
  float s = 0;
};
// Where a wall's gates stand: per gate on it, (arc length along the wall, how far either side
// of it a bastion may not stand: the gatehouse's half width, or the barbican's).
std::vector<glm::vec2> gate_stations(const Scenario& scenario, const Wall& wall);
std::vector<Bastion> bastions_of(const Wall& wall, const std::vector<glm::vec2>& gates = {});
// A breached bastion, tower or gatehouse stands no higher than this fraction of its height.
inline constexpr float kBastionStubFraction = 0.3f;
// kGateForcedMaxLength and kGateOpening: scene/model/wall_path.h, shared with the sim.
// Whether a damage's span covers the gate (its snapped point) or the tower (near the wall's
// line): then build_world leaves it out and build_dynamic draws it in the damage's state.
bool damage_covers_gate(const Wall& wall, const WallDamage& damage, const Gate& gate);
bool damage_covers_tower(const Wall& wall, const WallDamage& damage, const Tower& tower);
// A damaged segment: 0 intact, (0,1) scarred with merlons missing and fallen facing, 1 breached
// (broken stubs, a gap and a rubble ramp, the rubble under `rubble_object`), its bastions with it.
// `opening`: an arc-length interval left clear below 1 (a forced gate's passage).
void add_wall_damage(Mesh& mesh, const Heightfield& ground, const Wall& wall, const WallDamage& damage, float state,
                     std::uint32_t salt, std::uint32_t wall_object, std::uint32_t rubble_object,
                     glm::vec2 opening = {0, 0}, const std::vector<glm::vec2>& gates = {});
// Where a gate stands on its wall: the snapped point, the wall's direction, its arc length and
// the arc-length interval of its passage.
struct GateSite {
  glm::vec2 at{0}, dir{1, 0};
  float s = 0;
  glm::vec2 passage{0};
};
GateSite gate_site(const Wall& wall, const Gate& gate);
// `taken` (a covering damage's state): 0 as built; forced (scorched, the leaves broken open
// from 0.5, half the hall's roof fallen in from 0.9); with `wall_breached` at 1, fallen to stubs.
// `barbican_reach`: how far its barbican, if it has one, stands out from the wall's foot.
void add_gate(Mesh& mesh, const Heightfield& ground, const Wall& wall, const Gate& gate, std::uint32_t object,
              float taken = 0, bool wall_breached = false, float barbican_reach = 45.0f);
// How far a barbican of `wall` reaches out from its foot: 45 m, or less where the wall's moat
// runs nearer, so that it stands inside the moat with room for a landing before its door.
float barbican_reach(const Scenario& scenario, const Wall& wall);
float tower_size(const Tower& tower);  // across, metres
// `state`: of the damage the tower stands in, as for a bastion.
void add_tower(Mesh& mesh, const Heightfield& ground, const Tower& tower, std::uint32_t object, float state = 0);
// A settlement's buildings, pagoda and courtyard walls (settlement_plan.h) under their ids.
// `models`: the settlement's own models per kind of building, which replace the built-in ones.
void add_settlement(Mesh& mesh, const Heightfield& ground, const SettlementPlan& plan, const SettlementObjects& objects,
                    const BuildingModels* models = nullptr);
// The models a camp's dwellings (tents or gers, by its kind) and banners are placed from;
// null: built procedurally.
struct CampModels {
  const Mesh* dwelling = nullptr;
  const Mesh* banner = nullptr;
};
void add_camp(Mesh& mesh, const Scenario& scenario, const Heightfield& ground, const Camp& camp, std::uint32_t salt,
              std::uint32_t object, const CampModels& models = {});
void add_siege_engine(Mesh& mesh, const Scenario& scenario, const Heightfield& ground, const SiegeEngine& engine,
                      glm::vec2 position, std::uint32_t object);
// A trebuchet's moving parts at one instant (camps.cpp): `arm` (the TrebuchetArm prop)
// swung about the axle to `arm_angle` (projectiles.h, trebuchet_arm), the ropes from its short
// end down to the crew, and the crew leaning back by `pull` (0..1). `crew`: false leaves the
// figures and ropes out (far away).
void add_trebuchet_action(Mesh& mesh, const Mesh& arm, glm::vec3 base, glm::vec2 facing, float arm_angle, float pull,
                          std::uint32_t object, bool crew = true);
void add_earthwork(Mesh& mesh, const Heightfield& ground, const Earthwork& work, float built, std::uint32_t object);

// A scaling ladder (sim/ladders.h poses it): two rails and rungs from foot to top.
void add_ladder(Mesh& mesh, glm::vec3 foot, glm::vec3 top, std::uint32_t object);
void add_siege_ring(Mesh& mesh, const Heightfield& ground, const SiegeRing& ring, float built, std::uint32_t object);

// A road's centre line: from its gate (snapped onto the wall, as the gatehouse is) when it
// names one, then its path, with repeated points dropped.
std::vector<glm::vec2> road_centre_line(const Scenario& scenario, const Road& road);
// A road draped on the ground (roads.cpp), with decks where it crosses carved water.
void add_road(Mesh& mesh, const Scenario& scenario, const Heightfield& ground, const Road& road, std::uint32_t object);

// Whether something `margin` metres across from its centre may stand at `p`: clear of every
// wall, river (and its banks), lake and road (clear_ground.cpp).
bool clear_ground(const Scenario& scenario, glm::vec2 p, float margin);

// A polyline resampled so no segment is longer than `step` (keeps ribbons on the ground).
std::vector<glm::vec2> resample(const std::vector<glm::vec2>& path, float step);

}  // namespace scene
