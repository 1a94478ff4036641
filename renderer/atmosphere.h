// The light of the moment: the sky model for the sun and moon of the snapshot, the key light
// (the sun by day, the moon by night), the weather's dimming, an exposure that adapts from
// noon to a moonless night, and the per-frame uniforms.
#pragma once

#include <cstdint>
#include <vector>

#include "renderer/sky_model.h"
#include "scene/model/camera.h"
#include "scene/model/snapshot.h"
#include "shaders/shared.h"

namespace renderer {

class Atmosphere {
 public:
  // The uniforms for this snapshot and camera. Recomputes the sky table only when the sun,
  // moon or weather moved since the last call. Their exposure is the adapted one, applied by
  // the scene shaders before they write the half-float image (a moonless night's radiance,
  // ~1e-8, would underflow it); the user's multiplier is the tonemap's.
  shaders::FrameUniforms frame_uniforms(const scene::Snapshot& snapshot, const scene::Camera& camera, float aspect,
                                        std::uint32_t sky_object);

  // The sky-view table of the last frame_uniforms (kSkyViewWidth × kSkyViewHeight radiances)
  // and a number that changes whenever it does.
  const std::vector<glm::vec4>& sky_view() const { return sky_.view; }
  std::uint64_t sky_version() const { return version_; }

 private:
  void update_sky(const SkyInputs& inputs);

  SkyModel model_;
  SkyInputs last_{};
  bool have_sky_ = false;
  SkyOutputs sky_;
  std::uint64_t version_ = 0;
};

// Exposure for an average horizontal illuminance (/π, scene units) and the night lights in
// view: 1 on a clear winter noon, rising as light fails, less than the light falls, so night
// stays darker than day and fire brighter than moonlight.
float adapted_exposure(float horizontal_illuminance);

// The uniforms' horizon ring towards `dir`'s compass bearing, interpolated round it as
// shaders/common.glsl's horizon_colour does: the haze a distant surface fades into.
glm::vec3 horizon_colour(const shaders::FrameUniforms& uniforms, glm::vec3 dir);

}  // namespace renderer
