#include "scene/sim/shot.h"

#include <algorithm>

#include "scene/model/clock.h"
#include "scene/model/heightfield.h"

namespace scene {

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

double shot_progress(const Scenario& scenario, const Shot& shot, double presentation_s, float phase_progress) {
  if (!shot.phase.empty()) return phase_progress;
  const double total = total_duration(scenario);
  return total > 0 ? std::clamp(presentation_s / total, 0.0, 1.0) : 0.0;
}

Camera sample_shot(const Scenario& scenario, const Shot& shot, double progress,
                   const std::vector<UnitSnapshot>& units) {
  Camera camera;
  if (shot.keys.empty()) return camera;
  // Shot keys are on a 0..1 axis; the keyframe track does the interpolation for all three.
  Track<glm::vec3> position{shot.interp, {}}, target{shot.interp, {}};
  Track<float> fov{shot.interp, {}};
  for (const ShotKey& key : shot.keys) {
    position.keys.push_back({key.at, key.position});
    target.keys.push_back({key.at, key.target});
    fov.keys.push_back({key.at, key.fov_deg});
  }
  const double t = std::clamp(progress, 0.0, 1.0);
  camera.position = position.sample(t);
  camera.target = target.sample(t);
  camera.fov_deg = fov.sample(t);
  camera.f_stop = shot.aperture;
  camera.focus_m = shot.focus_m;
  camera.focal_length_mm = shot.focal_length_mm;
  camera.film_back_mm = shot.film_back_mm;

  const auto ground = [&](glm::vec2 xz) {
    return scenario.ground ? scenario.ground->height(xz) : scenario.terrain.base_height;
  };
  if (!shot.follow.empty()) {
    for (size_t i = 0; i < scenario.units.size() && i < units.size(); ++i) {
      if (scenario.units[i].id != shot.follow) continue;
      const glm::vec2 xz = units[i].position;
      const glm::vec3 offset(xz.x, ground(xz), xz.y);
      camera.position += offset;
      camera.target += offset;
      break;
    }
  }
  // The near plane in proportion to the height above ground: shots kilometres away get
  // depth precision for free, close ones are not clipped.
  const float height = camera.position.y - ground({camera.position.x, camera.position.z});
  camera.near_m = std::clamp(height * 0.01f, 0.3f, 20.0f);
  return camera;
}

}  // namespace scene
