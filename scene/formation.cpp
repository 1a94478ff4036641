#include "scene/formation.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace scene {

namespace {

constexpr float kPi = 3.14159265358979f;
constexpr float kGoldenAngle = 2.39996323f;  // radians: sunflower spacing, no two rays align
constexpr double kMotionHalfStepDays = 1.0 / 48.0;  // half an hour either side

// ---- Deterministic noise: an integer hash of (unit, slot, purpose), never a global RNG ----

std::uint32_t mix32(std::uint32_t x) {
  x ^= x >> 16;
  x *= 0x7feb352dU;
  x ^= x >> 15;
  x *= 0x846ca68bU;
  x ^= x >> 16;
  return x;
}

enum Salt : std::uint32_t { kJitterX = 1, kJitterY, kFacing, kStagger, kGait, kFlee, kFleeAngle, kFallen, kCamp };

std::uint32_t hash3(std::uint32_t unit, std::uint32_t slot, std::uint32_t salt) {
  return mix32(mix32(unit * 0x9e3779b9U + salt) ^ (slot * 0x85ebca6bU + 0x68e31da4U));
}
// Uniform in [0, 1).
float hash01(std::uint32_t unit, std::uint32_t slot, std::uint32_t salt) {
  return static_cast<float>(hash3(unit, slot, salt) >> 8) * (1.0f / 16777216.0f);
}
// Uniform in [-1, 1).
float hash11(std::uint32_t unit, std::uint32_t slot, std::uint32_t salt) {
  return hash01(unit, slot, salt) * 2.0f - 1.0f;
}

float smoothstep01(float x) {
  x = std::clamp(x, 0.0f, 1.0f);
  return x * x * (3.0f - 2.0f * x);
}

// ---- Shapes, in the formation's frame: x right, y forward ----

// Rows of `columns` from the front rank back; a short last rank is centred.
glm::vec2 grid_offset(std::uint32_t slot, std::uint32_t count, std::uint32_t columns, Spacing sp) {
  columns = std::max(columns, 1U);
  const std::uint32_t rows = (count + columns - 1) / columns;
  const std::uint32_t row = slot / columns;
  const std::uint32_t col = slot - row * columns;
  const std::uint32_t in_row = row + 1 == rows ? count - row * columns : columns;
  return {(static_cast<float>(col) - 0.5f * static_cast<float>(in_row - 1)) * sp.lateral,
          (0.5f * static_cast<float>(rows - 1) - static_cast<float>(row)) * sp.depth};
}

// Rank r of the wedge holds 2r + 1 men, the point forward; centred on the triangle's centroid.
glm::vec2 wedge_offset(std::uint32_t slot, std::uint32_t count, Spacing sp) {
  auto rank = static_cast<std::uint32_t>(std::sqrt(static_cast<double>(slot)));
  while (rank * rank > slot) --rank;
  while ((rank + 1) * (rank + 1) <= slot) ++rank;
  auto ranks = static_cast<std::uint32_t>(std::sqrt(static_cast<double>(count)));
  while (ranks * ranks < count) ++ranks;
  const std::uint32_t in_rank = rank + 1 == ranks ? count - rank * rank : 2 * rank + 1;
  const float centroid_shift = (2.0f / 3.0f) * static_cast<float>(ranks - 1) * sp.depth;
  return {(static_cast<float>(slot - rank * rank) - 0.5f * static_cast<float>(in_rank - 1)) * sp.lateral,
          centroid_shift - static_cast<float>(rank) * sp.depth};
}

// Position `index` on a hexagonal lattice filled ring by ring from the centre (unit spacing).
glm::vec2 hex_ring_position(std::uint32_t index) {
  if (index == 0) return {0, 0};
  // Ring k holds 6k positions and starts at index 1 + 3k(k-1).
  auto ring = static_cast<std::uint32_t>((3.0 + std::sqrt(12.0 * index - 3.0)) / 6.0);
  while (ring > 1 && 1 + 3 * ring * (ring - 1) > index) --ring;
  while (1 + 3 * (ring + 1) * ring <= index) ++ring;
  const std::uint32_t along = index - (1 + 3 * ring * (ring - 1));
  const std::uint32_t side = along / ring;
  const float step = static_cast<float>(along - side * ring) / static_cast<float>(ring);
  const float a0 = static_cast<float>(side) * (kPi / 3.0f);
  const float a1 = a0 + kPi / 3.0f;
  const glm::vec2 c0(std::cos(a0), std::sin(a0));
  const glm::vec2 c1(std::cos(a1), std::sin(a1));
  return static_cast<float>(ring) * (c0 + (c1 - c0) * step);
}

// A camp: messes of eight round a fire, the fires on rings around the unit's centre.
constexpr std::uint32_t kMessSize = 8;
constexpr float kFireSpacing = 14.0f;
constexpr float kMessRadius = 2.6f;
glm::vec2 camp_fire(std::uint32_t slot) {
  return hex_ring_position(slot / kMessSize) * kFireSpacing;
}
glm::vec2 camp_offset(std::uint32_t slot) {
  const std::uint32_t member = slot % kMessSize;
  const float angle = static_cast<float>(member) * (2.0f * kPi / kMessSize) +
                      0.7f * static_cast<float>(slot / kMessSize);
  return camp_fire(slot) + kMessRadius * glm::vec2(std::cos(angle), std::sin(angle));
}

// Loose order: a sunflower spiral, evenly spread with no rows.
glm::vec2 scattered_offset(std::uint32_t slot, Spacing sp) {
  const float radius = 2.2f * sp.lateral * std::sqrt(static_cast<float>(slot));
  const float angle = static_cast<float>(slot) * kGoldenAngle;
  return radius * glm::vec2(std::cos(angle), std::sin(angle));
}

float jitter_amplitude(Formation formation) {
  switch (formation) {
    case Formation::Scattered: return 0.6f;
    case Formation::Camp: return 0.35f;
    default: return 0.18f;
  }
}

// ---- Step tracks around their changes ----

template <class E>
Day run_start(const Track<E>& track, int key) {
  while (key > 0 && track.keys[static_cast<size_t>(key - 1)].v == track.keys[static_cast<size_t>(key)].v)
    --key;
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
  glm::vec2 facing{0, 1};  // forward
  bool running = false;
};

// A rout: each man runs outward from the centre, fast at first, then slows, to a few
// hundred metres. Starts from his place in the formation, so the rout begins continuously.
LocalPose rout(glm::vec2 base, double hours, std::uint32_t unit, std::uint32_t slot) {
  const float h = static_cast<float>(std::max(hours, 0.0));
  const float spread = std::min(h / 2.0f, 1.0f);
  const float distance = glm::length(base);
  const float own_angle = hash01(unit, slot, kFleeAngle) * 2.0f * kPi;
  glm::vec2 direction = distance > 1e-3f ? base / distance : glm::vec2(std::cos(own_angle), std::sin(own_angle));
  // Veer off the radial line as the flight goes on.
  const float veer = 0.6f * hash11(unit, slot, kFleeAngle) * spread;
  const float c = std::cos(veer), s = std::sin(veer);
  direction = {c * direction.x - s * direction.y, s * direction.x + c * direction.y};
  const float flee = 250.0f * (1.0f - std::exp(-h / 1.5f)) * (0.4f + 0.6f * hash01(unit, slot, kFlee));
  LocalPose pose;
  pose.offset = direction * (distance * (1.0f + 0.5f * spread) + flee);
  pose.facing = direction;
  pose.running = true;
  return pose;
}

LocalPose apply_state(UnitState state, Day since, const FormationFrame& f, glm::vec2 base,
                      std::uint32_t slot) {
  switch (state) {
    case UnitState::Camp: {
      LocalPose pose;
      pose.offset = camp_offset(slot);
      const glm::vec2 to_fire = camp_fire(slot) - pose.offset;
      pose.facing = to_fire / kMessRadius;
      return pose;
    }
    case UnitState::Rout: return rout(base, (f.day - since) * 24.0, f.unit_index, slot);
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
    case UnitKind::Cavalry: return {2.6f, 4.2f};
    case UnitKind::SiegeCrew: return {2.2f, 2.2f};
    case UnitKind::Civilians: return {1.9f, 1.9f};
    default: return {1.5f, 1.8f};
  }
}

glm::vec2 slot_offset(Formation formation, std::uint32_t slot, std::uint32_t count, UnitKind kind) {
  const Spacing sp = formation_spacing(kind);
  count = std::max(count, slot + 1);
  switch (formation) {
    case Formation::Block: {
      // About twice as wide as deep, in metres.
      const double columns = std::ceil(std::sqrt(2.0 * count * sp.depth / sp.lateral));
      return grid_offset(slot, count, static_cast<std::uint32_t>(columns), sp);
    }
    case Formation::Column:
      return grid_offset(slot, count, kind == UnitKind::Cavalry ? 4 : 6, sp);
    case Formation::Line: {
      const std::uint32_t ranks = kind == UnitKind::Cavalry ? 2 : 4;
      return grid_offset(slot, count, (count + ranks - 1) / ranks, sp);
    }
    case Formation::Wedge: return wedge_offset(slot, count, sp);
    case Formation::Camp: return camp_offset(slot);
    case Formation::Scattered: return scattered_offset(slot, sp);
  }
  return {0, 0};
}

UnitMotion unit_motion(const Unit& unit, Day day) {
  UnitMotion m;
  m.position = unit.path.sample(day);
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

StepBlend<Formation> formation_blend(const Track<Formation>& track, Day day) {
  return step_blend(track, day, Formation::Block);
}
StepBlend<UnitState> state_blend(const Track<UnitState>& track, Day day) {
  return step_blend(track, day, UnitState::Hold);
}

FormationFrame formation_frame(const Unit& unit, std::uint32_t unit_index, Day day,
                               const UnitMotion& motion, std::uint32_t count) {
  FormationFrame f;
  f.centre = motion.position;
  f.heading_rad = motion.heading_deg * (kPi / 180.0f);
  f.forward = {std::sin(f.heading_rad), -std::cos(f.heading_rad)};
  f.right = {std::cos(f.heading_rad), std::sin(f.heading_rad)};
  f.day = day;
  f.kind = unit.kind;
  f.unit_index = unit_index;
  f.count = count;
  f.formation = formation_blend(unit.formation, day);
  f.state = state_blend(unit.state, day);
  return f;
}

SoldierPlacement place_soldier(const FormationFrame& f, std::uint32_t slot) {
  // Each man starts his move a little after the last, by up to 30% of the window.
  const float stagger = 0.3f * hash01(f.unit_index, slot, kStagger);
  const auto weight = [&](float blend) { return smoothstep01((blend - stagger) / 0.7f); };

  // Shape: the old formation's slot towards the new one's.
  glm::vec2 base = slot_offset(f.formation.to, slot, f.count, f.kind);
  float jitter = jitter_amplitude(f.formation.to);
  if (f.formation.from != f.formation.to) {
    const float w = weight(f.formation.blend);
    base = glm::mix(slot_offset(f.formation.from, slot, f.count, f.kind), base, w);
    jitter = glm::mix(jitter_amplitude(f.formation.from), jitter, w);
  }

  // State on top: hold/march/assault keep the shape; camp and rout replace or spread it.
  LocalPose pose = apply_state(f.state.to, f.state.to_since, f, base, slot);
  if (f.state.from != f.state.to) {
    const float w = weight(f.state.blend);
    const LocalPose old = apply_state(f.state.from, f.state.from_since, f, base, slot);
    pose.offset = glm::mix(old.offset, pose.offset, w);
    const glm::vec2 facing = glm::mix(old.facing, pose.facing, w);
    pose.facing = glm::dot(facing, facing) > 1e-6f ? facing : pose.facing;
    pose.running = w < 0.5f ? old.running : pose.running;
  }

  const Spacing sp = formation_spacing(f.kind);
  const glm::vec2 noise(hash11(f.unit_index, slot, kJitterX) * sp.lateral,
                        hash11(f.unit_index, slot, kJitterY) * sp.depth);
  SoldierPlacement placement;
  placement.xz = f.centre + to_world(f, pose.offset + jitter * noise);
  placement.running = pose.running;
  float heading = f.heading_rad;
  if (pose.facing != glm::vec2(0, 1)) {
    const glm::vec2 d = to_world(f, pose.facing);
    heading = std::atan2(d.x, -d.y);
  }
  placement.heading_rad = heading + 0.12f * hash11(f.unit_index, slot, kFacing);
  return placement;
}

std::uint32_t figure_count(const Unit& unit, float soldiers_per_figure) {
  float strongest = 0;
  for (const auto& key : unit.strength.keys) strongest = std::max(strongest, key.v);
  const float ratio = soldiers_per_figure > 0 ? soldiers_per_figure : 1.0f;
  return static_cast<std::uint32_t>(std::lround(std::max(strongest, 0.0f) / ratio));
}

std::uint32_t casualty_rank(std::uint32_t unit_index, std::uint32_t slot, std::uint32_t count) {
  if (count <= 1) return 0;
  // A balanced Feistel network is a bijection on [0, 4^half); walking the cycle until the
  // value lands below `count` makes it one on [0, count).
  std::uint32_t half_bits = 1;
  while ((1ULL << (2 * half_bits)) < count) ++half_bits;
  const std::uint32_t mask = (1U << half_bits) - 1;
  std::uint32_t x = slot;
  do {
    std::uint32_t left = x >> half_bits, right = x & mask;
    for (std::uint32_t round = 0; round < 4; ++round) {
      const std::uint32_t next = left ^ (hash3(unit_index, right, kFallen + round) & mask);
      left = right;
      right = next;
    }
    x = (left << half_bits) | right;
  } while (x >= count);
  return x;
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

void append_soldiers(const SoldierLayout& layout, std::vector<Soldier>& out) {
  const Unit& unit = *layout.unit;
  const float ratio = layout.soldiers_per_figure > 0 ? layout.soldiers_per_figure : 1.0f;
  const std::uint32_t count = figure_count(unit, ratio);
  if (count == 0) return;
  const auto standing = static_cast<std::uint32_t>(
      std::clamp(std::lround(layout.strength / ratio), 0L, static_cast<long>(count)));
  const FormationFrame frame = formation_frame(unit, layout.unit_index, layout.day, layout.motion, count);
  const bool assault = frame.state.to == UnitState::Assault;
  const bool moving = layout.motion.speed > 10.0f || frame.formation.blend < 1.0f || frame.state.blend < 1.0f;
  const auto ground_height = [&](glm::vec2 xz) {
    return layout.ground ? layout.ground->height(xz) : layout.base_height;
  };

  for (std::uint32_t slot = 0; slot < count; ++slot) {
    Soldier s;
    s.unit = layout.unit_index;
    s.kind = static_cast<std::uint16_t>(unit.kind);
    const std::uint32_t rank = casualty_rank(layout.unit_index, slot, count);
    if (rank < standing) {
      const SoldierPlacement p = place_soldier(frame, slot);
      const bool running = p.running || (assault && moving);
      s.position = {p.xz.x, ground_height(p.xz), p.xz.y};
      s.heading = p.heading_rad;
      s.pose = running ? 1 : 0;
      if (moving || running) {
        const double cycles = layout.presentation_s * (running ? 1.6 : 1.0) +
                              hash01(layout.unit_index, slot, kGait);
        s.gait = static_cast<float>(cycles - std::floor(cycles));
      }
    } else {
      const float level = (static_cast<float>(rank) + 0.5f) * ratio;
      const std::optional<Day> fell = fall_time(unit.strength, layout.day, level);
      if (!fell) continue;  // a reinforcement not yet arrived
      const UnitMotion then = unit_motion(unit, *fell);
      const FormationFrame then_frame = formation_frame(unit, layout.unit_index, *fell, then, count);
      const SoldierPlacement p = place_soldier(then_frame, slot);
      s.position = {p.xz.x, ground_height(p.xz), p.xz.y};
      s.heading = p.heading_rad + 1.2f * hash11(layout.unit_index, slot, kFallen);
      s.pose = 2;
    }
    out.push_back(s);
  }
}

}  // namespace scene
