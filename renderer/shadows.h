// One sun shadow map: a depth-only pass from the sun, fitted to where the view frustum meets
// the world's shadow casters, sampled with PCF by the scene shaders (set 0, binding 1).
#pragma once

#include <functional>

#include <glm/glm.hpp>

#include "renderer/pipeline.h"
#include "renderer/resources.h"
#include "renderer/unique_handle.h"
#include "scene/model/camera.h"

namespace renderer {

class Context;

struct ShadowFit {
  glm::mat4 view_proj{1};  // world → shadow clip space (depth 0 nearest the sun)
  float texel_m = 1;       // metres one shadow texel covers
  bool enabled = false;    // false at night or when nothing casts
};

class ShadowMap {
 public:
  static constexpr std::uint32_t kSize = 2048;  // texels per side
  static constexpr float kDistance = 9000.0f;   // metres of view covered from the eye

  ShadowMap() = default;
  explicit ShadowMap(Context& context);

  // The light's projection: the sun's direction, the camera's frustum up to kDistance, and the
  // box around everything that casts shadows.
  static ShadowFit fit(glm::vec3 sun_direction, const scene::Camera& camera, float aspect, glm::vec3 casters_min,
                       glm::vec3 casters_max);

  // Records the depth pass; `draw_casters` binds vertex/index buffers and draws (the pipeline
  // and its push constant, the light matrix, are bound). Leaves the map ready for sampling.
  void record(VkCommandBuffer cmd, const ShadowFit& fit, const std::function<void(VkCommandBuffer)>& draw_casters);

  VkImageView view() const { return depth_.view(); }
  VkSampler sampler() const { return sampler_.get(); }

 private:
  Image depth_;
  Unique<VkSampler> sampler_;
  Pipeline pipeline_;
};

}  // namespace renderer
