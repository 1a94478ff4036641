#include "scene/model/camera.h"

#include <cmath>
#include <cstdio>

#include <glm/gtc/matrix_transform.hpp>

namespace scene {

glm::mat4 view_matrix(const Camera& camera) {
  glm::vec3 forward = camera.target - camera.position;
  // Looking straight down: pick an up vector that is not parallel to the view direction.
  const glm::vec3 up = std::abs(glm::normalize(forward).y) > 0.999f ? glm::vec3(0, 0, -1) : glm::vec3(0, 1, 0);
  return glm::lookAtRH(camera.position, camera.target, up);
}

glm::mat4 projection_matrix(const Camera& camera, float aspect) {
  // Reverse-Z with an infinite far plane: depth = near / view_depth, 1 at the near plane.
  const float f = 1.0f / std::tan(glm::radians(camera.fov_deg) * 0.5f);
  glm::mat4 p(0.0f);
  p[0][0] = f / aspect;
  p[1][1] = -f;  // Vulkan's clip space has y pointing down
  p[2][3] = -1.0f;
  p[3][2] = camera.near_m;
  // clip.xy += shift * w with w = -view z: the same offset in NDC at every depth.
  p[2][0] = -camera.ndc_shift.x;
  p[2][1] = -camera.ndc_shift.y;
  return p;
}

float vertical_fov_deg(const Camera& camera, float aspect) {
  if (camera.focal_length_mm <= 0) return camera.fov_deg;
  const float film_height_mm = camera.film_back_mm / aspect;
  return glm::degrees(2.0f * std::atan(film_height_mm * 0.5f / camera.focal_length_mm));
}

float focal_length_mm(const Camera& camera, float aspect) {
  if (camera.focal_length_mm > 0) return camera.focal_length_mm;
  const float film_height_mm = camera.film_back_mm / aspect;
  return film_height_mm * 0.5f / std::tan(glm::radians(camera.fov_deg) * 0.5f);
}

Camera with_lens_fov(Camera camera, float aspect) {
  camera.fov_deg = vertical_fov_deg(camera, aspect);
  return camera;
}

float focus_distance_m(const Camera& camera) {
  return camera.focus_m > 0 ? camera.focus_m : glm::length(camera.target - camera.position);
}

float aperture_radius_m(const Camera& camera, float aspect) {
  if (camera.f_stop <= 0) return 0;
  return focal_length_mm(camera, aspect) * 1e-3f / camera.f_stop * 0.5f;
}

// The eye moves by e in the view's right/up plane; a point on the focal plane (view depth F)
// then sits e nearer the axis, so its NDC moves by -P·e/F: shifting the projection by +P·e/F
// keeps it where it was, and everything nearer or farther spreads into a blur.
Camera sub_sample_camera(const Camera& camera, float aspect, glm::vec2 lens, glm::vec2 jitter_ndc) {
  Camera c = with_lens_fov(camera, aspect);
  c.ndc_shift += jitter_ndc;
  const float radius = aperture_radius_m(camera, aspect);
  if (radius <= 0 || (lens.x == 0 && lens.y == 0)) return c;
  const glm::mat4 view = view_matrix(c);
  const glm::vec3 right(view[0][0], view[1][0], view[2][0]);  // the view's rows: camera axes in world space
  const glm::vec3 up(view[0][1], view[1][1], view[2][1]);
  const glm::vec2 e = lens * radius;
  const glm::vec3 offset = right * e.x + up * e.y;
  c.position += offset;
  c.target += offset;
  const glm::mat4 p = projection_matrix(c, aspect);
  c.ndc_shift += glm::vec2(p[0][0] * e.x, p[1][1] * e.y) / focus_distance_m(camera);
  return c;
}

bool parse_camera(const char* text, Camera& out) {
  Camera c = out;
  float fov = c.fov_deg;
  const int n = std::sscanf(text, "%f,%f,%f:%f,%f,%f:%f", &c.position.x, &c.position.y, &c.position.z, &c.target.x,
                            &c.target.y, &c.target.z, &fov);
  if (n != 6 && n != 7) return false;
  if (!(fov > 1 && fov < 170)) return false;
  c.fov_deg = fov;
  out = c;
  return true;
}

}  // namespace scene
