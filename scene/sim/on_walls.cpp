#include "scene/sim/on_walls.h"

#include <algorithm>
#include <cmath>

#include "scene/model/geometry2d.h"
#include "scene/model/hash.h"
#include "scene/model/heightfield.h"
#include "scene/model/wall_path.h"
#include "scene/sim/ladders.h"
#include "scene/sim/soldier_clips.h"

namespace scene {

namespace {

float ground_at(const Scenario& s, glm::vec2 p) { return s.ground ? s.ground->height(p) : s.terrain.base_height; }

float heading_of(glm::vec2 d) { return std::atan2(d.x, -d.y); }  // clockwise from north (-z)

// The nearest point of a wall's line to p and the line's direction there, without the
// allocation nearest_on_wall() makes: this runs for every man of a garrison.
struct OnLine {
  glm::vec2 at{0}, dir{1, 0};
  float distance = 1e30f;
};
OnLine nearest_on_line(const Wall& wall, glm::vec2 p) {
  OnLine out;
  const size_t n = wall.points.size();
  for (size_t i = 0; i + 1 < n + (wall.closed ? 1 : 0); ++i) {
    const glm::vec2 a = wall.points[i], b = wall.points[(i + 1) % n];
    float t = 0;
    const float d = segment_distance(p, a, b, &t);
    const float len = glm::length(b - a);
    if (d < out.distance && len > 1e-4f) out = {a + (b - a) * t, (b - a) / len, d};
  }
  return out;
}

// Where in his clip's cycle a man off the ground is: a hash of his look over the whole cycle,
// so the men on a ladder or a wall-walk do not climb or shoot in step.
float clip_offset(const Soldier& man) { return unit_float(mix32(man.look ^ 0x5bd1e995u)); }

bool standing(const Soldier& man) { return man.clip != Clip::Fall && man.clip != Clip::Dead; }

void climb_ladders(const Scenario& s, Snapshot& snap) {
  // Ladders lean only in an assault: with none under way there is nobody to put on them.
  bool assaulting = false;
  for (size_t i = 0; i < snap.units.size() && i < s.units.size() && !assaulting; ++i)
    assaulting = s.units[i].ladders > 0 && snap.units[i].present && snap.units[i].state == UnitState::Assault;
  if (!assaulting) return;
  const std::vector<LadderPose> ladders = ladders_at(s, snap);
  // Ladders come unit by unit; each takes the unit's next standing men in slot order.
  std::uint32_t unit = ~0u, next = 0;
  for (const LadderPose& ladder : ladders) {
    if (ladder.how != LadderHow::Leaning || ladder.unit >= snap.units.size()) continue;
    const UnitSnapshot& u = snap.units[ladder.unit];
    if (ladder.unit != unit) unit = ladder.unit, next = 0;
    const glm::vec2 towards(ladder.top.x - ladder.foot.x, ladder.top.z - ladder.foot.z);
    for (int k = 0; k < kClimbers; ++k) {
      while (next < u.soldier_count && !standing(snap.soldiers[u.first_soldier + next])) ++next;
      if (next >= u.soldier_count) return;
      Soldier& man = snap.soldiers[u.first_soldier + next++];
      // Spread up the ladder, the lowest a rung or two off the ground.
      const float along = (static_cast<float>(k) + 0.35f + 0.2f * unit_float(man.look)) / kClimbers * 0.85f;
      man.position = glm::mix(ladder.foot, ladder.top, along);
      man.heading = heading_of(towards);
      man.clip = Clip::Climb;
      man.phase = clip_phase(Clip::Climb, snap.presentation_s, clip_offset(man));
    }
  }
}

void man_walls(const Scenario& s, Snapshot& snap) {
  std::vector<float> distances;  // per man of one garrison unit
  for (size_t i = 0; i < snap.units.size() && i < s.units.size(); ++i) {
    const UnitSnapshot& u = snap.units[i];
    if (!u.present || u.soldier_count == 0 || (u.state != UnitState::Hold && u.state != UnitState::Assault)) continue;
    for (const Wall& wall : s.walls) {
      if (!wall.closed || wall.kind == WallKind::OuterLowWall || wall.points.size() < 3) continue;
      if (!inside_polygon(u.position, wall.points) || nearest_on_wall(wall, u.position).distance > kDefendReach)
        continue;
      const float half = wall.thickness * 0.5f;
      const float top_half = std::max(half - wall.batter * wall.height, half * 0.4f);  // as the wall mesher batters it
      // The ranks nearest the wall go up: within kManned of the nearest man (or of the inner
      // face, when he stands in the wall's footprint). Each man's distance is worked out once.
      distances.assign(u.soldier_count, 1e30f);
      float nearest = 1e30f;
      for (std::uint32_t k = 0; k < u.soldier_count; ++k) {
        const Soldier& man = snap.soldiers[u.first_soldier + k];
        if (!standing(man)) continue;
        distances[k] = polyline_distance({man.position.x, man.position.z}, wall.points, wall.closed);
        nearest = std::min(nearest, distances[k]);
      }
      const float front = std::max(nearest, half);
      for (std::uint32_t k = 0; k < u.soldier_count; ++k) {
        if (distances[k] > front + kManned) continue;  // further back; also the fallen
        Soldier& man = snap.soldiers[u.first_soldier + k];
        const glm::vec2 p(man.position.x, man.position.z);
        const OnLine w = nearest_on_line(wall, p);
        // Outwards: away from the unit's centre, across the wall's line.
        glm::vec2 out(-w.dir.y, w.dir.x);
        if (glm::dot(out, w.at - u.position) < 0) out = -out;
        const float rear = std::clamp((w.distance - front) / kManned, 0.0f, 1.0f);
        const glm::vec2 at = w.at + out * (top_half * (0.75f - 1.5f * rear));
        man.position = {at.x, ground_at(s, w.at) + wall.height, at.y};
        man.heading = heading_of(out);
        man.clip = man.kind == static_cast<std::uint16_t>(UnitKind::Archers) ? Clip::Shoot : Clip::Idle;
        man.phase = clip_phase(man.clip, snap.presentation_s, clip_offset(man));
      }
      break;
    }
  }
}

}  // namespace

void put_men_on_walls(const Scenario& scenario, Snapshot& snap) {
  climb_ladders(scenario, snap);
  man_walls(scenario, snap);
}

}  // namespace scene
