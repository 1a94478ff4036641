// siege: the visualizer's one executable. Sub-commands live in app/cmd_*.cpp.
#include <malloc.h>

#include <cstdio>
#include <exception>

#include <CLI/CLI.hpp>

#include "app/cli/commands.h"

int main(int argc, char** argv) {
  // lavapipe allocates and frees its per-frame vertex memory every frame; with glibc's
  // defaults those blocks go back to the kernel (unmapped or trimmed) and fault back in the
  // next frame. Keep them: never trim the heap, and map only blocks above 32 MiB directly.
  // Set before any Vulkan device exists (docs/BENCHMARK.md has the before and after).
  mallopt(M_TRIM_THRESHOLD, 0x7fffffff);
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  CLI::App app{"siege: a real-time 3D visualizer of the sieges of Caizhou (1233-34) and Taiyuan (1125-26)"};
  app.set_version_flag("--version", std::string("siege ") + SIEGE_VERSION);
  app.require_subcommand(1);

  int exit_code = 0;
  app::add_render_command(app, exit_code);
  app::add_check_command(app, exit_code);
  app::add_view_command(app, exit_code);
  app::add_bench_command(app, exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; a missing or malformed argument exits 2, as bad arguments do.
    return app.exit(e) == 0 ? 0 : 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "siege: %s\n", e.what());
    return 1;
  }
  return exit_code;
}
