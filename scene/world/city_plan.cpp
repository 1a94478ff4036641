// The city's streets and its quarters' lots: a main street runs in from every gate (Song
// cities had open shop streets, no closed wards), lanes divide blocks on a grid aligned with
// those streets, shop-houses front the main streets and the blocks behind hold houses of one
// to three bays and some walled courtyard compounds.
#include <algorithm>
#include <cmath>

#include "scene/model/geometry2d.h"
#include "scene/model/hash.h"
#include "scene/world/settlement_plan.h"
#include "scene/world/world.h"

namespace scene {

namespace {

constexpr float kMainStreet = 14.0f;  // metres, the street from a gate
constexpr float kLane = 6.0f;         // between blocks
constexpr float kLot = 16.0f;
constexpr int kLotsPerBlock = 5;
constexpr float kPitch = kLotsPerBlock * kLot + kLane;  // block and lane, repeating

const Wall* wall_of(const Scenario& scenario, const std::string& id) {
  for (const Wall& w : scenario.walls)
    if (w.id == id) return &w;
  return nullptr;
}

// Whether `p` falls in the compound of a palace, temple, market or office (which the quarters'
// lots leave free), with `margin`.
bool reserved(const Scenario& scenario, glm::vec2 p, float margin, bool markets = true) {
  for (const Settlement& s : scenario.settlements) {
    if (s.kind == SettlementKind::CityQuarter || s.kind == SettlementKind::Village) continue;
    if (!markets && s.kind == SettlementKind::Market) continue;
    const glm::vec2 d = glm::abs(p - s.center);
    const glm::vec2 half =
        s.kind == SettlementKind::Market ? glm::vec2(s.radius * 0.75f) : glm::vec2(0.75f, 0.8f) * s.radius;
    if (d.x < half.x + margin && d.y < half.y + margin) return true;
  }
  return false;
}

// A lot belongs to the nearest city quarter whose circle holds it, so overlapping quarters
// never build twice on one lot.
bool owns(const Scenario& scenario, const Settlement& quarter, glm::vec2 p) {
  const float mine = glm::length(p - quarter.center);
  for (const Settlement& s : scenario.settlements)
    if (&s != &quarter && s.kind == SettlementKind::CityQuarter && glm::length(p - s.center) <= s.radius &&
        glm::length(p - s.center) < mine)
      return false;
  return true;
}

// A quarter inside a closed city wall stays inside it: its circle may reach past the wall, its
// houses may not (suburbs outside the gates are a quarter of their own, centred outside).
bool same_side_of_walls(const Scenario& scenario, const Settlement& quarter, glm::vec2 p) {
  for (const Wall& w : scenario.walls)
    if (w.closed && w.kind != WallKind::OuterLowWall &&
        inside_polygon(quarter.center, w.points) != inside_polygon(p, w.points))
      return false;
  return true;
}

// Distance from a closed city wall's inner face less the street that runs along it inside (顺城街,
// kept clear for the defenders to move along the wall).
float wall_clearance(const Scenario& scenario, glm::vec2 p) {
  constexpr float kWallStreet = 30.0f;
  float best = 1e30f;
  for (const Wall& w : scenario.walls)
    if (w.closed && w.kind != WallKind::OuterLowWall)
      best = std::min(best, polyline_distance(p, w.points, true) - w.thickness * 0.5f - kWallStreet);
  return best;
}

// The nearest main street's nearest point, or none.
bool nearest_street(const std::vector<Street>& streets, glm::vec2 p, glm::vec2& at, float& half_width) {
  float best = 1e30f;
  for (const Street& s : streets) {
    float t = 0;
    const float d = segment_distance(p, s.from, s.to, &t);
    if (d < best) best = d, at = glm::mix(s.from, s.to, t), half_width = s.width * 0.5f;
  }
  return best < 1e29f;
}

}  // namespace

std::vector<Street> main_streets(const Scenario& scenario) {
  std::vector<Street> out;
  for (const Gate& gate : scenario.gates) {
    const Wall* wall = wall_of(scenario, gate.wall);
    if (!wall || !wall->closed || wall->points.size() < 3) continue;
    const GateSite site = gate_site(*wall, gate);
    glm::vec2 in(-site.dir.y, site.dir.x);
    if (!inside_polygon(site.at + in * 20.0f, wall->points)) in = -in;
    // Straight in until the far side of the gate's wall, or a compound's wall (a street runs
    // up to the palace's gate, not through it); markets stand on the street.
    glm::vec2 end = site.at;
    for (float d = 5.0f; d < 20000.0f; d += 5.0f) {
      const glm::vec2 p = site.at + in * d;
      if (!inside_polygon(p, wall->points) || reserved(scenario, p, 2.0f, false)) break;
      end = p;
    }
    out.push_back({site.at, end, kMainStreet, gate.id});
  }
  return out;
}

float street_clearance(const std::vector<Street>& streets, glm::vec2 p) {
  float best = 1e30f;
  for (const Street& s : streets) best = std::min(best, segment_distance(p, s.from, s.to) - s.width * 0.5f);
  return best;
}

void plan_city_quarter(SettlementPlan& plan, const Scenario& scenario, const Settlement& s, std::uint32_t salt) {
  const std::vector<Street> streets = main_streets(scenario);
  // The grid's lanes fall on the main streets: anchored on the first north-south and the
  // first east-west street.
  glm::vec2 anchor(0);
  bool have_x = false, have_z = false;
  for (const Street& st : streets) {
    const glm::vec2 d = st.to - st.from;
    if (!have_x && std::abs(d.y) > std::abs(d.x)) anchor.x = st.from.x, have_x = true;
    if (!have_z && std::abs(d.x) >= std::abs(d.y)) anchor.y = st.from.y, have_z = true;
  }
  const auto lot_centre = [&](int g, float origin) {
    const int block = static_cast<int>(std::floor(static_cast<float>(g) / kLotsPerBlock));
    const int i = g - block * kLotsPerBlock;
    return origin + static_cast<float>(block) * kPitch + kLane * 0.5f + kLot * (static_cast<float>(i) + 0.5f);
  };
  const auto lot_index = [&](float v, float origin) {
    return static_cast<int>(std::floor((v - origin) / kPitch)) * kLotsPerBlock;
  };
  struct Candidate {
    std::uint32_t order;
    SettlementPlan part;
    int count;  // buildings it adds, against the settlement's `houses`
  };
  std::vector<Candidate> candidates;
  const int gx0 = lot_index(s.center.x - s.radius, anchor.x), gx1 = lot_index(s.center.x + s.radius, anchor.x) + 5;
  const int gz0 = lot_index(s.center.y - s.radius, anchor.y), gz1 = lot_index(s.center.y + s.radius, anchor.y) + 5;
  const auto usable = [&](glm::vec2 p, float reach) {
    return glm::length(p - s.center) <= s.radius && owns(scenario, s, p) && same_side_of_walls(scenario, s, p) &&
           !reserved(scenario, p, reach) && street_clearance(streets, p) > reach && clear_ground(scenario, p, reach) &&
           wall_clearance(scenario, p) > reach;
  };
  for (int gz = gz0; gz < gz1; ++gz)
    for (int gx = gx0; gx < gx1; ++gx) {
      const auto ux = static_cast<std::uint32_t>(gx), uz = static_cast<std::uint32_t>(gz);
      const int ix = ((gx % kLotsPerBlock) + kLotsPerBlock) % kLotsPerBlock,
                iz = ((gz % kLotsPerBlock) + kLotsPerBlock) % kLotsPerBlock;
      const std::uint32_t block_hash =
          hash32(static_cast<std::uint32_t>(gx - ix), static_cast<std::uint32_t>(gz - iz), 977u);
      // One block in three has a courtyard compound in its north-west lots (2 × 3 of them).
      const bool compound_block = block_hash % 3 == 0;
      if (compound_block && ix < 2 && iz < 3) {
        if (ix != 0 || iz != 0) continue;  // the compound is planned once, from its first lot
        const glm::vec2 c(lot_centre(gx, anchor.x) + kLot * 0.5f, lot_centre(gz, anchor.y) + kLot);
        const glm::vec2 half(kLot - 1.0f, kLot * 1.5f - 1.0f);
        if (!usable(c, glm::length(half) + 1.0f)) continue;
        Candidate cand{hash32(ux, uz, salt), {}, 0};
        const Rank rank = (block_hash >> 8) % 4 == 0 ? Rank::Official : Rank::Commoner;
        plan_compound(cand.part, c, half, 0, (block_hash >> 4) % 2 + 1, rank, block_hash);
        cand.count = static_cast<int>(cand.part.buildings.size());
        candidates.push_back(std::move(cand));
        continue;
      }
      const glm::vec2 lot(lot_centre(gx, anchor.x), lot_centre(gz, anchor.y));
      const std::uint32_t h = hash32(ux, uz, salt);
      BuildingPlace b;
      b.thatch = h % 7 == 0;
      glm::vec2 at{0};
      float half_width = 0;
      if (nearest_street(streets, lot, at, half_width) && glm::length(lot - at) - half_width < kLot * 0.75f) {
        // A shop-house fronting the main street, its awning at the street's edge.
        glm::vec2 n = lot - at;
        n = glm::length(n) > 1e-3f ? n / glm::length(n) : glm::vec2(0, 1);
        b.kind = BuildingKind::ShopHouse;
        b.bays = 2 + static_cast<int>((h >> 3) & 1);
        b.size = {static_cast<float>(b.bays) * 3.8f + 0.4f, 7.0f + static_cast<float>((h >> 5) % 3)};
        b.height = (h >> 9) % 4 == 0 ? 6.4f : 3.8f;  // some with an upper storey
        b.at = at + n * (half_width + 2.2f + b.size.y * 0.5f);
        b.yaw = std::atan2(-n.x, -n.y);                       // the front faces the street
        if (glm::length(b.at - lot) > kLot * 0.9f) continue;  // the street runs askew to this lot
        if (!(glm::length(b.at - s.center) <= s.radius && owns(scenario, s, b.at) && !reserved(scenario, b.at, 2) &&
              street_clearance(streets, b.at) > b.size.y * 0.5f + 1.0f && clear_ground(scenario, b.at, b.reach())))
          continue;
      } else {
        b.kind = BuildingKind::House;
        b.bays = 1 + static_cast<int>((h >> 3) % 3);
        b.size = {static_cast<float>(b.bays) * 3.3f + 0.6f, 5.5f + static_cast<float>((h >> 5) % 3)};
        b.height = 3.2f + 0.3f * static_cast<float>((h >> 7) % 3);
        const int facing = static_cast<int>((h >> 11) % 6);  // mostly south, some east or west
        b.yaw = facing < 4 ? 0.0f : facing == 4 ? 1.5707964f : -1.5707964f;
        const glm::vec2 jitter(unit_float(hash32(h, 1u)) - 0.5f, unit_float(hash32(h, 2u)) - 0.5f);
        b.at = lot + jitter * 2.0f;
        if (!usable(b.at, b.reach())) continue;
      }
      Candidate cand{h, {}, 1};
      cand.part.buildings.push_back(b);
      candidates.push_back(std::move(cand));
    }
  // Shops line the main streets first (up to two fifths of the quarter's buildings); houses
  // and compounds then fill in from the quarter's centre outwards, ragged at the edge, so a
  // quarter reads as a dense town rather than a scatter of huts.
  const auto key = [&](const Candidate& c) {
    const BuildingPlace& b = c.part.buildings.front();
    return glm::length(b.at - s.center) + unit_float(c.order) * s.radius * 0.5f;
  };
  std::sort(candidates.begin(), candidates.end(), [&](const Candidate& a, const Candidate& b) {
    const bool shop_a = a.part.buildings.front().kind == BuildingKind::ShopHouse,
               shop_b = b.part.buildings.front().kind == BuildingKind::ShopHouse;
    if (shop_a != shop_b) return shop_a;
    return key(a) < key(b);
  });
  int placed = 0, shops = 0;
  for (const Candidate& c : candidates) {
    if (placed >= s.houses) break;
    if (c.part.buildings.front().kind == BuildingKind::ShopHouse && ++shops > s.houses * 2 / 5) continue;
    plan.buildings.insert(plan.buildings.end(), c.part.buildings.begin(), c.part.buildings.end());
    plan.walls.insert(plan.walls.end(), c.part.walls.begin(), c.part.walls.end());
    placed += c.count;
  }
}

}  // namespace scene
