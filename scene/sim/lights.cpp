#include "scene/sim/lights.h"

#include <algorithm>
#include <cmath>

#include "scene/model/geometry2d.h"
#include "scene/model/hash.h"
#include "scene/model/heightfield.h"
#include "scene/model/wall_path.h"

namespace scene {

namespace {

constexpr float kTwoPi = 6.2831853f;
// Flame colours, linear: a burning building is deeper orange than a wood camp fire.
constexpr glm::vec3 kFireColour{1.0f, 0.42f, 0.12f};
constexpr glm::vec3 kCampfireColour{1.0f, 0.55f, 0.2f};
constexpr glm::vec3 kTorchColour{1.0f, 0.5f, 0.16f};
// Intensities in the snapshot's units (LightSource): a fire of kFireReferenceRadius burning
// at full intensity gives 1, and a fire's light grows with its burning area.
constexpr float kFireReferenceRadius = 100.0f;
constexpr float kFireFlameHeight = 6.0f;  // metres above the ground: roofs and rafters burning
constexpr float kCampfireIntensity = 0.005f;
constexpr float kCampfireRadius = 60.0f;
constexpr int kCampfiresMin = 3, kCampfiresMax = 8;
constexpr int kTentsPerCampfire = 12;
constexpr float kTorchIntensity = 0.001f;
constexpr float kTorchRadius = 30.0f;
constexpr float kTorchAbove = 1.5f;          // above a wall walk or tower top
constexpr float kGateTorchOffset = 7.0f;     // either side of a gate, along the wall
constexpr float kWallTorchSpacing = 300.0f;  // metres between torches along a city wall
constexpr int kWallTorchesMax = 24;          // per wall: dozens in all, not thousands
// Salts for the hash, one per kind of light.
constexpr std::uint32_t kFireSalt = 0xF17E, kCampSalt = 0xCA4F, kGateSalt = 0x6A7E, kTowerSalt = 0x70E2,
                        kWallSalt = 0x3A11;

float ground_at(const Scenario& scenario, glm::vec2 xz) {
  return scenario.ground ? scenario.ground->height(xz) : scenario.terrain.base_height;
}

const Wall* wall_named(const Scenario& scenario, const std::string& id) {
  for (const Wall& wall : scenario.walls)
    if (wall.id == id) return &wall;
  return nullptr;
}

LightSource make_light(glm::vec3 position, glm::vec3 colour, float intensity, float radius, LightKind kind,
                       std::uint32_t seed) {
  LightSource light;
  light.position = position;
  light.colour = colour;
  light.intensity = intensity;
  light.radius_m = radius;
  light.kind = kind;
  light.flicker_seed = seed;
  return light;
}

void add_fires(const Scenario& scenario, const Snapshot& snap, std::vector<LightSource>& lights) {
  for (size_t i = 0; i < scenario.fires.size() && i < snap.fire_intensity.size(); ++i) {
    const float burning = snap.fire_intensity[i];
    if (burning <= 0.0f) continue;
    const Fire& fire = scenario.fires[i];
    const float scale = fire.radius / kFireReferenceRadius;
    const glm::vec3 at{fire.position.x, ground_at(scenario, fire.position) + kFireFlameHeight, fire.position.y};
    lights.push_back(make_light(at, kFireColour, burning * scale * scale, 100.0f + 8.0f * fire.radius, LightKind::Fire,
                                hash32(static_cast<std::uint32_t>(i), 0, kFireSalt)));
  }
}

void add_campfires(const Scenario& scenario, const Snapshot& snap, float dark, std::vector<LightSource>& lights) {
  for (size_t c = 0; c < scenario.camps.size() && c < snap.camp_present.size(); ++c) {
    if (!snap.camp_present[c]) continue;
    const Camp& camp = scenario.camps[c];
    const int count = std::clamp(camp.tents / kTentsPerCampfire, kCampfiresMin, kCampfiresMax);
    for (int k = 0; k < count; ++k) {
      const auto ci = static_cast<std::uint32_t>(c), ki = static_cast<std::uint32_t>(k);
      // Uniform over the disc, kept off its rim where the camp's fence stands.
      const float angle = kTwoPi * unit_float(hash32(ci, ki, kCampSalt));
      const float r = 0.85f * camp.radius * std::sqrt(unit_float(hash32(ci, ki, kCampSalt + 1)));
      const glm::vec2 xz = camp.center + r * glm::vec2(std::cos(angle), std::sin(angle));
      const float size = 0.8f + 0.4f * unit_float(hash32(ci, ki, kCampSalt + 2));
      lights.push_back(make_light({xz.x, ground_at(scenario, xz) + 1.0f, xz.y}, kCampfireColour,
                                  kCampfireIntensity * size * dark, kCampfireRadius, LightKind::Campfire,
                                  hash32(ci, ki, kCampSalt + 3)));
    }
  }
}

void add_torch(const Scenario& scenario, glm::vec2 xz, float height, float dark, std::uint32_t seed,
               std::vector<LightSource>& lights) {
  lights.push_back(make_light({xz.x, ground_at(scenario, xz) + height + kTorchAbove, xz.y}, kTorchColour,
                              kTorchIntensity * dark, kTorchRadius, LightKind::Torch, seed));
}

// Torches every kWallTorchSpacing along a closed city wall, starting half a spacing in.
void add_wall_torches(const Scenario& scenario, const Wall& wall, std::uint32_t wall_index, float dark,
                      std::vector<LightSource>& lights) {
  const std::vector<glm::vec2> path = explicit_path(wall.points, wall.closed);
  const float length = polyline_length(wall.points, wall.closed);
  const int count = std::min(kWallTorchesMax, static_cast<int>(length / kWallTorchSpacing));
  if (count <= 0) return;
  const float step = length / static_cast<float>(count);
  float next = 0.5f * step, walked = 0.0f;
  int placed = 0;
  for (size_t s = 0; s + 1 < path.size() && placed < count; ++s) {
    const float segment = glm::length(path[s + 1] - path[s]);
    while (placed < count && next <= walked + segment) {
      const float f = segment > 0 ? (next - walked) / segment : 0.0f;
      add_torch(scenario, glm::mix(path[s], path[s + 1], f), wall.height, dark,
                hash32(wall_index, static_cast<std::uint32_t>(placed), kWallSalt), lights);
      ++placed;
      next += step;
    }
    walked += segment;
  }
}

void add_torches(const Scenario& scenario, float dark, std::vector<LightSource>& lights) {
  for (size_t g = 0; g < scenario.gates.size(); ++g) {
    const Gate& gate = scenario.gates[g];
    const Wall* wall = wall_named(scenario, gate.wall);
    if (!wall) continue;
    const WallPoint on = nearest_on_wall(*wall, gate.position);
    for (int side = 0; side < 2; ++side) {
      const glm::vec2 xz = on.at + on.dir * (side == 0 ? -kGateTorchOffset : kGateTorchOffset);
      add_torch(scenario, xz, wall->height, dark,
                hash32(static_cast<std::uint32_t>(g), static_cast<std::uint32_t>(side), kGateSalt), lights);
    }
  }
  for (size_t t = 0; t < scenario.towers.size(); ++t) {
    const Tower& tower = scenario.towers[t];
    add_torch(scenario, tower.position, tower.height, dark, hash32(static_cast<std::uint32_t>(t), 0, kTowerSalt),
              lights);
  }
  for (size_t w = 0; w < scenario.walls.size(); ++w) {
    const Wall& wall = scenario.walls[w];
    if (wall.kind == WallKind::CityWall && wall.closed)
      add_wall_torches(scenario, wall, static_cast<std::uint32_t>(w), dark, lights);
  }
}

}  // namespace

float darkness(double sun_elevation_deg) {
  const double t = std::clamp((4.0 - sun_elevation_deg) / 6.0, 0.0, 1.0);
  return static_cast<float>(t * t * (3 - 2 * t));
}

bool city_held(const Scenario& scenario, const Snapshot& snap) {
  for (const Wall& wall : scenario.walls) {
    if (wall.kind != WallKind::CityWall || !wall.closed) continue;
    for (const UnitSnapshot& unit : snap.units)
      if (unit.present && unit.state != UnitState::Rout && inside_polygon(unit.position, wall.points)) return true;
  }
  return false;
}

std::vector<LightSource> lights_at(const Scenario& scenario, const Snapshot& snap) {
  std::vector<LightSource> lights;
  add_fires(scenario, snap, lights);
  const float sin_elevation = std::clamp(snap.sun_direction.y, -1.0f, 1.0f);
  const float dark = darkness(std::asin(sin_elevation) * 57.29578f);
  if (dark <= 0.0f) return lights;
  add_campfires(scenario, snap, dark, lights);
  if (city_held(scenario, snap)) add_torches(scenario, dark, lights);
  return lights;
}

}  // namespace scene
