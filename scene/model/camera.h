// A pinhole camera in world space and the matrices the renderer needs.
#pragma once

#include <glm/glm.hpp>

namespace scene {

struct Camera {
  glm::vec3 position{0, 1500, 3000};
  glm::vec3 target{0};
  float fov_deg = 45;  // vertical field of view
  float near_m = 2;    // far is infinite: reverse-Z depth keeps precision over kilometres
};

glm::mat4 view_matrix(const Camera& camera);
// Reverse-Z, infinite far plane, Vulkan clip space (y down, depth 1 at near, 0 at infinity).
glm::mat4 projection_matrix(const Camera& camera, float aspect);

// Parses "x,y,z:tx,ty,tz[:fov]"; returns false on bad text.
bool parse_camera(const char* text, Camera& out);

}  // namespace scene
