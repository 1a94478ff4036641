#include "app/core/camera_rig.h"

#include <algorithm>
#include <cmath>

#include "scene/model/heightfield.h"
#include "scene/sim/shot.h"

namespace app {

namespace {
constexpr float kMinClearance = 2.0f;  // metres above the ground the camera may go

scene::Camera blend(const scene::Camera& a, const scene::Camera& b, float t) {
  const float s = t * t * (3 - 2 * t);
  scene::Camera c = b;
  c.position = glm::mix(a.position, b.position, s);
  c.target = glm::mix(a.target, b.target, s);
  c.fov_deg = glm::mix(a.fov_deg, b.fov_deg, s);
  c.near_m = std::min(a.near_m, b.near_m);
  return c;
}
}  // namespace

const char* to_string(CameraMode mode) {
  switch (mode) {
    case CameraMode::Director:
      return "director";
    case CameraMode::Free:
      return "free";
    case CameraMode::Orbit:
      return "orbit";
    case CameraMode::Follow:
      return "follow";
  }
  return "?";
}

void CameraRig::begin_transition() {
  if (!has_output_) return;
  from_ = output_;
  blend_ = 0;
}

void CameraRig::from_camera(const scene::Camera& camera) {
  position_ = camera.position;
  const glm::vec3 d = glm::normalize(camera.target - camera.position);
  yaw_deg_ = glm::degrees(std::atan2(d.x, -d.z));
  pitch_deg_ = glm::degrees(std::asin(std::clamp(d.y, -1.0f, 1.0f)));
  fov_deg_ = camera.fov_deg;
}

glm::vec3 CameraRig::forward() const {
  const float yaw = glm::radians(yaw_deg_), pitch = glm::radians(pitch_deg_);
  return {std::sin(yaw) * std::cos(pitch), std::sin(pitch), -std::cos(yaw) * std::cos(pitch)};
}

void CameraRig::use_director(const std::string& shot) {
  begin_transition();
  mode_ = CameraMode::Director;
  shot_ = shot;
}

void CameraRig::use_free() {
  if (mode_ == CameraMode::Free) return;
  if (has_output_) from_camera(output_);
  mode_ = CameraMode::Free;  // starts where the camera is: no transition needed
}

void CameraRig::use_orbit(glm::vec3 pivot) {
  begin_transition();
  if (has_output_) {
    from_camera(output_);
    distance_ = std::max(glm::length(output_.position - pivot), 30.0f);
    const glm::vec3 d = glm::normalize(pivot - output_.position);
    yaw_deg_ = glm::degrees(std::atan2(d.x, -d.z));
    pitch_deg_ = std::min(glm::degrees(std::asin(std::clamp(d.y, -1.0f, 1.0f))), -5.0f);
  }
  pivot_ = pivot;
  mode_ = CameraMode::Orbit;
}

void CameraRig::use_follow(int unit) {
  begin_transition();
  follow_unit_ = unit;
  distance_ = std::clamp(distance_, 120.0f, 1200.0f);
  pitch_deg_ = std::clamp(pitch_deg_, -60.0f, -12.0f);
  mode_ = CameraMode::Follow;
}

void CameraRig::go_to(const scene::Camera& camera) {
  begin_transition();
  from_camera(camera);
  mode_ = CameraMode::Free;
}

float CameraRig::ground_at(const scene::Scenario& scenario, glm::vec3 p) const {
  return scenario.ground ? scenario.ground->height({p.x, p.z}) : scenario.terrain.base_height;
}

scene::Camera CameraRig::director_camera(const scene::Scenario& scenario, const scene::Snapshot& snapshot) const {
  if (!shot_.empty())
    if (const scene::Shot* shot = scenario.shot(shot_))
      return scene::sample_shot(scenario, *shot,
                                scene::shot_progress(scenario, *shot, snapshot.presentation_s, snapshot.phase_progress),
                                snapshot.units);
  return snapshot.camera;
}

void CameraRig::update(double real_dt, const FlyInput& input, const scene::Scenario& scenario,
                       const scene::Snapshot& snapshot) {
  const float dt = static_cast<float>(std::clamp(real_dt, 0.0, 0.25));
  scene::Camera target_camera;
  switch (mode_) {
    case CameraMode::Director:
      target_camera = director_camera(scenario, snapshot);
      break;
    case CameraMode::Free: {
      yaw_deg_ += input.look.x;
      pitch_deg_ = std::clamp(pitch_deg_ + input.look.y, -89.0f, 89.0f);
      const float height = position_.y - ground_at(scenario, position_);
      // Speed grows with height: a few metres a second among the soldiers, kilometres high up.
      const float speed = std::clamp(height, 10.0f, 3000.0f) * (input.fast ? 4.0f : 1.0f);
      const glm::vec3 f = forward();
      const glm::vec3 flat =
          glm::length(glm::vec2(f.x, f.z)) > 1e-4f ? glm::normalize(glm::vec3(f.x, 0, f.z)) : glm::vec3(0, 0, -1);
      const glm::vec3 right = glm::normalize(glm::cross(flat, glm::vec3(0, 1, 0)));
      position_ += (flat * input.move.z + right * input.move.x + glm::vec3(0, 1, 0) * input.move.y) * speed * dt;
      position_ += f * (input.zoom * std::max(height, 10.0f) * 0.1f);
      fov_deg_ = std::clamp(fov_deg_, 10.0f, 100.0f);
      position_.y = std::max(position_.y, ground_at(scenario, position_) + kMinClearance);
      target_camera.position = position_;
      target_camera.target = position_ + forward() * 100.0f;
      target_camera.fov_deg = fov_deg_;
      break;
    }
    case CameraMode::Follow:
    case CameraMode::Orbit: {
      if (mode_ == CameraMode::Follow && follow_unit_ >= 0 && follow_unit_ < static_cast<int>(snapshot.units.size())) {
        const scene::UnitSnapshot& u = snapshot.units[static_cast<size_t>(follow_unit_)];
        const glm::vec2 p = u.position;
        pivot_ = glm::vec3(p.x, (scenario.ground ? scenario.ground->height(p) : 0.0f) + 2.0f, p.y);
      }
      yaw_deg_ += input.look.x;
      pitch_deg_ = std::clamp(pitch_deg_ + input.look.y, -89.0f, -2.0f);
      distance_ = std::clamp(distance_ * std::pow(0.85f, input.zoom), 20.0f, 20000.0f);
      glm::vec3 eye = pivot_ - forward() * distance_;
      eye.y = std::max(eye.y, ground_at(scenario, eye) + kMinClearance);
      target_camera.position = eye;
      target_camera.target = pivot_;
      target_camera.fov_deg = fov_deg_;
      break;
    }
  }
  const float height = target_camera.position.y - ground_at(scenario, target_camera.position);
  target_camera.near_m = std::clamp(height * 0.01f, 0.3f, 20.0f);

  if (blend_ < 1.0) {
    blend_ = std::min(1.0, blend_ + real_dt / kTransitionSeconds);
    output_ = blend(from_, target_camera, static_cast<float>(blend_));
  } else {
    output_ = target_camera;
  }
  has_output_ = true;
}

}  // namespace app
