// Houses, shop-houses, farmhouses, stalls and timber-frame halls from their places in a plan.
#include <algorithm>
#include <cmath>

#include "scene/model/material.h"
#include "scene/world/building_palette.h"
#include "scene/world/settlement_plan.h"

namespace scene {

namespace {

using namespace palette;

struct Frame {
  glm::vec3 origin, right, fwd;
  Frame(glm::vec2 at, float y, float yaw)
      : origin(at.x, y, at.y), right(std::cos(yaw), 0, -std::sin(yaw)), fwd(std::sin(yaw), 0, std::cos(yaw)) {}
  glm::vec3 operator()(float x, float y, float z) const { return origin + right * x + glm::vec3(0, y, 0) + fwd * z; }
};

// A flat panel on the front face (local z = `z`), from x0 to x1 and y0 to y1 above the frame.
void front_panel(Mesh& mesh, const Frame& f, float z, float x0, float x1, float y0, float y1, std::uint32_t colour,
                 std::uint32_t object) {
  mesh.add_quad_facing(f(x0, y0, z), f(x1, y0, z), f(x1, y1, z), f(x0, y1, z), f.fwd, colour, object);
}

float ground_under(const Heightfield& ground, const BuildingPlace& p) {
  // The lowest corner, so no wall's foot hangs in the air on a slope.
  const Frame f(p.at, 0, p.yaw);
  float g = ground.height(p.at);
  for (float sx : {-0.5f, 0.5f})
    for (float sz : {-0.5f, 0.5f}) {
      const glm::vec3 c = f(sx * p.size.x, 0, sz * p.size.y);
      g = std::min(g, ground.height({c.x, c.z}));
    }
  return g;
}

void add_house(Mesh& mesh, const Heightfield& ground, const BuildingPlace& p, std::uint32_t object) {
  const float g = ground_under(ground, p);
  const Frame f(p.at, g, p.yaw);
  const glm::vec3 wall = p.thatch ? kMudRender * 0.9f : kMudRender;
  const Material wall_material = p.kind == BuildingKind::Farmhouse ? Material::RammedEarth : Material::Plaster;
  mesh.add_box(f(0, -0.5f, 0), glm::vec3(p.size.x, p.height + 0.5f, p.size.y), p.yaw,
               pack_material(wall, wall_material), object);
  const float z = p.size.y * 0.5f + 0.02f, bay = p.size.x / static_cast<float>(std::max(p.bays, 1));
  const std::uint32_t dark = pack_material(kOpening, Material::Timber);
  if (p.kind == BuildingKind::ShopHouse) {
    // The shop's front opens on the street under a lean-to awning on two posts.
    front_panel(mesh, f, z, -p.size.x * 0.5f + 0.4f, p.size.x * 0.5f - 0.4f, 0, std::min(2.6f, p.height - 0.4f), dark,
                object);
    const float reach = 1.8f, low = 2.4f;
    const std::uint32_t awning =
        pack_material(p.thatch ? kThatch : kTiles * 0.9f, p.thatch ? Material::Thatch : Material::RoofTiles);
    mesh.add_quad_facing(f(-p.size.x * 0.5f, low + 0.6f, z), f(p.size.x * 0.5f, low + 0.6f, z),
                         f(p.size.x * 0.5f, low, z + reach), f(-p.size.x * 0.5f, low, z + reach), glm::vec3(0, 1, 0),
                         awning, object);
    for (float side : {-1.0f, 1.0f}) {  // posts: a front and an outer face each, all that is seen of them
      const float x = side * (p.size.x * 0.5f - 0.3f), w = 0.1f, zp = z + reach - 0.2f;
      const std::uint32_t post = pack_material(kTimber, Material::Timber);
      mesh.add_quad_facing(f(x - w, 0, zp + w), f(x + w, 0, zp + w), f(x + w, low, zp + w), f(x - w, low, zp + w),
                           f.fwd, post, object);
      mesh.add_quad_facing(f(x + side * w, 0, zp - w), f(x + side * w, 0, zp + w), f(x + side * w, low, zp + w),
                           f(x + side * w, low, zp - w), f.right * side, post, object);
    }
  } else {
    front_panel(mesh, f, z, -0.75f, 0.75f, 0, 2.1f, dark, object);  // the door in the middle bay
    if (p.bays >= 3)                                                // vertical-bar windows in the side bays
      for (float side : {-1.0f, 1.0f})
        front_panel(mesh, f, z, side * bay - 0.6f, side * bay + 0.6f, 1.1f, 2.0f, dark, object);
  }
  RoofSpec roof;
  roof.kind = RoofKind::Gable;  // commoners: gable roofs only
  roof.walls = p.size;
  roof.overhang = p.thatch ? 0.5f : 0.7f;
  roof.rise = (p.size.y + 2 * roof.overhang) * (p.thatch ? 0.36f : 0.26f);
  roof.sag = p.thatch ? 0.04f : 0.1f;
  roof.segments = 2;
  roof.tiles = pack_material(p.thatch ? kThatch : kTiles, p.thatch ? Material::Thatch : Material::RoofTiles);
  roof.ridge = pack_material(p.thatch ? kThatch * 0.8f : kRidge, p.thatch ? Material::Thatch : Material::RoofTiles);
  roof.gable = pack_material(wall, wall_material);
  add_roof(mesh, f(0, p.height, 0), p.yaw, roof, object);
}

void add_stall(Mesh& mesh, const Heightfield& ground, const BuildingPlace& p, std::uint32_t object) {
  const float g = ground_under(ground, p);
  const Frame f(p.at, g, p.yaw);
  mesh.add_box(f(0, -0.3f, -p.size.y * 0.25f), glm::vec3(p.size.x, 1.2f, p.size.y * 0.5f), p.yaw,
               pack_material(kTimber, Material::Timber), object);  // the counter
  for (float side : {-1.0f, 1.0f})
    mesh.add_box(f(side * (p.size.x * 0.5f - 0.1f), 0, p.size.y * 0.5f - 0.1f), glm::vec3(0.15f, p.height, 0.15f),
                 p.yaw, pack_material(kTimber, Material::Timber), object);
  RoofSpec roof;
  roof.walls = p.size;
  roof.overhang = 0.3f;
  roof.rise = p.size.y * 0.3f;
  roof.sag = 0;
  roof.segments = 1;
  roof.ridge_beam = false;
  roof.tiles = roof.gable =
      pack_material(p.thatch ? kThatch : kTiles, p.thatch ? Material::Thatch : Material::RoofTiles);
  add_roof(mesh, f(0, p.height, 0), p.yaw, roof, object);
}

// A timber-frame hall on a platform: columns as wide apart as they are tall, plastered walls
// between them, lattice doors in the front bays, a bracket tier under the eaves where the
// rank allows one, and its roof.
void add_hall(Mesh& mesh, const Heightfield& ground, const BuildingPlace& p, std::uint32_t object) {
  const bool grand = p.rank == Rank::Imperial || p.rank == Rank::Temple;
  const bool brackets = p.rank != Rank::Commoner;
  const float g = ground_under(ground, p);
  const float plinth = p.kind == BuildingKind::GateHall ? 0.6f : grand ? 1.4f : 0.9f;
  const float margin = p.kind == BuildingKind::GateHall ? 0.8f : 1.8f;
  const Frame base(p.at, g, p.yaw);
  mesh.add_box(base(0, -0.5f, 0), glm::vec3(p.size.x + 2 * margin, plinth + 0.5f, p.size.y + 2 * margin), p.yaw,
               pack_material(kStone, Material::Stone), object);
  // Steps up to the middle bay.
  mesh.add_box(base(0, -0.5f, p.size.y * 0.5f + margin + 0.8f), glm::vec3(3.5f, plinth * 0.55f + 0.5f, 1.6f), p.yaw,
               pack_material(kStone, Material::Stone), object);
  const Frame f(p.at, g + plinth, p.yaw);
  const glm::vec3 wall = p.rank == Rank::Commoner ? kMudRender : kLimeWash;
  mesh.add_box(f(0, 0, 0), glm::vec3(p.size.x - 0.6f, p.height, p.size.y - 0.6f), p.yaw,
               pack_material(wall, Material::Plaster), object);
  const int bays = std::max(p.bays, 1);
  const float bay = p.size.x / static_cast<float>(bays), z = p.size.y * 0.5f;
  const std::uint32_t column = pack_material(p.rank == Rank::Commoner ? kTimber : kRedOchre, Material::Timber);
  for (int i = 0; i <= bays; ++i)
    mesh.add_box(f(-p.size.x * 0.5f + bay * static_cast<float>(i), 0, z - 0.3f), glm::vec3(0.5f, p.height, 0.5f), p.yaw,
                 column, object);
  // Doors: lattice in every front bay of a hall (or the middle one of a gate), vermilion for officials.
  const std::uint32_t door = pack_material(p.rank == Rank::Commoner ? kTimber * 0.6f : kVermilion, Material::Timber);
  for (int i = 0; i < bays; ++i) {
    const bool middle = 2 * i + 1 == bays;
    if (p.kind == BuildingKind::GateHall && !middle) continue;
    const float x0 = -p.size.x * 0.5f + bay * static_cast<float>(i);
    front_panel(mesh, f, z - 0.28f, x0 + 0.35f, x0 + bay - 0.35f, 0.15f, p.height - (middle ? 0.5f : 0.9f),
                p.kind == BuildingKind::GateHall ? pack_material(kOpening, Material::Timber) : door, object);
  }
  float eaves = p.height;
  if (brackets) {  // 斗拱: the bracket tier carrying the eaves out, red ochre in shadow
    const float tier = 0.35f + 0.12f * bay;
    mesh.add_box(f(0, p.height, 0), glm::vec3(p.size.x + 0.8f, tier, p.size.y + 0.8f), p.yaw,
                 pack_material(kRedOchre * 0.7f, Material::Timber), object);
    eaves += tier;
  }
  RoofSpec roof;
  roof.kind = p.roof;
  roof.walls = p.size;
  roof.overhang = brackets ? 1.4f + 0.25f * bay : 0.9f;
  const float span = p.size.y + 2 * roof.overhang;
  roof.rise = span * (grand ? 0.33f : 0.29f);  // span/3 for great halls, span/4 + 8% for others
  roof.sag = 0.14f;
  roof.segments = 3;
  roof.corner_lift = p.roof == RoofKind::Gable ? 0 : 0.25f + 0.1f * bay;
  roof.finials = brackets && bays >= 3 && p.kind != BuildingKind::GateHall ? 0.7f + 0.2f * bay : 0;
  roof.tiles = pack_material(kTiles, Material::RoofTiles);
  roof.ridge = pack_material(kRidge, Material::RoofTiles);
  roof.gable = pack_material(kRedOchre * 0.8f, Material::Timber);
  add_roof(mesh, f(0, eaves, 0), p.yaw, roof, object);
}

}  // namespace

const char* building_kind_name(BuildingKind kind) {
  switch (kind) {
    case BuildingKind::House:
      return "house";
    case BuildingKind::ShopHouse:
      return "shop";
    case BuildingKind::Farmhouse:
      return "farmhouse";
    case BuildingKind::Hall:
      return "hall";
    case BuildingKind::GateHall:
      return "gate";
    case BuildingKind::Stall:
      return "stall";
    case BuildingKind::Pagoda:
      return "pagoda";
  }
  return "house";
}

float BuildingPlace::reach() const {
  if (kind == BuildingKind::Pagoda) return size.x * 0.5f + 2.5f;
  const float eaves = kind == BuildingKind::Hall ? 3.5f : kind == BuildingKind::GateHall ? 2.5f : 1.0f;
  return glm::length(size * 0.5f + glm::vec2(eaves));
}

void add_building(Mesh& mesh, const Heightfield& ground, const BuildingPlace& place, std::uint32_t object) {
  switch (place.kind) {
    case BuildingKind::House:
    case BuildingKind::ShopHouse:
    case BuildingKind::Farmhouse:
      add_house(mesh, ground, place, object);
      break;
    case BuildingKind::Stall:
      add_stall(mesh, ground, place, object);
      break;
    case BuildingKind::Hall:
    case BuildingKind::GateHall:
      add_hall(mesh, ground, place, object);
      break;
    case BuildingKind::Pagoda:
      add_pagoda(mesh, ground, place, object);
      break;
  }
}

}  // namespace scene
