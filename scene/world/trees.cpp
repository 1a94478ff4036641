// Where the trees and reeds stand (LOOK.md §3): pollarded willows along the rivers' banks and
// the moat, elms and willows round villages and along the roads out of the city, the
// scenario's own groves, scholar trees scattered on open ground, and reed clumps at the edge
// of rivers and lakes. Every choice is a hash of a place or an index, so the same scenario
// gives the same trees on every run.
#include "scene/world/trees.h"

#include <algorithm>
#include <cmath>

#include "scene/model/geometry2d.h"
#include "scene/model/hash.h"
#include "scene/model/water.h"
#include "scene/world/world.h"

namespace scene {

namespace {

constexpr float kTau = 6.28318530718f;

// Salts: one per source of trees, so two sources never draw the same numbers.
enum Salt : std::uint32_t { kRiver = 11, kMoat, kVillage, kRoad, kGrove, kScatter, kRiverReeds, kLakeReeds };

std::string label(const Localized& name, const std::string& fallback) { return name.en.empty() ? fallback : name.en; }

// Whether a tree whose crown is `margin` metres across from its trunk may stand at `p`: clear
// of walls, water, banks and roads (clear_ground), the moats, camps, siege rings, earthworks
// and the city's quarters inside its walls.
class Ground {
 public:
  Ground(const Scenario& scenario, const Heightfield& field) : scenario_(scenario), field_(field) {}

  bool clear(glm::vec2 p, float margin) const {
    if (p.x < scenario_.terrain.min.x + 50 || p.y < scenario_.terrain.min.y + 50 ||
        p.x > scenario_.terrain.max.x - 50 || p.y > scenario_.terrain.max.y - 50)
      return false;
    for (const Wall& wall : scenario_.walls)
      if (wall.closed && wall.kind != WallKind::OuterLowWall && inside_polygon(p, wall.points)) return false;
    for (const Moat& moat : scenario_.moats)
      if (const Wall* wall = wall_of(moat)) {
        const float d = std::abs(polyline_distance(p, wall->points, wall->closed) - moat_centre_distance(moat, *wall));
        if (d < moat.width * 0.5f + margin + 1.0f) return false;
      }
    for (const Camp& camp : scenario_.camps)
      if (glm::length(p - camp.center) < camp.radius + margin) return false;
    for (const SiegeRing& ring : scenario_.siege_rings)
      if (polyline_distance(p, ring.points, ring.closed) < ring.thickness * 0.5f + ring.ditch_width + margin + 2.0f)
        return false;
    for (const Earthwork& work : scenario_.earthworks)
      if (polyline_distance(p, work.points) < 8.0f + margin) return false;
    for (const Lake& lake : scenario_.lakes)
      if (lake.dam && polyline_distance(p, lake.dam->points) < lake.dam->width * 0.5f + margin + 2.0f) return false;
    for (const Settlement& s : scenario_.settlements)
      if (s.kind != SettlementKind::Village && glm::length(p - s.center) < s.radius + margin) return false;
    return clear_ground(scenario_, p, margin);
  }
  // Reeds stand in the shallows, where clear() says no: only roads (and their bridges) and
  // dams keep them out.
  bool reeds_may_stand(glm::vec2 p) const {
    for (const Road& road : scenario_.roads)
      if (polyline_distance(p, road_centre_line(scenario_, road)) < road.width * 0.5f + 2.0f) return false;
    for (const Lake& lake : scenario_.lakes)
      if (lake.dam && polyline_distance(p, lake.dam->points) < lake.dam->width * 0.5f + 2.0f) return false;
    return true;
  }
  // A village's houses stand within its radius: trees round it, not on its lots.
  bool off_village_lots(glm::vec2 p, float margin) const {
    for (const Settlement& s : scenario_.settlements)
      if (s.kind == SettlementKind::Village && glm::length(p - s.center) < s.radius * 0.8f + margin) return false;
    return true;
  }
  // Hillsides steeper than this were logged bare (LOOK.md §3, Shanxi) or are gullies.
  bool gentle(glm::vec2 p, float max_slope) const {
    const glm::vec3 n = field_.normal(p);
    return n.y > 1.0f / std::sqrt(1.0f + max_slope * max_slope);
  }
  float height(glm::vec2 p) const { return field_.height(p); }

