// The key light's shadow cascades: depth-only passes from the sun (or the moon), each fitted to
// where a slice of the view frustum meets the world's shadow casters, side by side in one
// depth atlas sampled with PCF by the scene shaders (set 0, binding 1). The near cascade gives
// walls, houses and engines crisp shadows in close shots; the far one covers the siege.
#pragma once

#include <functional>
#include <vector>

#include <glm/glm.hpp>

#include "renderer/pipeline.h"
#include "renderer/resources.h"
#include "renderer/unique_handle.h"
#include "scene/model/camera.h"

namespace renderer {

class Context;

struct ShadowCascade {
  glm::mat4 view_proj{1};  // world → this cascade's clip space (depth 0 nearest the light)
  float texel_m = 1;       // metres one of its texels covers
  float far_m = 0;         // it serves points up to this far from the eye
  // Of its square, in its clip space (x, y lowest; z, w highest): the part its slice of the
  // view meets the casters in; the rest only squares it.
  glm::vec4 needed{-1, -1, 1, 1};
};

struct ShadowFit {
  std::vector<ShadowCascade> cascades;  // nearest first; empty when the light is down or nothing casts
  bool enabled() const { return !cascades.empty(); }
  // Whether each of this fit's cascades holds the whole of `inner`'s across the light (its
  // depth reaches past every caster either way), for the same distances from the eye.
  bool covers(const ShadowFit& inner) const;
};

class ShadowMap {
 public:
  static constexpr std::uint32_t kSize = 2048;  // texels per side of one cascade
  static constexpr float kDistance = 9000.0f;   // metres of view covered from the eye

  ShadowMap() = default;
  explicit ShadowMap(Context& context);

  // The light's projections: the light's direction, the camera's frustum up to kDistance cut
  // at `splits` (metres from the eye where each cascade but the last ends), and the box
  // around everything that casts shadows. `margin`: each cascade's extent across the light
  // grown by that share on every side, so that it still holds the slice when the camera has
  // moved or the light turned a little (renderer/kept_shadows.h).
  static ShadowFit fit(glm::vec3 light_direction, const scene::Camera& camera, float aspect, glm::vec3 casters_min,
                       glm::vec3 casters_max, const std::vector<float>& splits, float margin = 0);

  // Records the depth passes, one per cascade; `draw_casters` binds vertex/index buffers and
  // draws (the pipeline and its push constant, the light matrix, are bound). Leaves the atlas
  // ready for sampling.
  void record(VkCommandBuffer cmd, const ShadowFit& fit, const std::function<void(VkCommandBuffer)>& draw_casters);

  VkImageView view() const { return depth_.view(); }
  VkSampler sampler() const { return sampler_.get(); }

 private:
  Image depth_;
  Unique<VkSampler> sampler_;
  Pipeline pipeline_;
};

}  // namespace renderer
