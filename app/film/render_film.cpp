// siege render with a film output: fixed time steps, frames written atomically (and skipped
// when already there, so an interrupted export resumes), farm slices, ffmpeg through a pipe.
// docs/EXPORT.md describes the behaviour; app/core/film_plan.* holds the arithmetic, and
// film_steps.h the five steps this file runs in order.
#include <cstdio>
#include <optional>

#include "app/core/load_or_report.h"
#include "app/film/caption_film.h"
#include "app/film/caption_layer.h"
#include "app/film/film_steps.h"
#include "app/film/render_args.h"

namespace app {

namespace {

int run_film_checked(const RenderArgs& args) {
  const film::FilmOutputs outputs = film::check_arguments(args);
  const std::optional<scene::Scenario> scenario = load_or_report(args.scenario, "siege render");
  if (!scenario) return 1;

  const film::FilmPlan plan = film::plan_film(args, outputs, *scenario);
  film::announce_plan(args, outputs, plan, *scenario);
  if (args.dry_run) {
    film::print_dry_run(outputs, plan);
    return 0;
  }

  const film::ManifestDecision manifest = film::check_manifest(args, outputs, plan);
  film::create_output_folders(args, outputs);  // only now, with every check passed
  film::write_manifest(outputs, manifest);
  const std::size_t videos = outputs.videos.size() + (captions_separate(args.captions) && outputs.video ? 1 : 0);
  JobEta eta(outputs.width, outputs.height, outputs.encodes ? videos : 0, plan.selected.size());
  if (const int status = film::render_frames(args, outputs, plan, *scenario, eta); status != 0) return status;
  if (!outputs.encodes) return 0;
  if (const int status = film::encode_videos(args, outputs, plan, eta); status != 0) return status;
  return captions_separate(args.captions) ? film::encode_caption_film(args, outputs, plan, eta) : 0;
}

}  // namespace

int run_film(const RenderArgs& args) {
  try {
    return run_film_checked(args);
  } catch (const film::BadArgs& e) {
    std::fprintf(stderr, "siege render: %s\n", e.what());
    return 2;
  }
}

}  // namespace app
