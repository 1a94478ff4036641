// siege bench: headless frames of the Caizhou scenario along fixed camera paths, at 1k, 10k,
// 50k and 100k soldiers, with the troop pass's figures and side-by-side ratios measured in
// the same run. A benchmark, not a test: it prints figures and never fails on them.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "app/cli/commands.h"
#include "app/core/film_plan.h"
#include "app/core/load_or_report.h"
#include "renderer/context.h"
#include "renderer/image_compare.h"
#include "renderer/image_io.h"
#include "renderer/renderer.h"
#include "scene/load/load.h"
#include "scene/model/clock.h"
#include "scene/sim/evaluate.h"

namespace app {

namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct BenchArgs {
  std::string scenario = "assets/scenarios/caizhou.json";
  std::string counts = "1000,10000,50000,100000";
  int frames = 6;
  bool json = false;
  bool quick = false;    // skip the slow baselines (per-unit draws, LOD off) above 10k
  std::string images;    // if set: write the fast path's frames here, to look at what was timed
  bool profile = false;  // also time the fast path without each pass in turn
  std::string size = "1280x720";
  bool shots = false;  // the phases' director's shots at the scenario's own men per figure
};

float aspect_of(VkExtent2D extent) { return static_cast<float>(extent.width) / static_cast<float>(extent.height); }

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const double i = p * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<size_t>(std::floor(i));
  const size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (v[hi] - v[lo]) * (i - static_cast<double>(lo));
}

// One configuration's frames.
struct Series {
  std::vector<double> frame_ms, evaluate_ms, upload_ms, record_ms, render_ms, readback_ms;
  std::uint64_t soldiers = 0, drawn = 0, splatted = 0, triangles = 0, troop_triangles = 0, shadow_triangles = 0;
  std::uint64_t still_world = 0;  // frames that reused the kept world (renderer/still_world.h)
  std::vector<renderer::RgbaImage> images;
  nlohmann::json summary() const {
    const auto p50 = [](const std::vector<double>& v) { return percentile(v, 0.5); };
    const double n = frame_ms.empty() ? 1.0 : static_cast<double>(frame_ms.size());
    return {{"frame_ms_p50", p50(frame_ms)},
            {"frame_ms_p95", percentile(frame_ms, 0.95)},
            {"evaluate_ms_p50", p50(evaluate_ms)},
            {"upload_ms_p50", p50(upload_ms)},
            {"record_ms_p50", p50(record_ms)},
            {"render_ms_p50", p50(render_ms)},
            {"readback_ms_p50", p50(readback_ms)},
            {"soldiers", static_cast<double>(soldiers) / n},
            {"soldiers_drawn", static_cast<double>(drawn) / n},
            {"soldiers_splatted", static_cast<double>(splatted) / n},  // of those drawn, by compute
            {"triangles", static_cast<double>(triangles) / n},
            {"troop_triangles", static_cast<double>(troop_triangles) / n},
            {"shadow_triangles", static_cast<double>(shadow_triangles) / n},
            {"still_world_frames", still_world}};
  }
};

struct Frame {
  double t = 0;
  scene::Camera camera;
};

// The army's centre and radius at one instant (soldiers' positions).
void army_bounds(const scene::Snapshot& snap, glm::vec3& centre, float& radius) {
  glm::vec3 sum(0);
  for (const scene::Soldier& s : snap.soldiers) sum += s.position;
  centre = snap.soldiers.empty() ? glm::vec3(0) : sum / static_cast<float>(snap.soldiers.size());
  std::vector<float> d;
  d.reserve(snap.soldiers.size());
  for (const scene::Soldier& s : snap.soldiers)
    d.push_back(glm::length(glm::vec2(s.position.x - centre.x, s.position.z - centre.z)));
  radius = d.empty() ? 100.0f : std::max(100.0f, static_cast<float>(percentile({d.begin(), d.end()}, 0.98)));
}

// The instant with the most men at 1:1: the middle of the phase with the largest army.
struct Busiest {
  double t = 0;
  size_t men = 0;
};
Busiest busiest_instant(const scene::Scenario& base) {
  Busiest busiest;
  for (int p = 0; p < static_cast<int>(base.phases.size()); ++p) {
    const double t = scene::phase_start_s(base, p) + 0.5 * base.phases[static_cast<size_t>(p)].duration_s;
    const size_t n = scene::evaluate(base, t).soldiers.size();
    if (n > busiest.men) {
      busiest.men = n;
      busiest.t = t;
    }
  }
  return busiest;
}

