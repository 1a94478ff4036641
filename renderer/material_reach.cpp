#include "renderer/material_reach.h"

#include <algorithm>
#include <cmath>

#include "shaders/materials.h"

namespace renderer {

MaterialReach material_reach(const scene::Camera& camera, float aspect, std::uint32_t height, bool snow) {
  MaterialReach reach;
  reach.eye = camera.position;
  // Neighbouring pixels' rays through image-plane point (u, v) (the plane one metre out) part
  // by the pixel's width there times sqrt(1 + v²) / (1 + u² + v²) across x and sqrt(1 + u²) /
  // (1 + u² + v²) across y; the larger of the two is least at the frame's corners. A surface
  // at distance d, however tilted, spans at least d times that. The 0.97 leaves room for
  // rounding in the shader's differences.
  const float v = std::tan(glm::radians(camera.fov_deg) * 0.5f), u = v * aspect;
  const float pixel = 2.0f * v / static_cast<float>(std::max(height, 1u));
  reach.pixel_per_metre = 0.97f * pixel * std::sqrt(1.0f + std::max(u * u, v * v)) / (1.0f + u * u + v * v);
  const float coarsest = snow ? std::max(shaders::kMetresCoarsest, shaders::kMetresSnow) : shaders::kMetresCoarsest;
  reach.texture_m = shaders::kMaterialDetailReach * coarsest / static_cast<float>(shaders::kMaterialTextureSize);
  return reach;
}

MaterialDetail material_detail(const MaterialReach& reach, float distance, bool standing) {
  const float footprint = std::max(distance, 0.0f) * reach.pixel_per_metre;
  if (footprint < reach.texture_m) return MaterialDetail::Textures;
  if (footprint < (standing ? shaders::kEarthCoursesReach : shaders::kGroundPatchesReach))
    return MaterialDetail::Courses;
  return MaterialDetail::None;
}

MaterialDetail material_detail(const MaterialReach& reach, glm::vec3 min, glm::vec3 max, bool standing) {
  const glm::vec3 nearest = glm::clamp(reach.eye, min, max);
  return material_detail(reach, glm::length(nearest - reach.eye), standing);
}

}  // namespace renderer
