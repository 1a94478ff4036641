#include "renderer/depth_normals.h"

#include <cmath>
#include <limits>

#include <glm/glm.hpp>

namespace renderer {

void fill_depth_and_normals(LinearFrame& frame, const float* depth, const scene::Camera& camera) {
  const std::uint32_t w = frame.width, h = frame.height;
  const float aspect = static_cast<float>(w) / static_cast<float>(h);
  const scene::Camera lens = scene::with_lens_fov(camera, aspect);
  const glm::mat4 proj = scene::projection_matrix(lens, aspect);
  const glm::mat3 view_to_world = glm::transpose(glm::mat3(scene::view_matrix(lens)));
  const std::size_t pixels = static_cast<std::size_t>(w) * h;
  frame.depth.assign(pixels, std::numeric_limits<float>::infinity());
  frame.normals.assign(pixels * 3, 0.0f);

  auto at = [&](std::uint32_t x, std::uint32_t y) { return depth[static_cast<std::size_t>(y) * w + x]; };
  // The view-space point a pixel's centre sees (x right, y up, -z forward).
  auto position = [&](std::uint32_t x, std::uint32_t y) {
    const float d = lens.near_m / at(x, y);
    const float ndc_x = (static_cast<float>(x) + 0.5f) / static_cast<float>(w) * 2.0f - 1.0f;
    const float ndc_y = (static_cast<float>(y) + 0.5f) / static_cast<float>(h) * 2.0f - 1.0f;
    return glm::vec3((ndc_x - lens.ndc_shift.x) * d / proj[0][0], (ndc_y - lens.ndc_shift.y) * d / proj[1][1], -d);
  };
  // The step to a neighbour along one axis: the side nearer in depth, or 0 if neither is ground.
  auto step = [&](std::uint32_t x, std::uint32_t y, int dx, int dy, const glm::vec3& p) {
    glm::vec3 best(0);
    float best_gap = std::numeric_limits<float>::infinity();
    for (const int s : {1, -1}) {
      const std::int64_t nx = static_cast<std::int64_t>(x) + s * dx, ny = static_cast<std::int64_t>(y) + s * dy;
      if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
      if (at(static_cast<std::uint32_t>(nx), static_cast<std::uint32_t>(ny)) <= 0) continue;
      const glm::vec3 q = position(static_cast<std::uint32_t>(nx), static_cast<std::uint32_t>(ny));
      const float gap = std::abs(q.z - p.z);
      if (gap < best_gap) {
        best_gap = gap;
        best = (q - p) * static_cast<float>(s);  // always pointing toward +x or +y in the image
      }
    }
    return best;
  };

  for (std::uint32_t y = 0; y < h; ++y) {
    for (std::uint32_t x = 0; x < w; ++x) {
      if (at(x, y) <= 0) continue;
      const std::size_t i = static_cast<std::size_t>(y) * w + x;
      const glm::vec3 p = position(x, y);
      frame.depth[i] = -p.z;
      glm::vec3 n = glm::cross(step(x, y, 0, 1, p), step(x, y, 1, 0, p));
      const float length = glm::length(n);
      if (!(length > 0)) continue;
      n /= length;
      if (glm::dot(n, p) > 0) n = -n;  // face the eye
      const glm::vec3 world = glm::normalize(view_to_world * n);
      frame.normals[i * 3 + 0] = world.x;
      frame.normals[i * 3 + 1] = world.y;
      frame.normals[i * 3 + 2] = world.z;
    }
  }
}

}  // namespace renderer
