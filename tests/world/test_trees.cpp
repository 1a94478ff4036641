// Trees and reeds: where place_trees puts them in both shipped scenarios (along the rivers,
// round the villages, in each grove; never in water, on a road or in a wall), that it does so
// identically every time, what their meshes are made of, and that winter is bare.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

#include "load_test_support.h"
#include "scene/model/geometry2d.h"
#include "scene/model/material.h"
#include "scene/model/water.h"
#include "scene/sim/season.h"
#include "scene/world/tree_meshes.h"
#include "scene/world/world.h"
#include "shipped_scenarios.h"

using namespace load_test;

namespace {

using world_test::shipped;

struct Placed {
  std::vector<scene::TreeInstance> trees;
  scene::ObjectRegistry objects;
};

Placed place(const scene::Scenario& s) {
  Placed p;
  p.trees = scene::place_trees(s, *s.ground, p.objects);
  return p;
}

glm::vec2 xz(const scene::TreeInstance& t) { return {t.base.x, t.base.z}; }

std::string where(const scene::TreeInstance& t) { return std::to_string(t.base.x) + "," + std::to_string(t.base.z); }

}  // namespace

TEST_CASE("trees: a few thousand in each siege, willows on every river, trees round every village and in every grove",
          "[world][trees]") {
  for (const char* name : {"caizhou.json", "taiyuan.json"}) {
    const scene::Scenario& s = shipped(name);
    const Placed p = place(s);
    INFO(name << ": " << p.trees.size() << " trees");
    CHECK(p.trees.size() > 1500);
    CHECK(p.trees.size() < 20000);
    for (const scene::River& river : s.rivers) {
      const std::uint32_t id = p.objects.id_of(scene::ObjectKind::Tree, river.id);
      REQUIRE(id != 0);
      CHECK(p.objects.find(id)->name.find("Willows along the") == 0);
      const float bank = river.width * 0.5f + river.bank_width;
      int willows = 0, reeds = 0;
      for (const scene::TreeInstance& t : p.trees) {
        const float d = scene::polyline_distance(xz(t), river.points);
        if (t.object == id && t.kind == scene::TreeKind::Willow && d > bank && d < bank + 20) ++willows;
        if (t.kind == scene::TreeKind::Reeds && d < river.width * 0.5f + 4) ++reeds;
      }
      // Most of each river lies inside the terrain: at least one willow every 40 m of its length.
      const float inside = scene::polyline_length(river.points, false) * 0.6f;
      INFO(river.id << ": " << willows << " willows, " << reeds << " reed clumps over " << inside << " m");
      CHECK(static_cast<float>(willows) > inside / 40.0f);
      CHECK(static_cast<float>(reeds) > inside / 40.0f);
    }
    for (const scene::Settlement& village : s.settlements) {
      if (village.kind != scene::SettlementKind::Village) continue;
      const std::uint32_t id = p.objects.id_of(scene::ObjectKind::Tree, village.id);
      REQUIRE(id != 0);
      int round = 0;
      for (const scene::TreeInstance& t : p.trees)
        round += t.object == id && glm::length(xz(t) - village.center) < village.radius * 1.5f;
      INFO(village.id << ": " << round);
      CHECK(round >= 10);
    }
    REQUIRE(s.groves.size() >= 2);
    for (const scene::Grove& grove : s.groves) {
      const std::uint32_t id = p.objects.id_of(scene::ObjectKind::Tree, grove.id);
      REQUIRE(id != 0);
      int inside = 0, outside = 0;
      for (const scene::TreeInstance& t : p.trees) {
        if (t.object != id) continue;
        (glm::length(xz(t) - grove.center) <= grove.radius + 1 ? inside : outside) += 1;
      }
      INFO(grove.id << ": " << inside << " of " << grove.trees);
      CHECK(inside >= grove.trees * 6 / 10);
      CHECK(inside <= grove.trees);
      CHECK(outside == 0);
    }
  }
}

