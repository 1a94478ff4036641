// The loader's typed field reader: reads values out of the parsed JSON tree and, whenever a
// value is not what the format wants, records an error with its place and keeps going, so a
// historian sees every mistake in one run.
#pragma once

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "scene/load/json_document.h"
#include "scene/load/load.h"
#include "scene/load/suggest.h"
#include "scene/model/scenario.h"

namespace scene::loader {

// A value in the tree and its JSON pointer; value is null when the key was absent.
struct Node {
  const nlohmann::json* value = nullptr;
  std::string pointer;
  explicit operator bool() const { return value != nullptr; }
};

// What a number must be. describe() gives the words used in messages ("a number > 0").
struct NumberRule {
  double min = -1e6;
  double max = 1e6;
  bool min_exclusive = false;
  bool integer = false;
  std::string describe() const;
  bool accepts(double v) const;
};

namespace rules {
inline constexpr double kCoordinateLimit = 1e6;  // metres from the city centre: far beyond any map
// Characters in one language of a text (a name, a summary, a caption). The longest shipped
// is under 300; a caption is read aloud in seconds, and ImGui draws a text in one 16-bit
// index range, so a 20,000-character caption used to abort every frame it was in.
inline constexpr std::size_t kMaxTextCharacters = 1000;
NumberRule any_coordinate();
NumberRule positive(double max = 1e6);      // > 0
NumberRule non_negative(double max = 1e6);  // >= 0
NumberRule range(double min, double max);
NumberRule integer(double min, double max);
NumberRule unit_interval();  // 0..1
}  // namespace rules

// The ids defined in one collection ("faction", "wall", ...), for duplicates and references.
struct IdTable {
  std::string noun;                             // "faction": used in "unknown faction \"x\""
  std::string plural;                           // "factions"
  std::map<std::string, std::string> pointers;  // id -> pointer of its "id" value
  std::vector<std::string> ids() const;
};

// A reference seen while reading, resolved once every collection has been read.
struct Reference {
  std::string pointer;
  std::string id;
  IdTable* table = nullptr;
};

class Reader;

// An object being read: reports unknown keys (with a suggestion) when it is opened.
class Object {
 public:
  Object() = default;
  Object(Reader& reader, const Node& node, std::string_view what, const std::vector<std::string_view>& allowed);
  explicit operator bool() const { return node_.value != nullptr; }
  const std::string& pointer() const { return node_.pointer; }
  bool has(std::string_view key) const;
  Node get(std::string_view key) const;      // an absent key gives an empty Node
  Node require(std::string_view key) const;  // an absent key is an error

 private:
  Reader* reader_ = nullptr;
  Node node_;
};

class Reader {
 public:
  Reader(const JsonDocument& document, std::string file, LoadResult& result)
      : document_(document), file_(std::move(file)), result_(result) {}

  Calendar calendar = Calendar::Julian;

  // Diagnostics, placed at the value (or at its key, for key problems).
  void error(const std::string& pointer, std::string message);
  void error_at_key(const std::string& pointer, std::string message);
  void warning(const std::string& pointer, std::string message);
  // The scenario file's name as given: files it names are read relative to its folder.
  const std::string& file() const { return file_; }
  TextPosition position(const std::string& pointer) const { return document_.value_at(pointer); }
  std::string where(const std::string& pointer) const;  // "88:7"
  // Past this many, errors are counted but not kept: a person fixes the first ones first,
  // and a hostile file must not make the loader spend minutes on suggestions.
  static constexpr std::size_t kMaxDiagnostics = 500;
  bool accepting_errors() const { return result_.errors.size() < kMaxDiagnostics; }
  std::size_t dropped_errors() const { return dropped_errors_; }

  Object object(const Node& node, std::string_view what, const std::vector<std::string_view>& allowed) {
    return Object(*this, node, what, allowed);
  }
  Node element(const Node& array, std::size_t index) const;

  // Arrays of entities: calls read(element) for each; reports a wrong type or too few.
  template <class Fn>
  void for_each(const Node& node, std::string_view noun_plural, std::size_t min_count, Fn&& read) {
    if (!node) return;
    if (!expect_array(node, noun_plural, min_count)) return;
    for (std::size_t i = 0; i < node.value->size(); ++i) read(element(node, i));
  }
  bool expect_array(const Node& node, std::string_view noun_plural, std::size_t min_count);

  // Scalars: each returns nullopt (after reporting) when the value is absent or wrong.
  std::optional<double> number(const Node& node, const NumberRule& rule);
  std::optional<std::string> string(const Node& node, bool allow_empty = false);
  std::optional<bool> boolean(const Node& node);
  std::optional<glm::vec2> point(const Node& node);
  std::optional<glm::vec3> point3(const Node& node);
  std::optional<std::vector<glm::vec2>> polyline(const Node& node, std::size_t min_points, std::string_view shape);
  // A text {"en", "zh"}, each language at most kMaxTextCharacters.
  std::optional<Localized> text(const Node& node);
  std::optional<glm::vec3> colour(const Node& node);  // linear RGB
  std::optional<Day> date(const Node& node);
  std::optional<HistoricalDate> historical_date(const Node& node);
  std::optional<Interval> interval(const Node& node);
  std::optional<Interp> interp(const Node& node);

