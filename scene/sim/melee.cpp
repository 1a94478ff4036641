#include "scene/sim/melee.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "scene/model/geometry2d.h"
#include "scene/model/hash.h"
#include "scene/model/heightfield.h"
#include "scene/model/wall_path.h"
#include "scene/sim/dry_ground.h"
#include "scene/sim/soldier_clips.h"

namespace scene {

namespace {

constexpr float kOnGround = 1.0f;             // a man this far above the ground stands on a wall or ladder
constexpr float kEndMargin = 0.75f;           // metres kept clear at each end of a front
constexpr float kTurn = 0.2f;                 // radians: how far a man may turn from facing straight across
constexpr std::uint32_t kSalt = 0x6d656c65U;  // "mele": this step's own bits of a man's hash

float ground_at(const Scenario& s, glm::vec2 p) { return s.ground ? s.ground->height(p) : s.terrain.base_height; }

float heading_of(glm::vec2 d) { return std::atan2(d.x, -d.y); }  // clockwise from north (-z)

bool standing(const Soldier& man) { return man.clip != Clip::Fall && man.clip != Clip::Dead; }

const Wall* wall_named(const Scenario& s, const std::string& id) {
  for (const Wall& wall : s.walls)
    if (wall.id == id) return &wall;
  return nullptr;
}

// A wall that has an inside to defend and an outside to attack from.
bool defended(const Wall* wall) {
  return wall && wall->closed && wall->kind != WallKind::OuterLowWall && wall->points.size() >= 3;
}

// The first damage whose span covers the gate, as the world builder picks it; -1: none.
int damage_at_gate(const Scenario& s, const Gate& gate, const Wall& wall) {
  const float at = nearest_on_wall(wall, gate.position).s;
  for (size_t i = 0; i < s.damages.size(); ++i) {
    if (s.damages[i].wall != wall.id) continue;
    const glm::vec2 span = damage_span(wall, s.damages[i]);
    if (at >= span.x && at <= span.y) return static_cast<int>(i);
  }
  return -1;
}

// One place where the two sides meet: a breach's ramp or a forced gate's passage.
struct Front {
  const Wall* wall = nullptr;
  glm::vec2 at{0}, along{1, 0}, out{0, 1};  // its middle on the wall's line; along it; outward
  float half_length = 0;                    // of the stretch the men spread along
  bool ramp = false;                        // on a breach's rubble ramp
  BreachRamp shape;
  float base = 0;  // the ground at the middle, which the ramp's heights are above
};

Front front_at(const Scenario& s, const Wall& wall, glm::vec2 at, glm::vec2 along, float half_length) {
  Front f;
  f.wall = &wall;
  f.at = at;
  f.along = along;
  f.out = {-along.y, along.x};
  if (inside_polygon(at + f.out * 0.5f, wall.points)) f.out = -f.out;
  f.half_length = std::max(half_length - kEndMargin, 0.5f);
  f.base = ground_at(s, at);
  return f;
}

// The breaches and forced gates of the snapshot's day.
std::vector<Front> fronts_of(const Scenario& s, const Snapshot& snap) {
  std::vector<Front> fronts;
  const auto state = [&](int i) {
    return i >= 0 && static_cast<size_t>(i) < snap.wall_damage.size() ? snap.wall_damage[static_cast<size_t>(i)] : 0;
  };
  // A damage that forces a gate never gaps the wall (the world keeps it scarred): its gate's
  // passage is the front instead.
  std::vector<std::uint8_t> forcing(s.damages.size(), 0);
  for (const Gate& gate : s.gates) {
    const Wall* wall = wall_named(s, gate.wall);
    if (!defended(wall)) continue;
    const int i = damage_at_gate(s, gate, *wall);
    if (i < 0 || s.damages[static_cast<size_t>(i)].length > kGateForcedMaxLength) continue;
    forcing[static_cast<size_t>(i)] = 1;
    if (state(i) < kForced) continue;
    const WallPoint w = nearest_on_wall(*wall, gate.position);
    fronts.push_back(front_at(s, *wall, w.at, w.dir, kGateOpening * 0.5f));
  }
  for (size_t i = 0; i < s.damages.size(); ++i) {
    const WallDamage& d = s.damages[i];
    const Wall* wall = wall_named(s, d.wall);
    if (forcing[i] || state(static_cast<int>(i)) < kBreached || !defended(wall)) continue;
    const glm::vec2 span = damage_span(*wall, d);
    const WallPoint mid = point_on_wall(*wall, (span.x + span.y) * 0.5f);
    Front f = front_at(s, *wall, mid.at, mid.dir, 0);
    f.shape = breach_ramp(*wall, span);
    f.half_length = std::max(f.shape.half_length - kEndMargin, 0.5f);
    f.ramp = true;
    fronts.push_back(f);
  }
  return fronts;
}

bool fights(UnitKind kind) {
  return kind == UnitKind::Infantry || kind == UnitKind::Spearmen || kind == UnitKind::Archers;
}

// The units of one side at a front, nearest first.
struct Near {
  float distance = 0;
  std::uint32_t unit = 0;
  bool operator<(const Near& o) const { return distance != o.distance ? distance < o.distance : unit < o.unit; }
};

// The men one side sends to a front: strikers and archers, as indices into Snapshot::soldiers.
struct Side {
  std::vector<std::uint32_t> strikers, shooters;
  bool empty() const { return strikers.empty() && shooters.empty(); }
};

// Takes each unit's next standing men on the ground in slot order, from cursor `next`.
void take_men(const Scenario& s, const Snapshot& snap, const std::vector<Near>& units, std::uint32_t striker_cap,
              std::vector<std::uint32_t>& next, Side& side) {
  for (const Near& n : units) {
    const UnitSnapshot& u = snap.units[n.unit];
    const bool archers = s.units[n.unit].kind == UnitKind::Archers;
    std::vector<std::uint32_t>& into = archers ? side.shooters : side.strikers;
    const std::uint32_t cap = archers ? kMeleeShooters : striker_cap;
    std::uint32_t& k = next[n.unit];
    for (; k < u.soldier_count && into.size() < cap; ++k) {
      const Soldier& man = snap.soldiers[u.first_soldier + k];
      if (!standing(man) || man.clip == Clip::Climb) continue;
      if (man.position.y > ground_at(s, {man.position.x, man.position.z}) + kOnGround) continue;  // on the wall
      into.push_back(u.first_soldier + k);
    }
  }
}

// Stands one side's men at a front: `sign` +1 outside the wall's line, -1 inside.
void stand(const Scenario& s, const Front& f, const Side& side, float sign, const DryGround& dry, double presentation_s,
           std::vector<Soldier>& soldiers) {
  const glm::vec2 facing = f.out * -sign;
  const glm::vec2 lo = f.at - glm::abs(f.along) * (f.half_length + 2) - glm::abs(f.out) * (kShootBack + 12);
  const glm::vec2 hi = f.at + glm::abs(f.along) * (f.half_length + 2) + glm::abs(f.out) * (kShootBack + 12);
  DryGround::Near water;
  dry.near(lo, hi, f.at + f.out * (sign * 20.0f), water);
  const auto per_rank = std::max<std::uint32_t>(1, static_cast<std::uint32_t>(2 * f.half_length / kMeleeFile));
  const auto place = [&](std::uint32_t index, std::uint32_t k, std::uint32_t count, std::uint32_t row_size,
                         float across0, float row_depth, Clip clip) {
    Soldier& man = soldiers[index];
    const std::uint32_t row = k / row_size, in_row = k % row_size;
    const std::uint32_t row_count = std::min(row_size, count - row * row_size);
    const std::uint32_t h = mix32(man.look ^ kSalt);  // the look is a hash of (unit, slot)
    const float jitter_along = (unit_float(h) - 0.5f) * 0.6f;
    const float jitter_across = (unit_float(h >> 4 ^ h << 7) - 0.5f) * 0.9f;
    const float stagger = (row % 2) * 0.5f;  // odd rows fill the gaps of the row in front
    float along =
        ((static_cast<float>(in_row) + 0.5f + stagger) / static_cast<float>(row_count) - 0.5f) * 2 * f.half_length;
    along = std::clamp(along + jitter_along, -f.half_length, f.half_length);
    const float across = sign * (across0 + static_cast<float>(row) * row_depth + jitter_across);
    glm::vec2 p = f.at + f.along * along + f.out * across;
    if (!water.empty()) p = dry.keep_dry(water, p);
    float y = ground_at(s, p);
    if (f.ramp) y = std::max(y, f.base + f.shape.top(glm::dot(p - f.at, f.out)));
    man.position = {p.x, y, p.y};
    const float turn = (unit_float(mix32(h)) - 0.5f) * 2 * kTurn;
    man.heading = heading_of(facing) + turn;
    man.clip = clip;
    man.phase = clip_phase(clip, presentation_s, unit_float(hash32(man.look, kSalt, 2)));  // all of 0..1
  };
  const auto strikers = static_cast<std::uint32_t>(side.strikers.size());
  for (std::uint32_t k = 0; k < strikers; ++k)
    place(side.strikers[k], k, strikers, per_rank, kMeleeGap * 0.5f, kMeleeRankDepth, Clip::Strike);
  const auto shooters = static_cast<std::uint32_t>(side.shooters.size());
  const std::uint32_t shoot_row = std::max<std::uint32_t>(per_rank, 4);
  for (std::uint32_t k = 0; k < shooters; ++k)
    place(side.shooters[k], k, shooters, shoot_row, kShootBack, 1.5f, Clip::Shoot);
}

}  // namespace

void fight_at_breaches(const Scenario& s, Snapshot& snap) {
  // Nobody fights at a wall unless somebody is assaulting.
  bool assaulting = false;
  for (size_t i = 0; i < snap.units.size() && i < s.units.size() && !assaulting; ++i)
    assaulting = snap.units[i].present && snap.units[i].state == UnitState::Assault;
  if (!assaulting) return;
  const std::vector<Front> fronts = fronts_of(s, snap);
  if (fronts.empty()) return;

  const size_t units = std::min(snap.units.size(), s.units.size());
  std::vector<std::uint32_t> next(units, 0);  // each unit's next slot to send
  std::vector<Near> attackers, defenders;
  std::vector<const std::string*> factions;
  std::optional<DryGround> dry;
  for (const Front& f : fronts) {
    attackers.clear();
    defenders.clear();
    factions.clear();
    const auto distance = [&](size_t i) { return glm::length(snap.units[i].position - f.at); };
    for (size_t i = 0; i < units; ++i) {
      const UnitSnapshot& u = snap.units[i];
      if (!u.present || u.state != UnitState::Assault || !fights(s.units[i].kind) || distance(i) > kMeleeReach)
        continue;
      if (inside_polygon(u.position, f.wall->points)) continue;
      attackers.push_back({distance(i), static_cast<std::uint32_t>(i)});
      factions.push_back(&s.units[i].faction);
    }
    if (attackers.empty()) continue;
    for (size_t i = 0; i < units; ++i) {
      const UnitSnapshot& u = snap.units[i];
      if (!u.present || u.state == UnitState::Rout || u.state == UnitState::Camp || !fights(s.units[i].kind) ||
          distance(i) > kMeleeReach)
        continue;
      if (std::any_of(factions.begin(), factions.end(), [&](const std::string* f) { return *f == s.units[i].faction; }))
        continue;
      if (inside_polygon(u.position, f.wall->points)) defenders.push_back({distance(i), static_cast<std::uint32_t>(i)});
    }
    if (defenders.empty()) continue;
    std::sort(attackers.begin(), attackers.end());
    std::sort(defenders.begin(), defenders.end());
    const auto per_rank = std::max<std::uint32_t>(1, static_cast<std::uint32_t>(2 * f.half_length / kMeleeFile));
    const std::uint32_t cap = std::min<std::uint32_t>(kMeleeMen, per_rank * kMeleeRanks);
    // Who would go, before anyone is moved: a front with one side missing is no fight.
    const std::vector<std::uint32_t> kept = next;
    Side out, in;
    take_men(s, snap, attackers, cap, next, out);
    take_men(s, snap, defenders, cap, next, in);
    if (out.empty() || in.empty()) {
      next = kept;
      continue;
    }
    if (!dry) dry.emplace(s, snap.day);
    stand(s, f, out, 1.0f, *dry, snap.presentation_s, snap.soldiers);
    stand(s, f, in, -1.0f, *dry, snap.presentation_s, snap.soldiers);
  }
}

}  // namespace scene
