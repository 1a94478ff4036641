// siege check FILE...: validate scenario files the way the viewer loads them, print every
// error and warning (one per line, file:line:column first, so editors can jump to them),
// then one summary line per file. Exit 1 if any file has an error.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/cli/commands.h"
#include "scene/load/load.h"

namespace app {

namespace {

std::string plural(std::size_t n, const char* noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

// 112000 -> "112,000"
std::string thousands(long long n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return (n < 0 ? "-" : "") + digits;
}

// "t.json:3:5: warning: /x: message": the error form with the word an editor looks for.
std::string warning_line(const scene::Diagnostic& d) {
  scene::Diagnostic located = d;
  located.pointer.clear();
  located.message.clear();
  std::string prefix = located.to_string();  // "file:line:col: "
  return prefix + "warning: " + (d.pointer.empty() ? "" : d.pointer + ": ") + d.message;
}

// Soldiers at their greatest strength, unit by unit; civilians are not soldiers.
long long soldiers(const scene::Scenario& s) {
  double total = 0;
  for (const scene::Unit& unit : s.units) {
    if (unit.kind == scene::UnitKind::Civilians) continue;
    float peak = 0;
    for (const auto& key : unit.strength.keys) peak = std::max(peak, key.v);
    total += peak;
  }
  return static_cast<long long>(total + 0.5);
}

std::string summary(const scene::Scenario& s) {
  std::string line = plural(s.phases.size(), "phase") + ", " + plural(s.units.size(), "unit") + " (" +
                     thousands(soldiers(s)) + " soldiers), " + plural(s.shots.size(), "shot");
  if (!s.phases.empty())
    line += ", " + scene::format_iso(s.phases.front().start.day, s.calendar) + " .. " +
            scene::format_iso(s.phases.back().end.day, s.calendar);
  return line;
}

// Checks one file; returns whether it has no errors.
bool check_file(const std::string& file) {
  const scene::LoadResult result = scene::load_scenario(file);
  for (const scene::Diagnostic& d : result.errors) std::fprintf(stderr, "%s\n", d.to_string().c_str());
  for (const scene::Diagnostic& d : result.warnings) std::fprintf(stderr, "%s\n", warning_line(d).c_str());
  const std::string warnings = result.warnings.empty() ? "" : " (" + plural(result.warnings.size(), "warning") + ")";
  if (!result.errors.empty() || !result.scenario) {
    std::fprintf(stderr, "%s: %s%s\n", file.c_str(),
                 plural(std::max<std::size_t>(1, result.errors.size()), "error").c_str(), warnings.c_str());
    return false;
  }
  std::fflush(stderr);  // keep the summary after the warnings when both go to one terminal
  std::printf("%s: ok — %s%s\n", file.c_str(), summary(*result.scenario).c_str(), warnings.c_str());
  std::fflush(stdout);
  return true;
}

}  // namespace

void add_check_command(CLI::App& app, int& exit_code) {
  CLI::App* cmd =
      app.add_subcommand("check", "Validate scenario files: every error with file:line:column, then a summary");
  auto files = std::make_shared<std::vector<std::string>>();
  cmd->add_option("FILE", *files, "Scenario JSON files to check")->required();
  cmd->callback([&exit_code, files] {
    bool all_good = true;
    for (const std::string& file : *files) all_good = check_file(file) && all_good;
    exit_code = all_good ? 0 : 1;
  });
}

}  // namespace app