constexpr int kMaxFrames = 10'000;  // frames per series

// --counts "1000,10000": the soldier counts to measure, each 1..kMaxCount; empty on bad text.
constexpr unsigned long kMaxCount = 10'000'000;
std::vector<std::uint32_t> parse_counts(const std::string& text) {
  std::vector<std::uint32_t> counts;
  for (size_t pos = 0; pos <= text.size();) {
    const size_t comma = text.find(',', pos);
    const std::string item = text.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    if (item.empty() || item.find_first_not_of("0123456789") != std::string::npos || item.size() > 8) return {};
    const unsigned long n = std::stoul(item);
    if (n == 0 || n > kMaxCount) return {};
    counts.push_back(static_cast<std::uint32_t>(n));
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  return counts;
}

// Camera path: a quarter orbit around the army, framing all of it.
std::vector<Frame> orbit_path(const scene::Snapshot& first, double t0, int count) {
  glm::vec3 centre;
  float radius = 0;
  army_bounds(first, centre, radius);
  std::vector<Frame> frames;
  for (int i = 0; i < count; ++i) {
    const float a = 0.6f + 1.5708f * static_cast<float>(i) / static_cast<float>(std::max(count - 1, 1));
    Frame f;
    f.t = t0 + 0.1 * i;
    f.camera.fov_deg = 50;
    const float distance = radius / std::sin(glm::radians(f.camera.fov_deg * 0.5f)) * 0.75f;
    f.camera.position =
        centre + glm::vec3(std::cos(a) * distance * 0.8f, distance * 0.6f, std::sin(a) * distance * 0.8f);
    f.camera.target = centre;
    f.camera.near_m = 2;
    frames.push_back(f);
  }
  return frames;
}

// The still camera: the path's first camera throughout while the army moves on (a lecture).
std::vector<Frame> still_camera(std::vector<Frame> path) {
  for (Frame& f : path) f.camera = path.front().camera;
  return path;
}

// The quarter view: the same cameras narrowed until a quarter of the army is in view.
std::vector<Frame> quarter_view(std::vector<Frame> quarter, const scene::Snapshot& first, VkExtent2D extent) {
  for (Frame& f : quarter) {
    float lo = 2, hi = f.camera.fov_deg;
    const auto total = static_cast<double>(first.soldiers.size());
    for (int it = 0; it < 18; ++it) {
      f.camera.fov_deg = 0.5f * (lo + hi);
      const double seen = renderer::TroopPass::count_visible(first, f.camera, aspect_of(extent)) / std::max(total, 1.0);
      (seen > 0.25 ? hi : lo) = f.camera.fov_deg;
    }
  }
  return quarter;
}

// One configuration's frames along `path`, after one warm-up frame (pipelines, first touch of
// buffers); the renderer's options are restored afterwards.
Series run_series(renderer::Renderer& r, const scene::Scenario& scenario, const std::vector<Frame>& path,
                  VkExtent2D extent, renderer::TroopOptions troop, bool world, bool keep) {
  r.troops().options() = troop;
  r.options().world = world;
  Series s;
  r.render(scene::evaluate(scenario, path.front().t), path.front().camera, extent, false);
  for (const Frame& f : path) {
    const auto start = Clock::now();
    const scene::Snapshot snap = scene::evaluate(scenario, f.t);
    const double evaluate_ms = ms_since(start);
    renderer::FrameImage image = r.render(snap, f.camera, extent, false);
    s.frame_ms.push_back(ms_since(start));
    const renderer::FrameStats& st = r.last_stats();
    s.evaluate_ms.push_back(evaluate_ms);
    s.upload_ms.push_back(st.build_ms + st.troops_ms);
    s.record_ms.push_back(st.record_ms - st.troops_ms);
    s.render_ms.push_back(st.gpu_ms);
    s.readback_ms.push_back(st.readback_ms);
    s.soldiers += snap.soldiers.size();
    s.drawn += st.soldiers_drawn;
    s.splatted += r.troops().stats().splatted;
    s.triangles += st.triangles;
    s.troop_triangles += st.troop_triangles;
    s.shadow_triangles += st.shadow_triangles;
    s.still_world += st.still_world ? 1 : 0;
    if (keep) s.images.push_back({image.width, image.height, std::move(image.rgba)});
  }
  r.troops().options() = {};
  r.options().world = true;
  return s;
}

// --images: the fast path's frames, to look at what was timed.
void write_images(const std::string& folder, std::uint32_t target, const Series& fast) {
  std::filesystem::create_directories(folder);
  for (size_t i = 0; i < fast.images.size(); ++i) {
    const auto& im = fast.images[i];
    char name[64];
    std::snprintf(name, sizeof name, "bench_%u_%02zu.png", target, i);
    renderer::write_png_rgb(std::filesystem::path(folder) / name, im.width, im.height, im.pixels);
  }
}

// The slow baselines beside the fast path: per-unit draws at full detail, and LOD off (with
// how far its pictures are from the fast path's).
void measure_baselines(renderer::Renderer& r, const scene::Scenario& scenario, const std::vector<Frame>& frames,
                       VkExtent2D extent, const Series& fast, nlohmann::json& run) {
  const double fast_p50 = percentile(fast.frame_ms, 0.5);
  renderer::TroopOptions naive;
  naive.per_unit_draws = true;
  const Series per_unit = run_series(r, scenario, frames, extent, naive, true, false);
  run["per_unit_full_detail"] = per_unit.summary();
  run["ratio_fast_vs_per_unit"] = percentile(per_unit.frame_ms, 0.5) / fast_p50;
  renderer::TroopOptions no_lod;
  no_lod.lod = false;
  const Series lod_off = run_series(r, scenario, frames, extent, no_lod, true, true);
  double psnr_min = 1e9;
  for (size_t i = 0; i < lod_off.images.size() && i < fast.images.size(); ++i)
    psnr_min = std::min(psnr_min, renderer::compare(fast.images[i], lod_off.images[i]).psnr_db);
  run["lod_off"] = lod_off.summary();
  run["ratio_lod_on_vs_off"] = percentile(lod_off.frame_ms, 0.5) / fast_p50;
  run["psnr_lod_on_vs_off_db_min"] = std::isinf(psnr_min) ? 99.0 : psnr_min;
}

// What pass `pass` costs the frames along `frames`: each drawn whole and, right after, without
// the pass, and the median of what the frame saved. A CPU driver bins vertices on one thread
// while others shade, so passes overlap and timestamps between them say little: what a frame
// saves without a pass is what the pass costs it. Pairing each frame with its whole twin keeps
// a busy machine's drift out of the difference.
double pass_saving(renderer::Renderer& r, const std::vector<scene::Snapshot>& snapshots,
                   const std::vector<Frame>& frames, VkExtent2D extent, renderer::Pass pass) {
  const auto time_frame = [&](const scene::Snapshot& snap, const scene::Camera& camera) {
    const auto start = Clock::now();
    r.render(snap, camera, extent, false);
    return ms_since(start);
  };
  std::vector<double> saved;
  for (std::size_t i = 0; i < frames.size(); ++i) {
    r.options().skip = 0;
    const double whole = time_frame(snapshots[i], frames[i].camera);
    r.options().skip = 1u << static_cast<std::uint32_t>(pass);
    saved.push_back(whole - time_frame(snapshots[i], frames[i].camera));
  }
  r.options().skip = 0;
  return percentile(saved, 0.5);
}

std::vector<scene::Snapshot> snapshots_of(const scene::Scenario& scenario, const std::vector<Frame>& frames) {
  std::vector<scene::Snapshot> snapshots;
  for (const Frame& f : frames) snapshots.push_back(scene::evaluate(scenario, f.t));
  return snapshots;
}

// Where the fast path's time goes: what each pass in turn costs its frames (pass_saving).
nlohmann::json profile_passes(renderer::Renderer& r, const std::vector<scene::Snapshot>& snapshots,
                              const std::vector<Frame>& frames, VkExtent2D extent) {
  nlohmann::json passes = nlohmann::json::array();
  for (std::uint32_t p = 0; p < static_cast<std::uint32_t>(renderer::Pass::Count); ++p) {
    const auto pass = static_cast<renderer::Pass>(p);
    passes.push_back(
        {{"pass", renderer::to_string(pass)}, {"saves_ms", pass_saving(r, snapshots, frames, extent, pass)}});
  }
  return passes;
}

// One soldier count: the fast path, the baselines, the quarter view and the minimal frame.
nlohmann::json measure_count(const BenchArgs& args, renderer::Context& context, const scene::Scenario& base,
                             const Busiest& busiest, std::uint32_t target, VkExtent2D extent) {
  scene::Scenario scenario = base;
  scenario.settings.soldiers_per_figure = static_cast<float>(busiest.men) / static_cast<float>(target);
  renderer::Renderer r(context, scenario);
  const scene::Snapshot first = scene::evaluate(scenario, busiest.t);
  const std::vector<Frame> frames = orbit_path(first, busiest.t, args.frames);
  const std::vector<Frame> quarter = quarter_view(frames, first, extent);

  const Series fast = run_series(r, scenario, frames, extent, {}, true, true);
  if (!args.images.empty()) write_images(args.images, target, fast);
  nlohmann::json run;
  run["soldiers_target"] = target;
  run["frames"] = args.frames;
  run["soldiers_per_figure"] = scenario.settings.soldiers_per_figure;
  run["fast"] = fast.summary();
  const double fast_p50 = percentile(fast.frame_ms, 0.5);
  if (!args.quick || target <= 10000) measure_baselines(r, scenario, frames, extent, fast, run);
  const Series q = run_series(r, scenario, quarter, extent, {}, true, false);
  run["quarter_view"] = q.summary();
  run["quarter_fov_deg"] = quarter.front().camera.fov_deg;
  run["ratio_quarter_vs_all"] = percentile(q.frame_ms, 0.5) / fast_p50;
  // The troop pass's own cost, all of the army in view and a quarter: the whole frames' ratio
  // above is mostly the world's, which the narrower view does not make cheaper.
  const std::vector<scene::Snapshot> snapshots = snapshots_of(scenario, frames);  // once, not once a pass
  const double troops_all = pass_saving(r, snapshots, frames, extent, renderer::Pass::Troops);
  const double troops_quarter =
      pass_saving(r, snapshots_of(scenario, quarter), quarter, extent, renderer::Pass::Troops);
  run["troop_pass_ms"] = troops_all;
  run["troop_pass_quarter_ms"] = troops_quarter;
  run["ratio_quarter_vs_all_troop_pass"] = troops_quarter / std::max(troops_all, 0.1);
  renderer::TroopOptions flat;
  flat.flat = true;
  const Series minimal = run_series(r, scenario, frames, extent, flat, false, false);
  // The viewer keeps a still camera's world (renderer/still_world.h); the series above draw it.
  r.options().still_world = true;
  const Series still = run_series(r, scenario, still_camera(frames), extent, {}, true, false);
  r.options().still_world = false;
  run["still_camera"] = still.summary();
  run["ratio_still_vs_fast"] = percentile(still.frame_ms, 0.5) / fast_p50;
  if (args.profile) run["profile"] = profile_passes(r, snapshots, frames, extent);
  run["minimal_flat_troops_only"] = minimal.summary();
  run["ratio_whole_vs_minimal"] = fast_p50 / percentile(minimal.frame_ms, 0.5);
  return run;
}

// --shots: the pictures a lecturer plays, one series a phase: the director's shot of that
// phase from its middle, frames 0.1 s apart, the scenario's own men per figure, the
// interactive preset (the viewer's frame without its window and panels).
nlohmann::json measure_shots(const BenchArgs& args, renderer::Context& context, const scene::Scenario& scenario,
                             VkExtent2D extent) {
  renderer::Renderer r(context, scenario);
  nlohmann::json shots = nlohmann::json::array();
  for (int p = 0; p < static_cast<int>(scenario.phases.size()); ++p) {
    const scene::Phase& phase = scenario.phases[static_cast<size_t>(p)];
    const double t0 = scene::phase_start_s(scenario, p) + 0.5 * phase.duration_s;
    std::vector<Frame> path;
    for (int i = 0; i < args.frames; ++i) {
      Frame f;
      f.t = t0 + 0.1 * i;
      f.camera = scene::evaluate(scenario, f.t).camera;  // the director's camera of the moment
      path.push_back(f);
    }
    const Series s = run_series(r, scenario, path, extent, {}, true, !args.images.empty());
    if (!args.images.empty()) write_images(args.images, static_cast<std::uint32_t>(p), s);
    nlohmann::json shot = {{"phase", phase.id}, {"presentation_s", t0}, {"fast", s.summary()}};
    if (args.profile) shot["profile"] = profile_passes(r, snapshots_of(scenario, path), path, extent);
    shots.push_back(shot);
  }
  return shots;
}

void print_profile(const nlohmann::json& profile) {
  std::printf("    what each pass costs (median of what a frame saves without it), ms:");
  for (const nlohmann::json& p : profile)
    std::printf(" %s %.1f |", p["pass"].get<std::string>().c_str(), p["saves_ms"].get<double>());
  std::printf("\n");
}

void print_shots(const nlohmann::json& shots) {
  for (const nlohmann::json& shot : shots) {
    const nlohmann::json& f = shot["fast"];
    std::printf(
        "  %-14s frame p50 %7.1f ms  p95 %7.1f ms | drawn %7.0f | triangles %9.0f | evaluate %.1f | render %.1f ms\n",
        shot["phase"].get<std::string>().c_str(), f["frame_ms_p50"].get<double>(), f["frame_ms_p95"].get<double>(),
        f["soldiers_drawn"].get<double>(), f["triangles"].get<double>(), f["evaluate_ms_p50"].get<double>(),
        f["render_ms_p50"].get<double>());
    if (shot.contains("profile")) print_profile(shot["profile"]);
  }
  std::fflush(stdout);
}

// One count's figures as text.
void print_run(const nlohmann::json& run) {
  const nlohmann::json& f = run["fast"];
  std::printf("\n== %u soldiers (ratio %.3f men per figure; %.0f in the snapshot) ==\n",
              run["soldiers_target"].get<std::uint32_t>(), run["soldiers_per_figure"].get<float>(),
              f["soldiers"].get<double>());
  std::printf(
      "  fast path        frame p50 %7.1f ms  p95 %7.1f ms | drawn %7.0f, splatted %7.0f | triangles %9.0f (troops "
      "%9.0f; shadow map %.0f)\n",
      f["frame_ms_p50"].get<double>(), f["frame_ms_p95"].get<double>(), f["soldiers_drawn"].get<double>(),
      f["soldiers_splatted"].get<double>(), f["triangles"].get<double>(), f["troop_triangles"].get<double>(),
      f["shadow_triangles"].get<double>());
  std::printf("    per stage p50: evaluate %.1f | upload %.1f | record %.1f | render %.1f | readback %.1f ms\n",
              f["evaluate_ms_p50"].get<double>(), f["upload_ms_p50"].get<double>(), f["record_ms_p50"].get<double>(),
              f["render_ms_p50"].get<double>(), f["readback_ms_p50"].get<double>());
  for (const char* key :
       {"per_unit_full_detail", "lod_off", "quarter_view", "minimal_flat_troops_only", "still_camera"}) {
    if (!run.contains(key)) continue;
    const nlohmann::json& s = run[key];
    std::printf("  %-16s frame p50 %7.1f ms  p95 %7.1f ms | drawn %7.0f | triangles %9.0f\n", key,
                s["frame_ms_p50"].get<double>(), s["frame_ms_p95"].get<double>(), s["soldiers_drawn"].get<double>(),
                s["triangles"].get<double>());
  }
  if (run.contains("ratio_fast_vs_per_unit"))
    std::printf("  ratios: per-unit/fast %.2fx (goal >= 3) | LOD off/on %.2fx at PSNR %.1f dB (goal >= 3x, >= 30 dB)\n",
                run["ratio_fast_vs_per_unit"].get<double>(), run["ratio_lod_on_vs_off"].get<double>(),
                run["psnr_lod_on_vs_off_db_min"].get<double>());
  std::printf("          quarter/all %.2fx (goal <= 0.4; fov %.1f deg) | whole/minimal %.2fx\n",
              run["ratio_quarter_vs_all"].get<double>(), run["quarter_fov_deg"].get<double>(),
              run["ratio_whole_vs_minimal"].get<double>());
  std::printf("          troop pass %.1f ms, a quarter in view %.1f ms: %.2fx\n", run["troop_pass_ms"].get<double>(),
              run["troop_pass_quarter_ms"].get<double>(), run["ratio_quarter_vs_all_troop_pass"].get<double>());
  if (run.contains("profile")) print_profile(run["profile"]);
  std::printf("          still camera/fast %.2fx (%.0f of %zu frames on the kept world)\n",
              run["ratio_still_vs_fast"].get<double>(), run["still_camera"]["still_world_frames"].get<double>(),
              run["frames"].get<std::size_t>());
  std::fflush(stdout);
}

int run_bench(const BenchArgs& args) {
  const std::vector<std::uint32_t> counts = parse_counts(args.counts);
  if (counts.empty()) {
    std::fprintf(stderr, "siege bench: --counts \"%s\" is not a comma-separated list of soldier counts 1..%lu\n",
                 args.counts.c_str(), kMaxCount);
    return 2;
  }
  if (args.frames < 1 || args.frames > kMaxFrames) {
    std::fprintf(stderr, "siege bench: --frames %d is not a number of frames 1..%d\n", args.frames, kMaxFrames);
    return 2;
  }
  VkExtent2D extent{};
  if (!parse_size(args.size, extent.width, extent.height)) {
    std::fprintf(stderr, "siege bench: --size \"%s\" is not WIDTHxHEIGHT with each side 16..8192 (e.g. 3840x2160)\n",
                 args.size.c_str());
    return 2;
  }
  const std::optional<scene::Scenario> loaded = load_or_report(args.scenario, "siege bench");
  if (!loaded) return 1;
  const scene::Scenario& base = *loaded;

  renderer::Context context(renderer::ContextOptions::from_environment());
  nlohmann::json report;
  report["device"] = context.describe();
  report["scenario"] = base.id;
  report["resolution"] = args.size;
  report["frames_per_series"] = args.frames;
  report["runs"] = nlohmann::json::array();
  if (!args.json) std::printf("siege bench: %s at %s\n", base.id.c_str(), args.size.c_str());
  if (args.shots) {
    report["shots"] = measure_shots(args, context, base, extent);
    if (!args.json) print_shots(report["shots"]);
  } else {
    // The counts' instant: the shots have their own, one a phase.
    const Busiest busiest = busiest_instant(base);
    report["presentation_s"] = busiest.t;
    report["men_at_1to1"] = busiest.men;
    for (const std::uint32_t target : counts) {
      report["runs"].push_back(measure_count(args, context, base, busiest, target, extent));
      if (!args.json) print_run(report["runs"].back());
    }
  }
  if (args.json) std::printf("%s\n", report.dump(2).c_str());
  if (context.validation_errors() > 0) {
    std::fprintf(stderr, "siege bench: %u Vulkan validation error(s)\n", context.validation_errors());
    return 3;
  }
  return 0;
}

}  // namespace

void add_bench_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<BenchArgs>();
  CLI::App* cmd = app.add_subcommand("bench", "Benchmark the troop pass: frame times and ratios at 1k..100k soldiers");
  cmd->add_option("scenario", args->scenario, "Scenario file")->capture_default_str();
  cmd->add_option("--counts", args->counts, "Soldier counts, comma-separated")->capture_default_str();
  cmd->add_option("--frames", args->frames, "Frames per camera path")->capture_default_str();
  cmd->add_flag("--json", args->json, "Print the figures as one JSON object");
  cmd->add_flag("--quick", args->quick, "Skip the slow baselines above 10k soldiers");
  cmd->add_option("--images", args->images, "Write the fast path's frames to this folder as PNGs");
  cmd->add_option("--size", args->size, "Frame size WIDTHxHEIGHT")->capture_default_str();
  cmd->add_flag("--profile", args->profile, "Also time the fast path without each pass in turn: what each costs");
  cmd->add_flag("--shots", args->shots,
                "Instead of the counts: each phase's director's shot at the scenario's own men per figure");
  cmd->callback([args, &exit_code] {
    try {
      exit_code = run_bench(*args);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "siege bench: %s\n", e.what());
      exit_code = 1;
    }
  });
}

}  // namespace app
