// The viewer's cameras: the director's (the scenario's shots), a free flying camera, an
// orbit around a picked point, and following a unit; switching between them eases over a
// short transition instead of cutting.
#pragma once

#include <string>

#include <glm/glm.hpp>

#include "scene/model/camera.h"
#include "scene/model/scenario.h"
#include "scene/model/snapshot.h"

namespace app {

enum class CameraMode { Director, Free, Orbit, Follow };
const char* to_string(CameraMode mode);

struct FlyInput {
  glm::vec3 move{0};  // x right, y up, z forward; each -1..1
  glm::vec2 look{0};  // degrees of yaw (right) and pitch (up) this frame
  float zoom = 0;     // scroll steps, positive = closer
  bool fast = false;
};

class CameraRig {
 public:
  static constexpr double kTransitionSeconds = 0.8;

  CameraMode mode() const { return mode_; }
  // Easing from one camera to another: the picture changes every frame until it is done.
  bool in_transition() const { return blend_ < 1.0; }
  const std::string& shot() const { return shot_; }
  int followed_unit() const { return follow_unit_; }
  glm::vec3 pivot() const { return pivot_; }  // what the orbit turns around

  // Director: the named shot, or (empty) the current phase's preset shot.
  void use_director(const std::string& shot = {});
  void use_free();
  void use_orbit(glm::vec3 pivot);
  void use_follow(int unit);
  // Jumps (with a transition) to a given camera in free mode: bookmarks use this.
  void go_to(const scene::Camera& camera);

  void update(double real_dt, const FlyInput& input, const scene::Scenario& scenario, const scene::Snapshot& snapshot);
  const scene::Camera& camera() const { return output_; }

 private:
  void begin_transition();
  void from_camera(const scene::Camera& camera);  // sets yaw/pitch/position from a camera
  glm::vec3 forward() const;
  scene::Camera director_camera(const scene::Scenario& scenario, const scene::Snapshot& snapshot) const;
  float ground_at(const scene::Scenario& scenario, glm::vec3 p) const;

  CameraMode mode_ = CameraMode::Director;
  std::string shot_;
  int follow_unit_ = -1;
  glm::vec3 position_{0, 1500, 3000};
  glm::vec3 pivot_{0};
  float yaw_deg_ = 0;  // 0 = looking north (-z), clockwise
  float pitch_deg_ = -30;
  float distance_ = 800;
  float fov_deg_ = 45;

  scene::Camera output_;
  scene::Camera from_;
  double blend_ = 1.0;  // 0..1 through a transition; 1 = none
  bool has_output_ = false;
};

}  // namespace app
