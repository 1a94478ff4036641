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
  return p;
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
