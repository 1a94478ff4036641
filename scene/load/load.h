// Loading a scenario file: strict, and helpful when it is wrong.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scene/model/scenario.h"

namespace scene {

struct Diagnostic {
  std::string file;
  int line = 0;         // 1-based; 0 when the problem has no place in the text
  int column = 0;       // 1-based
  std::string pointer;  // JSON pointer, e.g. "/units/3/path/keys/2/t"
  std::string message;  // what was expected and what was found
  // "caizhou.json:41:17: /units/3/faction: unknown faction \"mongl\" (did you mean \"mongol\"?)"
  std::string to_string() const;
};

struct LoadResult {
  std::optional<Scenario> scenario;  // set only when errors is empty
  std::vector<Diagnostic> errors;    // ALL errors found, in file order
  std::vector<Diagnostic> warnings;
};

LoadResult load_scenario(const std::filesystem::path& path);
LoadResult load_scenario_text(std::string_view text, const std::string& file_name);

// Derives what the loader computes after validation (the carved ground).
void finalize(Scenario& scenario);

}  // namespace scene