 private:
  const Wall* wall_of(const Moat& moat) const {
    for (const Wall& wall : scenario_.walls)
      if (wall.id == moat.around) return &wall;
    return nullptr;
  }
  const Scenario& scenario_;
  const Heightfield& field_;
};

// Nominal crown radius (metres) of a kind at scale 1: what must stay clear round the trunk.
float crown_margin(TreeKind kind) {
  switch (kind) {
    case TreeKind::Willow:
      return 3.0f;
    case TreeKind::Elm:
      return 4.0f;
    case TreeKind::FruitTree:
      return 2.0f;
    case TreeKind::ScholarTree:
      return 4.5f;
    case TreeKind::Reeds:
      return 0.5f;
  }
  return 3.0f;
}

class Planter {
 public:
  Planter(const Ground& ground, std::vector<TreeInstance>& out) : ground_(ground), out_(out) {}

  // Plants one tree at `p` if the ground there is clear; returns whether it did.
  bool plant(glm::vec2 p, TreeKind kind, std::uint32_t object, std::uint32_t seed, float max_slope = 0.5f) {
    const float scale = 0.8f + 0.4f * unit_float(hash32(seed, 7));
    if (!ground_.clear(p, crown_margin(kind) * scale) || !ground_.gentle(p, max_slope)) return false;
    return place(p, kind, object, seed, scale);
  }
  // Reeds at the water's edge, which clear_ground keeps out; rooted no deeper than `min_y`
  // (a little under a river's surface: the carved channel's edge lies deeper than reeds grow).
  bool plant_reeds(glm::vec2 p, std::uint32_t object, std::uint32_t seed, float scale, float min_y = -1e30f) {
    if (!ground_.reeds_may_stand(p)) return false;
    place(p, TreeKind::Reeds, object, seed, scale);
    out_.back().base.y = std::max(out_.back().base.y, min_y);
    return true;
  }
  const Ground& ground() const { return ground_; }

 private:
  bool place(glm::vec2 p, TreeKind kind, std::uint32_t object, std::uint32_t seed, float scale) {
    TreeInstance t;
    t.base = glm::vec3(p.x, ground_.height(p) - 0.2f, p.y);
    t.yaw = kTau * unit_float(hash32(seed, 3));
    t.scale = scale;
    t.kind = kind;
    t.object = object;
    t.seed = seed;
    out_.push_back(t);
    return true;
  }

