// Settlements after Song practice: houses clear of roads, water and walls; main streets that
// start at the gates; every temple with its pagoda; roofs with their curve and within their
// triangle budgets; the new settlement kinds under their own object ids.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>

#include "load_test_support.h"
#include "scene/model/geometry2d.h"
#include "scene/model/wall_path.h"
#include "scene/world/settlement_plan.h"
#include "scene/world/world.h"
#include "shipped_scenarios.h"

using namespace load_test;

namespace {

using world_test::shipped;

// The footprint's corners of a building, roof overhang included.
std::vector<glm::vec2> corners(const scene::BuildingPlace& b) {
  const glm::vec2 right(std::cos(b.yaw), -std::sin(b.yaw)), fwd(std::sin(b.yaw), std::cos(b.yaw));
  const glm::vec2 h = b.size * 0.5f + glm::vec2(0.7f);
  return {b.at + right * h.x + fwd * h.y, b.at - right * h.x + fwd * h.y, b.at + right * h.x - fwd * h.y,
          b.at - right * h.x - fwd * h.y, b.at};
}

}  // namespace

TEST_CASE("no house, hall or pagoda stands on a road, a wall, in water or on a main street", "[world][buildings]") {
  for (const char* name : {"caizhou.json", "taiyuan.json"}) {
    const scene::Scenario& s = shipped(name);
    const std::vector<scene::Street> streets = scene::main_streets(s);
    int buildings = 0;
    for (size_t i = 0; i < s.settlements.size(); ++i) {
      const scene::SettlementPlan plan = scene::plan_settlement(s, s.settlements[i], static_cast<std::uint32_t>(i + 1));
      for (const scene::BuildingPlace& b : plan.buildings) {
        ++buildings;
        for (glm::vec2 c : corners(b)) {
          INFO(name << " " << s.settlements[i].id << " " << scene::building_kind_name(b.kind) << " at " << b.at.x << ","
                    << b.at.y << " corner " << c.x << "," << c.y);
          CHECK(scene::clear_ground(s, c, 0.0f));
          // Compound gates open onto streets and stalls fill the market's square; nothing else
          // stands in a main street.
          if (b.kind != scene::BuildingKind::GateHall && b.kind != scene::BuildingKind::Stall)
            CHECK(scene::street_clearance(streets, c) > -0.01f);
        }
      }
    }
    CHECK(buildings > 800);
  }
}

TEST_CASE("a main street runs in from every gate of a city wall", "[world][buildings]") {
  for (const char* name : {"caizhou.json", "taiyuan.json"}) {
    const scene::Scenario& s = shipped(name);
    const std::vector<scene::Street> streets = scene::main_streets(s);
    for (const scene::Gate& gate : s.gates) {
      INFO(name << " " << gate.id);
      const auto street =
          std::find_if(streets.begin(), streets.end(), [&](const scene::Street& st) { return st.gate == gate.id; });
      REQUIRE(street != streets.end());
      const scene::Wall* wall = nullptr;
      for (const scene::Wall& w : s.walls)
        if (w.id == gate.wall) wall = &w;
      REQUIRE(wall);
      const scene::GateSite site = scene::gate_site(*wall, gate);
      CHECK(glm::length(street->from - site.at) < 0.5f);
      // Square to the wall (lined up with the passage), long, and leading into the city.
      const glm::vec2 d = street->to - street->from;
      CHECK(glm::length(d) > 100.0f);
      CHECK(std::abs(glm::dot(glm::normalize(d), site.dir)) < 0.05f);
      CHECK(scene::inside_polygon(street->from + glm::normalize(d) * 30.0f, wall->points));
    }
  }
}

