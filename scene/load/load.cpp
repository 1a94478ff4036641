// Loading a scenario: read the file safely, parse it with positions, read every part with
// the typed reader (collecting all errors), check references and cross-entity rules, and
// only then derive the ground.
#include "scene/load/load.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <fstream>

#include "scene/load/json_document.h"
#include "scene/load/load_entities.h"

namespace scene {

std::string Diagnostic::to_string() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
  out += ": ";
  if (!pointer.empty()) out += pointer + ": ";
  return out + message;
}

namespace loader {

const std::vector<std::string_view>& top_level_keys() {
  static const std::vector<std::string_view> keys = {
      "$schema",     "format",     "id",          "title",  "calendar", "environment", "settings", "sources",
      "terrain",     "rivers",     "lakes",       "walls",  "gates",    "towers",      "moats",    "damages",
      "siege_rings", "earthworks", "settlements", "groves", "roads",    "camps",       "places",   "factions",
      "units",       "fires",      "engines",     "phases", "captions", "shots"};
  return keys;
}

}  // namespace loader

namespace {

constexpr std::string_view kFormat = "siege-scenario/1";

Diagnostic whole_file(const std::string& file, std::string message) {
  return Diagnostic{file, 0, 0, "", std::move(message)};
}

// File order: what an editor shows top to bottom. Problems without a place come first.
void sort_by_position(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
}

void read_scenario(loader::Reader& r, const loader::Node& root_node, Scenario& s) {
  using namespace loader;
  const Object root =
      r.object(root_node, "a scenario object {\"format\": \"siege-scenario/1\", ...}", top_level_keys());
  if (!root) return;

  if (const Node format = root.require("format")) {
    if (!format.value->is_string() || format.value->get_ref<const std::string&>() != kFormat)
      r.error(format.pointer, "expected \"siege-scenario/1\", found " + describe_found(*format.value));
  }
  if (const Node schema = root.get("$schema")) r.string(schema);
  r.set(r.string(root.require("id")), s.id);
  r.set(r.text(root.require("title")), s.title);
  // The calendar comes first: every date below is read in it. Julian when not given.
  r.set(
      r.enumeration<Calendar>(root.get("calendar"), {{"julian", Calendar::Julian}, {"gregorian", Calendar::Gregorian}}),
      s.calendar);
  r.calendar = s.calendar;

  if (const Node n = root.get("environment")) read_environment(r, n, s.environment);
  if (const Node n = root.get("settings")) read_settings(r, n, s.settings);
  read_sources(r, root.get("sources"), s.sources);
  read_terrain(r, root.require("terrain"), s.terrain);

  Ids ids;
  read_world(r, root, ids, s);
  read_story(r, root, ids, s);
  r.resolve_references();
  check_story(r, root, s);
}

}  // namespace

LoadResult load_scenario_text(std::string_view text, const std::string& file_name) {
  LoadResult result;
  try {
    JsonParseResult parsed = parse_json(text);
    for (const JsonProblem& p : parsed.problems)
      result.errors.push_back(Diagnostic{file_name, p.at.line, p.at.column, p.pointer, p.message});
    if (!parsed.ok) return result;

    Scenario scenario;
    loader::Reader reader(parsed.document, file_name, result);
    read_scenario(reader, loader::Node{&parsed.document.root, ""}, scenario);
    sort_by_position(result.errors);
    if (reader.dropped_errors() > 0)
      result.errors.push_back(whole_file(file_name, "... and " + std::to_string(reader.dropped_errors()) +
                                                        " more errors not shown; fix these and check again"));
    sort_by_position(result.warnings);
    if (!result.errors.empty()) return result;

    scenario.file = file_name;
    finalize(scenario);
    result.scenario = std::move(scenario);
  } catch (const std::bad_alloc&) {
    result.scenario.reset();
    result.errors.push_back(whole_file(file_name, "out of memory while loading"));
  } catch (const std::exception& e) {
    // A bug in the loader, not in the file: still report it rather than crash the viewer.
    result.scenario.reset();
    result.errors.push_back(whole_file(file_name, std::string("internal error while loading: ") + e.what()));
  }
  return result;
}

LoadResult load_scenario(const std::filesystem::path& path) {
  const std::string name = path.string();
  LoadResult result;
  const auto fail = [&](std::string message) {
    result.errors.push_back(whole_file(name, std::move(message)));
    return result;
  };

  std::error_code ec;
  const std::filesystem::file_status status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) return fail("cannot open: no such file");
  if (std::filesystem::is_directory(status)) return fail("cannot open: this is a directory, not a scenario file");
  if (!std::filesystem::is_regular_file(status)) return fail("cannot open: not a regular file");
  // Size first: a huge file is refused without reading it.
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) return fail("cannot read: " + ec.message());
  if (size > kMaxJsonBytes) return fail(too_large_message(size));

  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(std::string("cannot read: ") + std::strerror(errno));
  std::string text;
  text.reserve(static_cast<std::size_t>(size));
  char buffer[1 << 16];
  // Read to the end, but never past the limit: the file may have grown since it was measured.
  while (in && text.size() <= kMaxJsonBytes) {
    in.read(buffer, sizeof buffer);
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) return fail(std::string("cannot read: ") + std::strerror(errno));
  return load_scenario_text(text, name);
}

}  // namespace scene
