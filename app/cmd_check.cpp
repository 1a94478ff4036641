// siege check: validate scenario files (implemented by the loader work; placeholder).
#include <CLI/CLI.hpp>

#include "app/commands.h"

namespace app {
void add_check_command(CLI::App& app, int& exit_code) {
  CLI::App* cmd = app.add_subcommand("check", "Validate scenario files");
  cmd->callback([&exit_code] { exit_code = 1; });
}
}  // namespace app