TEST_CASE("every temple has a pagoda in its compound, and every compound its walls", "[world][buildings]") {
  int temples = 0;
  for (const char* name : {"caizhou.json", "taiyuan.json"}) {
    const scene::Scenario& s = shipped(name);
    for (size_t i = 0; i < s.settlements.size(); ++i) {
      const scene::Settlement& settlement = s.settlements[i];
      const scene::SettlementPlan plan = scene::plan_settlement(s, settlement, static_cast<std::uint32_t>(i + 1));
      INFO(name << " " << settlement.id);
      const auto pagodas =
          std::count_if(plan.buildings.begin(), plan.buildings.end(),
                        [](const scene::BuildingPlace& b) { return b.kind == scene::BuildingKind::Pagoda; });
      if (settlement.kind == scene::SettlementKind::Temple) {
        ++temples;
        CHECK(pagodas == 1);
        const auto pagoda =
            std::find_if(plan.buildings.begin(), plan.buildings.end(),
                         [](const scene::BuildingPlace& b) { return b.kind == scene::BuildingKind::Pagoda; });
        CHECK(glm::length(pagoda->at - settlement.center) < settlement.radius);
        // Nothing else stands where the pagoda does.
        for (const scene::BuildingPlace& b : plan.buildings)
          if (&b != &*pagoda) CHECK(glm::length(b.at - pagoda->at) > pagoda->reach() + 2.0f);
      } else {
        CHECK(pagodas == 0);
      }
      if (settlement.kind == scene::SettlementKind::Temple || settlement.kind == scene::SettlementKind::Office ||
          settlement.kind == scene::SettlementKind::Palace || settlement.kind == scene::SettlementKind::Village)
        CHECK(plan.walls.size() >= 4);
    }
  }
  CHECK(temples == 2);
}

TEST_CASE("settlements register their kinds, courtyard walls and pagodas as objects", "[world][buildings]") {
  const scene::Scenario& s = shipped("caizhou.json");
  const scene::World world = scene::build_world(s);
  CHECK(world.objects.id_of(scene::ObjectKind::Temple, "wuying_temple") != 0);
  CHECK(world.objects.id_of(scene::ObjectKind::Pagoda, "wuying_temple") != 0);
  CHECK(world.objects.id_of(scene::ObjectKind::Market, "east_market") != 0);
  CHECK(world.objects.id_of(scene::ObjectKind::Office, "ruyang_office") != 0);
  CHECK(world.objects.id_of(scene::ObjectKind::CourtyardWall, "palace") != 0);
  CHECK(world.objects.id_of(scene::ObjectKind::Building, "palace") != 0);
  // The pagoda's triangles stand where its plan puts it, under its own id, 26 m tall.
  const std::uint32_t pagoda = world.objects.id_of(scene::ObjectKind::Pagoda, "wuying_temple");
  glm::vec3 lo(1e30f), hi(-1e30f);
  for (const scene::Vertex& v : world.structures.vertices)
    if (v.object == pagoda) lo = glm::min(lo, v.position), hi = glm::max(hi, v.position);
  REQUIRE(hi.y > lo.y);
  CHECK(hi.y - lo.y > 24.0f);
  CHECK(hi.y - lo.y < 32.0f);
  CHECK(glm::length(glm::vec2((lo.x + hi.x) * 0.5f, (lo.z + hi.z) * 0.5f) - glm::vec2(-450, 470)) < 60.0f);
}

TEST_CASE("roofs curve, turn up at the corners, and keep to their triangle budgets", "[world][buildings]") {
  scene::RoofSpec spec;
  spec.kind = scene::RoofKind::Hipped;
  spec.walls = {20, 12};
  spec.overhang = 2;
  spec.rise = 5;
  spec.sag = 0.14f;
  spec.segments = 3;
  spec.corner_lift = 0.8f;
  scene::Mesh roof;
  scene::add_roof(roof, glm::vec3(0), 0, spec, 1);
  // The eaves' corners stand higher than the middle of the eaves.
  float corner = -1e30f;
  for (const scene::Vertex& v : roof.vertices) {
    if (std::abs(v.position.z) > 7.9f && std::abs(v.position.x) > 11.9f) corner = std::max(corner, v.position.y);
  }
  CHECK(corner >= 0.79f);
  // Concave: the slope's break a third of the way up lies below the straight line from eaves
  // to ridge (a gable roof, whose eaves do not turn up).
  spec.kind = scene::RoofKind::Gable;
  scene::Mesh gable;
  scene::add_roof(gable, glm::vec3(0), 0, spec, 1);
  float third = 1e30f;
  for (const scene::Vertex& v : gable.vertices)
    if (std::abs(v.position.z - 16.0f / 3.0f) < 0.05f) third = std::min(third, v.position.y);
  REQUIRE(third < 1e29f);
  CHECK(third < 5.0f / 3.0f - 0.2f);

  // A commoner's house and a great hall within their budgets.
  scene::Heightfield flat;
  flat.min = glm::vec2(-100);
  flat.max = glm::vec2(100);
  flat.nx = flat.nz = 8;
  flat.heights.assign(64, 0.0f);
  scene::BuildingPlace house;
  house.bays = 3;
  house.size = {10.5f, 6.5f};
  scene::Mesh h;
  scene::add_building(h, flat, house, 1);
  CHECK(h.triangle_count() <= 80);
  scene::BuildingPlace hall;
  hall.kind = scene::BuildingKind::Hall;
  hall.rank = scene::Rank::Imperial;
  hall.roof = scene::RoofKind::Hipped;
  hall.bays = 7;
  hall.size = {32, 12};
  hall.height = 4.6f;
  scene::Mesh m;
  scene::add_building(m, flat, hall, 1);
  CHECK(m.triangle_count() <= 400);
  CHECK(m.triangle_count() > h.triangle_count());
}

