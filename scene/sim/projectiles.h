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

#include "scene/model/scenario.h"
#include "scene/model/snapshot.h"

namespace scene {

constexpr double kMaxShotsPerSecond =
    0.45;                             // per engine, in presentation seconds: room for a ~1 s heave and a ~1 s fall back
constexpr double kDustSeconds = 1.6;  // an impact's dust hangs this long

struct Projectile {
  std::uint32_t engine = 0;  // index into Scenario::engines
  std::uint32_t shot = 0;    // shot number within the phase
  glm::vec3 from{0}, to{0};  // release point and impact point
  float progress = 0;        // 0..1 along the flight; > 1: landed, dust
  glm::vec3 position{0};     // now
  float since_impact = 0;    // presentation seconds since landing (0 while in flight)
};

// One trebuchet's volley schedule in the current phase: the single source of when stones
// leave, read by the stones (projectiles_at) and by the throwing arm (trebuchet_arm).
struct VolleySchedule {
  std::uint32_t engine = 0;
  double rate = 0;     // shots per presentation second; 0: the engine does not shoot now
  double local_s = 0;  // presentation seconds since the current phase began
  double phase_s = 0;  // the current phase's length in presentation seconds
  // When shot k (k >= 0) leaves, in seconds since the phase began; shots after phase_s never do.
  double release_s(std::int64_t k) const;
};
VolleySchedule volley_schedule(const Scenario& scenario, const Snapshot& snapshot, std::size_t engine);

// Stones in flight or landed no longer than kDustSeconds ago.
std::vector<Projectile> projectiles_at(const Scenario& scenario, const Snapshot& snapshot);

// The traction trebuchet's throwing arm (砲梢), in the engine's own frame: the axle across the
// top of the trestle, the long arm (with the sling) behind, the short arm towards the target
// with the crew's ropes. `angle` is the long arm's elevation above the horizontal behind the
// engine, in radians: at rest it lies down to the ground behind; the crew's pull swings it up
// and over to release past the vertical, it follows through, falls back and is reloaded.
namespace trebuchet {
constexpr float kAxleHeight = 7.5f;     // metres above the ground
constexpr float kLongArm = 10.0f;       // axle to sling end
constexpr float kShortArm = 3.8f;       // axle to where the ropes hang
constexpr float kRestAngle = -0.77f;    // radians: the sling end down behind, its pouch on the ground
constexpr float kReleaseAngle = 1.75f;  // about 100 degrees: just past the vertical, towards the target
constexpr float kFollowAngle = 2.15f;   // the furthest the arm swings on after the release
constexpr double kPullS = 1.0;          // the crew's heave, release at its end
constexpr double kSettleS = 1.6;        // follow-through and falling back to rest
}  // namespace trebuchet

struct ArmPose {
  float angle = trebuchet::kRestAngle;  // the long arm's elevation, radians
  float pull = 0;                       // 0 slack .. 1 the crew's full heave (they lean back)
};
// The arm of engine `engine` now: at rest between shots, at kReleaseAngle at each release of
// its volley schedule; continuous within a phase, the same for the same snapshot.
ArmPose trebuchet_arm(const Scenario& scenario, const Snapshot& snapshot, std::size_t engine);
// Where the sling end is for an arm at `angle`, relative to the engine's ground point, in the
// engine's frame: x along its facing (towards the target), y up.
glm::vec2 trebuchet_sling_end(float angle);

// One billboard; the same layout as shaders::EffectInstance (32 bytes).
struct Particle {
  glm::vec3 position{0};
  float size = 1;            // half side, metres
  std::uint32_t colour = 0;  // RGBA8 linear colour, alpha opacity
  std::uint32_t kind = 0;    // 0 smoke, 1 flame, 2 stone, 3 dust, 4 fire arrow
  float glow = 0;            // emissive multiplier
  float seed = 0;
};
static_assert(sizeof(Particle) == 32);

// Appends every particle of the instant: stones and dust, fire arrows, flames and smoke.
void append_effects(const Scenario& scenario, const Snapshot& snapshot, std::vector<Particle>& out);

}  // namespace scene
