#include "scene/sim/formation.h"

#include "scene/model/clock.h"
#include "scene/model/hash.h"
#include "scene/sim/soldier_clips.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <span>

namespace scene {

namespace {

constexpr float kPi = 3.14159265358979f;
constexpr double kMotionHalfStepDays = 1.0 / 48.0;  // half an hour either side
constexpr std::uint32_t kFallGroups = 128;

// ---- Deterministic noise: an integer hash of (unit, slot, purpose), never a global RNG ----

std::uint32_t unit_seed(std::uint32_t unit_index) { return mix32(unit_index * 0x85ebca6bU + 0x27d4eb2fU); }

// A soldier's own random numbers, all from a few hashes of (unit seed, slot): 16 bits each
// is plenty for metres of jitter and fractions of a cycle.
struct Noise {
  float jitter_x, jitter_y;  // -1..1
  float stagger;             // 0..1: how late he starts moving in a transition
  float facing;              // -1..1
  float gait;                // 0..1: walk-cycle phase
  float turn;                // -1..1: how a fallen man lies
  float flee, flee_angle;    // 0..1
};
Noise soldier_noise(std::uint32_t seed, std::uint32_t slot) {
  const std::uint32_t h0 = mix32(slot * 0x9e3779b9U ^ seed);
  const std::uint32_t h1 = mix32(h0 + 0x6a09e667U);
  const std::uint32_t h2 = mix32(h1 + 0xbb67ae85U);
  const std::uint32_t h3 = mix32(h2 + 0x3c6ef372U);
  constexpr float k = 1.0f / 65536.0f;
  const auto low = [&](std::uint32_t h) { return static_cast<float>(h & 0xffffU) * k; };
  const auto high = [&](std::uint32_t h) { return static_cast<float>(h >> 16) * k; };
  return {low(h0) * 2 - 1, high(h0) * 2 - 1, low(h1), high(h1) * 2 - 1, low(h2), high(h2) * 2 - 1, low(h3), high(h3)};
}

float smoothstep01(float x) {
  x = std::clamp(x, 0.0f, 1.0f);
  return x * x * (3.0f - 2.0f * x);
}

// ---- Shapes, in the formation's frame: x right, y forward ----

// Rows of `columns` from the front rank back; a short last rank is centred.
glm::vec2 grid_offset(std::uint32_t slot, const Shape& shape) {
  const std::uint32_t count = shape.count, columns = shape.columns, rows = shape.ranks;
  const Spacing sp = shape.spacing;
  const std::uint32_t row = slot / columns;
  const std::uint32_t col = slot - row * columns;
  const std::uint32_t in_row = row + 1 == rows ? count - row * columns : columns;
  return {(static_cast<float>(col) - 0.5f * static_cast<float>(in_row - 1)) * sp.lateral,
          (0.5f * static_cast<float>(rows - 1) - static_cast<float>(row)) * sp.depth};
}

// Rank r of the wedge holds 2r + 1 men, the point forward; centred on the triangle's centroid.
glm::vec2 wedge_offset(std::uint32_t slot, const Shape& shape) {
  auto rank = static_cast<std::uint32_t>(std::sqrt(static_cast<float>(slot)));
  while (rank * rank > slot) --rank;
  while ((rank + 1) * (rank + 1) <= slot) ++rank;
  const std::uint32_t in_rank = rank + 1 == shape.ranks ? shape.count - rank * rank : 2 * rank + 1;
  return {(static_cast<float>(slot - rank * rank) - 0.5f * static_cast<float>(in_rank - 1)) * shape.spacing.lateral,
          shape.centroid_shift - static_cast<float>(rank) * shape.spacing.depth};
}

// cos and sin to within 1e-6 over a few turns, from a quarter-turn reduction and short
// polynomials: the same wherever this binary runs, and several times cheaper than libm's,
// which matters when it runs once per soldier.
glm::vec2 cos_sin(float angle) {
  const float quarter = std::nearbyint(angle * (2.0f / kPi));
  const float r = angle - quarter * (kPi / 2.0f);
  const float r2 = r * r;
  const float s = r * (1.0f - r2 / 6.0f * (1.0f - r2 / 20.0f * (1.0f - r2 / 42.0f)));
  const float c = 1.0f - r2 / 2.0f * (1.0f - r2 / 12.0f * (1.0f - r2 / 30.0f * (1.0f - r2 / 56.0f)));
  switch (static_cast<int>(quarter) & 3) {
    case 0:
      return {c, s};
    case 1:
      return {-s, c};
    case 2:
      return {-c, -s};
    default:
      return {s, -c};
  }
}

// Corners of the unit hexagon, counter-clockwise from +x (the last repeats the first).
constexpr glm::vec2 kHexCorners[7] = {
    {1, 0}, {0.5f, 0.8660254f}, {-0.5f, 0.8660254f}, {-1, 0}, {-0.5f, -0.8660254f}, {0.5f, -0.8660254f}, {1, 0}};

// Position `index` on a hexagonal lattice filled ring by ring from the centre (unit spacing).
glm::vec2 hex_ring_position(std::uint32_t index) {
  if (index == 0) return {0, 0};
  // Ring k holds 6k positions and starts at index 1 + 3k(k-1).
  auto ring = static_cast<std::uint32_t>((3.0f + std::sqrt(12.0f * static_cast<float>(index) - 3.0f)) / 6.0f);
  while (ring > 1 && 1 + 3 * ring * (ring - 1) > index) --ring;
  while (1 + 3 * (ring + 1) * ring <= index) ++ring;
  const std::uint32_t along = index - (1 + 3 * ring * (ring - 1));
  const std::uint32_t side = along / ring;
  const glm::vec2 c0 = kHexCorners[side], c1 = kHexCorners[side + 1];
  return static_cast<float>(ring) * c0 + (c1 - c0) * static_cast<float>(along - side * ring);
}

// A camp: messes of eight round a fire, the fires on rings around the unit's centre; every
// other mess sits turned by an eighth of its spacing so the rings do not line up.
constexpr std::uint32_t kMessSize = 8;
constexpr float kFireSpacing = 14.0f;
constexpr float kMessRadius = 2.6f;
struct CampPlace {
  glm::vec2 offset;  // formation frame
  float facing;      // radians clockwise from forward: towards the fire
};
CampPlace camp_place(std::uint32_t slot) {
  const std::uint32_t mess = slot / kMessSize;
  const float angle =
      static_cast<float>(slot % kMessSize) * (2.0f * kPi / kMessSize) + ((mess & 1U) ? kPi / kMessSize : 0.0f);
  const glm::vec2 fire = hex_ring_position(mess) * kFireSpacing;
  // A man at angle a (counter-clockwise from right) faces the fire: direction a + pi, which
  // measured clockwise from forward is -pi/2 - a.
  return {fire + kMessRadius * cos_sin(angle), -0.5f * kPi - angle};
}
glm::vec2 camp_offset(std::uint32_t slot) { return camp_place(slot).offset; }

// Loose order: a sunflower spiral, evenly spread with no rows.
glm::vec2 scattered_offset(std::uint32_t slot, Spacing sp) {
  const float radius = 2.2f * sp.lateral * std::sqrt(static_cast<float>(slot));
  // The golden angle as a fraction of a turn, reduced in double so large slots stay exact.
  const double turns = static_cast<double>(slot) * 0.38196601125010515;
  const float angle = static_cast<float>(turns - std::floor(turns)) * (2.0f * kPi);
  return radius * cos_sin(angle);
}

float wrap_angle(float a) {  // to [-pi, pi]
  return a - (2.0f * kPi) * std::nearbyint(a / (2.0f * kPi));
}

// ---- Step tracks around their changes ----

template <class E>
Day run_start(const Track<E>& track, int key) {
  while (key > 0 && track.keys[static_cast<size_t>(key - 1)].v == track.keys[static_cast<size_t>(key)].v) --key;
  return track.keys[static_cast<size_t>(key)].t;
}

// Half the blend window around key j (j >= 1): never more than half the gap to a neighbour,
// so consecutive windows never overlap.
template <class E>
double half_window(const Track<E>& track, int j) {
  const auto& keys = track.keys;
  double half = kTransitionHalfDays;
  half = std::min(half, 0.5 * (keys[static_cast<size_t>(j)].t - keys[static_cast<size_t>(j - 1)].t));
  if (j + 1 < static_cast<int>(keys.size()))
    half = std::min(half, 0.5 * (keys[static_cast<size_t>(j + 1)].t - keys[static_cast<size_t>(j)].t));
  return half;
}

template <class E>
StepBlend<E> step_blend(const Track<E>& track, Day day, E fallback) {
  StepBlend<E> b;
  if (track.keys.empty()) {
    b.from = b.to = fallback;
    b.from_since = b.to_since = -std::numeric_limits<Day>::infinity();
    return b;
  }
  const auto& keys = track.keys;
  const int n = static_cast<int>(keys.size());
  const int i = std::max(track.segment(day), 0);
  const auto& here = keys[static_cast<size_t>(i)];

  // Approaching the next change.
  if (i + 1 < n && keys[static_cast<size_t>(i + 1)].v != here.v && day >= here.t) {
    const Key<E>& next = keys[static_cast<size_t>(i + 1)];
    const double half = half_window(track, i + 1);
    if (half > 0 && day >= next.t - half) {
      b.from = here.v;
      b.to = next.v;
      b.blend = static_cast<float>((day - (next.t - half)) / (2 * half));
      b.from_since = run_start(track, i);
      b.to_since = next.t;
      return b;
    }
  }
  // Just past a change.
  if (i >= 1 && keys[static_cast<size_t>(i - 1)].v != here.v) {
    const double half = half_window(track, i);
    if (half > 0 && day < here.t + half) {
      b.from = keys[static_cast<size_t>(i - 1)].v;
      b.to = here.v;
      b.blend = static_cast<float>((day - (here.t - half)) / (2 * half));
      b.from_since = run_start(track, i - 1);
      b.to_since = here.t;
      return b;
    }
  }
  b.from = b.to = here.v;
  b.from_since = b.to_since = run_start(track, i);
  return b;
}

// ---- One soldier in the formation's frame ----

struct LocalPose {
  glm::vec2 offset{0};
  float facing = 0;  // radians clockwise from the formation's forward
  bool running = false;
};

// A rout: each man runs outward from the centre, fast at first, then slows, to a few
// hundred metres. Starts from his place in the formation, so the rout begins continuously.
LocalPose rout(glm::vec2 base, double hours, const Noise& noise) {
  const float h = static_cast<float>(std::max(hours, 0.0));
  const float spread = std::min(h / 2.0f, 1.0f);
  const float distance = glm::length(base);
  glm::vec2 direction = distance > 1e-3f ? base / distance : cos_sin(noise.flee_angle * 2.0f * kPi);
  // Veer off the radial line as the flight goes on.
  const glm::vec2 veer = cos_sin(0.6f * (noise.flee_angle * 2 - 1) * spread);
  direction = {veer.x * direction.x - veer.y * direction.y, veer.y * direction.x + veer.x * direction.y};
  const float flee = 250.0f * (1.0f - std::exp(-h / 1.5f)) * (0.4f + 0.6f * noise.flee);
  LocalPose pose;
  pose.offset = direction * (distance * (1.0f + 0.5f * spread) + flee);
  pose.facing = std::atan2(direction.x, direction.y);
  pose.running = true;
  return pose;
}

LocalPose apply_state(UnitState state, Day since, const FormationFrame& f, glm::vec2 base, std::uint32_t slot,
                      const Noise& noise) {
  switch (state) {
    case UnitState::Camp: {
      const CampPlace place = camp_place(slot);
      LocalPose pose;
      pose.offset = place.offset;
      pose.facing = place.facing;
      return pose;
    }
    case UnitState::Rout:
      return rout(base, (f.day - since) * 24.0, noise);
    default: {
      LocalPose pose;
      pose.offset = base;
      return pose;
    }
  }
}

glm::vec2 to_world(const FormationFrame& f, glm::vec2 local) { return f.right * local.x + f.forward * local.y; }

}  // namespace

Spacing formation_spacing(UnitKind kind) {
  switch (kind) {
    case UnitKind::Cavalry:
      return {2.6f, 4.2f};
    case UnitKind::SiegeCrew:
      return {2.2f, 2.2f};
    case UnitKind::Civilians:
      return {1.9f, 1.9f};
    default:
      return {1.5f, 1.8f};
  }
}

Shape make_shape(Formation formation, std::uint32_t count, UnitKind kind) {
  Shape shape;
  shape.formation = formation;
  shape.spacing = formation_spacing(kind);
  shape.count = std::max(count, 1U);
  const Spacing sp = shape.spacing;
  switch (formation) {
    case Formation::Block:  // about twice as wide as deep, in metres
      shape.columns = static_cast<std::uint32_t>(std::ceil(std::sqrt(2.0 * shape.count * sp.depth / sp.lateral)));
      break;
    case Formation::Column:
      shape.columns = kind == UnitKind::Cavalry ? 4 : 6;
      break;
    case Formation::Line: {
      const std::uint32_t ranks = kind == UnitKind::Cavalry ? 2 : 4;
      shape.columns = (shape.count + ranks - 1) / ranks;
      break;
    }
    case Formation::Wedge: {
      auto ranks = static_cast<std::uint32_t>(std::sqrt(static_cast<double>(shape.count)));
      while (ranks * ranks < shape.count) ++ranks;
      shape.ranks = ranks;
      shape.centroid_shift = (2.0f / 3.0f) * static_cast<float>(ranks - 1) * sp.depth;
      break;
    }
    case Formation::Camp:
      shape.jitter = 0.35f;
      break;
    case Formation::Scattered:
      shape.jitter = 0.6f;
      break;
  }
  if (formation == Formation::Block || formation == Formation::Column || formation == Formation::Line) {
    shape.columns = std::max(shape.columns, 1U);
    shape.ranks = (shape.count + shape.columns - 1) / shape.columns;
  }
  return shape;
}

glm::vec2 shape_offset(const Shape& shape, std::uint32_t slot) {
  switch (shape.formation) {
    case Formation::Block:
    case Formation::Column:
    case Formation::Line:
      return grid_offset(slot, shape);
    case Formation::Wedge:
      return wedge_offset(slot, shape);
    case Formation::Camp:
      return camp_offset(slot);
    case Formation::Scattered:
      return scattered_offset(slot, shape.spacing);
  }
  return {0, 0};
}

glm::vec2 slot_offset(Formation formation, std::uint32_t slot, std::uint32_t count, UnitKind kind) {
  return shape_offset(make_shape(formation, std::max(count, slot + 1), kind), slot);
}

namespace {

// Where a unit is and faces; the speed only when asked, since it costs two more samples when
// a heading track gives the facing.
UnitMotion motion_at(const Unit& unit, Day day, bool with_speed) {
  UnitMotion m;
  m.position = unit.path.sample(day);
  if (!with_speed && !unit.heading.empty()) {
    m.heading_deg = unit.heading.sample(day);
    return m;
  }
  const glm::vec2 ahead = unit.path.sample(day + kMotionHalfStepDays);
  const glm::vec2 behind = unit.path.sample(day - kMotionHalfStepDays);
  const glm::vec2 travel = ahead - behind;
  const float distance = glm::length(travel);
  m.speed = distance / static_cast<float>(2 * kMotionHalfStepDays * 24.0);

  if (!unit.heading.empty()) {
    m.heading_deg = unit.heading.sample(day);
    return m;
  }
  glm::vec2 direction = travel;
  if (distance < 1e-3f) {
    // Standing still: keep facing the way the last leg went (or, not yet moved, the first).
    const auto& keys = unit.path.keys;
    const int n = static_cast<int>(keys.size());
    direction = {0, 0};
    for (int k = std::min(unit.path.segment(day), n - 1); k >= 1 && direction == glm::vec2(0); --k)
      direction = keys[static_cast<size_t>(k)].v - keys[static_cast<size_t>(k - 1)].v;
    for (int k = std::max(unit.path.segment(day), 0); k + 1 < n && direction == glm::vec2(0); ++k)
      direction = keys[static_cast<size_t>(k + 1)].v - keys[static_cast<size_t>(k)].v;
  }
  if (direction != glm::vec2(0)) {
    const float deg = std::atan2(direction.x, -direction.y) * (180.0f / kPi);
    m.heading_deg = deg < 0 ? deg + 360.0f : deg;
  }
  return m;
}

// A frame whose shapes come from `shapes`, indexed by Formation (all for the same count).
FormationFrame frame_at(const Unit& unit, std::uint32_t unit_index, Day day, const UnitMotion& motion,
                        std::uint32_t count, const Shape* shapes) {
  FormationFrame f;
  f.centre = motion.position;
  f.heading_rad = motion.heading_deg * (kPi / 180.0f);
  f.forward = {std::sin(f.heading_rad), -std::cos(f.heading_rad)};
  f.right = {-f.forward.y, f.forward.x};
  f.day = day;
  f.kind = unit.kind;
  f.unit_index = unit_index;
  f.count = count;
  f.seed = unit_seed(unit_index);
  f.formation = formation_blend(unit.formation, day);
  f.state = state_blend(unit.state, day);
  if (shapes) {
    f.to_shape = shapes[static_cast<size_t>(f.formation.to)];
    f.from_shape = shapes[static_cast<size_t>(f.formation.from)];
  } else {
    f.to_shape = make_shape(f.formation.to, count, unit.kind);
    f.from_shape = f.formation.from == f.formation.to ? f.to_shape : make_shape(f.formation.from, count, unit.kind);
  }
  return f;
}

}  // namespace

UnitMotion unit_motion(const Unit& unit, Day day) { return motion_at(unit, day, true); }

StepBlend<Formation> formation_blend(const Track<Formation>& track, Day day) {
  return step_blend(track, day, Formation::Block);
}
StepBlend<UnitState> state_blend(const Track<UnitState>& track, Day day) {
  return step_blend(track, day, UnitState::Hold);
}

FormationFrame formation_frame(const Unit& unit, std::uint32_t unit_index, Day day, const UnitMotion& motion,
                               std::uint32_t count) {
  return frame_at(unit, unit_index, day, motion, count, nullptr);
}

namespace {

SoldierPlacement place(const FormationFrame& f, std::uint32_t slot, const Noise& noise) {
  // Each man starts his move a little after the last, by up to 30% of the window.
  const float stagger = 0.3f * noise.stagger;
  const auto weight = [&](float blend) { return smoothstep01((blend - stagger) / 0.7f); };

  // Shape: the old formation's slot towards the new one's (unless a camp replaces it).
  const bool camped = f.state.to == UnitState::Camp && f.state.from == UnitState::Camp;
  glm::vec2 base = camped ? glm::vec2(0) : shape_offset(f.to_shape, slot);
  float jitter = f.to_shape.jitter;
  if (f.formation.from != f.formation.to) {
    const float w = weight(f.formation.blend);
    if (!camped) base = glm::mix(shape_offset(f.from_shape, slot), base, w);
    jitter = glm::mix(f.from_shape.jitter, jitter, w);
  }

  // State on top: hold/march/assault keep the shape; camp and rout replace or spread it.
  LocalPose pose = apply_state(f.state.to, f.state.to_since, f, base, slot, noise);
  if (f.state.from != f.state.to) {
    const float w = weight(f.state.blend);
    const LocalPose old = apply_state(f.state.from, f.state.from_since, f, base, slot, noise);
    pose.offset = glm::mix(old.offset, pose.offset, w);
    pose.facing = old.facing + wrap_angle(pose.facing - old.facing) * w;  // the short way round
    pose.running = w < 0.5f ? old.running : pose.running;
  }

  const Spacing sp = f.to_shape.spacing;
  const glm::vec2 displacement(noise.jitter_x * sp.lateral, noise.jitter_y * sp.depth);
  SoldierPlacement placement;
  placement.xz = f.centre + to_world(f, pose.offset + jitter * displacement);
  placement.running = pose.running;
  placement.heading_rad = f.heading_rad + pose.facing + 0.12f * noise.facing;
  return placement;
}

}  // namespace

SoldierPlacement place_soldier(const FormationFrame& f, std::uint32_t slot) {
  return place(f, slot, soldier_noise(f.seed, slot));
}

std::uint32_t figure_count(const Unit& unit, float soldiers_per_figure) {
  float strongest = 0;
  for (const auto& key : unit.strength.keys) strongest = std::max(strongest, key.v);
  const float ratio = soldiers_per_figure > 0 ? soldiers_per_figure : 1.0f;
  return static_cast<std::uint32_t>(std::lround(std::max(strongest, 0.0f) / ratio));
}

CasualtyOrder casualty_order(std::uint32_t unit_index, std::uint32_t count) {
  CasualtyOrder order;
  order.count = count;
  order.bits = 1;
  while ((1ULL << order.bits) < count) ++order.bits;
  const std::uint32_t seed = unit_seed(unit_index);
  for (std::uint32_t round = 0; round < 3; ++round) order.keys[round] = mix32(seed + 0x9e3779b9U * (round + 1));
  return order;
}

std::uint32_t CasualtyOrder::rank(std::uint32_t slot) const {
  if (count <= 1) return 0;
  // Each step is a bijection on [0, 2^bits): adding a key, multiplying by an odd number
  // (both modulo 2^bits) and folding the high half onto the low with xor. Walking the cycle
  // until the value lands below `count` (less than twice on average) makes the whole a
  // bijection on [0, count).
  const std::uint32_t mask = static_cast<std::uint32_t>((1ULL << bits) - 1);
  const std::uint32_t shift = (bits + 1) / 2;
  std::uint32_t x = slot;
  do {
    for (std::uint32_t key : keys) {
      x = ((x + key) * 0x2c1b3c6dU) & mask;
      x ^= x >> shift;
    }
  } while (x >= count);
  return x;
}

std::uint32_t casualty_rank(std::uint32_t unit_index, std::uint32_t slot, std::uint32_t count) {
  return casualty_order(unit_index, count).rank(slot);
}

std::optional<Day> fall_time(const Track<float>& strength, Day day, float level) {
  const auto& keys = strength.keys;
  if (keys.empty() || strength.sample(day) >= level) return std::nullopt;
  const int n = static_cast<int>(keys.size());
  // Walk back to the last key at or above the level: the fall lies in the segment after it.
  for (int k = std::min(strength.segment(day), n - 1); k >= 0; --k) {
    const Key<float>& a = keys[static_cast<size_t>(k)];
    if (a.v < level) continue;
    if (k + 1 >= n) return day;  // cannot happen with sorted keys; be safe
    const Key<float>& b = keys[static_cast<size_t>(k + 1)];
    Day when = b.t;
    if (strength.interp != Interp::Step && a.v > b.v)  // linear crossing; close for smooth/eased
      when = a.t + (b.t - a.t) * static_cast<double>((a.v - level) / (a.v - b.v));
    return std::clamp(when, a.t, std::min(b.t, day));
  }
  return std::nullopt;
}

namespace {

// The first two ranks of a formation: the men who strike when an assault reaches its mark.
bool front_rank(const Shape& shape, std::uint32_t slot) {
  switch (shape.formation) {
    case Formation::Block:
    case Formation::Column:
    case Formation::Line:
      return slot < 2 * shape.columns;
    case Formation::Wedge:
      return slot < 4;          // ranks of 1 and 3
    case Formation::Scattered:  // the outer fifth of the spiral that faces forward
      return shape_offset(shape, slot).y >
             0.6f * 2.2f * shape.spacing.lateral * std::sqrt(static_cast<float>(shape.count));
    case Formation::Camp:
      return false;
  }
  return false;
}

// What keep_feet_dry() needs of the men append_slots() laid out.
struct LaidOut {
  glm::vec2 home{0};                                // the formation's centre: "his unit's side" of a river
  glm::vec2 lo{std::numeric_limits<float>::max()};  // bounds of the men laid out
  glm::vec2 hi{-std::numeric_limits<float>::max()};
};

// Moves the men that stand in water to the bank, on their unit's side of it.
void keep_feet_dry(const SoldierLayout& layout, const LaidOut& laid, std::span<Soldier> men) {
  if (!layout.dry || men.empty()) return;
  const glm::vec2 home = laid.home, lo = laid.lo, hi = laid.hi;
  DryGround::Near near;
  layout.dry->near(lo, hi, home, near);
  if (near.empty()) return;
  // A big unit: first a coarse grid over its ground of the cells that no water comes near,
  // found square by square (a square no water comes near clears all its cells at once), so
  // most of its men need no test of their own.
  constexpr int kCells = 64;
  std::vector<std::uint8_t> clear;
  const glm::vec2 cell = glm::max((hi - lo) / static_cast<float>(kCells), glm::vec2(1.0f));
  if (men.size() > kCells * kCells / 4) {
    clear.assign(kCells * kCells, 0);
    const float cell_radius = 0.5f * glm::length(cell) + 0.01f;
    const auto mark = [&](const auto& self, int x0, int z0, int size) -> void {
      const glm::vec2 centre = lo + cell * (glm::vec2(static_cast<float>(x0), static_cast<float>(z0)) + 0.5f * size);
      if (layout.dry->clear(near, centre, cell_radius * size)) {
        for (int z = z0; z < z0 + size; ++z) std::fill_n(clear.begin() + z * kCells + x0, size, std::uint8_t{1});
      } else if (size > 1) {
        const int half = size / 2;
        for (int q = 0; q < 4; ++q) self(self, x0 + (q & 1) * half, z0 + (q >> 1) * half, half);
      }
    };
    mark(mark, 0, 0, kCells);
  }
  for (Soldier& man : men) {
    const glm::vec2 p(man.position.x, man.position.z);
    if (!clear.empty()) {
      const int x = std::clamp(static_cast<int>((p.x - lo.x) / cell.x), 0, kCells - 1);
      const int z = std::clamp(static_cast<int>((p.y - lo.y) / cell.y), 0, kCells - 1);
      if (clear[static_cast<size_t>(z * kCells + x)]) continue;
    }
    const glm::vec2 dry = layout.dry->keep_dry(near, p);
    if (dry == p) continue;
    man.position = {dry.x, layout.ground ? layout.ground->height(dry) : layout.base_height, dry.y};
  }
}

LaidOut append_slots(const SoldierLayout& layout, std::uint32_t slot_begin, std::uint32_t slot_end,
                     std::vector<Soldier>& out) {
  const Unit& unit = *layout.unit;
  const float ratio = layout.soldiers_per_figure > 0 ? layout.soldiers_per_figure : 1.0f;
  const std::uint32_t count = figure_count(unit, ratio);
  LaidOut laid;
  slot_end = std::min(slot_end, count);
  if (slot_begin >= slot_end) return laid;
  const auto standing =
      static_cast<std::uint32_t>(std::clamp(std::lround(layout.strength / ratio), 0L, static_cast<long>(count)));
  Shape shapes[6];  // by Formation, so frames at other times (the fallen) reuse them
  for (int f = 0; f < 6; ++f) shapes[f] = make_shape(static_cast<Formation>(f), count, unit.kind);
  const FormationFrame frame = frame_at(unit, layout.unit_index, layout.day, layout.motion, count, shapes);
  // The fallen lie where the unit stood when they fell. Working that out per man would cost
  // a frame each, so ranks are grouped in at most kFallGroups runs of consecutive ranks, and
  // a man lies in his slot as the unit stood when the first of his group fell (exact when
  // the unit has no more figures than groups).
  const std::uint32_t group_size = (count + kFallGroups - 1) / kFallGroups;
  struct Fallen {
    FormationFrame frame;
    double since_s = -1;  // presentation seconds since the fall; negative: unknown
  };
  std::array<std::optional<Fallen>, kFallGroups> fall_frames;
  const auto fallen_at = [&](Day when) {
    Fallen f{frame_at(unit, layout.unit_index, when, motion_at(unit, when, false), count, shapes), -1};
    if (layout.scenario) f.since_s = layout.presentation_s - presentation_at(*layout.scenario, when);
    return f;
  };
  const bool shifting = frame.formation.blend < 1.0f || frame.state.blend < 1.0f;
  const bool moving = layout.motion.speed > 10.0f || shifting;
  const auto ground_height = [&](glm::vec2 xz) {
    return layout.ground ? layout.ground->height(xz) : layout.base_height;
  };
  ClipUnit clips;
  clips.kind = unit.kind;
  clips.state = frame.state.blend < 0.5f ? frame.state.from : frame.state.to;
  clips.speed_kmh = layout.motion.speed / 1000.0f;
  clips.shifting = shifting;
  clips.enemy_in_range = layout.enemy_in_range;

  const ClipClock clock(layout.presentation_s);
  const UnitClips unit_clips(clips);
  const bool strikes = clips.state == UnitState::Assault && !moving;  // only then does the front rank matter
  glm::vec2 lo(std::numeric_limits<float>::max()), hi(-std::numeric_limits<float>::max());  // of the men placed
  laid.home = frame.centre;

  // With no losses nobody needs a casualty rank.
  const CasualtyOrder order = casualty_order(layout.unit_index, count);
  const bool losses = standing < count;
  for (std::uint32_t slot = slot_begin; slot < slot_end; ++slot) {
    const Noise noise = soldier_noise(frame.seed, slot);
    Soldier s;
    s.unit = layout.unit_index;
    s.kind = static_cast<std::uint16_t>(unit.kind);
    s.look = soldier_look(layout.unit_index, slot);
    const std::uint32_t rank = losses ? order.rank(slot) : 0;
    if (rank < standing) {
      const SoldierPlacement p = place(frame, slot, noise);
      s.position = {p.xz.x, ground_height(p.xz), p.xz.y};
      s.heading = p.heading_rad;
      // Who sits or stands comes from a hash of the look, not its bits: those pick his colours.
      s.clip = unit_clips.pick(p.running, strikes && front_rank(frame.to_shape, slot), mix32(s.look) >> 24);
      s.phase = clock.at(s.clip, noise.gait);
    } else {
      const std::uint32_t group = rank / group_size;
      std::optional<Fallen>& cached = fall_frames[group];
      if (!cached) {
        const std::uint32_t first_to_fall = std::min((group + 1) * group_size, count) - 1;
        const float level = (static_cast<float>(first_to_fall) + 0.5f) * ratio;
        if (const std::optional<Day> fell = fall_time(unit.strength, layout.day, level)) cached = fallen_at(*fell);
      }
      std::optional<Fallen> own;
      if (!cached) {
        // The group's first never stood (reinforcements, partly arrived): this man on his own.
        const float own_level = (static_cast<float>(rank) + 0.5f) * ratio;
        const std::optional<Day> fell = fall_time(unit.strength, layout.day, own_level);
        if (!fell) continue;  // not yet arrived
        own = fallen_at(*fell);
      }
      const Fallen& fallen = own ? *own : *cached;
      const SoldierPlacement p = place(fallen.frame, slot, noise);
      s.position = {p.xz.x, ground_height(p.xz), p.xz.y};
      s.heading = p.heading_rad + 1.2f * noise.turn;
      const ClipNow now = fallen_clip(fallen.since_s);
      s.clip = now.clip;
      s.phase = now.phase;
    }
    lo = glm::min(lo, glm::vec2(s.position.x, s.position.z));
    hi = glm::max(hi, glm::vec2(s.position.x, s.position.z));
    out.push_back(s);
  }
  laid.lo = lo;
  laid.hi = hi;
  return laid;
}

}  // namespace

void append_soldiers(const SoldierLayout& layout, std::vector<Soldier>& out, std::uint32_t slot_begin,
                     std::uint32_t slot_end) {
  const size_t first = out.size();
  const LaidOut laid = append_slots(layout, slot_begin, slot_end, out);
  keep_feet_dry(layout, laid, std::span<Soldier>(out.data() + first, out.size() - first));
}

}  // namespace scene
