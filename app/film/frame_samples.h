// The sub-samples of one frame for Renderer::render_samples (docs/EXPORT.md, "Sub-samples,
// motion blur and depth of field"): for each point of the sample pattern, the scene at its
// instant within the open shutter and the camera at that instant, jittered and on the lens.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/film/render_args.h"

#include "renderer/renderer.h"
#include "scene/model/camera.h"
#include "scene/model/scenario.h"
#include "scene/model/snapshot.h"

namespace app {

struct SampleSettings {
  int count = 1;             // --samples: 1 draws the frame once, as before
  double shutter_deg = 180;  // --shutter: 180 is open for half the frame, centred on its time
};

constexpr int kMaxSamples = 64;
// --samples when not given: the film preset's (anti-aliasing and motion blur at a cost the
// README states), the interactive preset's.
constexpr int kFilmPresetSamples = 4;
constexpr int kInteractivePresetSamples = 1;

// What --samples and --shutter ask for, with the preset's sample count when --samples is not
// given; sample_args_error says what is wrong with them ("" if nothing).
SampleSettings sample_settings(const RenderArgs& args);
std::string sample_args_error(const RenderArgs& args);

// The samples of the frame whose centre sample is `centre` (the scene at the frame's instant,
// at the hour it shows), `frame_step_s` long, for an image `width` × `height` pixels;
// `camera_of` gives the camera for a scene (the shot's, following units as they move). Every
// other sample is the scenario at its own instant within the open shutter, but:
//  - at the centre's hour: a film's compressed clock would otherwise turn the stars into
//    dotted trails and sweep the light across one shutter (soldiers, projectiles and the
//    camera still move);
//  - with the centre's camera when it falls in another phase: a phase's shot does not carry
//    over its boundary, and one frame must not average two framings.
std::vector<renderer::FrameSample> frame_samples(const SampleSettings& settings, const scene::Scenario& scenario,
                                                 const scene::Snapshot& centre, double frame_step_s,
                                                 std::uint32_t width, std::uint32_t height,
                                                 const std::function<scene::Camera(const scene::Snapshot&)>& camera_of);

// Renders them: one plain frame for a single sample and no linear frame wanted (the path
// frames took before sub-samples, byte for byte), else render_samples.
renderer::FrameImage render_frame_samples(renderer::Renderer& renderer,
                                          const std::vector<renderer::FrameSample>& samples, VkExtent2D extent,
                                          bool with_ids, renderer::LinearFrame* linear = nullptr);

}  // namespace app
