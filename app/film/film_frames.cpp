// Step 4 of a film (film_steps.h): render the frames of this run that are not on disk yet
// (so an interrupted export resumes), write them as PNGs on a thread of their own while the
// next renders, then the cameras of every frame for --camera-out.
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>

#include "app/film/camera_export.h"
#include "app/film/caption_layer.h"
#include "app/film/downsample.h"
#include "app/film/exr_writer.h"
#include "app/film/film_steps.h"
#include "app/film/frame_samples.h"
#include "app/film/frame_writer.h"
#include "app/film/output_files.h"
#include "app/film/progress.h"
#include "app/film/stop_signal.h"
#include "app/overlay/caption_pass.h"
#include "renderer/context.h"
#include "renderer/renderer.h"
#include "scene/sim/evaluate.h"

namespace fs = std::filesystem;

namespace app::film {

namespace {

std::string id_path_of(const std::string& frame_path) {
  // frame_00001.png -> frame_00001.id.png
  const fs::path p(frame_path);
  return (p.parent_path() / (p.stem().string() + ".id.png")).string();
}

// The frames of this run not on disk yet (with their id mattes, if wanted); all with --overwrite.
std::vector<std::int64_t> frames_to_render(const RenderArgs& args, const FilmOutputs& outputs, const FilmPlan& plan) {
  std::vector<std::int64_t> todo;
  for (const std::int64_t f : plan.mine) {
    const std::string path = expand_frame_pattern(outputs.pattern, f);
    std::error_code ec;
    const bool done =
        fs::exists(path, ec) && (!outputs.with_ids || fs::exists(id_path_of(path), ec)) &&
        (!captions_separate(args.captions) || fs::exists(caption_layer_path(args.out, outputs.video, path, f), ec));
    if (args.overwrite || !done) todo.push_back(f);
  }
  if (todo.size() < plan.mine.size())
    std::fprintf(stderr, "siege render: %zu of %zu frames already there (resuming)\n", plan.mine.size() - todo.size(),
                 plan.mine.size());
  return todo;
}

// The GPU side, started by the first frame that needs it: a resumed export with every frame
// there never starts Vulkan.
struct FilmRenderer {
  std::unique_ptr<renderer::Context> context;
  std::unique_ptr<renderer::Renderer> renderer;
  std::unique_ptr<CaptionPass> captions;  // burnt-in captions; uses the context above
  std::optional<CryptoNames> crypto;      // EXR frames: the Cryptomatte names of the world's objects
  SampleSettings samples;                 // --samples, --shutter

