// Settlements as plans before they are meshes: where each house, hall, pagoda and courtyard
// wall stands (so tests can check the layout without rendering), then the builders that turn
// a plan into triangles. Song/Jin practice (/work/shared/LOOK.md §2): commoners' houses have
// at most 3 bays and gable roofs; brackets, hipped roofs and 鸱尾 only on official and temple
// halls; halls face south in compounds behind walls; shops front the main streets.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "scene/mesh/mesh.h"
#include "scene/model/heightfield.h"
#include "scene/model/scenario.h"
#include "scene/world/song_roofs.h"

namespace scene {

enum class BuildingKind { House, ShopHouse, Farmhouse, Hall, GateHall, Stall, Pagoda };
inline constexpr int kBuildingKindCount = 7;
// "house", "shop", "farmhouse", "hall", "gate", "stall", "pagoda": the keys of a settlement's
// "models" (a user's glTF for that kind).
const char* building_kind_name(BuildingKind kind);

// Who a building is for, which sets what the sumptuary law allows it.
enum class Rank { Commoner, Official, Imperial, Temple };

struct BuildingPlace {
  BuildingKind kind = BuildingKind::House;
  Rank rank = Rank::Commoner;
  glm::vec2 at{0};        // centre of the footprint
  glm::vec2 size{10, 7};  // walls: along the front (local x), deep (local z)
  float yaw = 0;          // as Mesh::add_box; the front faces local +z (south at yaw 0)
  RoofKind roof = RoofKind::Gable;
  int bays = 3;
  float height = 3.5f;  // eaves (walls or columns) above the ground; a pagoda's total height
  int storeys = 1;      // a pagoda's
  bool thatch = false;
  // How far it reaches from `at` in plan (roof overhang included): for keeping clear of
  // roads, walls and water.
  float reach() const;
};

struct WallRun {  // a courtyard or yard wall
  glm::vec2 a{0}, b{0};
  float height = 3, thickness = 0.9f;
  bool coping = true;  // a tiled coping (city compounds); bare earth in villages
};

struct SettlementPlan {
  std::vector<BuildingPlace> buildings;
  std::vector<WallRun> walls;
};

// A main street: from a gate straight into the city until it leaves the gate's wall.
struct Street {
  glm::vec2 from{0}, to{0};
  float width = 14;
  std::string gate;
};
std::vector<Street> main_streets(const Scenario& scenario);
// Distance from `p` to the nearest main street's edge (negative inside it); large if none.
float street_clearance(const std::vector<Street>& streets, glm::vec2 p);

SettlementPlan plan_settlement(const Scenario& scenario, const Settlement& settlement, std::uint32_t salt);

// A compound on a south-facing axis (local +z front at `yaw`): a gate in the front wall, a
// screen wall inside it, `courts` courts each closed by a hall facing the front, side halls
// flanking the courts when there is room. `half`: the walls' half extents.
void plan_compound(SettlementPlan& plan, glm::vec2 centre, glm::vec2 half, float yaw, int courts, Rank rank,
                   std::uint32_t salt);
// Where a temple's pagoda stands in the compound plan_compound makes with these arguments.
glm::vec2 compound_front_court(glm::vec2 centre, glm::vec2 half, float yaw, int courts);

// Meshes (halls.cpp, pagoda.cpp, compounds.cpp).
void add_building(Mesh& mesh, const Heightfield& ground, const BuildingPlace& place, std::uint32_t object);
void add_pagoda(Mesh& mesh, const Heightfield& ground, const BuildingPlace& place, std::uint32_t object);
void add_courtyard_wall(Mesh& mesh, const Heightfield& ground, const WallRun& run, std::uint32_t object);

// A settlement's own models per building kind (its "models"); an empty mesh: built in.
struct BuildingModels {
  std::array<Mesh, kBuildingKindCount> meshes;
};
// Reads them (normalised to a unit footprint); a missing or broken file: a warning on stderr
// naming it, and the built-in builder.
BuildingModels load_building_models(const Scenario& scenario, const Settlement& settlement);

// The ids a settlement's parts are drawn under: its buildings (Building, Temple, Market or
// Office), its courtyard walls and its pagoda; 0 where it has none.
struct SettlementObjects {
  std::uint32_t main = 0, courtyard_walls = 0, pagoda = 0;
};

}  // namespace scene
