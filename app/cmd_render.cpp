// siege render: a frame of a scenario, headless, to a PNG (and its ID matte on request).
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "app/commands.h"
#include "renderer/context.h"
#include "renderer/image_io.h"
#include "renderer/renderer.h"
#include "scene/clock.h"
#include "scene/evaluate.h"
#include "scene/load.h"
#include "scene/shot.h"

namespace app {

namespace {

struct RenderArgs {
  std::string scenario;
  std::string out = "frame.png";
  std::string size = "1280x720";
  std::string time = "0";
  std::string camera;
  std::string shot;
  std::string aov;
  std::string device;
  bool validation = false;
  float exposure = 1.0f;
};

bool parse_size(const std::string& text, std::uint32_t& w, std::uint32_t& h) {
  unsigned width = 0, height = 0;
  char x = 0, extra = 0;
  if (std::sscanf(text.c_str(), "%u%c%u%c", &width, &x, &height, &extra) != 3 || (x != 'x' && x != 'X')) return false;
  if (width < 16 || height < 16 || width > 8192 || height > 8192) return false;
  w = width;
  h = height;
  return true;
}

void write_id_legend(const std::filesystem::path& path, const scene::ObjectRegistry& objects) {
  nlohmann::json legend;
  legend["encoding"] = "id = r + 256*g + 65536*b; 0 = nothing";
  nlohmann::json list = nlohmann::json::array();
  for (const scene::ObjectInfo& o : objects.objects())
    list.push_back({{"id", o.id}, {"kind", scene::to_string(o.kind)}, {"name", o.name}, {"entity", o.entity}});
  legend["objects"] = list;
  std::filesystem::path temp = path;
  temp += ".partial";
  {
    std::ofstream file(temp);
    file << legend.dump(2) << '\n';
    if (!file) throw std::runtime_error("cannot write " + path.string());
  }
  std::filesystem::rename(temp, path);
}

int run_render(const RenderArgs& args) {
  std::uint32_t width = 0, height = 0;
  if (!parse_size(args.size, width, height)) {
    std::fprintf(stderr, "siege render: --size \"%s\" is not WIDTHxHEIGHT with each side 16..8192 (e.g. 1280x720)\n", args.size.c_str());
    return 2;
  }
  if (!args.aov.empty() && args.aov != "id") {
    std::fprintf(stderr, "siege render: --aov \"%s\" is not known; the one AOV so far is \"id\"\n", args.aov.c_str());
    return 2;
  }

  const auto start = std::chrono::steady_clock::now();
  scene::LoadResult loaded = scene::load_scenario(args.scenario);
  for (const scene::Diagnostic& d : loaded.warnings) std::fprintf(stderr, "warning: %s\n", d.to_string().c_str());
  if (!loaded.scenario) {
    for (const scene::Diagnostic& d : loaded.errors) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    std::fprintf(stderr, "siege render: %s has %zu error(s); run `siege check %s` after fixing them\n", args.scenario.c_str(),
                 loaded.errors.size(), args.scenario.c_str());
    return 1;
  }
  const scene::Scenario& scenario = *loaded.scenario;

  std::string error;
  const std::optional<double> t = scene::resolve_time(scenario, args.time, &error);
  if (!t) {
    std::fprintf(stderr, "siege render: --time: %s\n", error.c_str());
    return 2;
  }
  const scene::Snapshot snapshot = scene::evaluate(scenario, *t);

  scene::Camera camera;
  if (!args.camera.empty()) {
    if (!scene::parse_camera(args.camera.c_str(), camera)) {
      std::fprintf(stderr, "siege render: --camera \"%s\" is not \"x,y,z:tx,ty,tz[:fov]\" (metres; fov in degrees, 1..170)\n", args.camera.c_str());
      return 2;
    }
  } else {
    const scene::Shot* shot = args.shot.empty() ? scenario.overview_shot() : scenario.shot(args.shot);
    if (!shot) {
      std::string ids;
      for (const scene::Shot& s : scenario.shots) ids += (ids.empty() ? "" : ", ") + s.id;
      std::fprintf(stderr, "siege render: --shot \"%s\" is not a shot of %s; its shots are: %s\n", args.shot.c_str(),
                   args.scenario.c_str(), ids.c_str());
      return 2;
    }
    camera = scene::sample_shot(scenario, *shot, scene::shot_progress(scenario, *shot, snapshot.presentation_s, snapshot.phase_progress), snapshot.units);
  }
  const double load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();

  renderer::ContextOptions options = renderer::ContextOptions::from_environment();
  if (args.validation) options.validation = true;
  if (!args.device.empty()) options.device = args.device;
  renderer::Context context(options);
  renderer::Renderer renderer(context, scenario);
  renderer.options().exposure = args.exposure;
  const bool with_ids = args.aov == "id";
  const renderer::FrameImage frame = renderer.render(snapshot, camera, {width, height}, with_ids);
  const renderer::FrameStats stats = renderer.last_stats();

  const std::filesystem::path out = args.out;
  renderer::write_png_rgb(out, frame.width, frame.height, frame.rgba);
  if (with_ids) {
    std::filesystem::path stem = out.parent_path() / out.stem();
    renderer::write_id_png(stem.string() + ".id.png", frame.width, frame.height, frame.ids);
    write_id_legend(stem.string() + ".id.json", renderer.world().objects);
  }
  const scene::Phase& phase = scenario.phases[static_cast<size_t>(snapshot.phase)];
  std::printf("wrote %s (%ux%u) — %s, %s, t=%.2f s\n", out.string().c_str(), width, height,
              scene::format_day(snapshot.day, scenario.calendar).c_str(), phase.title.en.c_str(), snapshot.presentation_s);
  std::printf("  %llu triangles; load+evaluate %.0f ms, build %.1f ms, record %.1f ms, render %.1f ms, readback %.1f ms\n",
              static_cast<unsigned long long>(stats.triangles), load_ms, stats.build_ms, stats.record_ms, stats.gpu_ms,
              stats.readback_ms);
  if (context.validation_errors() > 0) {
    std::fprintf(stderr, "siege render: %u Vulkan validation error(s)\n", context.validation_errors());
    return 3;
  }
  return 0;
}

}  // namespace

void add_render_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<RenderArgs>();
  CLI::App* cmd = app.add_subcommand("render", "Render a frame of a scenario headless to a PNG");
  cmd->add_option("scenario", args->scenario, "Scenario file (assets/scenarios/caizhou.json)")->required();
  cmd->add_option("-o,--out", args->out, "Output PNG")->capture_default_str();
  cmd->add_option("--size", args->size, "WIDTHxHEIGHT")->capture_default_str();
  cmd->add_option("-t,--time", args->time, "Presentation seconds, a phase id, or a date YYYY-MM-DD")->capture_default_str();
  cmd->add_option("--camera", args->camera, "x,y,z:tx,ty,tz[:fov] in metres (default: the overview shot)");
  cmd->add_option("--shot", args->shot, "A named shot of the scenario instead of the overview");
  cmd->add_option("--aov", args->aov, "Also write an AOV: \"id\" writes <stem>.id.png and <stem>.id.json");
  cmd->add_option("--device", args->device, "Vulkan device by index or part of its name");
  cmd->add_option("--exposure", args->exposure, "Exposure multiplier")->capture_default_str();
  cmd->add_flag("--validation", args->validation, "Enable Vulkan validation layers (exit 3 on any error)");
  cmd->callback([args, &exit_code] {
    try {
      exit_code = run_render(*args);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "siege render: %s\n", e.what());
      exit_code = 1;
    }
  });
}

}  // namespace app
