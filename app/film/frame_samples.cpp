#include "app/film/frame_samples.h"

#include <sstream>

#include "app/core/sample_pattern.h"
#include "scene/sim/evaluate.h"
#include "scene/sim/hours.h"

namespace app {

SampleSettings sample_settings(const RenderArgs& args) {
  SampleSettings settings;
  settings.count =
      args.samples ? *args.samples : (args.preset == "film" ? kFilmPresetSamples : kInteractivePresetSamples);
  settings.shutter_deg = args.shutter_deg;
  return settings;
}

std::string sample_args_error(const RenderArgs& args) {
  if (args.samples && (*args.samples < 1 || *args.samples > kMaxSamples))
    return "--samples " + std::to_string(*args.samples) + " must be 1 to " + std::to_string(kMaxSamples) +
           " (sub-samples per frame)";
  if (!(args.shutter_deg >= 0 && args.shutter_deg <= 360))
    return "--shutter " + (std::ostringstream() << args.shutter_deg).str() +
           " must be 0 to 360 degrees (180: open half the frame; 0: no motion blur)";
  return "";
}

std::vector<renderer::FrameSample> frame_samples(
    const SampleSettings& settings, const scene::Scenario& scenario, const scene::Snapshot& centre, double frame_step_s,
    std::uint32_t width, std::uint32_t height, const std::function<scene::Camera(const scene::Snapshot&)>& camera_of) {
  const float aspect = static_cast<float>(width) / static_cast<float>(height);
  const double open_s = shutter_open_s(frame_step_s, settings.shutter_deg);
  const scene::Camera centre_camera = camera_of(centre);
  std::vector<renderer::FrameSample> samples;
  for (const SamplePoint& point : sample_pattern(settings.count)) {
    renderer::FrameSample sample;
    if (samples.empty()) {  // the pattern's first point is the centre
      sample.snapshot = centre;
    } else {
      sample.snapshot = scene::evaluate(scenario, centre.presentation_s + point.shutter * open_s);
      scene::set_hour(scenario, sample.snapshot, centre.hour);
    }
    const scene::Camera camera =
        samples.empty() || sample.snapshot.phase != centre.phase ? centre_camera : camera_of(sample.snapshot);
    const glm::vec2 jitter_ndc = point.jitter_px * 2.0f / glm::vec2(width, height);
    sample.camera = scene::sub_sample_camera(camera, aspect, point.lens, jitter_ndc);
    samples.push_back(std::move(sample));
  }
  return samples;
}

renderer::FrameImage render_frame_samples(renderer::Renderer& renderer,
                                          const std::vector<renderer::FrameSample>& samples, VkExtent2D extent,
                                          bool with_ids, renderer::LinearFrame* linear) {
  if (samples.size() == 1 && !linear) return renderer.render(samples[0].snapshot, samples[0].camera, extent, with_ids);
  return renderer.render_samples(samples, extent, with_ids, linear);
}

}  // namespace app
