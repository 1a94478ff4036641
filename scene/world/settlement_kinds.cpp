// Plans for each kind of settlement: the palace (or a prefect's yamen standing in for a
// court) as halls and courts on an axis, a temple's compound round its pagoda, an office,
// a market square ringed by shops with stalls inside, and villages of walled farmsteads.
#include <algorithm>
#include <cmath>

#include "scene/model/hash.h"
#include "scene/world/settlement_plan.h"
#include "scene/world/world.h"

namespace scene {

void plan_city_quarter(SettlementPlan& plan, const Scenario& scenario, const Settlement& s, std::uint32_t salt);

namespace {

glm::vec2 compound_half(const Settlement& s) { return glm::vec2(0.75f, 0.8f) * std::max(s.radius, 40.0f); }

void plan_palace(SettlementPlan& plan, const Settlement& s, std::uint32_t salt) {
  plan_compound(plan, s.center, compound_half(s), 0, std::clamp(s.houses / 5, 2, 3), Rank::Imperial, salt);
}

void plan_office(SettlementPlan& plan, const Settlement& s, std::uint32_t salt) {
  plan_compound(plan, s.center, compound_half(s), 0, 2, Rank::Official, salt);
}

// Runan's Wuying pagoda: hexagonal, nine storeys, 26 m (LOOK.md §2; its date is disputed).
void plan_temple(SettlementPlan& plan, const Settlement& s, std::uint32_t salt) {
  const glm::vec2 half = compound_half(s);
  const int courts = half.y > 50.0f ? 3 : 2;
  plan_compound(plan, s.center, half, 0, courts, Rank::Temple, salt);
  BuildingPlace pagoda;
  pagoda.kind = BuildingKind::Pagoda;
  pagoda.rank = Rank::Temple;
  pagoda.at = compound_front_court(s.center, half, 0, courts);
  pagoda.size = {8.0f, 8.0f};
  pagoda.height = 26.0f;
  pagoda.storeys = 9;
  plan.buildings.push_back(pagoda);
}

// Shops on the four sides of an open square, fronts inward, and rows of stalls in it.
void plan_market(SettlementPlan& plan, const Scenario& scenario, const Settlement& s, std::uint32_t salt) {
  const std::vector<Street> streets = main_streets(scenario);
  const float half = std::max(s.radius, 30.0f) * 0.6f;
  int placed = 0;
  const auto fits = [&](const BuildingPlace& b) {
    return street_clearance(streets, b.at) > b.reach() * 0.8f && clear_ground(scenario, b.at, b.reach());
  };
  for (int side = 0; side < 4 && placed < s.houses; ++side) {
    const float yaw = 3.1415927f * 0.5f * static_cast<float>(side);  // front faces the square's centre
    const glm::vec2 fwd(std::sin(yaw), std::cos(yaw)), right(std::cos(yaw), -std::sin(yaw));
    for (float x = -half + 6.0f; x <= half - 6.0f && placed < s.houses; x += 10.0f) {
      const std::uint32_t h = hash32(static_cast<std::uint32_t>(side), static_cast<std::uint32_t>(x + 1000), salt);
      BuildingPlace b;
      b.kind = BuildingKind::ShopHouse;
      b.bays = 2;
      b.size = {8.0f, 7.0f + static_cast<float>(h % 2)};
      b.height = h % 3 == 0 ? 6.4f : 3.8f;
      b.at = s.center - fwd * (half + b.size.y * 0.5f) + right * x;
      b.yaw = yaw;
      if (!fits(b)) continue;
      plan.buildings.push_back(b);
      ++placed;
    }
  }
  for (float z = -half + 8.0f; z <= half - 8.0f && placed < s.houses; z += 9.0f)
    for (float x = -half + 8.0f; x <= half - 8.0f && placed < s.houses; x += 6.0f) {
      const std::uint32_t h = hash32(static_cast<std::uint32_t>(x + 1000), static_cast<std::uint32_t>(z + 1000), salt);
      if (h % 3 == 0) continue;  // gaps for the crowd
      BuildingPlace b;
      b.kind = BuildingKind::Stall;
      b.size = {3.2f, 2.4f};
      b.height = 2.3f;
      b.thatch = h % 2 == 0;  // mat or tile canopies
      b.at = s.center + glm::vec2(x, z);
      b.yaw = (h >> 4) % 2 ? 0.0f : 3.1415927f;
      if (!fits(b)) continue;
      plan.buildings.push_back(b);
      ++placed;
    }
}

// Farmsteads: a yard behind a low earth wall, the thatched house at its back facing south, a
// shed on one side.
void plan_village(SettlementPlan& plan, const Scenario& scenario, const Settlement& s, std::uint32_t salt) {
  const int farms = (std::max(s.houses, 0) + 1) / 2;
  std::vector<glm::vec2> yards;
  for (int i = 0; static_cast<int>(yards.size()) < farms && i < farms * 12; ++i) {
    const std::uint32_t h = hash32(static_cast<std::uint32_t>(i), 7u, salt);
    const float angle = unit_float(h) * 6.2831853f;
    const float dist = std::sqrt(unit_float(hash32(h, 3u))) * s.radius;
    const glm::vec2 p = s.center + glm::vec2(std::cos(angle), std::sin(angle)) * dist;
    const glm::vec2 half(8.0f + static_cast<float>(h % 3), 7.0f + static_cast<float>((h >> 4) % 3));
    if (!clear_ground(scenario, p, glm::length(half) + 1.0f)) continue;
    if (std::any_of(yards.begin(), yards.end(), [&](glm::vec2 y) { return glm::length(y - p) < 26.0f; })) continue;
    yards.push_back(p);
    const float yaw = (unit_float(hash32(h, 5u)) - 0.5f) * 0.4f;
    const glm::vec2 right(std::cos(yaw), -std::sin(yaw)), fwd(std::sin(yaw), std::cos(yaw));
    const auto at = [&](float x, float z) { return p + right * x + fwd * z; };
    const auto wall = [&](float x0, float z0, float x1, float z1) {
      plan.walls.push_back({at(x0, z0), at(x1, z1), 2.0f, 0.6f, false});
    };
    wall(-half.x, half.y, -1.6f, half.y);  // the yard's gateway in the middle of the front
    wall(1.6f, half.y, half.x, half.y);
    wall(half.x, half.y, half.x, -half.y);
    wall(half.x, -half.y, -half.x, -half.y);
    wall(-half.x, -half.y, -half.x, half.y);
    BuildingPlace house;
    house.kind = BuildingKind::Farmhouse;
    house.thatch = true;
    house.bays = 3;
    house.size = {10.0f, 5.5f};
    house.height = 2.8f;
    house.at = at(0, -half.y + house.size.y * 0.5f + 1.2f);
    house.yaw = yaw;
    plan.buildings.push_back(house);
    if ((h >> 8) % 3 != 0) {
      BuildingPlace shed = house;
      const float side = (h >> 10) & 1 ? 1.0f : -1.0f;
      shed.bays = 1 + static_cast<int>((h >> 11) & 1);
      shed.size = {static_cast<float>(shed.bays) * 3.0f + 0.5f, 4.0f};
      shed.height = 2.4f;
      shed.at = at(side * (half.x - shed.size.y * 0.5f - 0.8f), 1.5f);
      shed.yaw = yaw - side * 1.5707964f;
      plan.buildings.push_back(shed);
    }
  }
}

}  // namespace

SettlementPlan plan_settlement(const Scenario& scenario, const Settlement& settlement, std::uint32_t salt) {
  SettlementPlan plan;
  switch (settlement.kind) {
    case SettlementKind::CityQuarter:
      plan_city_quarter(plan, scenario, settlement, salt);
      break;
    case SettlementKind::Palace:
      plan_palace(plan, settlement, salt);
      break;
    case SettlementKind::Temple:
      plan_temple(plan, settlement, salt);
      break;
    case SettlementKind::Market:
      plan_market(plan, scenario, settlement, salt);
      break;
    case SettlementKind::Office:
      plan_office(plan, settlement, salt);
      break;
    case SettlementKind::Village:
      plan_village(plan, scenario, settlement, salt);
      break;
  }
  return plan;
}

}  // namespace scene
