#include "scene/shot.h"

#include <algorithm>

namespace scene {

Camera sample_shot(const Scenario& scenario, const Shot& shot, double progress, const std::vector<UnitSnapshot>& units) {
  Camera camera;
  if (shot.keys.empty()) return camera;
  // Shot keys are on a 0..1 axis; reuse the track machinery with "at" as the time.
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

  if (!shot.follow.empty()) {
    for (size_t i = 0; i < scenario.units.size() && i < units.size(); ++i) {
      if (scenario.units[i].id != shot.follow || !units[i].present) continue;
      const glm::vec3 offset(units[i].position.x, 0, units[i].position.y);
      camera.position += offset;
      camera.target += offset;
    }
  }
  // Keep the near plane in proportion to the height above ground: kilometres-away shots get
  // more depth precision for free, close shots are not clipped.
  const float height = scenario.ground ? camera.position.y - scenario.ground->height({camera.position.x, camera.position.z})
                                       : camera.position.y;
  camera.near_m = std::clamp(height * 0.01f, 0.3f, 20.0f);
  return camera;
}

}  // namespace scene
