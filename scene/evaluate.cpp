// evaluate(scenario, t): the scenario at one presentation second, computed from nothing but
// its arguments. No statics, no caches: scrubbing, exporting and testing all rely on the same
// t giving the same Snapshot whatever was evaluated before.
//
// Choices worth knowing:
// - Captions fade in and out over kCaptionFadeS seconds of playback (at most a quarter of
//   their time on screen), so a fade looks the same however much history a phase compresses.
//   An end that lies outside the scenario does not fade: a caption there from the start is
//   fully visible on the first frame.
// - The camera follows the current phase's preset shot (Phase::shot), else a shot whose
//   `phase` is the current phase, else the overview shot. A shot tied to a phase runs its
//   keys over that phase (phase_progress); a shot for the whole scenario (empty `phase`, as
//   the overview's usually is) runs them over the whole presentation, so it does not jump
//   back to its first key at every phase boundary.
#include "scene/evaluate.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "scene/clock.h"
#include "scene/formation.h"
#include "scene/sun.h"

namespace scene {

namespace {

constexpr double kCaptionFadeS = 0.6;

float smoothstep01(float x) {
  x = std::clamp(x, 0.0f, 1.0f);
  return x * x * (3.0f - 2.0f * x);
}

// Interpolates one camera quantity between keys a and b, with p and q the keys around them
// (for the Catmull-Rom tangents of Smooth, scaled to this segment like Track's).
template <class T>
T interpolate(Interp interp, const T& p, double tp, const T& a, double ta, const T& b, double tb,
              const T& q, double tq, float f) {
  switch (interp) {
    case Interp::Step: return a;
    case Interp::Linear: return a + (b - a) * f;
    case Interp::Eased: return a + (b - a) * smoothstep01(f);
    case Interp::Smooth: {
      const double span = tb - ta;
      const auto tangent = [&](const T& l, double tl, const T& r, double tr) -> T {
        return tr > tl ? (r - l) * static_cast<float>(span / (tr - tl)) : T{};
      };
      const T m0 = tangent(p, tp, b, tb);
      const T m1 = tangent(a, ta, q, tq);
      const float f2 = f * f, f3 = f2 * f;
      return a * (2 * f3 - 3 * f2 + 1) + m0 * (f3 - 2 * f2 + f) + b * (-2 * f3 + 3 * f2) + m1 * (f3 - f2);
    }
  }
  return a;
}

Camera sample_shot(const Shot& shot, double progress) {
  Camera camera;
  const auto& keys = shot.keys;
  if (keys.empty()) return camera;
  const int n = static_cast<int>(keys.size());
  int i = -1;
  while (i + 1 < n && keys[static_cast<size_t>(i + 1)].at <= progress) ++i;
  const ShotKey& held = keys[static_cast<size_t>(std::clamp(i, 0, n - 1))];
  if (i < 0 || i >= n - 1) {
    camera.position = held.position;
    camera.target = held.target;
    camera.fov_deg = held.fov_deg;
    return camera;
  }
  const ShotKey& p = keys[static_cast<size_t>(std::max(i - 1, 0))];
  const ShotKey& a = keys[static_cast<size_t>(i)];
  const ShotKey& b = keys[static_cast<size_t>(i + 1)];
  const ShotKey& q = keys[static_cast<size_t>(std::min(i + 2, n - 1))];
  const double span = b.at - a.at;
  const float f = span > 0 ? static_cast<float>((progress - a.at) / span) : 1.0f;
  camera.position = interpolate(shot.interp, p.position, p.at, a.position, a.at, b.position, b.at,
                                q.position, q.at, f);
  camera.target = interpolate(shot.interp, p.target, p.at, a.target, a.at, b.target, b.at, q.target,
                              q.at, f);
  camera.fov_deg = interpolate(shot.interp, p.fov_deg, p.at, a.fov_deg, a.at, b.fov_deg, b.at,
                               q.fov_deg, q.at, f);
  return camera;
}

const Shot* current_shot(const Scenario& scenario, int phase_index) {
  if (phase_index >= 0 && phase_index < static_cast<int>(scenario.phases.size())) {
    const Phase& phase = scenario.phases[static_cast<size_t>(phase_index)];
    if (!phase.shot.empty())
      if (const Shot* preset = scenario.shot(phase.shot)) return preset;
    for (const Shot& shot : scenario.shots)
      if (shot.phase == phase.id) return &shot;
  }
  return scenario.overview_shot();
}

float ground_height(const Scenario& scenario, glm::vec2 xz) {
  return scenario.ground ? scenario.ground->height(xz) : scenario.terrain.base_height;
}

// Alpha of a caption at presentation second t: ramps at its ends, unless an end lies outside
// the scenario.
float caption_alpha(const Scenario& scenario, const Caption& caption, double t) {
  const Day first = scenario.phases.front().start.day;
  const Day last = scenario.phases.back().end.day;
  const bool fades_in = caption.when.from > first;
  const bool fades_out = caption.when.to < last;
  const double from_s = presentation_at(scenario, caption.when.from);
  const double to_s = presentation_at(scenario, caption.when.to);
  const double fade = std::min(kCaptionFadeS, 0.25 * (to_s - from_s));
  if (fade <= 0) return 1.0f;
  double alpha = 1.0;
  if (fades_in) alpha = std::min(alpha, (t - from_s) / fade);
  if (fades_out) alpha = std::min(alpha, (to_s - t) / fade);
  return static_cast<float>(std::clamp(alpha, 0.0, 1.0));
}

}  // namespace

Snapshot evaluate(const Scenario& scenario, double presentation_s) {
  Snapshot snap;
  snap.presentation_s = presentation_s;
  const Day day = day_at(scenario, presentation_s);
  snap.day = day;
  snap.phase = phase_at(scenario, presentation_s);
  if (!scenario.phases.empty()) {
    const double duration = scenario.phases[static_cast<size_t>(snap.phase)].duration_s;
    const double local = presentation_s - phase_start_s(scenario, snap.phase);
    snap.phase_progress = duration > 0 ? static_cast<float>(std::clamp(local / duration, 0.0, 1.0)) : 1.0f;
  }
  snap.hour = scenario.environment.hour.sample(day, 14.0f);
  snap.sun_direction = sun_position(day, snap.hour, scenario.environment.latitude).direction;

  // Units first, so the soldiers' storage is reserved once for all of them.
  const size_t unit_count = scenario.units.size();
  snap.units.resize(unit_count);
  std::vector<UnitMotion> motions(unit_count);
  size_t figures_bound = 0;
  for (size_t i = 0; i < unit_count; ++i) {
    const Unit& unit = scenario.units[i];
    UnitSnapshot& u = snap.units[i];
    u.strength = unit.strength.sample(day, 0.0f);
    u.present = unit.available.contains(day) && u.strength > 0;
    motions[i] = unit_motion(unit, day);
    u.position = motions[i].position;
    u.heading_deg = motions[i].heading_deg;
    u.speed = motions[i].speed;
    u.formation = unit.formation.sample(day, Formation::Block);
    u.state = unit.state.sample(day, UnitState::Hold);
    if (u.present) figures_bound += figure_count(unit, scenario.settings.soldiers_per_figure);
  }
  snap.soldiers.reserve(figures_bound);
  for (size_t i = 0; i < unit_count; ++i) {
    UnitSnapshot& u = snap.units[i];
    u.first_soldier = static_cast<std::uint32_t>(snap.soldiers.size());
    if (u.present) {
      SoldierLayout layout;
      layout.unit = &scenario.units[i];
      layout.unit_index = static_cast<std::uint32_t>(i);
      layout.day = day;
      layout.presentation_s = presentation_s;
      layout.motion = motions[i];
      layout.strength = u.strength;
      layout.soldiers_per_figure = scenario.settings.soldiers_per_figure;
      layout.ground = scenario.ground.get();
      layout.base_height = scenario.terrain.base_height;
      append_soldiers(layout, snap.soldiers);
    }
    u.soldier_count = static_cast<std::uint32_t>(snap.soldiers.size()) - u.first_soldier;
  }

  snap.ring_construction.reserve(scenario.siege_rings.size());
  for (const SiegeRing& ring : scenario.siege_rings)
    snap.ring_construction.push_back(std::clamp(ring.construction.sample(day, 1.0f), 0.0f, 1.0f));
  snap.earthwork_construction.reserve(scenario.earthworks.size());
  for (const Earthwork& work : scenario.earthworks)
    snap.earthwork_construction.push_back(std::clamp(work.construction.sample(day, 1.0f), 0.0f, 1.0f));
  snap.wall_damage.reserve(scenario.damages.size());
  for (const WallDamage& damage : scenario.damages)
    snap.wall_damage.push_back(std::clamp(damage.damage.sample(day, 0.0f), 0.0f, 1.0f));
  snap.lake_level.reserve(scenario.lakes.size());
  snap.dam_breach.reserve(scenario.lakes.size());
  for (const Lake& lake : scenario.lakes) {
    snap.lake_level.push_back(lake.level.sample(day, 0.0f));
    snap.dam_breach.push_back(lake.dam ? std::clamp(lake.dam->breach.sample(day, 0.0f), 0.0f, 1.0f) : 0.0f);
  }
  snap.fire_intensity.reserve(scenario.fires.size());
  for (const Fire& fire : scenario.fires)
    snap.fire_intensity.push_back(std::clamp(fire.intensity.sample(day, 0.0f), 0.0f, 1.0f));
  snap.engine_present.reserve(scenario.engines.size());
  snap.engine_position.reserve(scenario.engines.size());
  for (const SiegeEngine& engine : scenario.engines) {
    snap.engine_present.push_back(engine.available.contains(day));
    snap.engine_position.push_back(engine.path.sample(day));
  }
  snap.camp_present.reserve(scenario.camps.size());
  for (const Camp& camp : scenario.camps) snap.camp_present.push_back(camp.available.contains(day));

  if (!scenario.phases.empty()) {
    for (size_t i = 0; i < scenario.captions.size(); ++i) {
      const Caption& caption = scenario.captions[i];
      if (!caption.when.contains(day)) continue;
      snap.captions.push_back({static_cast<std::uint32_t>(i), caption_alpha(scenario, caption, presentation_s)});
    }
  }

  if (const Shot* shot = current_shot(scenario, scenario.phases.empty() ? -1 : snap.phase)) {
    const double total = total_duration(scenario);
    const double progress = shot->phase.empty()
                                ? (total > 0 ? std::clamp(presentation_s / total, 0.0, 1.0) : 0.0)
                                : static_cast<double>(snap.phase_progress);
    snap.camera = sample_shot(*shot, progress);
    if (!shot->follow.empty()) {
      for (size_t i = 0; i < unit_count; ++i) {
        if (scenario.units[i].id != shot->follow) continue;
        const glm::vec2 xz = snap.units[i].position;
        const glm::vec3 offset(xz.x, ground_height(scenario, xz), xz.y);
        snap.camera.position += offset;
        snap.camera.target += offset;
        break;
      }
    }
  }
  return snap;
}

}  // namespace scene