TEST_CASE("a settlement's own model replaces a kind of building, and a missing one falls back",
          "[world][buildings][models]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "siege_test_settlement_models";
  fs::create_directories(dir / "models");
  {
    // A 2-unit cube: fitted to each house's footprint.
    std::ofstream out(dir / "models" / "box.obj");
    out << "v 0 0 0\nv 2 0 0\nv 2 2 0\nv 0 2 0\nv 0 0 2\nv 2 0 2\nv 2 2 2\nv 0 2 2\n"
           "f 1 4 3 2\nf 5 6 7 8\nf 1 2 6 5\nf 4 8 7 3\nf 1 5 8 4\nf 2 3 7 6\n";
  }
  const std::string village =
      R"("settlements": [{"id": "v", "kind": "village", "center": [500, 500], "radius": 120, "houses": 8, )"
      R"("models": {"farmhouse": "models/box.obj", "pagoda": "models/missing.glb"}}],)";
  const fs::path file = dir / "s.json";
  {
    std::ofstream out(file);
    out << load_test::scenario({}, village);
  }
  const auto loaded = scene::load_scenario(file);
  INFO(Catch::Detail::stringify(errors(loaded)));
  REQUIRE(loaded.scenario);
  const scene::Scenario& s = *loaded.scenario;
  REQUIRE(s.settlements.at(0).models.size() == 2);
  CHECK(s.settlements[0].models.at("farmhouse") == "models/box.obj");
  // The missing file is a warning naming it, not an error.
  REQUIRE(loaded.warnings.size() == 1);
  CHECK(loaded.warnings[0].message.find("missing.glb") != std::string::npos);

  const scene::BuildingModels own = scene::load_building_models(s, s.settlements[0]);
  CHECK(own.meshes[static_cast<size_t>(scene::BuildingKind::Farmhouse)].triangle_count() == 12);
  CHECK(own.meshes[static_cast<size_t>(scene::BuildingKind::Pagoda)].empty());  // built in
  const scene::SettlementPlan plan = scene::plan_settlement(s, s.settlements[0], 1);
  const auto farmhouses =
      std::count_if(plan.buildings.begin(), plan.buildings.end(),
                    [](const scene::BuildingPlace& b) { return b.kind == scene::BuildingKind::Farmhouse; });
  REQUIRE(farmhouses > 0);
  scene::Mesh mesh;
  scene::add_settlement(mesh, *s.ground, scene::SettlementPlan{plan.buildings, {}}, {7, 0, 0}, &own);
  CHECK(mesh.triangle_count() == static_cast<size_t>(farmhouses) * 12);  // every farmhouse is the user's box
  for (const scene::Vertex& v : mesh.vertices) CHECK(v.object == 7);

  // A kind the format does not know is refused at its line.
  const auto bad = load_test::load(load_test::scenario(
      {}, R"("settlements": [{"id": "v", "center": [0, 0], "models": {"castle": "models/box.obj"}}],)"));
  CHECK_FALSE(bad.errors.empty());
}