  template <class E>
  std::optional<E> enumeration(const Node& node, std::initializer_list<std::pair<std::string_view, E>> table);

  // Convenience: read into out only when present and valid.
  template <class T, class U>
  void set(std::optional<T> value, U& out) {
    if (value) out = static_cast<U>(*value);
  }

  // Tracks: an object {"interp", "keys": [{"t", "v"}]} or a bare value (a constant).
  // read_value reads one v; stepped tracks (enumerations) only accept "step".
  template <class T, class ReadValue>
  std::optional<Track<T>> track(const Node& node, ReadValue&& read_value, bool stepped = false);

  // Ids and references.
  std::string id(const Object& object, IdTable& table);
  // Reads an id that must name an entity of table; checked in resolve_references().
  std::optional<std::string> reference(const Node& node, IdTable& table);
  void resolve_references();
  Provenance provenance(const Object& object, bool sources_required);

  IdTable sources{"source", "sources"};

 private:
  const JsonDocument& document_;
  bool within_text_limit(const Node& node, const std::string& utf8);
  std::string file_;
  LoadResult& result_;
  std::vector<Reference> references_;
  std::size_t dropped_errors_ = 0;

  Diagnostic make(const std::string& pointer, TextPosition at, std::string message) const;
};

// What a JSON value is, in words for "found ...": 3.5, "mongl", an object, an array of 2.
std::string describe_found(const nlohmann::json& value);
std::string in_quotes(std::string_view text);  // "\"text\"", cut short if long

// --- templates ---

template <class E>
std::optional<E> Reader::enumeration(const Node& node, std::initializer_list<std::pair<std::string_view, E>> table) {
  if (!node) return std::nullopt;
  std::vector<std::string> names;
  for (const auto& [name, value] : table) names.emplace_back(name);
  std::string allowed;
  for (const std::string& name : names) allowed += (allowed.empty() ? "" : ", ") + in_quotes(name);
  if (node.value->is_string()) {
    const std::string& text = node.value->template get_ref<const std::string&>();
    for (const auto& [name, value] : table)
      if (name == text) return value;
  }
  std::string message = "expected one of " + allowed + ", found " + describe_found(*node.value);
  if (node.value->is_string() && accepting_errors()) {
    message += did_you_mean(node.value->template get_ref<const std::string&>(), names);
  }
  error(node.pointer, std::move(message));
  return std::nullopt;
}

template <class T, class ReadValue>
std::optional<Track<T>> Reader::track(const Node& node, ReadValue&& read_value, bool stepped) {
  if (!node) return std::nullopt;
  Track<T> track;
  if (stepped) track.interp = Interp::Step;
  if (!node.value->is_object()) {  // a bare value: a constant, one key
    std::optional<T> v = read_value(node);
    if (!v) return std::nullopt;
    track.keys.push_back({0, *v});
    return track;
  }
  const Object o = object(node, "a track {\"interp\", \"keys\"}", {"interp", "keys"});
  bool ok = true;
  if (const Node n = o.get("interp")) {
    const std::optional<Interp> mode = interp(n);
    if (!mode)
      ok = false;
    else if (stepped && *mode != Interp::Step) {
      error(n.pointer,
            "this track holds named states, which always step: expected \"step\" (or no \"interp\"), found " +
                describe_found(*n.value));
      ok = false;
    } else {
      track.interp = *mode;
    }
  }
  const Node keys = o.require("keys");
  if (!keys || !expect_array(keys, "keys", 1)) return std::nullopt;
  std::optional<Day> previous_t;
  std::string previous_text;
  std::size_t previous_index = 0;
  for (std::size_t i = 0; i < keys.value->size(); ++i) {
    const Object key = object(element(keys, i), "a key {\"t\": date, \"v\": value}", {"t", "v", "sources", "notes"});
    if (!key) {
      ok = false;
      continue;
    }
    const Node t_node = key.require("t");
    const std::optional<Day> t = date(t_node);
    const Node v_node = key.require("v");
    const std::optional<T> v = v_node ? read_value(v_node) : std::nullopt;
    provenance(key, false);
    if (!t || !v) {
      ok = false;
      continue;
    }
    const std::string t_text = t_node.value->template get<std::string>();
    if (previous_t && !(*t > *previous_t)) {
      error(t_node.pointer, "keys must be in strictly increasing time: " + t_text + " is not after " + previous_text +
                                " (key " + std::to_string(previous_index) + ")");
      ok = false;
    }
    previous_t = t;
    previous_text = t_text;
    previous_index = i;
    track.keys.push_back({*t, *v});
  }
  if (!ok) return std::nullopt;
  return track;
}

}  // namespace scene::loader
