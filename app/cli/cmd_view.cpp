// siege view: the interactive viewer.
#include <cstdio>

#include <CLI/CLI.hpp>

#include "app/cli/commands.h"
#include "app/core/display_transform.h"
#include "app/core/load_or_report.h"
#include "app/viewer/viewer.h"
#include "scene/load/load.h"

namespace app {

namespace {

struct ViewArgs {
  std::string scenario = "assets/scenarios/caizhou.json";
  std::string size = "1280x720";
  std::string script;
  std::string time;
  std::string device;
  std::string shot;
  std::string log;
  std::string ocio, view;  // the display transform (app/core/display_transform.h)
  float render_scale = 0;
  bool fullscreen = false;
  bool no_vsync = false;
  bool validation = false;
};

int run_view(const ViewArgs& args) {
  ViewerOptions options;
  options.scenario_path = args.scenario;
  if (std::sscanf(args.size.c_str(), "%dx%d", &options.width, &options.height) != 2 || options.width < 64 ||
      options.height < 64) {
    std::fprintf(stderr, "siege view: --size \"%s\" is not WIDTHxHEIGHT (at least 64x64)\n", args.size.c_str());
    return 2;
  }
  if (!args.script.empty()) {
    std::string error;
    options.script = load_script(args.script, error);
    if (!options.script) {
      std::fprintf(stderr, "siege view: --script: %s\n", error.c_str());
      return 2;
    }
  }
  options.time = args.time;
  options.shot = args.shot;
  options.log_path = args.log;
  options.render_scale = args.render_scale;
  options.device = args.device;
  options.fullscreen = args.fullscreen;
  options.vsync = !args.no_vsync && !options.script;  // a script steps as fast as it can
  options.validation = args.validation;
  try {
    options.display = bake_display_lut({args.ocio, args.view});
  } catch (const std::runtime_error& e) {
    std::fprintf(stderr, "siege view: %s\n", e.what());
    return 2;
  }

  const std::optional<scene::Scenario> loaded = load_or_report(args.scenario, "siege view");
  if (!loaded) return 1;
  Viewer viewer(*loaded, options);
  return viewer.run();
}

}  // namespace

void add_view_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ViewArgs>();
  CLI::App* cmd = app.add_subcommand("view", "Open the interactive viewer (timeline, cameras, lecture mode)");
  cmd->add_option("scenario", args->scenario, "Scenario file")->capture_default_str();
  cmd->add_option("--size", args->size, "Window size WIDTHxHEIGHT")->capture_default_str();
  cmd->add_option("-t,--time", args->time, "Start at presentation seconds, a phase id, or a date YYYY-MM-DD");
  cmd->add_option("--script", args->script, "Run a scripted session (see docs/VIEWER.md) and quit");
  cmd->add_option("--shot", args->shot, "Start on this named shot of the scenario");
  cmd->add_option("--log", args->log,
                  "Write the viewer's state as JSON lines (after each scripted event, and at exit)");
  cmd->add_option("--device", args->device, "Vulkan device by index or part of its name");
  cmd->add_option(
      "--render-scale", args->render_scale,
      "Render the scene at this fraction of the window's pixels (0.25..1); default: automatic, aiming at 12-24 fps");
  cmd->add_option("--ocio", args->ocio,
                  "OpenColorIO config for the display transform (default: $OCIO, else the shipped one)");
  cmd->add_option("--view", args->view, "The config's view, as DISPLAY/VIEW or VIEW (default: the config's default)");
  cmd->add_flag("--fullscreen", args->fullscreen, "Start in the full-screen presentation mode");
  cmd->add_flag("--no-vsync", args->no_vsync, "Present as fast as possible");
  cmd->add_flag("--validation", args->validation, "Enable Vulkan validation layers (exit 3 on any error)");
  cmd->callback([args, &exit_code] {
    try {
      exit_code = run_view(*args);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "siege view: %s\n", e.what());
      exit_code = 1;
    }
  });
}

}  // namespace app