  void start(const RenderArgs& args, const FilmOutputs& outputs, const scene::Scenario& scenario) {
    renderer::ContextOptions options = renderer::ContextOptions::from_environment();
    if (args.validation) options.validation = options.require_validation = true;
    if (!args.device.empty()) options.device = args.device;
    context = std::make_unique<renderer::Context>(options);
    renderer = std::make_unique<renderer::Renderer>(*context, scenario);
    renderer->set_display_lut(outputs.display);
    renderer->options().exposure = args.exposure;
    renderer->options().preset = args.preset == "interactive" ? renderer::Preset::Interactive : renderer::Preset::Film;
    if (outputs.exr) crypto = crypto_names(renderer->world().objects);
    samples = sample_settings(args);
    if (captions_wanted(args) || captions_separate(args.captions))
      captions = std::make_unique<CaptionPass>(*context, scenario,
                                               caption_frame(outputs.width, outputs.height, outputs.ssaa), args.legend);
    if (captions_wanted(args))
      renderer->options().overlay = [this](VkCommandBuffer cmd, renderer::RenderTarget& target,
                                           const scene::Snapshot& s) { captions->record(cmd, target, s); };
  }
};

// Where the time goes, for the summary.
struct RenderTimes {
  std::int64_t rendered = 0;
  double evaluate_ms = 0, render_ms = 0, write_ms = 0;
};

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// The camera for each sub-sample of a frame: the frame's shot (the first call, the centre
// sample's) at the sample's instant; a sample that falls across a cut keeps the centre's camera,
// so one shot never blurs into the next.
std::function<scene::Camera(const scene::Snapshot&)> camera_within_shot(const scene::Scenario& scenario,
                                                                        const FilmCamera& mode) {
  auto centre_shot = std::make_shared<std::optional<std::string>>();
  auto centre_camera = std::make_shared<scene::Camera>();
  return [&scenario, &mode, centre_shot, centre_camera](const scene::Snapshot& snapshot) {
    std::string shot;
    const scene::Camera camera = camera_for(scenario, mode, snapshot, &shot);
    if (!*centre_shot) {
      *centre_shot = shot;
      *centre_camera = camera;
    }
    return shot == **centre_shot ? camera : *centre_camera;
  };
}

// Frame f rendered (and downsampled) at its time and camera: the writer's job for it.
FrameJob render_frame(FilmRenderer& gpu, const FilmOutputs& outputs, const FilmPlan& plan,
                      const scene::Scenario& scenario, std::int64_t f, bool& legend_written, RenderTimes& times) {
  auto t0 = std::chrono::steady_clock::now();
  const std::uint32_t ssaa = outputs.ssaa;
  const VkExtent2D extent{outputs.width * ssaa, outputs.height * ssaa};
  const std::vector<renderer::FrameSample> samples =
      frame_samples(gpu.samples, scenario, scene::evaluate(scenario, plan.timing.time_of(f)), plan.timing.step_s,
                    extent.width, extent.height, camera_within_shot(scenario, plan.camera));
  times.evaluate_ms += ms_since(t0);
  t0 = std::chrono::steady_clock::now();
  renderer::FrameImage frame = render_frame_samples(*gpu.renderer, samples, extent, outputs.with_ids);
  times.render_ms += ms_since(t0);
  t0 = std::chrono::steady_clock::now();
  if (ssaa > 1) {
    frame.rgba = downsample(frame.rgba, frame.width, frame.height, ssaa);
    if (outputs.with_ids) frame.ids = downsample_ids(frame.ids, frame.width, frame.height, ssaa);
    frame.width /= ssaa;
    frame.height /= ssaa;
  }
  const std::string path = expand_frame_pattern(outputs.pattern, f);
  if (outputs.with_ids && !legend_written) {
    write_id_legend(outputs.legend_path, gpu.renderer->world().objects);
    legend_written = true;
  }
  FrameJob job{path,
               outputs.with_ids ? id_path_of(path) : std::string(),
               frame.width,
               frame.height,
               std::move(frame.rgba),
               std::move(frame.ids)};
  times.write_ms += ms_since(t0);  // downsampling; the PNG is written on the writer's thread meanwhile
  return job;
}

// Frame f of an EXR sequence: its sub-samples rendered into the scene-linear frame, its
// Cryptomatte ranks counted and the file written here (the writer thread takes PNGs only).
void render_exr_frame(FilmRenderer& gpu, const FilmOutputs& outputs, const FilmPlan& plan,
                      const scene::Scenario& scenario, std::int64_t f, RenderTimes& times) {
  auto t0 = std::chrono::steady_clock::now();
  const VkExtent2D extent{outputs.width, outputs.height};  // --ssaa is refused with EXR
  const std::vector<renderer::FrameSample> samples =
      frame_samples(gpu.samples, scenario, scene::evaluate(scenario, plan.timing.time_of(f)), plan.timing.step_s,
                    extent.width, extent.height, camera_within_shot(scenario, plan.camera));
  std::string shot;
  camera_for(scenario, plan.camera, samples.front().snapshot, &shot);
  times.evaluate_ms += ms_since(t0);
  t0 = std::chrono::steady_clock::now();
  renderer::LinearFrame linear;
  render_frame_samples(*gpu.renderer, samples, extent, false, &linear);
  times.render_ms += ms_since(t0);
  t0 = std::chrono::steady_clock::now();
  write_exr_frame(
      expand_frame_pattern(outputs.pattern, f), linear, *gpu.crypto,
      exr_info(scenario, f, samples.front().snapshot.presentation_s, outputs.rate, samples.front().camera, shot));
  times.write_ms += ms_since(t0);
}

// After the frames: validation errors (3) and an interruption (130) end the run; else a summary.
int report_rendering(const FilmOutputs& outputs, const FilmRenderer& gpu, const Progress& progress,
                     const RenderTimes& times, std::size_t todo) {
  if (gpu.context && gpu.context->validation_errors() > 0) {
    std::fprintf(stderr, "siege render: %u Vulkan validation error(s)\n", gpu.context->validation_errors());
    return 3;
  }
  if (stop_requested()) {
    std::fprintf(stderr,
                 "siege render: stopped after %lld of %zu frames (every finished frame is kept in %s).\n"
                 "  Run the same command again to resume.\n",
                 static_cast<long long>(times.rendered), todo, outputs.frames_dir.string().c_str());
    return 130;
  }
  const std::int64_t rendered = times.rendered;
  if (rendered > 0)
    std::fprintf(
        stderr,
        "siege render: rendered %lld frames in %s (%.2f fps at %ux%u); per frame: evaluate %.0f ms, render %.0f ms, "
        "%swrite PNG %.0f ms (overlapped)\n",
        static_cast<long long>(rendered), format_duration(progress.elapsed_s()).c_str(), progress.rate(), outputs.width,
        outputs.height, times.evaluate_ms / rendered, times.render_ms / rendered,
        outputs.ssaa > 1 ? "downsample + " : "", times.write_ms / rendered);
  return 0;
}

// --camera-out: the camera of every frame of this run, rendered now or before. A farm slice
// writes its own slice file; the join takes the slices' records and evaluates only what no
// slice had, writes the one file in the chosen format, then removes the slices.
void export_cameras(const RenderArgs& args, const FilmOutputs& outputs, const FilmPlan& plan,
                    const scene::Scenario& scenario) {
  CameraTrack track{scenario.id, outputs.rate, outputs.width, outputs.height, {}};
  const CameraSlices slices = args.task >= 0 ? CameraSlices{} : read_camera_slices(args.camera_out, track);
  std::size_t merged = 0;
  auto from_slice = slices.frames.begin();
  for (const std::int64_t f : plan.mine) {
    while (from_slice != slices.frames.end() && from_slice->frame < f) ++from_slice;
    if (from_slice != slices.frames.end() && from_slice->frame == f) {
      track.frames.push_back(*from_slice);
      ++merged;
      continue;
    }
    CameraRecord record;
    record.frame = f;
    record.t = plan.timing.time_of(f);
    // A shot's focal length decides its field of view for the frame's shape, as the renderer draws it.
    record.camera =
        scene::with_lens_fov(camera_for(scenario, plan.camera, scene::evaluate(scenario, record.t), &record.shot),
                             static_cast<float>(outputs.width) / static_cast<float>(outputs.height));
    track.frames.push_back(record);
  }
  const std::string path =
      args.task >= 0 ? camera_slice_path(args.camera_out, args.task, args.chunks) : args.camera_out;
  if (args.task >= 0)
    write_camera_slice(path, track);
  else
    write_camera_file(path, track);
  std::error_code ec;
  for (const std::string& slice : slices.paths) fs::remove(slice, ec);
  std::fprintf(stderr, "siege render: cameras of %zu frames written to %s", track.frames.size(), path.c_str());
  if (!slices.paths.empty()) std::fprintf(stderr, " (%zu merged from %zu slice files)", merged, slices.paths.size());
  std::fprintf(stderr, "\n");
}

// What this run leaves on disk, for a PNG sequence and for a farm slice.
void report_frames(const RenderArgs& args, const FilmOutputs& outputs, const FilmPlan& plan) {
  if (!outputs.video) {
    std::printf("wrote %zu frames to %s (%ux%u, %s fps)\n", plan.mine.size(), args.out.c_str(), outputs.width,
                outputs.height, outputs.rate.text().c_str());
    std::fflush(stdout);
  }
  if (args.task >= 0)
    std::printf("slice %d of %d done: %zu frames in %s; join with the same command without --task/--chunks\n",
                args.task, args.chunks, plan.mine.size(), outputs.frames_dir.string().c_str());
}

}  // namespace

int render_frames(const RenderArgs& args, const FilmOutputs& outputs, const FilmPlan& plan,
                  const scene::Scenario& scenario, JobEta& eta) {
  install_stop_handler();
  const std::vector<std::int64_t> todo = frames_to_render(args, outputs, plan);
  FilmRenderer gpu;
  bool legend_written = false;
  eta.start_rendering(static_cast<std::int64_t>(todo.size()));
  Progress progress("rendering", static_cast<std::int64_t>(todo.size()), &eta);
  RenderTimes times;
  {
    FrameWriter writer;         // PNGs are written while the next frame renders
    CaptionLayerWriter layers;  // and so are the caption layers (--captions separate)
    for (const std::int64_t f : todo) {
      if (stop_requested()) break;
      if (!gpu.renderer) gpu.start(args, outputs, scenario);
      if (outputs.exr)
        render_exr_frame(gpu, outputs, plan, scenario, f, times);
      else
        writer.submit(render_frame(gpu, outputs, plan, scenario, f, legend_written, times));
      if (captions_separate(args.captions))  // the caption layer beside the clean plate
        layers.submit(*gpu.captions, scene::evaluate(scenario, plan.timing.time_of(f)), outputs.width, outputs.height,
                      outputs.ssaa,
                      caption_layer_path(args.out, outputs.video, expand_frame_pattern(outputs.pattern, f), f));
      ++times.rendered;
      eta.frame_rendered();
      const std::string t = std::to_string(plan.timing.time_of(f));
      progress.update(times.rendered, "frame " + std::to_string(f) + ", t=" + t.substr(0, t.find('.') + 3));
    }
    writer.drain();
    layers.drain();
    progress.finish();
    times.write_ms += writer.write_ms();
  }
  if (const int status = report_rendering(outputs, gpu, progress, times, todo.size()); status != 0) return status;
  if (!args.camera_out.empty()) export_cameras(args, outputs, plan, scenario);
  report_frames(args, outputs, plan);
  return 0;
}

}  // namespace app::film
