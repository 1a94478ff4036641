// The action of a siege as a pure function of (scenario, snapshot): trebuchet stones in flight
// and the dust of their impacts, volleys of fire arrows, flames and smoke over burning
// quarters. No state: the same presentation second always puts the same stone at the same
// place, so scrubbing back and forth replays it exactly.
//
// Time. Engines shoot `shots_per_hour` historical shots; a phase may compress a month into
// seconds, so the visible rate is that rate in presentation time, capped at
// kMaxShotsPerSecond per engine, with shots counted from the start of the current phase and
// flights measured in presentation seconds (a stone takes 1.2-2.5 s to land).
#pragma once

#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

#include "scene/scenario.h"
#include "scene/snapshot.h"

namespace scene {

constexpr double kMaxShotsPerSecond = 1.2;  // per engine, in presentation seconds
constexpr double kDustSeconds = 1.6;        // an impact's dust hangs this long

struct Projectile {
  std::uint32_t engine = 0;  // index into Scenario::engines
  std::uint32_t shot = 0;    // shot number within the phase
  glm::vec3 from{0}, to{0};  // release point and impact point
  float progress = 0;        // 0..1 along the flight; > 1: landed, dust
  glm::vec3 position{0};     // now
  float since_impact = 0;    // presentation seconds since landing (0 while in flight)
};

// Stones in flight or landed no longer than kDustSeconds ago.
std::vector<Projectile> projectiles_at(const Scenario& scenario, const Snapshot& snapshot);

// One billboard; the same layout as shaders::EffectInstance (32 bytes).
struct Particle {
  glm::vec3 position{0};
  float size = 1;          // half side, metres
  std::uint32_t colour = 0;  // RGBA8 linear colour, alpha opacity
  std::uint32_t kind = 0;  // 0 smoke, 1 flame, 2 stone, 3 dust, 4 fire arrow
  float glow = 0;          // emissive multiplier
  float seed = 0;
};
static_assert(sizeof(Particle) == 32);

// Appends every particle of the instant: stones and dust, fire arrows, flames and smoke.
void append_effects(const Scenario& scenario, const Snapshot& snapshot, std::vector<Particle>& out);

}  // namespace scene