  const Ground& ground_;
  std::vector<TreeInstance>& out_;
};

// Stations along a polyline every `spacing` to `spacing * 1.6` metres (hashed), each with its
// point and unit direction; `gaps`: the share of stretches (about 60 m long) left bare.
template <typename Visit>
void along(const std::vector<glm::vec2>& points, bool closed, float spacing, float gaps, std::uint32_t salt,
           Visit&& visit) {
  const std::vector<glm::vec2> path = explicit_path(points, closed);
  std::uint32_t k = 0;
  float next = spacing * unit_float(hash32(salt, 1));
  float walked = 0;
  for (size_t i = 0; i + 1 < path.size(); ++i) {
    const glm::vec2 a = path[i], b = path[i + 1];
    const float len = glm::length(b - a);
    if (len < 1e-3f) continue;
    const glm::vec2 dir = (b - a) / len;
    while (next < walked + len) {
      const float s = next;
      next += spacing * (1.0f + 0.6f * unit_float(hash32(salt, k, 2)));
      const auto stretch = static_cast<std::uint32_t>(s / 60.0f);
      ++k;
      if (unit_float(hash32(salt, stretch, 5)) < gaps) continue;
      visit(a + dir * (s - walked), dir, hash32(salt, k, 9));
    }
    walked += len;
  }
}

glm::vec2 left_of(glm::vec2 dir) { return {dir.y, -dir.x}; }

// Pollarded willows on both banks, just beyond the sloping bank; reed clumps at the water's edge.
void river_trees(Planter& planter, const Scenario& scenario, const River& river, std::uint32_t trees,
                 std::uint32_t reeds, std::uint32_t salt) {
  const float bank = river.width * 0.5f + river.bank_width;
  along(river.points, false, 9.0f, 0.3f, hash32(kRiver, salt), [&](glm::vec2 p, glm::vec2 dir, std::uint32_t h) {
    for (int side = 0; side < 2; ++side) {
      const std::uint32_t hs = hash32(h, static_cast<std::uint32_t>(side));
      if (unit_float(hash32(hs, 1)) < 0.25f) continue;
      const float out = bank + 4.0f + 6.0f * unit_float(hash32(hs, 2));
      const glm::vec2 q = p + left_of(dir) * (side == 0 ? out : -out) + dir * (3.0f * unit_float(hash32(hs, 4)) - 1.5f);
      planter.plant(q, TreeKind::Willow, trees, hs);
    }
  });
  along(river.points, false, 7.0f, 0.45f, hash32(kRiverReeds, salt), [&](glm::vec2 p, glm::vec2 dir, std::uint32_t h) {
    for (int side = 0; side < 2; ++side) {
      const std::uint32_t hs = hash32(h, static_cast<std::uint32_t>(side), 3);
      if (unit_float(hash32(hs, 1)) < 0.3f) continue;
      const float out = river.width * 0.5f - 1.5f + 4.0f * unit_float(hash32(hs, 2));
      const glm::vec2 q = p + left_of(dir) * (side == 0 ? out : -out);
      planter.plant_reeds(q, reeds, hs, 0.7f + 0.6f * unit_float(hash32(hs, 5)),
                          plain_height(scenario, q) + river.water_level - 0.4f);
    }
  });
}

// Willows on the moat's outer bank, and on the inner one where the berm is wide enough.
void moat_trees(Planter& planter, const Moat& moat, const Wall& wall, std::uint32_t object, std::uint32_t salt) {
  const float centre = moat_centre_distance(moat, wall);
  const float outer = centre + moat.width * 0.5f + 5.0f;
  const float berm = centre - moat.width * 0.5f - wall.thickness * 0.5f;  // wall face to water
  along(wall.points, wall.closed, 10.0f, 0.25f, hash32(kMoat, salt), [&](glm::vec2 p, glm::vec2 dir, std::uint32_t h) {
    glm::vec2 outwards = left_of(dir);
    if (inside_polygon(p + outwards * 5.0f, wall.points)) outwards = -outwards;
    std::vector<float> rows{outer + 3.0f * unit_float(hash32(h, 1))};
    if (berm >= 14.0f) rows.push_back(wall.thickness * 0.5f + berm * 0.6f);
    for (size_t r = 0; r < rows.size(); ++r) {
      const glm::vec2 q = p + outwards * rows[r];
      // At the wall's corners the offset point may come near another stretch: keep to the row.
      if (std::abs(polyline_distance(q, wall.points, wall.closed) - rows[r]) > 2.0f) continue;
      planter.plant(q, TreeKind::Willow, object, hash32(h, static_cast<std::uint32_t>(r), 7));
    }
  });
}

// A ring of elms and willows round the village's houses, thicker on one side, and a few
// jujubes near it.
void village_trees(Planter& planter, const Settlement& village, std::uint32_t object, std::uint32_t salt) {
  const int count = 18 + static_cast<int>(village.radius / 5.0f);
  const std::uint32_t s = hash32(kVillage, salt);
  const float thick_side = kTau * unit_float(hash32(s, 1));
  for (int i = 0; i < count * 2; ++i) {
    const std::uint32_t h = hash32(s, static_cast<std::uint32_t>(i), 2);
    const float a = kTau * unit_float(hash32(h, 1));
    // Fewer trees away from the thick side (a lane, the well, the graves).
    if (0.5f + 0.5f * std::cos(a - thick_side) < 0.4f * unit_float(hash32(h, 2))) continue;
    const float r = village.radius * (0.85f + 0.5f * unit_float(hash32(h, 3)));
    const glm::vec2 p = village.center + glm::vec2(std::cos(a), std::sin(a)) * r;
    const float pick = unit_float(hash32(h, 4));
    const TreeKind kind = pick < 0.5f ? TreeKind::Elm : (pick < 0.8f ? TreeKind::Willow : TreeKind::FruitTree);
    if (planter.ground().off_village_lots(p, crown_margin(kind))) planter.plant(p, kind, object, h);
  }
}

// Rows of elms and willows along a road beyond the city, in stretches with gaps.
void road_trees(Planter& planter, const std::vector<glm::vec2>& line, const Road& road, std::uint32_t object,
                std::uint32_t salt) {
  const float out = road.width * 0.5f + 4.0f;
  const TreeKind row_kind = hash32(kRoad, salt) % 3 == 0 ? TreeKind::Willow : TreeKind::Elm;
  along(line, false, 12.0f, 0.55f, hash32(kRoad, salt, 1), [&](glm::vec2 p, glm::vec2 dir, std::uint32_t h) {
    for (int side = 0; side < 2; ++side) {
      const std::uint32_t hs = hash32(h, static_cast<std::uint32_t>(side), 4);
      if (unit_float(hash32(hs, 1)) < 0.3f) continue;
      const TreeKind kind = unit_float(hash32(hs, 2)) < 0.8f ? row_kind : TreeKind::ScholarTree;
      const glm::vec2 q = p + left_of(dir) * ((side == 0 ? 1.0f : -1.0f) * (out + 2.0f * unit_float(hash32(hs, 3))));
      if (planter.ground().off_village_lots(q, crown_margin(kind))) planter.plant(q, kind, object, hs);
    }
  });
}

// A scenario's grove: an orchard's rows, a willow lane's double row, an elm wood's clumps, or
// trees scattered over it.
void grove_trees(Planter& planter, const Grove& grove, std::uint32_t object, std::uint32_t salt) {
  const std::uint32_t s = hash32(kGrove, salt);
  int planted = 0;
  if (grove.kind == GroveKind::Orchard || grove.kind == GroveKind::Willows) {
    // Rows on a grid turned by a hashed angle, filled from the middle outwards.
    const float spacing = grove.kind == GroveKind::Orchard ? 6.0f : 8.0f;
    const float turn = kTau * unit_float(hash32(s, 1));
    const glm::vec2 u(std::cos(turn), std::sin(turn)), v(-u.y, u.x);
    const int n = static_cast<int>(grove.radius / spacing);
    std::vector<glm::ivec2> cells;
    for (int j = -n; j <= n; ++j)
      for (int i = -n; i <= n; ++i)
        if (glm::length(glm::vec2(i, j)) * spacing <= grove.radius) cells.push_back({i, j});
    std::stable_sort(cells.begin(), cells.end(),
                     [](glm::ivec2 a, glm::ivec2 b) { return a.x * a.x + a.y * a.y < b.x * b.x + b.y * b.y; });
    const TreeKind kind = grove.kind == GroveKind::Orchard ? TreeKind::FruitTree : TreeKind::Willow;
    for (const glm::ivec2 c : cells) {
      if (planted >= grove.trees) break;
      const std::uint32_t h = hash32(s, static_cast<std::uint32_t>(c.x + 4096), static_cast<std::uint32_t>(c.y + 4096));
      const glm::vec2 jitter(unit_float(hash32(h, 1)) - 0.5f, unit_float(hash32(h, 2)) - 0.5f);
      const glm::vec2 p = grove.center + u * (static_cast<float>(c.x) * spacing + jitter.x * 0.6f) +
                          v * (static_cast<float>(c.y) * spacing + jitter.y * 0.6f);
      planted += planter.plant(p, kind, object, h) ? 1 : 0;
    }
    return;
  }
  // Elms in clumps round a few centres; scattered trees anywhere in the circle.
  for (int i = 0; i < grove.trees * 6 && planted < grove.trees; ++i) {
    const std::uint32_t h = hash32(s, static_cast<std::uint32_t>(i), 3);
    const float a = kTau * unit_float(hash32(h, 1));
    float r = grove.radius * std::sqrt(unit_float(hash32(h, 2)));
    glm::vec2 centre = grove.center;
    if (grove.kind == GroveKind::Elms) {
      const std::uint32_t clump = hash32(s, static_cast<std::uint32_t>(i % 5), 4);
      const float ca = kTau * unit_float(hash32(clump, 1));
      centre += glm::vec2(std::cos(ca), std::sin(ca)) * grove.radius * 0.6f * unit_float(hash32(clump, 2));
      r *= 0.55f;
    }
    const glm::vec2 p = centre + glm::vec2(std::cos(a), std::sin(a)) * r;
    if (glm::length(p - grove.center) > grove.radius) continue;
    TreeKind kind = TreeKind::Elm;
    if (grove.kind == GroveKind::Scattered) {
      const float pick = unit_float(hash32(h, 5));
      kind = pick < 0.4f ? TreeKind::ScholarTree : (pick < 0.75f ? TreeKind::Elm : TreeKind::FruitTree);
    }
    planted += planter.plant(p, kind, object, h) ? 1 : 0;
  }
}

// A scholar tree (槐) or an elm here and there on open ground: one chance per 250 m cell.
void scattered_trees(Planter& planter, const Scenario& scenario, std::uint32_t object) {
  constexpr float kCell = 250.0f;
  const glm::ivec2 lo(glm::floor(scenario.terrain.min / kCell)), hi(glm::ceil(scenario.terrain.max / kCell));
  for (int j = lo.y; j < hi.y; ++j)
    for (int i = lo.x; i < hi.x; ++i) {
      const std::uint32_t h = hash32(kScatter, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j));
      if (unit_float(hash32(h, 1)) > 0.3f) continue;
      const glm::vec2 p = (glm::vec2(i, j) + glm::vec2(unit_float(hash32(h, 2)), unit_float(hash32(h, 3)))) * kCell;
      const TreeKind kind = unit_float(hash32(h, 4)) < 0.7f ? TreeKind::ScholarTree : TreeKind::Elm;
      if (planter.ground().off_village_lots(p, crown_margin(kind))) planter.plant(p, kind, object, h, 0.3f);
    }
}

// Reed clumps in the lake's shallows, a few metres inside its shore.
void lake_reeds(Planter& planter, const Lake& lake, std::uint32_t object, std::uint32_t salt) {
  along(lake.outline, true, 6.0f, 0.35f, hash32(kLakeReeds, salt), [&](glm::vec2 p, glm::vec2 dir, std::uint32_t h) {
    glm::vec2 in = left_of(dir);
    if (!inside_polygon(p + in * 3.0f, lake.outline)) in = -in;
    for (int k = 0; k < 2; ++k) {
      const std::uint32_t hk = hash32(h, static_cast<std::uint32_t>(k), 6);
      const glm::vec2 q = p + in * (1.0f + 9.0f * unit_float(hash32(hk, 1))) + dir * (2.0f * unit_float(hash32(hk, 2)));
      if (inside_polygon(q, lake.outline)) planter.plant_reeds(q, object, hk, 0.7f + 0.6f * unit_float(hk));
    }
  });
}

}  // namespace

