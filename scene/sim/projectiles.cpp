#include "scene/sim/projectiles.h"

#include <algorithm>
#include <cmath>

#include "scene/model/clock.h"
#include "scene/model/color.h"
#include "scene/model/hash.h"
#include "scene/model/heightfield.h"

namespace scene {

namespace {

float height_at(const Scenario& s, glm::vec2 xz) { return s.ground ? s.ground->height(xz) : s.terrain.base_height; }

// Where the current phase started and how many historical days pass per presentation second.
struct PhaseClock {
  double start_s = 0;
  double days_per_s = 0;
};
PhaseClock phase_clock(const Scenario& s, const Snapshot& snap) {
  PhaseClock c;
  if (s.phases.empty()) return c;
  const Phase& phase = s.phases[static_cast<size_t>(snap.phase)];
  c.start_s = phase_start_s(s, snap.phase);
  c.days_per_s = phase.duration_s > 0 ? static_cast<double>(phase.end.day - phase.start.day) / phase.duration_s : 0;
  return c;
}

glm::vec3 arc(glm::vec3 from, glm::vec3 to, float apex, float s) {
  return glm::mix(from, to, s) + glm::vec3(0, 4.0f * apex * s * (1.0f - s), 0);
}

}  // namespace

double VolleySchedule::release_s(std::int64_t k) const {
  if (rate <= 0) return 1e300;
  const auto k32 = static_cast<std::uint32_t>(k);
  // Shot k leaves at (k + 0.5 + jitter) / rate seconds into the phase: evenly paced, never in step.
  return (static_cast<double>(k) + 0.5 + 0.35 * (unit_float(hash32(engine, k32, 1)) - 0.5)) / rate;
}

VolleySchedule volley_schedule(const Scenario& scenario, const Snapshot& snap, std::size_t e) {
  VolleySchedule out;
  out.engine = static_cast<std::uint32_t>(e);
  const PhaseClock clock = phase_clock(scenario, snap);
  out.local_s = snap.presentation_s - clock.start_s;
  if (!scenario.phases.empty()) out.phase_s = scenario.phases[static_cast<size_t>(snap.phase)].duration_s;
  if (e >= scenario.engines.size()) return out;
  const SiegeEngine& engine = scenario.engines[e];
  if (engine.kind != EngineKind::Trebuchet || !engine.target || engine.shots_per_hour <= 0) return out;
  if (e >= snap.engine_present.size() || !snap.engine_present[e]) return out;
  out.rate = std::max(0.0, std::min(kMaxShotsPerSecond, engine.shots_per_hour * 24.0 * clock.days_per_s));
  return out;
}

glm::vec2 trebuchet_sling_end(float angle) {
  return {-trebuchet::kLongArm * std::cos(angle), trebuchet::kAxleHeight + trebuchet::kLongArm * std::sin(angle)};
}

std::vector<Projectile> projectiles_at(const Scenario& scenario, const Snapshot& snap) {
  std::vector<Projectile> out;
  for (size_t e = 0; e < scenario.engines.size(); ++e) {
    const VolleySchedule schedule = volley_schedule(scenario, snap, e);
    if (schedule.rate <= 0) continue;
    const double rate = schedule.rate, local = schedule.local_s;
    const SiegeEngine& engine = scenario.engines[e];
    const glm::vec2 base = snap.engine_position[e];
    const glm::vec2 target = *engine.target;
    const float distance = glm::length(target - base);
    const glm::vec2 facing = distance > 1e-3f ? (target - base) / distance : glm::vec2(0, -1);
    const double flight = 1.2 + distance / 700.0;
    const auto e32 = static_cast<std::uint32_t>(e);
    // The stone leaves from the sling end of the arm at its release angle.
    const glm::vec2 sling = trebuchet_sling_end(trebuchet::kReleaseAngle);
    const auto first = static_cast<std::int64_t>(std::floor((local - flight - kDustSeconds) * rate)) - 1;
    const auto last = static_cast<std::int64_t>(std::floor(local * rate)) + 1;
    for (std::int64_t k = std::max<std::int64_t>(first, 0); k <= last; ++k) {
      const auto k32 = static_cast<std::uint32_t>(k);
      const double release = schedule.release_s(k);
      const double age = local - release;
      if (age < 0 || age > flight + kDustSeconds) continue;
      const float angle = 6.2831853f * unit_float(hash32(e32, k32, 2));
      const float r = 35.0f * std::sqrt(unit_float(hash32(e32, k32, 3)));
      const glm::vec2 hit = target + r * glm::vec2(std::cos(angle), std::sin(angle));
      Projectile p;
      p.engine = e32;
      p.shot = k32;
      const glm::vec2 from2 = base + facing * sling.x;
      p.from = {from2.x, height_at(scenario, base) + sling.y, from2.y};
      p.to = {hit.x, height_at(scenario, hit) + 2.0f, hit.y};
      p.progress = static_cast<float>(age / flight);
      const float apex = std::max(40.0f, 0.28f * distance);
      p.position = arc(p.from, p.to, apex, std::min(p.progress, 1.0f));
      p.since_impact = p.progress > 1.0f ? static_cast<float>(age - flight) : 0.0f;
      out.push_back(p);
    }
  }
  return out;
}

ArmPose trebuchet_arm(const Scenario& scenario, const Snapshot& snap, std::size_t engine) {
  using namespace trebuchet;
  ArmPose pose;
  const VolleySchedule schedule = volley_schedule(scenario, snap, engine);
  if (schedule.rate <= 0) return pose;
  const double s = schedule.local_s;
  // The shots either side of now (only those the phase lasts long enough to fire).
  const auto around = static_cast<std::int64_t>(std::floor(s * schedule.rate));
  std::int64_t prev = -1, next = -1;
  for (std::int64_t k = std::max<std::int64_t>(around - 2, 0); k <= around + 2; ++k) {
    const double r = schedule.release_s(k);
    if (r > schedule.phase_s) break;
    if (r <= s)
      prev = k;
    else if (next < 0)
      next = k;
  }
  const double r_prev = prev >= 0 ? schedule.release_s(prev) : 0.0;
  // Each shot's heave and settle take at most 45 % of the gap to the shot beside it, so a
  // fast battery's cycles never overlap and the arm is back at rest before the next heave.
  if (prev >= 0) {
    const double gap = next >= 0 ? schedule.release_s(next) - r_prev : 1e300;
    const double settle = std::min(kSettleS, 0.45 * gap);
    const double v = (s - r_prev) / settle;
    if (v < 1.0) {
      constexpr double kFollow = 0.25;  // the share of the settle spent swinging on past the release
      if (v < kFollow) {
        const double w = std::sin(v / kFollow * 1.5707963);
        pose.angle = static_cast<float>(kReleaseAngle + (kFollowAngle - kReleaseAngle) * w);
      } else {
        const double w = (v - kFollow) / (1.0 - kFollow);
        pose.angle = static_cast<float>(kFollowAngle + (kRestAngle - kFollowAngle) * w * w * (3.0 - 2.0 * w));
      }
      pose.pull = static_cast<float>(std::max(0.0, 1.0 - v / kFollow));
      return pose;
    }
  }
  if (next >= 0) {
    const double r_next = schedule.release_s(next);
    const double pull = std::min(kPullS, 0.45 * (r_next - r_prev));
    const double u = (s - (r_next - pull)) / pull;
    if (u > 0.0) {
      // The crew take the strain, then the arm accelerates over: release at u = 1.
      pose.angle = static_cast<float>(kRestAngle + (kReleaseAngle - kRestAngle) * u * u);
      pose.pull = static_cast<float>(std::min(1.0, u / 0.3));
    }
  }
  return pose;
}

namespace {

// Stones, their trails and the dust they raise.
void append_stones(const Scenario& scenario, const Snapshot& snap, std::vector<Particle>& out) {
  for (const Projectile& p : projectiles_at(scenario, snap)) {
    if (p.progress <= 1.0f) {
      out.push_back({p.position, 1.6f, pack_color({0.05f, 0.045f, 0.04f}, 1.0f), 2, 0.0f, 0.0f});
      for (int i = 1; i <= 3; ++i) {
        const float s = std::max(0.0f, p.progress - 0.025f * static_cast<float>(i));
        const float span = std::max(40.0f, 0.28f * glm::length(glm::vec2(p.to.x - p.from.x, p.to.z - p.from.z)));
        const glm::vec3 q = arc(p.from, p.to, span, s);
        out.push_back({q, 1.3f - 0.25f * static_cast<float>(i),
                       pack_color({0.45f, 0.42f, 0.38f}, 0.5f - 0.12f * static_cast<float>(i)), 3, 0.0f,
                       static_cast<float>(i)});
      }
    } else {
      const float a = p.since_impact / static_cast<float>(kDustSeconds);
      for (std::uint32_t i = 0; i < 7; ++i) {
        const std::uint32_t h = hash32(p.engine * 7919u + p.shot, i, 9);
        const float angle = 6.2831853f * unit_float(h);
        const float spread = (4.0f + 14.0f * a) * (0.4f + 0.6f * unit_float(h >> 3));
        const glm::vec3 pos =
            p.to + glm::vec3(std::cos(angle) * spread, 2.0f + 10.0f * a * unit_float(h >> 5), std::sin(angle) * spread);
        out.push_back(
            {pos, 4.0f + 9.0f * a, pack_color({0.36f, 0.30f, 0.22f}, 0.85f * (1.0f - a)), 3, 0.0f, unit_float(h)});
      }
    }
  }
}

// Fire arrows: archers in the field shoot volleys at the nearest enemy within range that
// is assaulting (or, when they assault, at any enemy).
void append_fire_arrows(const Scenario& scenario, const Snapshot& snap, double local, std::vector<Particle>& out) {
  for (size_t a = 0; a < scenario.units.size() && a < snap.units.size(); ++a) {
    const Unit& unit = scenario.units[a];
    const UnitSnapshot& us = snap.units[a];
    if (!us.present || unit.kind != UnitKind::Archers || us.state == UnitState::Rout || us.state == UnitState::Camp)
      continue;
    float best = 800.0f;
    int target = -1;
    for (size_t b = 0; b < scenario.units.size() && b < snap.units.size(); ++b) {
      const UnitSnapshot& them = snap.units[b];
      if (!them.present || scenario.units[b].faction == unit.faction) continue;
      if (us.state != UnitState::Assault && them.state != UnitState::Assault) continue;
      const float d = glm::length(them.position - us.position);
      if (d < best) {
        best = d;
        target = static_cast<int>(b);
      }
    }
    if (target < 0) continue;
    constexpr double kVolleyS = 1.4, kFlightS = 1.0;
    const glm::vec2 to2 = snap.units[static_cast<size_t>(target)].position;
    const auto a32 = static_cast<std::uint32_t>(a);
    const auto volley_now = static_cast<std::int64_t>(std::floor(local / kVolleyS));
    for (std::int64_t v = std::max<std::int64_t>(volley_now - 1, 0); v <= volley_now; ++v) {
      const double age = local - static_cast<double>(v) * kVolleyS;
      if (age < 0 || age > kFlightS) continue;
      const float s = static_cast<float>(age / kFlightS);
      for (std::uint32_t i = 0; i < 16; ++i) {
        const std::uint32_t h = hash32(a32 * 131u + static_cast<std::uint32_t>(v), i, 21);
        const glm::vec2 jitter_from = 25.0f * (glm::vec2(unit_float(h), unit_float(h >> 4)) - 0.5f);
        const glm::vec2 jitter_to = 45.0f * (glm::vec2(unit_float(h >> 8), unit_float(h >> 12)) - 0.5f);
        const glm::vec2 f2 = us.position + jitter_from, t2 = to2 + jitter_to;
        const glm::vec3 from(f2.x, height_at(scenario, f2) + 2.0f, f2.y),
            to(t2.x, height_at(scenario, t2) + 1.0f, t2.y);
        const glm::vec3 pos = arc(from, to, 0.18f * best, std::min(1.0f, s * (0.9f + 0.2f * unit_float(h >> 16))));
        out.push_back({pos, 0.7f, pack_color({1.0f, 0.55f, 0.18f}, 1.0f), 4, 9.0f, unit_float(h)});
      }
    }
  }
}

// Flames and smoke over every burning fire, fading with its intensity track.
void append_fires(const Scenario& scenario, const Snapshot& snap, float t, std::vector<Particle>& out) {
  for (size_t f = 0; f < scenario.fires.size() && f < snap.fire_intensity.size(); ++f) {
    const float intensity = snap.fire_intensity[f];
    if (intensity < 0.01f) continue;
    const Fire& fire = scenario.fires[f];
    const auto f32 = static_cast<std::uint32_t>(f);
    const int flames = std::clamp(static_cast<int>(std::ceil(intensity * fire.radius / 4.0f)), 2, 48);
    for (int i = 0; i < flames; ++i) {
      const std::uint32_t h = hash32(f32, static_cast<std::uint32_t>(i), 31);
      const float angle = 6.2831853f * unit_float(h);
      const float r = fire.radius * std::sqrt(unit_float(h >> 7));
      const glm::vec2 xz = fire.position + r * glm::vec2(std::cos(angle), std::sin(angle));
      const float cycle = t * 1.7f + unit_float(h >> 3);
      const float age = cycle - std::floor(cycle);
      const glm::vec3 pos(xz.x, height_at(scenario, xz) + 3.0f + age * 10.0f * intensity, xz.y);
      const glm::vec3 colour = glm::mix(glm::vec3(1.0f, 0.75f, 0.3f), glm::vec3(0.9f, 0.25f, 0.05f), age);
      out.push_back({pos, (3.0f + 4.0f * intensity) * (1.0f - 0.6f * age), pack_color(colour, 0.95f), 1, 6.0f,
                     unit_float(h >> 11)});
    }
    // Blended puffs (renderer/effects.cpp): enough of them, overlapping, to read as a column.
    const int puffs = std::clamp(static_cast<int>(std::ceil(intensity * 90.0f)), 6, 90);
    constexpr float kSmokeLife = 7.0f;
    for (int i = 0; i < puffs; ++i) {
      const std::uint32_t h = hash32(f32, static_cast<std::uint32_t>(i), 47);
      const float cycle = t / kSmokeLife + unit_float(h);
      const float age = cycle - std::floor(cycle);
      const float angle = 6.2831853f * unit_float(h >> 5);
      const float r = 0.7f * fire.radius * std::sqrt(unit_float(h >> 9));
      const glm::vec2 xz =
          fire.position + r * glm::vec2(std::cos(angle), std::sin(angle)) + glm::vec2(70.0f, 25.0f) * age;
      const glm::vec3 pos(xz.x, height_at(scenario, fire.position) + 12.0f + 160.0f * age * (0.5f + 0.5f * intensity),
                          xz.y);
      const float grey = 0.07f + 0.09f * unit_float(h >> 13);
      out.push_back({pos, 12.0f + 45.0f * age,
                     pack_color(glm::vec3(grey), 0.6f * intensity * (1.0f - age) * std::min(1.0f, age * 6.0f)), 0, 0.0f,
                     unit_float(h >> 17)});
    }
  }
}

}  // namespace

void append_effects(const Scenario& scenario, const Snapshot& snap, std::vector<Particle>& out) {
  append_stones(scenario, snap, out);
  append_fire_arrows(scenario, snap, snap.presentation_s - phase_clock(scenario, snap).start_s, out);
  append_fires(scenario, snap, static_cast<float>(snap.presentation_s), out);
}

}  // namespace scene
