// siege render: a frame of a scenario, headless, to a PNG (and its ID matte on request); with a
// film output (.mp4/.mov/.mkv or a frame pattern) the film path in render_film.cpp.
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "app/core/caption_layout.h"
#include "app/core/display_transform.h"
#include "app/core/film_plan.h"
#include "app/core/load_or_report.h"
#include "app/core/time_spec.h"
#include "app/film/caption_layer.h"
#include "app/film/exr_writer.h"
#include "app/film/frame_samples.h"
#include "app/film/output_files.h"
#include "app/film/render_args.h"
#include "app/overlay/caption_pass.h"
#include "renderer/context.h"
#include "renderer/gpu_vertex.h"
#include "renderer/image_io.h"
#include "renderer/renderer.h"
#include "scene/load/load.h"
#include "scene/model/clock.h"
#include "scene/sim/evaluate.h"
#include "scene/sim/hours.h"
#include "scene/sim/shot.h"

namespace app {

namespace {

double ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// --size and --aov, before anything is loaded. False (and a message) if either is wrong.
bool check_frame_args(const RenderArgs& args, std::uint32_t& width, std::uint32_t& height) {
  if (!parse_size(args.size, width, height)) {
    std::fprintf(stderr, "siege render: --size \"%s\" is not WIDTHxHEIGHT with each side 16..8192 (e.g. 1280x720)\n",
                 args.size.c_str());
    return false;
  }
  if (!args.aov.empty() && args.aov != "id") {
    std::fprintf(stderr, "siege render: --aov \"%s\" is not known; the one AOV so far is \"id\"\n", args.aov.c_str());
    return false;
  }
  if (captions_wanted(args) || captions_separate(args.captions))
    if (const CaptionFrame fit = caption_frame(width, height); !fit.fits) {
      std::fprintf(stderr, "siege render: %s\n", fit.reason.c_str());
      return false;
    }
  if (const std::string error = sample_args_error(args); !error.empty()) {
    std::fprintf(stderr, "siege render: %s\n", error.c_str());
    return false;
  }
  return true;
}

// --time: the scenario at that instant, at the hour typed for a date-time; else at the hour
// of --shot where that shot sets one. Nullopt (and a message) if it names no instant.
std::optional<scene::Snapshot> snapshot_at(const RenderArgs& args, const scene::Scenario& scenario) {
  std::string error;
  std::optional<scene::Snapshot> snapshot = snapshot_for_time(scenario, args.time, &error);
  if (!snapshot) {
    std::fprintf(stderr, "siege render: --time: %s\n", error.c_str());
    return std::nullopt;
  }
  const scene::Shot* shot = args.shot.empty() ? nullptr : scenario.shot(args.shot);
  float hour = 0;
  if (shot && !scene::hour_in_time_spec(scenario, args.time) && scene::apply_rule(shot->hour, snapshot->day, hour))
    scene::set_hour(scenario, *snapshot, hour);
  return snapshot;
}

// --camera, else --shot, else the overview shot; nullopt (and a message) if neither is valid.
std::optional<scene::Camera> camera_of(const RenderArgs& args, const scene::Scenario& scenario,
                                       const scene::Snapshot& snapshot) {
  scene::Camera camera;
  if (!args.camera.empty()) {
    if (!scene::parse_camera(args.camera.c_str(), camera)) {
      std::fprintf(stderr,
                   "siege render: --camera \"%s\" is not \"x,y,z:tx,ty,tz[:fov]\" (metres; fov in degrees, 1..170)\n",
                   args.camera.c_str());
      return std::nullopt;
    }
    return camera;
  }
  const scene::Shot* shot = args.shot.empty() ? scenario.overview_shot() : scenario.shot(args.shot);
  if (!shot) {
    std::string ids;
    for (const scene::Shot& s : scenario.shots) ids += (ids.empty() ? "" : ", ") + s.id;
    std::fprintf(stderr, "siege render: --shot \"%s\" is not a shot of %s; its shots are: %s\n", args.shot.c_str(),
                 args.scenario.c_str(), ids.c_str());
    return std::nullopt;
  }
  return scene::sample_shot(scenario, *shot,
                            scene::shot_progress(scenario, *shot, snapshot.presentation_s, snapshot.phase_progress),
                            snapshot.units);
}

renderer::ContextOptions context_options(const RenderArgs& args) {
  renderer::ContextOptions options = renderer::ContextOptions::from_environment();
  if (args.validation) options.validation = options.require_validation = true;
  if (!args.device.empty()) options.device = args.device;
  return options;
}

// --captions: burnt in through the renderer's overlay hook; null when not wanted.
std::unique_ptr<CaptionPass> add_captions(const RenderArgs& args, renderer::Context& context,
                                          const scene::Scenario& scenario, std::uint32_t width, std::uint32_t height,
                                          renderer::Renderer& renderer) {
  if (!captions_wanted(args) && !captions_separate(args.captions)) return nullptr;
  auto captions = std::make_unique<CaptionPass>(context, scenario, caption_frame(width, height), args.legend);
  if (captions_wanted(args))
    renderer.options().overlay = [pass = captions.get()](VkCommandBuffer cmd, renderer::RenderTarget& target,
                                                         const scene::Snapshot& s) { pass->record(cmd, target, s); };
  return captions;
}

// The PNG, and with --aov id its matte <stem>.id.png and legend <stem>.id.json.
void write_frame_files(const std::filesystem::path& out, const renderer::FrameImage& frame, bool with_ids,
                       const scene::World& world) {
  renderer::write_png_rgb(out, frame.width, frame.height, frame.rgba);
  if (with_ids) {
    std::filesystem::path stem = out.parent_path() / out.stem();
    renderer::write_id_png(stem.string() + ".id.png", frame.width, frame.height, frame.ids);
    write_id_legend(stem.string() + ".id.json", world.objects);
  }
}

// What was written, when it shows, and where the time went.
void print_frame_report(const std::filesystem::path& out, std::uint32_t width, std::uint32_t height,
                        const scene::Scenario& scenario, const scene::Snapshot& snapshot,
                        const renderer::FrameStats& stats, double load_ms) {
  const scene::Phase& phase = scenario.phases[static_cast<size_t>(snapshot.phase)];
  const int minutes = static_cast<int>(std::lround(snapshot.hour * 60.0f)) % (24 * 60);
  std::printf("wrote %s (%ux%u) — %s, %02d:%02d solar time, %s, t=%.2f s\n", out.string().c_str(), width, height,
              scene::format_day(snapshot.day, scenario.calendar).c_str(), minutes / 60, minutes % 60,
              phase.title.en.c_str(), snapshot.presentation_s);
  std::printf(
      "  %llu triangles; load+evaluate %.0f ms, build %.1f ms, record %.1f ms, render %.1f ms, readback %.1f ms\n",
      static_cast<unsigned long long>(stats.triangles), load_ms, stats.build_ms, stats.record_ms, stats.gpu_ms,
      stats.readback_ms);
}

// The static world's size in triangles, and in GPU memory.
void print_static_world(const scene::World& world) {
  std::size_t camp_triangles = 0;
  for (const scene::Mesh& m : world.camps) camp_triangles += m.triangle_count();
  std::printf("  static world: ground %zu triangles at full detail, structures %zu, water %zu, camps %zu\n",
              world.ground.full_triangles(), world.structures.triangle_count(), world.water.triangle_count(),
              camp_triangles);
  // What upload_static puts on the GPU for them: packed vertices (renderer/gpu_vertex.h) and indices.
  std::size_t static_vertices = 0, static_indices = 0;
  for (const scene::Mesh* m : {&world.ground.mesh, &world.structures, &world.water}) {
    static_vertices += m->vertices.size();
    static_indices += m->indices.size();
  }
  constexpr double kMiB = 1024.0 * 1024.0;
  std::printf("  static world buffers: %zu vertices %.1f MiB (%.1f MiB as scene::Vertex), indices %.1f MiB\n",
              static_vertices, static_cast<double>(static_vertices * sizeof(renderer::GpuVertex)) / kMiB,
              static_cast<double>(static_vertices * sizeof(scene::Vertex)) / kMiB,
              static_cast<double>(static_indices * sizeof(std::uint32_t)) / kMiB);
}

// One frame: arguments, the scene at --time through its camera, render, write, report.
int run_render(const RenderArgs& args) {
  std::uint32_t width = 0, height = 0;
  if (!check_frame_args(args, width, height)) return 2;
  common::DisplayLut display;
  try {
    display = bake_display_lut({args.ocio, args.view});
  } catch (const std::runtime_error& e) {
    std::fprintf(stderr, "siege render: %s\n", e.what());
    return 2;
  }

  const auto start = std::chrono::steady_clock::now();
  const std::optional<scene::Scenario> loaded = load_or_report(args.scenario, "siege render");
  if (!loaded) return 1;
  const scene::Scenario& scenario = *loaded;
  const std::optional<scene::Snapshot> snapshot = snapshot_at(args, scenario);
  if (!snapshot) return 2;
  const std::optional<scene::Camera> camera = camera_of(args, scenario, *snapshot);
  if (!camera) return 2;
  const double load_ms = ms_since(start);

  renderer::Context context(context_options(args));
  renderer::Renderer renderer(context, scenario);
  renderer.set_display_lut(display);
  renderer.options().exposure = args.exposure;
  renderer.options().preset = args.preset == "interactive" ? renderer::Preset::Interactive : renderer::Preset::Film;
  const std::unique_ptr<CaptionPass> captions = add_captions(args, context, scenario, width, height, renderer);
  const bool with_ids = args.aov == "id";
  // Sub-samples over a 24 fps frame's shutter about --time (frame_samples.h: at its hour).
  const std::vector<renderer::FrameSample> samples = frame_samples(
      sample_settings(args), scenario, *snapshot, 1.0 / 24.0, width, height, [&](const scene::Snapshot& s) {
        return s.presentation_s == snapshot->presentation_s ? *camera : *camera_of(args, scenario, s);
      });
  const bool exr = std::filesystem::path(args.out).extension() == ".exr";
  renderer::LinearFrame linear;
  const renderer::FrameImage frame =
      render_frame_samples(renderer, samples, {width, height}, with_ids, exr ? &linear : nullptr);
  const renderer::FrameStats stats = renderer.last_stats();

  if (exr)  // scene-linear, with depth, normals and Cryptomatte (docs/EXPORT.md)
    write_exr_frame(args.out, linear, crypto_names(renderer.world().objects),
                    exr_info(scenario, 0, snapshot->presentation_s, FrameRate{}, *camera, args.shot));
  else
    write_frame_files(args.out, frame, with_ids, renderer.world());
  if (captions_separate(args.captions))  // --captions separate: <stem>.captions.png, straight alpha
    write_caption_layer(*captions, *snapshot, width, height, 1, caption_layer_path(args.out, false, args.out, 0));
  print_frame_report(args.out, width, height, scenario, *snapshot, stats, load_ms);
  print_static_world(renderer.world());
  if (context.validation_errors() > 0) {
    std::fprintf(stderr, "siege render: %u Vulkan validation error(s)\n", context.validation_errors());
    return 3;
  }
  return 0;
}

// Before either path, nothing created: the scenario file is there and --out is a kind of file
// siege writes (never a PNG under another name). Empty, or why not.
std::string check_scenario_and_out(const RenderArgs& args) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(args.scenario, ec))
    return "the scenario " + args.scenario + " is not there (" +
           (std::filesystem::exists(args.scenario, ec) ? "not a file" : "no such file") + ")";
  std::string ext = std::filesystem::path(args.out).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!is_film_output(args.out) && ext != ".png" && ext != ".exr")
    return "--out \"" + args.out +
           "\" is not a kind of file siege writes: a frame (.png, or .exr in scene-linear light), a video (.mp4 "
           "H.264, .mov ProRes, .mkv H.264), or a frame pattern (out/frame_%05d.png, out/frame_%05d.exr)";
  if (ext == ".exr" && !is_film_output(args.out) && !args.aov.empty())
    return "--aov " + args.aov + " with an OpenEXR frame: its Cryptomatte layers are the mattes";
  return {};
}

}  // namespace

