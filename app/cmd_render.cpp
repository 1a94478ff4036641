// siege render: a frame of a scenario, headless, to a PNG (work in progress).
#include <CLI/CLI.hpp>

#include "app/commands.h"

namespace app {
void add_render_command(CLI::App& app, int& exit_code) {
  CLI::App* cmd = app.add_subcommand("render", "Render a scenario headless to an image file");
  cmd->callback([&exit_code] { exit_code = 1; });
}
}  // namespace app
