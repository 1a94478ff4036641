// Step 2 of a film (film_steps.h): with the scenario loaded, the part of it the film covers,
// the presentation second of each frame, the camera, and the frames this run renders.
#include <cstdio>
#include <optional>

#include "app/film/film_steps.h"
#include "scene/sim/shot.h"

namespace app::film {

namespace {

// --camera: a shot of the scenario, a fixed "x,y,z:tx,ty,tz[:fov]", or (empty) the director's.
FilmCamera choose_camera(const RenderArgs& args, const scene::Scenario& scenario) {
  FilmCamera camera;
  camera.text = "director";
  if (args.camera.empty()) return camera;
  if (const scene::Shot* shot = scenario.shot(args.camera)) {
    camera.kind = FilmCamera::Shot;
    camera.shot = shot;
    camera.text = "shot:" + shot->id;
  } else if (scene::parse_camera(args.camera.c_str(), camera.fixed)) {
    camera.kind = FilmCamera::Fixed;
    camera.text = "fixed:" + args.camera;
  } else {
    std::string ids;
    for (const scene::Shot& s : scenario.shots) ids += (ids.empty() ? "" : ", ") + s.id;
    throw BadArgs("--camera \"" + args.camera + "\" is neither a shot of the scenario (" + ids +
                  ") nor \"x,y,z:tx,ty,tz[:fov]\" in metres");
  }
  return camera;
}

// --frames, or every frame of the film.
std::vector<std::int64_t> select_frames(const RenderArgs& args, const FilmTiming& timing) {
  if (!args.frames.empty()) {
    std::string error;
    auto parsed = parse_frame_spec(args.frames, timing.frame_count, &error);
    if (!parsed) throw BadArgs(error);
    return std::move(*parsed);
  }
  std::vector<std::int64_t> selected(static_cast<size_t>(timing.frame_count));
  for (std::int64_t f = 0; f < timing.frame_count; ++f) selected[static_cast<size_t>(f)] = f;
  return selected;
}

}  // namespace

FilmPlan plan_film(const RenderArgs& args, const FilmOutputs& outputs, const scene::Scenario& scenario) {
  std::string error;
  const std::optional<FilmSpan> span = args.shot.empty() ? resolve_phase_span(scenario, args.phase, &error)
                                                         : resolve_shot_span(scenario, args.shot, &error);
  if (!span) throw BadArgs(error);
  const std::optional<FilmTiming> timing = plan_timing(*span, outputs.rate, args.speed, args.duration_s, &error);
  if (!timing) throw BadArgs(error);
  FilmPlan plan{*span, *timing, choose_camera(args, scenario), {}, {}};
  plan.selected = select_frames(args, plan.timing);
  plan.mine = args.chunks > 0 ? slice_frames(plan.selected, args.task, args.chunks) : plan.selected;
  return plan;
}

void announce_plan(const RenderArgs& args, const FilmOutputs& outputs, const FilmPlan& plan,
                   const scene::Scenario& scenario) {
  const FilmSpan& span = plan.span;
  const FilmTiming& timing = plan.timing;
  const double speed = timing.step_s * outputs.rate.fps();
  std::fprintf(
      stderr, "siege render: %s, %s (%.2f-%.2f s): %lld frames at %s fps = %.2f s of film (%.3gx), %ux%u%s, %s -> %s\n",
      scenario.title.en.c_str(), span.label.c_str(), span.start_s, span.end_s,
      static_cast<long long>(timing.frame_count), outputs.rate.text().c_str(), timing.film_seconds(), speed,
      outputs.width, outputs.height,
      outputs.ssaa > 1 ? (" (SSAA " + std::to_string(outputs.ssaa) + "x" + std::to_string(outputs.ssaa) + ")").c_str()
                       : "",
      plan.camera.text == "director" ? "director's cameras" : plan.camera.text.c_str(), args.out.c_str());
  if (args.chunks > 0) {
    if (plan.mine.empty())
      std::fprintf(stderr, "siege render: slice %d of %d is empty (%zu frames selected)\n", args.task, args.chunks,
                   plan.selected.size());
    else
      std::fprintf(stderr, "siege render: slice %d of %d: frames %lld-%lld (%zu of %zu)\n", args.task, args.chunks,
                   static_cast<long long>(plan.mine.front()), static_cast<long long>(plan.mine.back()),
                   plan.mine.size(), plan.selected.size());
  }
  if (!outputs.ffmpeg_line.empty())
    std::fprintf(stderr, "siege render: encoding with %s\n", outputs.ffmpeg_line.c_str());
}

void print_dry_run(const FilmOutputs& outputs, const FilmPlan& plan) {
  std::printf("frames %lld selected %zu this-run %zu size %ux%u fps %s step %.9g start %.9g\n",
              static_cast<long long>(plan.timing.frame_count), plan.selected.size(), plan.mine.size(), outputs.width,
              outputs.height, outputs.rate.text().c_str(), plan.timing.step_s, plan.timing.start_s);
}

scene::Camera camera_for(const scene::Scenario& scenario, const FilmCamera& mode, const scene::Snapshot& snapshot,
                         std::string* shot_id) {
  const scene::Shot* shot = mode.kind == FilmCamera::Shot ? mode.shot : nullptr;
  if (mode.kind == FilmCamera::Fixed) {
    if (shot_id) shot_id->clear();
    return mode.fixed;
  }
  if (!shot) shot = scene::current_shot(scenario, scenario.phases.empty() ? -1 : snapshot.phase);
  if (!shot) {
    if (shot_id) shot_id->clear();
    return snapshot.camera;
  }
  if (shot_id) *shot_id = shot->id;
  return scene::sample_shot(scenario, *shot,
                            scene::shot_progress(scenario, *shot, snapshot.presentation_s, snapshot.phase_progress),
                            snapshot.units);
}

}  // namespace app::film
