// Settlements: houses on the street grid of a planned Chinese city, a palace or yamen
// compound of larger halls, and villages of scattered farmsteads.
#include <algorithm>
#include <cmath>

#include "scene/model/geometry2d.h"
#include "scene/model/hash.h"
#include "scene/model/material.h"
#include "scene/world/world.h"

namespace scene {

namespace {

constexpr glm::vec3 kPlaster{0.24f, 0.21f, 0.17f};
constexpr glm::vec3 kGreyTiles{0.07f, 0.07f, 0.075f};
constexpr glm::vec3 kThatch{0.22f, 0.17f, 0.09f};
constexpr glm::vec3 kLacquer{0.28f, 0.06f, 0.04f};
constexpr float kLot = 16.0f;  // metres per house lot on the city grid
constexpr int kBlock = 6;      // lots per block; the sixth row/column is a street

// A pitched roof (two slopes and two gables) over a rectangle, ridge along the local x axis.
void add_gable_roof(Mesh& mesh, glm::vec3 base, glm::vec2 size, float rise, float yaw, std::uint32_t colour,
                    std::uint32_t object) {
  const glm::vec3 right(std::cos(yaw), 0, -std::sin(yaw)), fwd(std::sin(yaw), 0, std::cos(yaw));
  const glm::vec3 hx = right * (size.x * 0.5f), hz = fwd * (size.y * 0.5f), up(0, rise, 0);
  const glm::vec3 p0 = base - hx - hz, p1 = base + hx - hz, p2 = base + hx + hz, p3 = base - hx + hz;
  const glm::vec3 r0 = base - hx + up, r1 = base + hx + up;
  mesh.add_quad(p0, r0, r1, p1, colour, object);  // front slope, facing -fwd
  mesh.add_quad(p2, r1, r0, p3, colour, object);  // back slope
  mesh.add_triangle(p3, r0, p0, colour, object);  // gables
  mesh.add_triangle(p1, r1, p2, colour, object);
}

void add_house(Mesh& mesh, const Heightfield& ground, glm::vec2 at, glm::vec2 size, float height, float yaw,
               glm::vec3 walls, glm::vec3 roof, Material roof_material, std::uint32_t object) {
  const float g = ground.height(at);
  mesh.add_box(glm::vec3(at.x, g - 0.5f, at.y), glm::vec3(size.x, height + 0.5f, size.y), yaw,
               pack_material(walls, Material::Plaster), object);
  add_gable_roof(mesh, glm::vec3(at.x, g + height, at.y), size + glm::vec2(1.2f), size.y * 0.35f, yaw,
                 pack_material(roof, roof_material), object);
}

void add_city_quarter(Mesh& mesh, const Scenario& scenario, const Heightfield& ground, const Settlement& s,
                      std::uint32_t salt, std::uint32_t object) {
  struct Lot {
    glm::vec2 p;
    std::uint32_t order;
  };
  std::vector<Lot> lots;
  const int reach = static_cast<int>(std::ceil(s.radius / kLot));
  for (int iz = -reach; iz <= reach; ++iz) {
    for (int ix = -reach; ix <= reach; ++ix) {
      // Lots are on a grid anchored at the origin so neighbouring quarters share streets.
      const int gx = static_cast<int>(std::floor(s.center.x / kLot)) + ix,
                gz = static_cast<int>(std::floor(s.center.y / kLot)) + iz;
      if (((gx % kBlock) + kBlock) % kBlock == 0 || ((gz % kBlock) + kBlock) % kBlock == 0) continue;  // streets
      const glm::vec2 p = (glm::vec2(gx, gz) + 0.5f) * kLot;
      if (glm::length(p - s.center) > s.radius) continue;
      if (!clear_ground(scenario, p, 6.0f)) continue;
      lots.push_back({p, hash32(static_cast<std::uint32_t>(gx), static_cast<std::uint32_t>(gz), salt)});
    }
  }
  std::sort(lots.begin(), lots.end(), [](const Lot& a, const Lot& b) { return a.order < b.order; });
  const size_t count = std::min(lots.size(), static_cast<size_t>(std::max(s.houses, 0)));
  for (size_t i = 0; i < count; ++i) {
    const std::uint32_t h = lots[i].order;
    const bool along_x = (h >> 3) & 1;
    const glm::vec2 size(10.0f + static_cast<float>(h % 5), 7.0f + static_cast<float>((h >> 5) % 3));
    add_house(mesh, ground, lots[i].p, size, 3.5f + static_cast<float>((h >> 7) % 3), along_x ? 0.0f : 1.5707964f,
              kPlaster, kGreyTiles, Material::RoofTiles, object);
  }
}

// A walled compound of halls on a north-south axis, the main hall facing south.
void add_palace(Mesh& mesh, const Heightfield& ground, const Settlement& s, std::uint32_t object) {
  const float r = std::max(s.radius, 60.0f);
  const int halls = std::clamp(s.houses / 3, 2, 6);
  for (int i = 0; i < halls; ++i) {
    const float z = s.center.y - r * 0.6f + (1.2f * r) * (static_cast<float>(i) + 0.5f) / static_cast<float>(halls);
    const glm::vec2 at(s.center.x, z);
    const float g = ground.height(at);
    const glm::vec2 size(i == halls / 2 ? 40.0f : 28.0f, i == halls / 2 ? 20.0f : 14.0f);
    mesh.add_box(glm::vec3(at.x, g - 0.5f, at.y), glm::vec3(size.x + 6, 2.0f, size.y + 6), 0,
                 pack_material(kPlaster * 1.2f, Material::RammedEarth), object);
    mesh.add_box(glm::vec3(at.x, g + 1.5f, at.y), glm::vec3(size.x, 7.0f, size.y), 0,
                 pack_material(kLacquer, Material::Timber), object);
    add_gable_roof(mesh, glm::vec3(at.x, g + 8.5f, at.y), size + glm::vec2(4.0f), size.y * 0.45f, 0,
                   pack_material(kGreyTiles, Material::RoofTiles), object);
  }
  // The compound wall.
  const float w = r * 0.75f, d = r * 0.8f, g = ground.height(s.center);
  const std::uint32_t c = pack_material(kLacquer * 0.8f, Material::Plaster);
  mesh.add_box(glm::vec3(s.center.x, g - 0.5f, s.center.y - d), glm::vec3(2 * w, 5.0f, 1.5f), 0, c, object);
  mesh.add_box(glm::vec3(s.center.x - w, g - 0.5f, s.center.y), glm::vec3(1.5f, 5.0f, 2 * d), 0, c, object);
  mesh.add_box(glm::vec3(s.center.x + w, g - 0.5f, s.center.y), glm::vec3(1.5f, 5.0f, 2 * d), 0, c, object);
  mesh.add_box(glm::vec3(s.center.x - w * 0.55f, g - 0.5f, s.center.y + d), glm::vec3(w * 0.9f, 5.0f, 1.5f), 0, c,
               object);
  mesh.add_box(glm::vec3(s.center.x + w * 0.55f, g - 0.5f, s.center.y + d), glm::vec3(w * 0.9f, 5.0f, 1.5f), 0, c,
               object);
}

void add_village(Mesh& mesh, const Scenario& scenario, const Heightfield& ground, const Settlement& s,
                 std::uint32_t salt, std::uint32_t object) {
  for (int i = 0, placed = 0; placed < s.houses && i < s.houses * 8; ++i) {
    const std::uint32_t h = hash32(static_cast<std::uint32_t>(i), 7u, salt);
    const float angle = static_cast<float>(h & 0xFFFF) / 65536.0f * 6.2831853f;
    const float dist = std::sqrt(static_cast<float>((h >> 16) & 0xFFFF) / 65536.0f) * s.radius;
    const glm::vec2 p = s.center + glm::vec2(std::cos(angle), std::sin(angle)) * dist;
    if (!clear_ground(scenario, p, 4.0f)) continue;
    add_house(mesh, ground, p, glm::vec2(9.0f, 6.0f), 3.0f, (h & 1) ? 0.0f : 1.5707964f, kPlaster * 0.9f, kThatch,
              Material::Thatch, object);
    ++placed;
  }
}

}  // namespace

void add_settlement(Mesh& mesh, const Scenario& scenario, const Heightfield& ground, const Settlement& settlement,
                    std::uint32_t salt, std::uint32_t object) {
  switch (settlement.kind) {
    case SettlementKind::CityQuarter:
    case SettlementKind::Market:
      add_city_quarter(mesh, scenario, ground, settlement, salt, object);
      break;
    case SettlementKind::Palace:
    case SettlementKind::Temple:  // until temples, markets and offices have builders of their own
    case SettlementKind::Office:
      add_palace(mesh, ground, settlement, object);
      break;
    case SettlementKind::Village:
      add_village(mesh, scenario, ground, settlement, salt, object);
      break;
  }
}

}  // namespace scene