std::vector<TreeInstance> place_trees(const Scenario& scenario, const Heightfield& ground, ObjectRegistry& objects) {
  std::vector<TreeInstance> trees;
  const Ground site(scenario, ground);
  Planter planter(site, trees);
  std::uint32_t salt = 0;
  for (const River& river : scenario.rivers) {
    const std::string name = label(river.name, river.id);
    const std::uint32_t willows = objects.add(ObjectKind::Tree, "Willows along the " + name, river.id);
    const std::uint32_t reeds = objects.add(ObjectKind::Reeds, "Reeds of the " + name, river.id);
    river_trees(planter, scenario, river, willows, reeds, ++salt);
  }
  for (const Lake& lake : scenario.lakes)
    lake_reeds(planter, lake, objects.add(ObjectKind::Reeds, "Reeds of " + label(lake.name, lake.id), lake.id), ++salt);
  for (const Moat& moat : scenario.moats)
    for (const Wall& wall : scenario.walls)
      if (wall.id == moat.around && wall.points.size() >= 3)
        moat_trees(planter, moat, wall, objects.add(ObjectKind::Tree, "Willows by the moat", moat.id), ++salt);
  for (const Settlement& s : scenario.settlements)
    if (s.kind == SettlementKind::Village)
      village_trees(planter, s, objects.add(ObjectKind::Tree, "Trees of " + label(s.name, s.id), s.id), ++salt);
  for (const Grove& grove : scenario.groves)
    grove_trees(planter, grove, objects.add(ObjectKind::Tree, label(grove.name, grove.id), grove.id), ++salt);
  for (const Road& road : scenario.roads) {
    // Only beyond the city: the first 300 m from a gate are its suburb and glacis.
    std::vector<glm::vec2> line = road_centre_line(scenario, road);
    const float skip = road.gate.empty() ? 0.0f : 300.0f;
    std::vector<glm::vec2> beyond;
    float walked = 0;
    for (size_t i = 0; i < line.size(); ++i) {
      if (i > 0) walked += glm::length(line[i] - line[i - 1]);
      if (walked >= skip) beyond.push_back(line[i]);
    }
    if (beyond.size() < 2) continue;
    road_trees(planter, beyond, road,
               objects.add(ObjectKind::Tree, "Trees along the " + label(road.name, road.id), road.id), ++salt);
  }
  scattered_trees(planter, scenario, objects.add(ObjectKind::Tree, "Scattered trees"));
  return trees;
}

}  // namespace scene
