// Courtyard compounds (siheyuan-like, after LOOK.md §2): a walled rectangle entered through a
// gate in the middle of its front wall, a screen wall just inside, and courts one behind the
// other, each closed by a hall facing the front with side halls facing across it.
#include <algorithm>
#include <cmath>

#include "scene/model/hash.h"
#include "scene/model/material.h"
#include "scene/world/building_palette.h"
#include "scene/world/settlement_plan.h"

namespace scene {

namespace {

struct Local {
  glm::vec2 centre, right, fwd;
  Local(glm::vec2 c, float yaw) : centre(c), right(std::cos(yaw), -std::sin(yaw)), fwd(std::sin(yaw), std::cos(yaw)) {}
  glm::vec2 operator()(float x, float z) const { return centre + right * x + fwd * z; }
};

struct Grade {
  float bay, wall_height, wall_thickness, gate_depth;
  int gate_bays, main_bays, side_bays;
  RoofKind main_roof, other_roof;
};

Grade grade_of(Rank rank) {
  switch (rank) {
    case Rank::Commoner:
      return {3.3f, 2.8f, 0.8f, 4.0f, 1, 3, 2, RoofKind::Gable, RoofKind::Gable};
    case Rank::Official:
      return {4.0f, 3.8f, 1.1f, 6.0f, 3, 5, 3, RoofKind::HipGable, RoofKind::Gable};
    case Rank::Imperial:
      return {4.6f, 4.8f, 1.4f, 7.0f, 3, 7, 3, RoofKind::Hipped, RoofKind::HipGable};
    case Rank::Temple:
      return {4.2f, 4.0f, 1.2f, 7.0f, 3, 5, 3, RoofKind::Hipped, RoofKind::HipGable};
  }
  return grade_of(Rank::Commoner);
}

// Where the courts lie along the axis: court k spans local z from band_front(k) down to band_front(k+1).
float band_front(glm::vec2 half, int courts, int k) {
  const float front = half.y - 7.0f, back = -half.y + 0.8f;
  return front + (back - front) * static_cast<float>(k) / static_cast<float>(std::max(courts, 1));
}

float hall_depth(const Grade& g, bool main) { return main ? g.bay * (g.bay > 3.5f ? 2.6f : 2.0f) : g.bay * 1.7f; }

}  // namespace

glm::vec2 compound_front_court(glm::vec2 centre, glm::vec2 half, float yaw, int courts) {
  const Local l(centre, yaw);
  const float z_front = band_front(half, courts, 0), z_back = band_front(half, courts, 1);
  // The open part of the first court: between the screen wall and its hall.
  return l(0, (z_front + z_back + hall_depth(grade_of(Rank::Temple), true)) * 0.5f);
}

void plan_compound(SettlementPlan& plan, glm::vec2 centre, glm::vec2 half, float yaw, int courts, Rank rank,
                   std::uint32_t salt) {
  const Grade g = grade_of(rank);
  const Local l(centre, yaw);
  const bool coping = true;
  const auto wall = [&](float x0, float z0, float x1, float z1, float h, float t) {
    plan.walls.push_back({l(x0, z0), l(x1, z1), h, t, coping});
  };
  // The gate hall straddles the front wall, the wall stopping at its sides.
  const float gate_w = g.bay * static_cast<float>(g.gate_bays) + (g.gate_bays == 1 ? 1.2f : 0.0f);
  wall(-half.x, half.y, -gate_w * 0.5f, half.y, g.wall_height, g.wall_thickness);
  wall(gate_w * 0.5f, half.y, half.x, half.y, g.wall_height, g.wall_thickness);
  wall(half.x, half.y, half.x, -half.y, g.wall_height, g.wall_thickness);
  wall(half.x, -half.y, -half.x, -half.y, g.wall_height, g.wall_thickness);
  wall(-half.x, -half.y, -half.x, half.y, g.wall_height, g.wall_thickness);
  BuildingPlace gate;
  gate.kind = BuildingKind::GateHall;
  gate.rank = rank;
  gate.at = l(0, half.y);
  gate.size = {gate_w, g.gate_depth};
  gate.yaw = yaw;
  gate.roof = g.other_roof;
  gate.bays = g.gate_bays;
  gate.height = g.bay * 0.9f;
  plan.buildings.push_back(gate);
  // 影壁: the screen wall inside the gate, so the courts cannot be seen from the street.
  const float screen = gate_w * 0.5f + 1.5f, screen_z = half.y - g.gate_depth * 0.5f - 5.0f;  // clear of its eaves
  wall(-screen, screen_z, screen, screen_z, g.wall_height * 0.8f, 0.7f);

  const int n = std::max(courts, 1);
  for (int k = 0; k < n; ++k) {
    const float front = band_front(half, n, k), back = band_front(half, n, k + 1);
    const bool main = (k == n / 2) || n == 1;
    // The hall closing the court at its back, as wide as the compound allows.
    const float depth = hall_depth(g, main);
    int bays = main ? g.main_bays : std::max(g.main_bays - 2, 3);
    while (bays > 1 && g.bay * static_cast<float>(bays) > 2 * half.x - 4.0f) bays -= 2;
    BuildingPlace hall;
    hall.kind = BuildingKind::Hall;
    hall.rank = rank;
    hall.size = {g.bay * static_cast<float>(bays), depth};
    hall.at = l(0, back + depth * 0.5f + 0.6f);
    hall.yaw = yaw;
    hall.roof = main ? g.main_roof : g.other_roof;
    hall.bays = bays;
    hall.height = g.bay * (main ? 1.0f : 0.9f);
    plan.buildings.push_back(hall);
    // Side halls facing across the court, where it is wide and deep enough; a temple's first
    // court stays open for its pagoda.
    const float open_front = front, open_back = back + depth + 1.5f;
    const float side_depth = hall_depth(g, false);
    const float side_len = std::min(g.bay * static_cast<float>(g.side_bays), open_front - open_back - 1.0f);
    const bool room = half.x - hall.size.x * 0.5f > 0.5f || half.x > side_depth * 2 + 8.0f;
    if ((rank == Rank::Temple && k == 0) || side_len < g.bay * 1.5f || !room || half.x < side_depth + 6.0f) continue;
    const int side_bays = std::max(1, static_cast<int>(side_len / g.bay));
    for (float side : {-1.0f, 1.0f}) {
      if (rank == Rank::Commoner && (hash32(static_cast<std::uint32_t>(k), side > 0, salt) & 3) == 0) continue;
      BuildingPlace s;
      s.kind = rank == Rank::Commoner ? BuildingKind::House : BuildingKind::Hall;
      s.rank = rank;
      s.size = {g.bay * static_cast<float>(side_bays), side_depth};
      s.at = l(side * (half.x - side_depth * 0.5f - 1.0f), (open_front + open_back) * 0.5f);
      s.yaw = yaw - side * 1.5707964f;  // the west hall faces east, the east hall west
      s.roof = g.other_roof;
      s.bays = side_bays;
      s.height = g.bay * 0.85f;
      plan.buildings.push_back(s);
    }
  }
}

void add_courtyard_wall(Mesh& mesh, const Heightfield& ground, const WallRun& run, std::uint32_t object) {
  const glm::vec2 d = run.b - run.a;
  const float len = glm::length(d);
  if (len < 0.5f) return;
  const glm::vec2 dir = d / len;
  const float yaw = std::atan2(-dir.y, dir.x);
  // Pieces short enough to follow the ground.
  const int pieces = std::max(1, static_cast<int>(std::ceil(len / 16.0f)));
  const float step = len / static_cast<float>(pieces);
  for (int i = 0; i < pieces; ++i) {
    const glm::vec2 a = run.a + dir * (step * static_cast<float>(i)), b = a + dir * step, mid = (a + b) * 0.5f;
    const float g = std::min({ground.height(a), ground.height(b), ground.height(mid)});
    mesh.add_box(glm::vec3(mid.x, g - 0.5f, mid.y), glm::vec3(step + 0.02f, run.height + 0.5f, run.thickness), yaw,
                 pack_material(palette::kEarth, Material::RammedEarth), object);
    if (!run.coping) continue;
    RoofSpec roof;  // a small tiled coping sheds the rain off the earth
    roof.walls = {step, run.thickness};
    roof.overhang = 0.2f;
    roof.rise = 0.35f;
    roof.sag = 0;
    roof.segments = 1;
    roof.ridge_beam = false;
    roof.tiles = roof.gable = pack_material(palette::kTiles, Material::RoofTiles);
    add_roof(mesh, glm::vec3(mid.x, g + run.height, mid.y), yaw, roof, object);
  }
}

}  // namespace scene
