// siege render with a film output: fixed time steps, frames written atomically (and skipped
// when already there, so an interrupted export resumes), farm slices, ffmpeg through a pipe.
// docs/EXPORT.md describes the behaviour; app/core/film_plan.* holds the arithmetic.
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/film/camera_export.h"
#include "app/core/film_plan.h"
#include "app/film/ffmpeg_pipe.h"
#include "app/film/frame_writer.h"
#include "app/film/progress.h"
#include "app/film/render_args.h"
#include "renderer/context.h"
#include "renderer/image_io.h"
#include "app/overlay/caption_pass.h"
#include "app/core/load_or_report.h"
#include "app/film/output_files.h"
#include "renderer/renderer.h"
#include "scene/model/clock.h"
#include "scene/sim/evaluate.h"
#include "scene/load/load.h"
#include "scene/sim/shot.h"

namespace fs = std::filesystem;

namespace app {

namespace {

constexpr std::uint32_t kMaxFilmWidth = 3840, kMaxFilmHeight = 2160;
constexpr std::uint32_t kMaxRenderSide = 8192;  // the renderer's limit, after supersampling

volatile std::sig_atomic_t g_stop_requests = 0;

extern "C" void on_stop_signal(int) {
  g_stop_requests = g_stop_requests + 1;
  if (g_stop_requests >= 2) _exit(130);  // a second Ctrl-C: leave now (only *.partial files can be left)
}

void install_stop_handler() {
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);  // Slurm's scancel and time limits send SIGTERM
}

bool stop_requested() { return g_stop_requests > 0; }

struct BadArgs : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::string lower_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

std::string read_file(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

// Creates the directory if needed and proves a file can be created in it.
void check_writable_directory(const fs::path& dir, const std::string& what) {
  const fs::path d = dir.empty() ? fs::path(".") : dir;
  std::error_code ec;
  fs::create_directories(d, ec);
  if (ec || !fs::is_directory(d))
    throw BadArgs("cannot create the directory " + d.string() + " for " + what + (ec ? ": " + ec.message() : ""));
  const fs::path probe = d / (".siege-write-test." + std::to_string(getpid()));
  std::ofstream file(probe);
  const bool ok = static_cast<bool>(file);
  file.close();
  fs::remove(probe, ec);
  if (!ok) throw BadArgs("cannot write in " + d.string() + " (for " + what + "): " + std::strerror(errno));
}

// Box filter of factor n over sRGB pixels, averaged in linear light with integer tables.
std::vector<std::uint8_t> downsample(const std::vector<std::uint8_t>& rgba, std::uint32_t width, std::uint32_t height,
                                     std::uint32_t n) {
  static const auto tables = [] {
    struct Tables {
      std::array<std::uint16_t, 256> to_linear;
      std::vector<std::uint8_t> to_srgb;
    } t;
    for (int i = 0; i < 256; ++i) {
      const double c = i / 255.0;
      const double l = c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
      t.to_linear[static_cast<size_t>(i)] = static_cast<std::uint16_t>(std::lround(l * 65535.0));
    }
    t.to_srgb.resize(65536);
    for (int i = 0; i < 65536; ++i) {
      const double l = i / 65535.0;
      const double c = l <= 0.0031308 ? l * 12.92 : 1.055 * std::pow(l, 1 / 2.4) - 0.055;
      t.to_srgb[static_cast<size_t>(i)] = static_cast<std::uint8_t>(std::clamp(std::lround(c * 255.0), 0L, 255L));
    }
    return t;
  }();
  const std::uint32_t w = width / n, h = height / n, count = n * n;
  std::vector<std::uint8_t> out(static_cast<size_t>(w) * h * 4);
  for (std::uint32_t y = 0; y < h; ++y)
    for (std::uint32_t x = 0; x < w; ++x) {
      std::uint32_t sum[3] = {0, 0, 0};
      for (std::uint32_t sy = 0; sy < n; ++sy) {
        const std::uint8_t* row = &rgba[((static_cast<size_t>(y) * n + sy) * width + static_cast<size_t>(x) * n) * 4];
        for (std::uint32_t sx = 0; sx < n; ++sx)
          for (int c = 0; c < 3; ++c) sum[c] += tables.to_linear[row[sx * 4 + c]];
      }
      std::uint8_t* p = &out[(static_cast<size_t>(y) * w + x) * 4];
      for (int c = 0; c < 3; ++c) p[c] = tables.to_srgb[(sum[c] + count / 2) / count];
      p[3] = 255;
    }
  return out;
}

// Ids cannot be averaged: each output pixel takes the sample nearest its centre.
std::vector<std::uint32_t> downsample_ids(const std::vector<std::uint32_t>& ids, std::uint32_t width, std::uint32_t height,
                                          std::uint32_t n) {
  const std::uint32_t w = width / n, h = height / n;
  std::vector<std::uint32_t> out(static_cast<size_t>(w) * h);
  for (std::uint32_t y = 0; y < h; ++y)
    for (std::uint32_t x = 0; x < w; ++x) out[static_cast<size_t>(y) * w + x] = ids[(static_cast<size_t>(y) * n + n / 2) * width + x * n + n / 2];
  return out;
}

std::string id_path_of(const std::string& frame_path) {
  // frame_00001.png -> frame_00001.id.png
  const fs::path p(frame_path);
  return (p.parent_path() / (p.stem().string() + ".id.png")).string();
}

// How each frame's camera is chosen.
struct CameraMode {
  enum Kind { Director, Shot, Fixed } kind = Director;
  const scene::Shot* shot = nullptr;
  scene::Camera fixed;
  std::string text;  // for the manifest and messages
};

scene::Camera camera_for(const scene::Scenario& scenario, const CameraMode& mode, const scene::Snapshot& snapshot,
                         std::string* shot_id) {
  const scene::Shot* shot = mode.kind == CameraMode::Shot ? mode.shot : nullptr;
  if (mode.kind == CameraMode::Fixed) {
    if (shot_id) shot_id->clear();
    return mode.fixed;
  }
  if (!shot) shot = scene::current_shot(scenario, scenario.phases.empty() ? -1 : snapshot.phase);
  if (!shot) {
    if (shot_id) shot_id->clear();
    return snapshot.camera;
  }
  if (shot_id) *shot_id = shot->id;
  return scene::sample_shot(scenario, *shot, scene::shot_progress(scenario, *shot, snapshot.presentation_s, snapshot.phase_progress),
                            snapshot.units);
}

}  // namespace

bool is_film_output(const std::string& out) {
  const std::string ext = lower_extension(out);
  return ext == ".mp4" || ext == ".mov" || ext == ".mkv" || is_frame_pattern(fs::path(out).filename().string());
}

namespace {

int run_film_checked(const RenderArgs& args) {
  // ---- Arguments that need no scenario.
  std::uint32_t width = 0, height = 0;
  if (!parse_size(args.size, width, height, kMaxFilmWidth, kMaxFilmHeight))
    throw BadArgs("--size \"" + args.size + "\" is not WIDTHxHEIGHT with each side 16 or more, up to 3840x2160 (e.g. 1920x1080)");
  if (args.ssaa < 1 || args.ssaa > 4) throw BadArgs("--ssaa " + std::to_string(args.ssaa) + " must be 1 (off), 2, 3 or 4");
  const std::uint32_t ssaa = static_cast<std::uint32_t>(args.ssaa);
  if (width * ssaa > kMaxRenderSide || height * ssaa > kMaxRenderSide)
    throw BadArgs("--size " + args.size + " with --ssaa " + std::to_string(ssaa) + " renders " + std::to_string(width * ssaa) +
                  "x" + std::to_string(height * ssaa) + ", past the renderer's 8192 per side; use a smaller --ssaa");
  std::string error;
  const std::optional<FrameRate> rate = parse_frame_rate(args.fps, &error);
  if (!rate) throw BadArgs(error);
  if (!args.aov.empty() && args.aov != "id")
    throw BadArgs("--aov \"" + args.aov + "\" is not known; a film can write \"id\" (object-id mattes per frame)");
  const bool with_ids = args.aov == "id";
  if ((args.task >= 0) != (args.chunks > 0))
    throw BadArgs("--task K and --chunks N go together (K from 0 to N-1)");
  if (args.chunks > 0 && (args.task < 0 || args.task >= args.chunks))
    throw BadArgs("--task " + std::to_string(args.task) + " is not between 0 and --chunks-1 = " + std::to_string(args.chunks - 1));
  if (!args.phase.empty() && !args.shot.empty()) throw BadArgs("give --phase or --shot, not both");
  if (args.crf < 0 || args.crf > 51) throw BadArgs("--crf must be 0..51");

  const fs::path out = args.out;
  const std::string ext = lower_extension(out);
  const bool video = ext == ".mp4" || ext == ".mov" || ext == ".mkv";
  std::string codec = args.codec;
  if (video) {
    if (codec.empty()) codec = ext == ".mov" ? "prores" : "h264";
    if (codec != "h264" && codec != "prores") throw BadArgs("--codec \"" + codec + "\" is not h264 or prores");
    if (codec == "prores" && ext == ".mp4") throw BadArgs("ProRes goes in a QuickTime file: use --out NAME.mov (or --codec h264)");
    if (width % 2 || height % 2) throw BadArgs("--size " + args.size + ": video needs an even width and height");
  } else {
    if (!args.codec.empty()) throw BadArgs("--codec applies to video output (.mp4, .mov, .mkv), not to a PNG sequence");
    if (ext != ".png") throw BadArgs("--out \"" + args.out + "\": a frame sequence must be PNG (e.g. out/frame_%05d.png)");
  }
  // The videos to encode: --out if it is one, and every --also.
  struct VideoOut {
    fs::path path;
    std::string codec, ext;
  };
  std::vector<VideoOut> videos;
  if (video) videos.push_back({out, codec, ext});
  for (const std::string& also : args.also) {
    const std::string also_ext = lower_extension(also);
    if (also_ext != ".mp4" && also_ext != ".mov" && also_ext != ".mkv")
      throw BadArgs("--also \"" + also + "\" is not a video (.mp4 H.264, .mov ProRes 422, .mkv H.264)");
    if (fs::path(also) == out) throw BadArgs("--also \"" + also + "\" is --out itself");
    videos.push_back({also, also_ext == ".mov" ? "prores" : "h264", also_ext});
  }
  if (!videos.empty() && (width % 2 || height % 2)) throw BadArgs("--size " + args.size + ": video needs an even width and height");
  const bool encodes = !videos.empty() && args.task < 0 && !args.dry_run;
  // The frames: a video's cache directory, or the user's pattern.
  const fs::path cache = video ? (args.cache.empty() ? fs::path(args.out + ".frames") : fs::path(args.cache)) : fs::path();
  const std::string pattern = video ? (cache / "frame_%06d.png").string() : args.out;
  const fs::path frames_dir = fs::path(pattern).parent_path();
  const fs::path manifest_path = video ? cache / "film.json" : fs::path(replace_frame_field(pattern, "film")).replace_extension(".json");
  const fs::path legend_path = video ? cache / "ids.json" : fs::path(replace_frame_field(pattern, "ids")).replace_extension(".json");

  // ffmpeg before anything is rendered.
  std::string ffmpeg_line;
  if (encodes) {
    ffmpeg_line = ffmpeg_version(&error);
    if (ffmpeg_line.empty())
      throw BadArgs("ffmpeg is needed to write " + videos.front().path.string() + " but " + error +
                    ". Install it (Debian: apt-get install ffmpeg), set SIEGE_FFMPEG to its path, or write a PNG sequence "
                    "with --out DIR/frame_%05d.png");
  }

  // ---- The scenario and the film's plan.
  const std::optional<scene::Scenario> loaded = load_or_report(args.scenario, "siege render");
  if (!loaded) return 1;
  const scene::Scenario& scenario = *loaded;

  const std::optional<FilmSpan> span =
      args.shot.empty() ? resolve_phase_span(scenario, args.phase, &error) : resolve_shot_span(scenario, args.shot, &error);
  if (!span) throw BadArgs(error);
  const std::optional<FilmTiming> timing = plan_timing(*span, *rate, args.speed, args.duration_s, &error);
  if (!timing) throw BadArgs(error);

  CameraMode camera_mode;
  camera_mode.text = "director";
  if (!args.camera.empty()) {
    if (const scene::Shot* shot = scenario.shot(args.camera)) {
      camera_mode.kind = CameraMode::Shot;
      camera_mode.shot = shot;
      camera_mode.text = "shot:" + shot->id;
    } else if (scene::parse_camera(args.camera.c_str(), camera_mode.fixed)) {
      camera_mode.kind = CameraMode::Fixed;
      camera_mode.text = "fixed:" + args.camera;
    } else {
      std::string ids;
      for (const scene::Shot& s : scenario.shots) ids += (ids.empty() ? "" : ", ") + s.id;
      throw BadArgs("--camera \"" + args.camera + "\" is neither a shot of the scenario (" + ids +
                    ") nor \"x,y,z:tx,ty,tz[:fov]\" in metres");
    }
  }

  std::vector<std::int64_t> selected;
  if (args.frames.empty()) {
    selected.resize(static_cast<size_t>(timing->frame_count));
    for (std::int64_t f = 0; f < timing->frame_count; ++f) selected[static_cast<size_t>(f)] = f;
  } else {
    auto parsed = parse_frame_spec(args.frames, timing->frame_count, &error);
    if (!parsed) throw BadArgs(error);
    selected = std::move(*parsed);
  }
  const std::vector<std::int64_t> mine = args.chunks > 0 ? slice_frames(selected, args.task, args.chunks) : selected;

  const double speed = timing->step_s * rate->fps();
  std::fprintf(stderr,
               "siege render: %s, %s (%.2f-%.2f s): %lld frames at %s fps = %.2f s of film (%.3gx), %ux%u%s, %s -> %s\n",
               scenario.title.en.c_str(), span->label.c_str(), span->start_s, span->end_s,
               static_cast<long long>(timing->frame_count), rate->text().c_str(), timing->film_seconds(), speed, width, height,
               ssaa > 1 ? (" (SSAA " + std::to_string(ssaa) + "x" + std::to_string(ssaa) + ")").c_str() : "",
               camera_mode.text == "director" ? "director's cameras" : camera_mode.text.c_str(), args.out.c_str());
  if (args.chunks > 0) {
    if (mine.empty())
      std::fprintf(stderr, "siege render: slice %d of %d is empty (%zu frames selected)\n", args.task, args.chunks, selected.size());
    else
      std::fprintf(stderr, "siege render: slice %d of %d: frames %lld-%lld (%zu of %zu)\n", args.task, args.chunks,
                   static_cast<long long>(mine.front()), static_cast<long long>(mine.back()), mine.size(), selected.size());
  }
  if (!ffmpeg_line.empty()) std::fprintf(stderr, "siege render: encoding with %s\n", ffmpeg_line.c_str());
  if (args.dry_run) {
    std::printf("frames %lld selected %zu this-run %zu size %ux%u fps %s step %.9g start %.9g\n",
                static_cast<long long>(timing->frame_count), selected.size(), mine.size(), width, height, rate->text().c_str(),
                timing->step_s, timing->start_s);
    return 0;
  }

  // Only now, with every argument checked, may folders be created.
  check_writable_directory(frames_dir, "the frames");
  for (const VideoOut& v : videos) check_writable_directory(v.path.parent_path(), v.path.string());
  if (!args.camera_out.empty()) check_writable_directory(fs::path(args.camera_out).parent_path(), args.camera_out);

  // ---- The manifest: frames on disk are reused only if they were made the same way.
  nlohmann::json manifest = {
      {"siege", SIEGE_VERSION},
      {"scenario_fnv1a", fnv1a_hex(read_file(args.scenario))},
      {"width", width},
      {"height", height},
      {"ssaa", ssaa},
      {"fps", rate->text()},
      {"start_s", timing->start_s},
      {"step_s", timing->step_s},
      {"frame_count", timing->frame_count},
      {"camera", camera_mode.text},
      {"exposure", args.exposure},
      {"captions", captions_wanted(args)},
      {"legend", captions_wanted(args) && args.legend},
  };
  {
    std::error_code ec;
    if (fs::exists(manifest_path, ec)) {
      nlohmann::json old = nlohmann::json::parse(read_file(manifest_path), nullptr, false);
      if (old != manifest) {
        if (video && args.task < 0) {
          std::fprintf(stderr, "siege render: %s holds frames made with other settings; starting afresh\n", cache.string().c_str());
          for (const auto& entry : fs::directory_iterator(cache, ec))
            if (entry.path().filename().string().rfind("frame_", 0) == 0) fs::remove(entry.path(), ec);
        } else if (!args.overwrite) {
          throw BadArgs(manifest_path.string() + " says the frames there were made with other settings (" + old.dump() +
                        "); delete them, choose another --out/--cache, or pass --overwrite to render every frame again");
        }
      }
    }
    write_text_atomically(manifest_path, manifest.dump(2) + "\n");
  }

  // ---- Render what is missing.
  install_stop_handler();
  std::vector<std::int64_t> todo;
  for (const std::int64_t f : mine) {
    const std::string path = expand_frame_pattern(pattern, f);
    std::error_code ec;
    const bool done = fs::exists(path, ec) && (!with_ids || fs::exists(id_path_of(path), ec));
    if (args.overwrite || !done) todo.push_back(f);
  }
  if (todo.size() < mine.size())
    std::fprintf(stderr, "siege render: %zu of %zu frames already there (resuming)\n", mine.size() - todo.size(), mine.size());

  std::unique_ptr<renderer::Context> context;
  std::unique_ptr<renderer::Renderer> renderer;
  std::unique_ptr<CaptionPass> captions;  // burnt-in captions; uses the context above
  std::vector<CameraRecord> cameras;
  const bool want_cameras = !args.camera_out.empty();
  bool legend_written = false;
  Progress progress("rendering", static_cast<std::int64_t>(todo.size()));
  std::int64_t rendered = 0;
  double evaluate_ms = 0, render_ms = 0, write_ms = 0;  // where the time goes, for the summary
  FrameWriter writer;  // PNGs are written while the next frame renders
  const auto ms_since = [](std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  };
  for (const std::int64_t f : todo) {
    if (stop_requested()) break;
    if (!renderer) {
      renderer::ContextOptions options = renderer::ContextOptions::from_environment();
      if (args.validation) options.validation = true;
      if (!args.device.empty()) options.device = args.device;
      context = std::make_unique<renderer::Context>(options);
      renderer = std::make_unique<renderer::Renderer>(*context, scenario);
      renderer->options().exposure = args.exposure;
      if (captions_wanted(args)) {
        captions = std::make_unique<CaptionPass>(*context, scenario, height * ssaa, args.legend);
        renderer->options().overlay = [&captions](VkCommandBuffer cmd, renderer::RenderTarget& target, const scene::Snapshot& s) {
          captions->record(cmd, target, s);
        };
      }
    }
    const double t = timing->time_of(f);
    auto t0 = std::chrono::steady_clock::now();
    const scene::Snapshot snapshot = scene::evaluate(scenario, t);
    std::string shot_id;
    const scene::Camera camera = camera_for(scenario, camera_mode, snapshot, &shot_id);
    evaluate_ms += ms_since(t0);
    t0 = std::chrono::steady_clock::now();
    renderer::FrameImage frame = renderer->render(snapshot, camera, {width * ssaa, height * ssaa}, with_ids);
    render_ms += ms_since(t0);
    t0 = std::chrono::steady_clock::now();
    if (ssaa > 1) {
      frame.rgba = downsample(frame.rgba, frame.width, frame.height, ssaa);
      if (with_ids) frame.ids = downsample_ids(frame.ids, frame.width, frame.height, ssaa);
      frame.width /= ssaa;
      frame.height /= ssaa;
    }
    const std::string path = expand_frame_pattern(pattern, f);
    if (with_ids && !legend_written) {
      write_id_legend(legend_path, renderer->world().objects);
      legend_written = true;
    }
    FrameJob job{path, with_ids ? id_path_of(path) : std::string(), frame.width, frame.height, std::move(frame.rgba),
                 std::move(frame.ids)};
    write_ms += ms_since(t0);  // downsampling; the PNG is written on the writer's thread meanwhile
    writer.submit(std::move(job));
    ++rendered;
    progress.update(rendered, "frame " + std::to_string(f) + ", t=" + std::to_string(t).substr(0, std::to_string(t).find('.') + 3));
  }
  writer.drain();
  progress.finish();
  write_ms += writer.write_ms();
  if (context && context->validation_errors() > 0) {
    std::fprintf(stderr, "siege render: %u Vulkan validation error(s)\n", context->validation_errors());
    return 3;
  }
  if (stop_requested()) {
    std::fprintf(stderr,
                 "siege render: stopped after %lld of %zu frames (every finished frame is kept in %s).\n"
                 "  Run the same command again to resume.\n",
                 static_cast<long long>(rendered), todo.size(), frames_dir.string().c_str());
    return 130;
  }
  if (rendered > 0)
    std::fprintf(stderr,
                 "siege render: rendered %lld frames in %s (%.2f fps at %ux%u); per frame: evaluate %.0f ms, render %.0f ms, "
                 "%swrite PNG %.0f ms (overlapped)\n",
                 static_cast<long long>(rendered), format_duration(progress.elapsed_s()).c_str(), progress.rate(), width, height,
                 evaluate_ms / rendered, render_ms / rendered, ssaa > 1 ? "downsample + " : "", write_ms / rendered);

  if (want_cameras) {
    for (const std::int64_t f : mine) {
      const double t = timing->time_of(f);
      const scene::Snapshot snapshot = scene::evaluate(scenario, t);
      CameraRecord record;
      record.frame = f;
      record.t = t;
      record.camera = camera_for(scenario, camera_mode, snapshot, &record.shot);
      cameras.push_back(record);
    }
    write_camera_json(args.camera_out, scenario, *rate, width, height, cameras);
    std::fprintf(stderr, "siege render: cameras of %zu frames written to %s\n", cameras.size(), args.camera_out.c_str());
  }

  if (!video) {
    std::printf("wrote %zu frames to %s (%ux%u, %s fps)\n", mine.size(), args.out.c_str(), width, height, rate->text().c_str());
    std::fflush(stdout);
  }
  if (args.task >= 0) {
    std::printf("slice %d of %d done: %zu frames in %s; join with the same command without --task/--chunks\n", args.task,
                args.chunks, mine.size(), frames_dir.string().c_str());
    return 0;
  }
  if (videos.empty()) return 0;

  // ---- Encode: every selected frame must be there (other slices may have made them).
  std::vector<std::int64_t> missing;
  for (const std::int64_t f : selected) {
    std::error_code ec;
    if (!fs::exists(expand_frame_pattern(pattern, f), ec)) missing.push_back(f);
  }
  if (!missing.empty())
    throw std::runtime_error(std::to_string(missing.size()) + " frame(s) are missing from " + frames_dir.string() + " (first: " +
                             std::to_string(missing.front()) + "); render them (all slices) first");

  for (const VideoOut& v : videos) {
    fs::path temp = v.path;
    temp += ".partial";
    std::vector<std::string> ff = {"-hide_banner", "-loglevel", "error", "-nostdin", "-y",
                                   "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", std::to_string(width) + "x" + std::to_string(height),
                                   "-framerate", rate->text(), "-i", "-",
                                   "-sws_flags", "bicubic+accurate_rnd+full_chroma_int+bitexact"};
    if (v.codec == "h264") {
      ff.insert(ff.end(), {"-vf", "scale=out_color_matrix=bt709:out_range=tv,format=yuv420p", "-c:v", "libx264", "-preset",
                           "medium", "-crf", std::to_string(args.crf), "-threads", "4", "-pix_fmt", "yuv420p"});
    } else {
      ff.insert(ff.end(), {"-vf", "scale=out_color_matrix=bt709:out_range=tv,format=yuv422p10le", "-c:v", "prores_ks",
                           "-profile:v", "2", "-vendor", "apl0", "-pix_fmt", "yuv422p10le"});
    }
    ff.insert(ff.end(), {"-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709", "-color_range", "tv",
                         "-r", rate->text(), "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact"});
    if (v.ext == ".mp4" || v.ext == ".mov") ff.insert(ff.end(), {"-movflags", "+faststart"});
    ff.insert(ff.end(), {"-f", v.ext == ".mkv" ? "matroska" : v.ext == ".mov" ? "mov" : "mp4", temp.string()});

    bool ok = true;
    int status = 0;
    Progress encoding("encoding " + v.path.filename().string(), static_cast<std::int64_t>(selected.size()));
    {
      FfmpegPipe pipe(ffmpeg_program(), ff);
      std::vector<std::uint8_t> rgb(static_cast<size_t>(width) * height * 3);
      std::int64_t done = 0;
      for (const std::int64_t f : selected) {
        if (stop_requested()) {
          ok = false;
          break;
        }
        const std::string path = expand_frame_pattern(pattern, f);
        const renderer::RgbaImage image = renderer::read_png(path);
        if (image.width != width || image.height != height)
          throw std::runtime_error(path + " is " + std::to_string(image.width) + "x" + std::to_string(image.height) + ", not " +
                                   std::to_string(width) + "x" + std::to_string(height));
        for (size_t i = 0, n = static_cast<size_t>(width) * height; i < n; ++i)
          for (int c = 0; c < 3; ++c) rgb[i * 3 + c] = image.pixels[i * 4 + c];
        if (!pipe.write(rgb.data(), rgb.size())) {
          ok = false;
          break;
        }
        encoding.update(++done, "frame " + std::to_string(f));
      }
      status = pipe.finish();
    }
    encoding.finish();
    if (!ok || status != 0) {
      std::error_code ec;
      fs::remove(temp, ec);
      if (stop_requested()) {
        std::fprintf(stderr, "siege render: stopped while encoding; the frames are kept in %s. Run the same command again to finish.\n",
                     frames_dir.string().c_str());
        return 130;
      }
      throw std::runtime_error("ffmpeg failed (exit status " + std::to_string(status) + ") writing " + v.path.string() +
                               "; the frames are kept in " + frames_dir.string());
    }
    std::error_code ec;
    fs::rename(temp, v.path, ec);
    if (ec) throw std::runtime_error("cannot rename " + temp.string() + " to " + v.path.string() + ": " + ec.message());
    std::printf("wrote %s (%zu frames, %ux%u, %s fps, %.2f s, %s)\n", fs::absolute(v.path).lexically_normal().string().c_str(),
                selected.size(), width, height, rate->text().c_str(), static_cast<double>(selected.size()) / rate->fps(),
                v.codec == "prores" ? "ProRes 422" : "H.264");
    std::fflush(stdout);
  }
  if (video && !args.keep_frames && !with_ids) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(cache, ec)) {
      const std::string name = entry.path().filename().string();
      if (name.rfind("frame_", 0) == 0 || name == "film.json") fs::remove(entry.path(), ec);
    }
    fs::remove(cache, ec);  // only if empty
  }
  return 0;
}

}  // namespace

int run_film(const RenderArgs& args) {
  try {
    return run_film_checked(args);
  } catch (const BadArgs& e) {
    std::fprintf(stderr, "siege render: %s\n", e.what());
    return 2;
  }
}

}  // namespace app
