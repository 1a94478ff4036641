// Sun and sky colours for the moment of the snapshot, and the per-frame uniforms.
#pragma once

#include "scene/model/camera.h"
#include "scene/model/snapshot.h"
#include "shaders/shared.h"

namespace renderer {

shaders::FrameUniforms frame_uniforms(const scene::Snapshot& snapshot, const scene::Camera& camera, float aspect,
                                      float haze_multiplier, std::uint32_t sky_object, float exposure);

}  // namespace renderer