bool captions_wanted(const RenderArgs& args) {
  if (args.captions == "on") return true;
  if (args.captions != "auto" || !is_film_output(args.out)) return false;
  if (std::filesystem::path(args.out).extension() == ".exr") return false;  // plates in scene-linear light
  std::uint32_t width = 0, height = 0;  // auto: only in frames they fit (a tiny test film has none)
  return parse_size(args.size, width, height) && caption_frame(width, height).fits;
}

// One line per option of `siege render`: long, but the options read best as one table.
void add_render_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<RenderArgs>();
  CLI::App* cmd =
      app.add_subcommand("render", "Render a frame of a scenario to a PNG, or a film to video or a PNG sequence");
  cmd->footer(
      "Exit status: 0 done; 1 a scenario that does not load, or a failure while writing; 2 a bad or missing argument "
      "(nothing is created); 3 Vulkan validation errors; 130 interrupted (run the same command again to resume).");
  // The last of a repeated option wins, so scripts can append to a user's arguments.
  cmd->option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  cmd->add_option("scenario", args->scenario, "Scenario file (assets/scenarios/caizhou.json)")->required();
  cmd->add_option("-o,--out", args->out,
                  "Output: a PNG (one frame), a video (.mp4 H.264, .mov ProRes 422 HQ, .mkv), or a PNG or OpenEXR "
                  "sequence pattern (out/frame_%05d.png, out/frame_%05d.exr)")
      ->capture_default_str();
  cmd->add_option("--size", args->size, "WIDTHxHEIGHT (a film: up to 3840x2160)")->capture_default_str();
  cmd->add_option("-t,--time", args->time,
                  "One frame: presentation seconds, a phase id, or a date YYYY-MM-DD[Thh:mm] (a time of day "
                  "shows that local solar hour)")
      ->capture_default_str();
  cmd->add_option("--camera", args->camera,
                  "x,y,z:tx,ty,tz[:fov] in metres, or (film) a shot id to see the whole film through (default: the "
                  "overview for one frame, the director's shots for a film)");
  cmd->add_option(
      "--shot", args->shot,
      "One frame: a named shot instead of the overview. Film: render only these shots of the director's cut "
      "(\"3\", \"3-5\", or a shot id)");
  cmd->add_option("--aov", args->aov, "Also write an AOV: \"id\" writes <stem>.id.png and <stem>.id.json");
  cmd->add_option("--device", args->device, "Vulkan device by index or part of its name");
  cmd->add_option("--exposure", args->exposure, "Exposure multiplier")->capture_default_str();
  cmd->add_option("--preset", args->preset,
                  "film (finer shadow cascades; the default) or interactive (the viewer's budget)")
      ->check(CLI::IsMember({"interactive", "film"}))
      ->capture_default_str();
  cmd->add_option("--ocio", args->ocio,
                  "OpenColorIO config for the display transform (default: $OCIO, else the shipped one)");
  cmd->add_option("--view", args->view, "The config's view, as DISPLAY/VIEW or VIEW (default: the config's default)");
  cmd->add_flag("--validation", args->validation, "Enable Vulkan validation layers (exit 3 on any error)");
  cmd->add_option("--captions", args->captions,
                  "Burn in captions and phase titles: on, off, auto (films on, single frames off), or "
                  "separate (clean frames and an RGBA caption layer, <frame>.captions.png, beside each)")
      ->check(CLI::IsMember({"on", "off", "auto", "separate"}))
      ->capture_default_str();
  cmd->add_flag("--legend", args->legend, "With captions: also burn in the factions' legend");
  cmd->add_option("--samples", args->samples,
                  "Sub-samples per frame, 1-64: anti-aliasing, motion blur, depth of field (default: film preset " +
                      std::to_string(kFilmPresetSamples) + ", interactive 1)");
  cmd->add_option("--shutter", args->shutter_deg,
                  "Shutter angle in degrees, 0-360: 180 is open half the frame, centred on its time")
      ->capture_default_str();
  // Film options.
  cmd->add_option("--fps", args->fps, "Film: frames per second (24, 25, 30, 23.976, 30000/1001)")
      ->capture_default_str();
  cmd->add_option("--frames", args->frames, "Film: only these frames, 0-based (0-299,450)");
  cmd->add_option("--phase", args->phase, "Film: only these phases (famine, 3, 3-5, baitian-famine)");
  cmd->add_option("--duration", args->duration_s, "Film: length in seconds; the presentation is compressed into it");
  cmd->add_option("--speed", args->speed, "Film: presentation seconds per film second (default 1)");
  cmd->add_option("--ssaa", args->ssaa, "Film: supersampling factor 1-4 (renders N times larger, box-filters down)")
      ->capture_default_str();
  cmd->add_option(
      "--codec", args->codec,
      "Film: h264 or prores (ProRes 422 HQ or --prores 4444, in .mov); default: prores for .mov, else h264");
  cmd->add_option("--also", args->also,
                  "Film: also encode these videos from the same frames (caizhou.mp4; .mov is ProRes)")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_option("--crf", args->crf, "Film: H.264 quality, 0 (lossless) to 51")->capture_default_str();
  cmd->add_option("--prores", args->prores, "Film: ProRes flavour of a .mov, 422hq or 4444 (with the frames' alpha)")
      ->capture_default_str();
  cmd->add_option("--timecode", args->timecode,
                  "Film: timecode of the first frame, HH:MM:SS:FF (HH:MM:SS;FF drop-frame at 29.97/59.94); default "
                  "01:00:00:00");
  cmd->add_option("--task", args->task, "Film: render farm slice K (0-based) of --chunks N; frames only, no encoding");
  cmd->add_option("--chunks", args->chunks, "Film: number of farm slices");
  cmd->add_option("--cache", args->cache,
                  "Film: where a video's frames are kept while rendering (default <out>.frames)");
  cmd->add_flag("--keep-frames", args->keep_frames, "Film: keep a video's PNG frames after encoding");
  cmd->add_flag("--overwrite", args->overwrite, "Film: render frames again even if they exist");
  cmd->add_option("--camera-out", args->camera_out,
                  "Film: write every frame's camera to this file: .json (siege), .chan (Nuke) or .usda (USD)");
  cmd->add_flag("--dry-run", args->dry_run, "Film: check the arguments and print the plan, render nothing");
  cmd->callback([args, cmd, &exit_code] {
    try {
      if (const std::string why = check_scenario_and_out(*args); !why.empty()) {
        std::fprintf(stderr, "siege render: %s\n", why.c_str());
        exit_code = 2;
        return;
      }
      if (is_film_output(args->out)) {
        if (cmd->count("--time")) {
          std::fprintf(
              stderr,
              "siege render: --time picks one frame; a film covers its span (use --phase, --shot or --frames)\n");
          exit_code = 2;
          return;
        }
        exit_code = run_film(*args);
        return;
      }
      for (const char* film_only : {"--fps", "--frames", "--phase", "--duration", "--speed", "--ssaa", "--codec",
                                    "--also", "--crf", "--task", "--chunks", "--cache", "--keep-frames", "--overwrite",
                                    "--camera-out", "--dry-run", "--prores", "--timecode"}) {
        if (cmd->count(film_only)) {
          std::fprintf(stderr,
                       "siege render: %s is for films; give --out a video (film.mp4, film.mov) or a frame pattern "
                       "(out/frame_%%05d.png)\n",
                       film_only);
          exit_code = 2;
          return;
        }
      }
      exit_code = run_render(*args);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "siege render: %s\n", e.what());
      exit_code = 1;
    }
  });
}

}  // namespace app
