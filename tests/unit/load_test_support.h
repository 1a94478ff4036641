// Helpers for the loader tests: a small valid scenario whose top-level members can be
// replaced one by one, each on its own line so that error positions are predictable.
#pragma once

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "scene/load/load.h"

namespace load_test {

// Line numbers of the members in scenario() below.
enum Line { kFormat = 2, kId, kTitle, kCalendar, kSources, kTerrain, kFactions, kUnits, kPhases, kShots, kExtra };

// The members, in order; an override replaces one (an empty string leaves a blank line, so
// later line numbers stay put). `extra` goes on line kExtra and must end with ",".
inline std::string scenario(const std::map<std::string, std::string>& overrides = {}, const std::string& extra = "") {
  static const std::vector<std::pair<std::string, std::string>> members = {
      {"format", R"("siege-scenario/1")"},
      {"id", R"("test")"},
      {"title", R"({"en": "Test", "zh": "测试"})"},
      {"calendar", R"("julian")"},
      {"sources",
       R"([{"id": "record", "kind": "record", "citation": "Jin shi"}, {"id": "brief", "kind": "brief", "citation": "the brief"}])"},
      {"terrain", R"({"extent": [-3000, -3000, 3000, 3000], "resolution": 16})"},
      {"factions",
       R"([{"id": "mongol", "name": {"en": "Mongols"}, "color": "#c0c8d8"}, {"id": "jin", "name": {"en": "Jin"}, "color": "#ffffff", "banner": "#000000"}])"},
      {"units",
       R"([{"id": "tachar", "name": {"en": "Tachar"}, "faction": "mongol", "path": [100, 200], "strength": 30000, "sources": ["record"]}])"},
      {"phases",
       R"([{"id": "siege", "title": {"en": "Siege"}, "start": "1233-10-01", "end": "1233-11-01", "duration_s": 10, "sources": ["record"]}])"},
      {"shots",
       R"([{"id": "overview", "overview": true, "keys": [{"at": 0, "position": [0, 800, 1500], "target": [0, 0, 0]}]}])"},
  };
  std::string text = "{\n";
  for (const auto& [key, value] : members) {
    const auto it = overrides.find(key);
    const std::string& v = it == overrides.end() ? value : it->second;
    if (!v.empty()) text += "  \"" + key + "\": " + v;
    text += ",\n";
    if (v.empty()) text.erase(text.size() - 2, 1);  // a blank line, not a lone comma
  }
  text += extra + "\n  \"$schema\": \"../../assets/schema/scenario.schema.json\"\n}\n";
  return text;
}

inline scene::LoadResult load(const std::string& text) { return scene::load_scenario_text(text, "t.json"); }

inline std::vector<std::string> errors(const scene::LoadResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.errors) out.push_back(d.to_string());
  return out;
}

inline std::vector<std::string> errors_of(const std::string& text) { return errors(load(text)); }

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace load_test
