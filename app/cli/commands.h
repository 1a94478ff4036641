// Each sub-command of `siege` registers itself on the CLI11 app; its callback sets the
// process exit code through the int it is given.
#pragma once

namespace CLI {
class App;
}

namespace app {
void add_render_command(CLI::App& app, int& exit_code);
void add_check_command(CLI::App& app, int& exit_code);
void add_view_command(CLI::App& app, int& exit_code);
void add_bench_command(CLI::App& app, int& exit_code);
}  // namespace app