TEST_CASE("trees: none stands in water, on a road, in a wall or in a camp", "[world][trees]") {
  for (const char* name : {"caizhou.json", "taiyuan.json"}) {
    const scene::Scenario& s = shipped(name);
    const Placed p = place(s);
    std::vector<std::vector<glm::vec2>> roads;
    for (const scene::Road& road : s.roads) roads.push_back(scene::road_centre_line(s, road));
    const scene::Day day = s.phases.front().start.day;
    int bad = 0;
    std::string first;
    for (const scene::TreeInstance& t : p.trees) {
      const glm::vec2 q = xz(t);
      std::string why;
      for (size_t r = 0; r < roads.size(); ++r)
        if (scene::polyline_distance(q, roads[r]) < s.roads[r].width * 0.5f + 0.5f) why = "on road " + s.roads[r].id;
      for (const scene::Wall& wall : s.walls)
        if (scene::polyline_distance(q, wall.points, wall.closed) < wall.thickness * 0.5f + 1.0f)
          why = "in wall " + wall.id;
      if (t.kind != scene::TreeKind::Reeds) {
        const std::string water = scene::water_at(s, q, day);
        if (!water.empty()) why = "in " + water;
        for (const scene::Camp& camp : s.camps)
          if (glm::length(q - camp.center) < camp.radius) why = "in camp " + camp.id;
      }
      if (why.empty()) continue;
      if (bad++ == 0) first = where(t) + " " + why;
    }
    INFO(name << ": first " << first);
    CHECK(bad == 0);
  }
}

TEST_CASE("trees: the same scenario gives the same trees every time", "[world][trees]") {
  const scene::Scenario& s = shipped("caizhou.json");
  const Placed a = place(s), b = place(s);
  REQUIRE(a.trees.size() == b.trees.size());
  for (size_t i = 0; i < a.trees.size(); ++i) {
    REQUIRE(a.trees[i].base == b.trees[i].base);
    REQUIRE(a.trees[i].seed == b.trees[i].seed);
    REQUIRE(a.trees[i].object == b.trees[i].object);
  }
  // Varied, not stamped: yaws and sizes differ from tree to tree.
  std::map<int, int> yaws;
  for (const scene::TreeInstance& t : a.trees) ++yaws[static_cast<int>(t.yaw * 4)];
  CHECK(yaws.size() >= 20);
}

TEST_CASE("trees: bare in winter, in full leaf in summer", "[world][trees][season]") {
  const auto day = [](int month) {
    return static_cast<scene::Day>(scene::day_number({1233, month, 15}, scene::Calendar::Julian));
  };
  CHECK(scene::foliage_at(day(1)).leaves == Approx(0.0f).margin(0.01f));
  CHECK(scene::foliage_at(day(7)).leaves == Approx(1.0f).margin(0.01f));
}

TEST_CASE("tree meshes: levels of a few hundred and a few dozen triangles, bark, leaves and reeds", "[world][trees]") {
  for (int k = 0; k < scene::kTreeKindCount; ++k) {
    const auto kind = static_cast<scene::TreeKind>(k);
    const scene::Mesh near = scene::build_tree_mesh(kind, 0), mid = scene::build_tree_mesh(kind, 1);
    INFO("kind " << k << ": " << near.triangle_count() << " / " << mid.triangle_count());
    CHECK(mid.triangle_count() < near.triangle_count());
    CHECK(mid.triangle_count() <= 64);
    CHECK(near.triangle_count() <= 320);
    std::map<scene::Material, int> materials;
    float top = 0;
    for (const scene::Vertex& v : near.vertices) {
      ++materials[scene::material_of(v.color)];
      top = std::max(top, v.position.y);
    }
    CHECK(top == Approx(scene::tree_shape(kind).height).epsilon(0.25));
    if (kind == scene::TreeKind::Reeds) {
      CHECK(materials.size() == 1);
      CHECK(materials[scene::Material::Reeds] > 0);
    } else {
      CHECK(near.triangle_count() >= 150);
      CHECK(materials.size() == 2);
      CHECK(materials[scene::Material::Bark] > 0);
      CHECK(materials[scene::Material::Leaves] > 0);
    }
  }
}
