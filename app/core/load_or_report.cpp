#include "app/core/load_or_report.h"

#include <cstdio>

#include "scene/load/load.h"

namespace app {

std::optional<scene::Scenario> load_or_report(const std::string& path, const char* command) {
  scene::LoadResult loaded = scene::load_scenario(path);
  for (const scene::Diagnostic& d : loaded.warnings) std::fprintf(stderr, "warning: %s\n", d.to_string().c_str());
  if (!loaded.scenario) {
    for (const scene::Diagnostic& d : loaded.errors) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    std::fprintf(stderr, "%s: %s has %zu error(s); run `siege check %s` after fixing them\n", command, path.c_str(),
                 loaded.errors.size(), path.c_str());
  }
  return std::move(loaded.scenario);
}

}  // namespace app
