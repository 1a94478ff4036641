// Scaling ladders (云梯) as a pure function of the snapshot: a unit with "ladders" sets them
// against a wall's face while it assaults there, carries them at shoulder height as it comes
// up, and leaves them on the ground where it stood when it routs. Nothing is remembered from
// frame to frame: each pose comes from the unit's tracks at this instant (a rout's from the
// instant the rout began), so scrubbing shows the same ladders for the same t.
#include "scene/sim/ladders.h"

#include <algorithm>
#include <cmath>

#include "scene/model/geometry2d.h"
#include "scene/model/hash.h"
#include "scene/model/heightfield.h"
#include "scene/model/wall_path.h"
#include "scene/sim/formation.h"

namespace scene {

namespace {

constexpr float kLeanReach =
    120.0f;  // part of the unit this close to the face: its ladder parties run ahead and set them up
constexpr float kStretch = 250.0f;      // along the wall either side of the point opposite the unit
constexpr float kCarryReach = 400.0f;   // within this of a wall, on the way up: carried
constexpr float kLadderSpacing = 4.5f;  // ladders at least this far apart along a wall
constexpr float kFootOut = 0.28f;       // foot out from the wall's base, per metre of wall height
constexpr float kAboveParapet = 1.0f;   // the top stands this far above the walkway, against the merlons
constexpr float kShoulder = 1.45f;      // carried at this height

glm::vec2 left_of(glm::vec2 d) { return {-d.y, d.x}; }

float ground_at(const Scenario& s, glm::vec2 p) { return s.ground ? s.ground->height(p) : s.terrain.base_height; }

// Where a ladder cannot lean: a breached stretch (the men walk in), a gate house, a bastion
// (马面, placed as add_wall places them) or a tower standing out from the face.
bool blocked(const Scenario& s, Day day, const Wall& wall, const WallPoint& w) {
  for (const WallDamage& d : s.damages) {
    if (d.wall != wall.id || d.damage.sample(day, 0.0f) < 0.5f) continue;
    const glm::vec2 span = damage_span(wall, d);
    if (w.s > span.x - 2.0f && w.s < span.y + 2.0f) return true;
  }
  for (const Gate& g : s.gates)
    if (g.wall == wall.id && glm::length(g.position - w.at) < (g.barbican ? 42.0f : 16.0f)) return true;
  for (const Tower& t : s.towers)
    if (glm::length(t.position - w.at) < 14.0f) return true;
  if (wall.bastion_spacing > 0 && wall.closed) {
    const std::vector<glm::vec2> path = explicit_path(wall.points, true);
    for (size_t i = 0; i + 1 < path.size(); ++i) {
      const float len = glm::length(path[i + 1] - path[i]);
      const int count = static_cast<int>(std::floor(len / wall.bastion_spacing));
      for (int k = 1; k <= count; ++k) {
        const glm::vec2 centre =
            path[i] + (path[i + 1] - path[i]) * (static_cast<float>(k) / static_cast<float>(count + 1));
        if (glm::length(centre - w.at) < 8.5f) return true;
      }
    }
  }
  return false;
}

// A unit's ground at one instant: a sample of its men's places (without jitter), its centre
// and which way it faces.
struct Footprint {
  std::vector<glm::vec2> points;
  glm::vec2 centre{0}, forward{0, -1}, right{1, 0};
};
Footprint footprint_of(const Unit& unit, glm::vec2 position, float heading_deg, Formation formation,
                       std::uint32_t count) {
  Footprint f;
  const float heading = heading_deg * 0.017453293f;
  f.centre = position;
  f.forward = {std::sin(heading), -std::cos(heading)};
  f.right = {-f.forward.y, f.forward.x};
  const Shape shape = make_shape(formation, std::max<std::uint32_t>(count, 1), unit.kind);
  // A few hundred slots show where the unit's ground ends well enough.
  const std::uint32_t stride = std::max<std::uint32_t>(1, shape.count / 512);
  for (std::uint32_t slot = 0; slot < shape.count; slot += stride) {
    const glm::vec2 o = shape_offset(shape, slot);
    f.points.push_back(position + f.right * o.x + f.forward * o.y);
  }
  return f;
}

// A wall's centre line at arc length `along` of its explicit path.
WallPoint point_along(const Wall& wall, float along) {
  const std::vector<glm::vec2> path = explicit_path(wall.points, wall.closed);
  WallPoint w;
  float s = 0;
  for (size_t i = 0; i + 1 < path.size(); ++i) {
    const float len = glm::length(path[i + 1] - path[i]);
    if (len < 1e-3f) continue;
    w = {path[i] + (path[i + 1] - path[i]) * std::clamp((along - s) / len, 0.0f, 1.0f), (path[i + 1] - path[i]) / len,
         along, 0};
    if (along <= s + len) break;
    s += len;
  }
  return w;
}

// A ladder standing against `wall` at its centre-line point `w`, on the side `normal` points
// to: the foot on the ground a little out from the base, the top against the parapet.
void lean(const Scenario& s, const Wall& wall, const WallPoint& w, glm::vec2 normal, glm::vec3& foot, glm::vec3& top) {
  const float half = wall.thickness * 0.5f;
  const float top_half = std::max(half - wall.batter * wall.height, half * 0.4f);  // as add_wall batters it
  const glm::vec2 f2 = w.at + normal * (half + kFootOut * wall.height);
  const glm::vec2 t2 = w.at + normal * (top_half + 0.15f);
  foot = {f2.x, ground_at(s, f2), f2.y};
  top = {t2.x, ground_at(s, w.at) + wall.height + kAboveParapet, t2.y};
}

float ladder_length(const Wall& wall) {
  const float half = wall.thickness * 0.5f;
  const float top_half = std::max(half - wall.batter * wall.height, half * 0.4f);
  const float run = half - top_half + kFootOut * wall.height;
  return std::sqrt(run * run + (wall.height + kAboveParapet) * (wall.height + kAboveParapet));
}

// Which side of a wall a point is on: a closed wall's outside is its attackers' side; an open
// wall is attacked from either.
bool outside(const Wall& wall, glm::vec2 p) { return !wall.closed || !inside_polygon(p, wall.points); }

// The stretch of wall a unit's ground faces within kLeanReach, from outside: the ladders'
// places, spread evenly along it. Leaning poses; none if no wall is that close.
std::vector<LadderPose> against_wall(const Scenario& s, Day day, std::uint32_t u, const Footprint& fp) {
  const Unit& unit = s.units[u];
  std::vector<LadderPose> out;
  float best = 1e30f;  // of the walls the unit's ground reaches, the one nearest its centre
  for (size_t wi = 0; wi < s.walls.size(); ++wi) {
    const Wall& wall = s.walls[wi];
    if (wall.kind == WallKind::OuterLowWall || wall.points.size() < 2) continue;
    // Only the stretch near the wall's point opposite the unit's centre counts: a long line
    // may touch the wall again far off, round a corner.
    const WallPoint opposite = nearest_on_wall(wall, fp.centre);
    const float total = polyline_length(wall.points, wall.closed);
    int hits = 0;
    float from = 1e30f, to = -1e30f;  // arc lengths relative to `opposite`
    glm::vec2 side_point{0};
    for (glm::vec2 p : fp.points) {
      const WallPoint w = nearest_on_wall(wall, p);
      if (w.distance - wall.thickness * 0.5f > kLeanReach || w.distance < wall.thickness * 0.5f || !outside(wall, p))
        continue;
      float delta = w.s - opposite.s;
      if (wall.closed) delta = std::remainder(delta, total);
      if (std::abs(delta) > kStretch) continue;
      ++hits;
      from = std::min(from, delta), to = std::max(to, delta);
      side_point = p;
    }
    if (hits == 0 || opposite.distance >= best) continue;
    best = opposite.distance;
    out.clear();
    // Spread over the stretch the unit fronts, or, if that is narrow (a column, a deep line
    // meeting the wall end on), over kLadderSpacing per ladder centred on it: the ladder
    // parties fan out along the foot of the wall.
    const int n = unit.ladders;
    const float span = std::max(to - from, kLadderSpacing * static_cast<float>(n));
    const float first = opposite.s + 0.5f * (from + to) - 0.5f * span;
    for (int i = 0; i < n; ++i) {
      const std::uint32_t h = hash32(u, static_cast<std::uint32_t>(i));
      float along =
          first + span * (static_cast<float>(i) + 0.5f) / static_cast<float>(n) + (unit_float(h) - 0.5f) * 0.6f;
      if (wall.closed) along = std::fmod(std::fmod(along, total) + total, total);
      const WallPoint w = point_along(wall, along);
      if (blocked(s, day, wall, w)) continue;
      // Lean on the face the unit stands before.
      glm::vec2 normal = left_of(w.dir);
      const float half = wall.thickness * 0.5f;
      if (wall.closed ? !outside(wall, w.at + normal * (half + 1.0f)) : glm::dot(side_point - w.at, normal) < 0)
        normal = -normal;
      LadderPose pose;
      pose.unit = u;
      pose.wall = static_cast<std::uint32_t>(wi);
      lean(s, wall, w, normal, pose.foot, pose.top);
      out.push_back(pose);
    }
  }
  return out;
}

// Not at a wall: the wall nearest the unit's centre (seen from outside), whether the unit
// faces it, and the unit's men outside it within kCarryReach of its face, nearest first.
struct Approach {
  const Wall* wall = nullptr;
  bool facing = false;
  std::vector<glm::vec2> leading;
};
Approach approach(const Scenario& s, const Footprint& fp) {
  Approach a;
  float best = 1e30f;
  for (const Wall& wall : s.walls) {
    if (wall.kind == WallKind::OuterLowWall || wall.points.size() < 2 || !outside(wall, fp.centre)) continue;
    const WallPoint w = nearest_on_wall(wall, fp.centre);
    if (w.distance >= best) continue;
    best = w.distance;
    a.wall = &wall;
    a.facing = w.distance > 1e-3f && glm::dot(fp.forward, glm::normalize(w.at - fp.centre)) > 0.3f;
  }
  if (!a.wall) return a;
  std::vector<std::pair<float, glm::vec2>> near;
  for (glm::vec2 p : fp.points) {
    if (!outside(*a.wall, p)) continue;
    const float from_face = nearest_on_wall(*a.wall, p).distance - a.wall->thickness * 0.5f;
    if (from_face > 0 && from_face <= kCarryReach) near.emplace_back(from_face, p);
  }
  std::sort(near.begin(), near.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  for (const auto& [d, p] : near) a.leading.push_back(p);
  return a;
}

// The ladders of unit u now: leaning, carried or (when `lying`, for the footprint at the start
// of a rout) thrown down.
void ladders_of(const Scenario& s, Day day, std::uint32_t u, const Footprint& fp, UnitState state, bool lying,
                std::vector<LadderPose>& out) {
  const Unit& unit = s.units[u];
  if (state == UnitState::Assault || lying) {
    std::vector<LadderPose> leaning = against_wall(s, day, u, fp);
    if (!leaning.empty()) {
      for (std::size_t i = 0; i < leaning.size() && lying; ++i) {
        // Thrown down: it lies from its foot along the wall, swung out from the face a little.
        LadderPose& pose = leaning[i];
        const std::uint32_t h = hash32(u, static_cast<std::uint32_t>(i) + 7919u);
        const glm::vec2 f2(pose.foot.x, pose.foot.z), t2(pose.top.x, pose.top.z);
        const glm::vec2 normal = glm::normalize(f2 - t2);
        const glm::vec2 along = left_of(normal) * ((h & 1) ? 1.0f : -1.0f);
        const float swing = 0.2f + 0.45f * unit_float(h >> 4);
        const glm::vec2 e2 =
            f2 + (along * std::cos(swing) + normal * std::sin(swing)) * glm::distance(pose.foot, pose.top);
        pose.how = LadderHow::Lying;
        pose.foot = {f2.x, ground_at(s, f2) + 0.12f, f2.y};
        pose.top = {e2.x, ground_at(s, e2) + 0.12f, e2.y};
      }
      out.insert(out.end(), leaning.begin(), leaning.end());
      return;
    }
  }
  // Not at a wall: carried by the leading men on the way up, or dropped in the field. Each
  // ladder goes to the next man nearest the wall whose ladder would lie clear of the others
  // (kLadderSpacing across, or a ladder's length and a pace along the way the unit faces).
  const Approach a = approach(s, fp);
  if (!a.wall || a.leading.empty()) return;
  if (!lying && !(a.facing && (state == UnitState::March || state == UnitState::Assault))) return;
  const float length = ladder_length(*a.wall);
  std::vector<glm::vec2> bearers;
  for (glm::vec2 p : a.leading) {
    if (static_cast<int>(bearers.size()) >= unit.ladders) break;
    bool clear = true;
    for (glm::vec2 q : bearers)
      clear = clear && (std::abs(glm::dot(p - q, fp.right)) >= kLadderSpacing ||
                        std::abs(glm::dot(p - q, fp.forward)) >= length + 1.0f);
    if (clear) bearers.push_back(p);
  }
  for (std::size_t i = 0; i < bearers.size(); ++i) {
    const glm::vec2 p = bearers[i];
    const std::uint32_t h = hash32(u, static_cast<std::uint32_t>(i));
    LadderPose pose;
    pose.unit = u;
    if (lying) {
      // Dropped where the man stood, roughly the way the unit faced.
      const float turn = (unit_float(h >> 4) - 0.5f) * 0.9f;
      const glm::vec2 e2 = p - (fp.forward * std::cos(turn) + fp.right * std::sin(turn)) * length;
      pose.how = LadderHow::Lying;
      pose.foot = {p.x, ground_at(s, p) + 0.12f, p.y};
      pose.top = {e2.x, ground_at(s, e2) + 0.12f, e2.y};
    } else {
      // On the shoulders: the front end a pace ahead of him, the rest over the men behind.
      const glm::vec2 front_end = p + fp.forward * 0.8f, back_end = front_end - fp.forward * length;
      pose.how = LadderHow::Carried;
      pose.foot = {front_end.x, ground_at(s, front_end) + kShoulder, front_end.y};
      pose.top = {back_end.x, ground_at(s, back_end) + kShoulder, back_end.y};
    }
    out.push_back(pose);
  }
}

}  // namespace

std::vector<LadderPose> ladders_at(const Scenario& scenario, const Snapshot& snap) {
  std::vector<LadderPose> out;
  for (size_t i = 0; i < scenario.units.size() && i < snap.units.size(); ++i) {
    const Unit& unit = scenario.units[i];
    const UnitSnapshot& us = snap.units[i];
    if (unit.ladders <= 0 || !us.present) continue;
    const auto u = static_cast<std::uint32_t>(i);
    const std::uint32_t count = figure_count(unit, scenario.settings.soldiers_per_figure);
    if (us.state == UnitState::Rout) {
      // Where the unit stood when the rout began: the ladders fell there and stay.
      const Day since = state_blend(unit.state, snap.day).to_since;
      if (!std::isfinite(since)) continue;
      const UnitMotion then = unit_motion(unit, since);
      const Footprint fp =
          footprint_of(unit, then.position, then.heading_deg, unit.formation.sample(since, Formation::Block), count);
      ladders_of(scenario, since, u, fp, UnitState::Rout, true, out);
    } else if (us.state == UnitState::Assault || us.state == UnitState::March) {
      ladders_of(scenario, snap.day, u, footprint_of(unit, us.position, us.heading_deg, us.formation, count), us.state,
                 false, out);
    }
  }
  return out;
}

}  // namespace scene
