#include "scene/load/load_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace scene::loader {

namespace {

std::string format_number(double v) {
  char buffer[32];
  if (std::abs(v) < 1e15 && v == std::floor(v))
    std::snprintf(buffer, sizeof buffer, "%.0f", v);
  else
    std::snprintf(buffer, sizeof buffer, "%g", v);
  return buffer;
}

std::string join_quoted(const std::vector<std::string>& words, std::size_t limit) {
  std::string out;
  for (std::size_t i = 0; i < words.size() && i < limit; ++i) out += (i ? ", " : "") + in_quotes(words[i]);
  if (words.size() > limit) out += ", ...";
  return out;
}

float srgb_to_linear(float c) { return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f); }

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

// --- numbers ---

std::string NumberRule::describe() const {
  const std::string noun = integer ? "an integer" : "a number";
  const bool bounded_above = max < rules::kCoordinateLimit;
  const bool bounded_below = min > -rules::kCoordinateLimit;
  if (bounded_above && bounded_below && !min_exclusive)
    return noun + " in " + format_number(min) + ".." + format_number(max);
  if (bounded_above && bounded_below) return noun + " > " + format_number(min) + " and <= " + format_number(max);
  if (bounded_below) return noun + (min_exclusive ? " > " : " >= ") + format_number(min);
  if (bounded_above) return noun + " <= " + format_number(max);
  return noun + " in " + format_number(min) + ".." + format_number(max);
}

bool NumberRule::accepts(double v) const {
  if (!std::isfinite(v)) return false;
  if (min_exclusive ? !(v > min) : !(v >= min)) return false;
  if (v > max) return false;
  return !integer || v == std::floor(v);
}

namespace rules {
NumberRule any_coordinate() { return {-kCoordinateLimit, kCoordinateLimit}; }
NumberRule positive(double max) { return {0, max, true}; }
NumberRule non_negative(double max) { return {0, max}; }
NumberRule range(double min, double max) { return {min, max}; }
NumberRule integer(double min, double max) { return {min, max, false, true}; }
NumberRule unit_interval() { return {0, 1}; }
}  // namespace rules

std::vector<std::string> IdTable::ids() const {
  std::vector<std::string> out;
  for (const auto& [id, pointer] : pointers) out.push_back(id);
  return out;
}

std::string in_quotes(std::string_view text) {
  constexpr std::size_t kLimit = 60;
  if (text.size() <= kLimit) return "\"" + std::string(text) + "\"";
  std::size_t cut = kLimit;  // back up to a character boundary
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return "\"" + std::string(text.substr(0, cut)) + "...\"";
}

std::string describe_found(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::null:
      return "null";
    case nlohmann::json::value_t::boolean:
      return value.get<bool>() ? "true" : "false";
    case nlohmann::json::value_t::string:
      return in_quotes(value.get_ref<const std::string&>());
    case nlohmann::json::value_t::object:
      return value.empty() ? "an empty object {}" : "an object {...}";
    case nlohmann::json::value_t::array:
      if (value.empty()) return "an empty array []";
      return "an array of " + std::to_string(value.size()) + (value.size() == 1 ? " value" : " values");
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
      return value.dump();
    default:
      return "a value";
  }
}

// --- Object ---

Object::Object(Reader& reader, const Node& node, std::string_view what, const std::vector<std::string_view>& allowed)
    : reader_(&reader) {
  if (!node) return;
  if (!node.value->is_object()) {
    reader.error(node.pointer, "expected " + std::string(what) + ", found " + describe_found(*node.value));
    return;
  }
  node_ = node;
  std::vector<std::string> names(allowed.begin(), allowed.end());
  for (const auto& [key, value] : node.value->items()) {
    if (std::find(names.begin(), names.end(), key) != names.end()) continue;
    if (!reader.accepting_errors()) {
      reader.error_at_key("", "");  // counted, not kept
      continue;
    }
    std::string message = "unknown key " + in_quotes(key);
    const std::string suggestion = did_you_mean(key, names);
    message += suggestion.empty() ? " (allowed here: " + join_quoted(names, 40) + ")" : suggestion;
    reader.error_at_key(json_pointer_append(node.pointer, key), std::move(message));
  }
}

bool Object::has(std::string_view key) const { return node_.value && node_.value->contains(key); }

Node Object::get(std::string_view key) const {
  if (!node_.value) return {};
  const auto it = node_.value->find(key);
  if (it == node_.value->end()) return {};
  return {&*it, json_pointer_append(node_.pointer, key)};
}

Node Object::require(std::string_view key) const {
  Node node = get(key);
  if (!node && node_.value) reader_->error(node_.pointer, "missing required key " + in_quotes(key));
  return node;
}

// --- Reader: diagnostics ---

Diagnostic Reader::make(const std::string& pointer, TextPosition at, std::string message) const {
  return Diagnostic{file_, at.line, at.column, pointer, std::move(message)};
}

void Reader::error(const std::string& pointer, std::string message) {
  if (!accepting_errors()) {
    ++dropped_errors_;
    return;
  }
  result_.errors.push_back(make(pointer, document_.value_at(pointer), std::move(message)));
}

void Reader::error_at_key(const std::string& pointer, std::string message) {
  if (!accepting_errors()) {
    ++dropped_errors_;
    return;
  }
  result_.errors.push_back(make(pointer, document_.key_at(pointer), std::move(message)));
}

void Reader::warning(const std::string& pointer, std::string message) {
  if (result_.warnings.size() >= kMaxDiagnostics) return;
  result_.warnings.push_back(make(pointer, document_.value_at(pointer), std::move(message)));
}

std::string Reader::where(const std::string& pointer) const {
  const TextPosition p = document_.value_at(pointer);
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

Node Reader::element(const Node& array, std::size_t index) const {
  if (!array || !array.value->is_array() || index >= array.value->size()) return {};
  return {&(*array.value)[index], json_pointer_append(array.pointer, index)};
}

bool Reader::expect_array(const Node& node, std::string_view noun_plural, std::size_t min_count) {
  if (!node.value->is_array()) {
    error(node.pointer,
          "expected an array of " + std::string(noun_plural) + " [...], found " + describe_found(*node.value));
    return false;
  }
  if (node.value->size() < min_count) {
    const std::string expected = min_count == 1
                                     ? "a non-empty array of " + std::string(noun_plural)
                                     : "at least " + std::to_string(min_count) + " " + std::string(noun_plural);
    error(node.pointer, "expected " + expected + ", found " + describe_found(*node.value));
    return false;
  }
  return true;
}

// --- Reader: scalars ---

std::optional<double> Reader::number(const Node& node, const NumberRule& rule) {
  if (!node) return std::nullopt;
  if (!node.value->is_number()) {
    error(node.pointer, "expected " + rule.describe() + ", found " + describe_found(*node.value));
    return std::nullopt;
  }
  const double v = node.value->get<double>();
  if (!rule.accepts(v)) {
    // Below an open-ended lower bound, say only that bound: "expected a number > 0, found -3".
    std::string expected = rule.min_exclusive && !(v > rule.min)
                               ? std::string(rule.integer ? "an integer" : "a number") + " > " + format_number(rule.min)
                               : rule.describe();
    // Open-ended rules still stop at the sanity limit; say so when that is what was hit.
    if (v > rule.max && rule.max >= rules::kCoordinateLimit && rule.min > -rules::kCoordinateLimit)
      expected += " and <= " + format_number(rule.max);
    error(node.pointer, "expected " + expected + ", found " + describe_found(*node.value));
    return std::nullopt;
  }
  return v;
}

std::optional<std::string> Reader::string(const Node& node, bool allow_empty) {
  if (!node) return std::nullopt;
  if (!node.value->is_string() || (!allow_empty && node.value->get_ref<const std::string&>().empty())) {
    error(node.pointer, std::string("expected ") + (allow_empty ? "a string" : "a non-empty string") + ", found " +
                            describe_found(*node.value));
    return std::nullopt;
  }
  return node.value->get<std::string>();
}

std::optional<bool> Reader::boolean(const Node& node) {
  if (!node) return std::nullopt;
  if (!node.value->is_boolean()) {
    error(node.pointer, "expected true or false, found " + describe_found(*node.value));
    return std::nullopt;
  }
  return node.value->get<bool>();
}

std::optional<glm::vec2> Reader::point(const Node& node) {
  if (!node) return std::nullopt;
  if (!node.value->is_array() || node.value->size() != 2) {
    error(node.pointer, "expected a point [x, z] (two numbers, metres), found " + describe_found(*node.value));
    return std::nullopt;
  }
  const auto x = number(element(node, 0), rules::any_coordinate());
  const auto z = number(element(node, 1), rules::any_coordinate());
  if (!x || !z) return std::nullopt;
  return glm::vec2(static_cast<float>(*x), static_cast<float>(*z));
}

std::optional<glm::vec3> Reader::point3(const Node& node) {
  if (!node) return std::nullopt;
  if (!node.value->is_array() || node.value->size() != 3) {
    error(node.pointer, "expected a point [x, y, z] (three numbers, metres), found " + describe_found(*node.value));
    return std::nullopt;
  }
  const auto x = number(element(node, 0), rules::any_coordinate());
  const auto y = number(element(node, 1), rules::any_coordinate());
  const auto z = number(element(node, 2), rules::any_coordinate());
  if (!x || !y || !z) return std::nullopt;
  return glm::vec3(static_cast<float>(*x), static_cast<float>(*y), static_cast<float>(*z));
}

std::optional<std::vector<glm::vec2>> Reader::polyline(const Node& node, std::size_t min_points,
                                                       std::string_view shape) {
  if (!node) return std::nullopt;
  if (!node.value->is_array() || node.value->size() < min_points) {
    error(node.pointer, "expected " + std::string(shape) + " of at least " + std::to_string(min_points) +
                            (min_points == 1 ? " point" : " points") + " [[x, z], ...], found " +
                            describe_found(*node.value));
    return std::nullopt;
  }
  std::vector<glm::vec2> points;
  bool ok = true;
  for (std::size_t i = 0; i < node.value->size(); ++i) {
    const auto p = point(element(node, i));
    if (p)
      points.push_back(*p);
    else
      ok = false;
  }
  if (!ok) return std::nullopt;
  return points;
}

std::optional<Localized> Reader::text(const Node& node) {
  if (!node) return std::nullopt;
  const Object o = object(node, "a text {\"en\": \"...\", \"zh\": \"...\"}", {"en", "zh"});
  if (!o) return std::nullopt;
  Localized out;
  const Node en_node = o.require("en");
  const auto en = string(en_node);
  if (!en) return std::nullopt;
  out.en = *en;
  bool ok = within_text_limit(en_node, out.en);
  if (const Node zh = o.get("zh")) {
    const auto value = string(zh, true);
    if (!value) return std::nullopt;
    out.zh = *value;
    ok = within_text_limit(zh, out.zh) && ok;
  }
  if (!ok) return std::nullopt;
  return out;
}

bool Reader::within_text_limit(const Node& node, const std::string& utf8) {
  std::size_t characters = 0;
  for (const char c : utf8) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // not a continuation byte
  if (characters <= rules::kMaxTextCharacters) return true;
  error(node.pointer, "a text of " + std::to_string(characters) + " characters; at most " +
                          std::to_string(rules::kMaxTextCharacters) +
                          " are allowed (split a long caption into several)");
  return false;
}

std::optional<glm::vec3> Reader::colour(const Node& node) {
  if (!node) return std::nullopt;
  const std::string* text = node.value->is_string() ? &node.value->get_ref<const std::string&>() : nullptr;
  bool ok = text && text->size() == 7 && (*text)[0] == '#';
  for (std::size_t i = 1; ok && i < 7; ++i) ok = hex_digit((*text)[i]) >= 0;
  if (!ok) {
    error(node.pointer, "expected a colour \"#rrggbb\" (six hex digits, sRGB), found " + describe_found(*node.value));
    return std::nullopt;
  }
  glm::vec3 out;
  for (int c = 0; c < 3; ++c) {
    const int byte = hex_digit((*text)[1 + 2 * c]) * 16 + hex_digit((*text)[2 + 2 * c]);
    out[c] = srgb_to_linear(static_cast<float>(byte) / 255.0f);
  }
  return out;
}

std::optional<Day> Reader::date(const Node& node) {
  if (!node) return std::nullopt;
  if (!node.value->is_string()) {
    error(node.pointer,
          "expected a date \"YYYY-MM-DD\" (or \"YYYY-MM-DDThh:mm\"), found " + describe_found(*node.value));
    return std::nullopt;
  }
  std::string problem;
  const std::optional<Day> day = parse_day(node.value->get_ref<const std::string&>(), calendar, &problem);
  if (!day) {
    error(node.pointer, problem.empty() ? "not a valid date: " + describe_found(*node.value) : problem);
    return std::nullopt;
  }
  return day;
}

std::optional<HistoricalDate> Reader::historical_date(const Node& node) {
  if (!node) return std::nullopt;
  HistoricalDate out;
  if (node.value->is_string()) {
    const auto day = date(node);
    if (!day) return std::nullopt;
    out.day = *day;
    return out;
  }
  if (!node.value->is_object()) {
    error(node.pointer, "expected a date \"YYYY-MM-DD\" or {\"date\", \"approximate\", \"lunar\"}, found " +
                            describe_found(*node.value));
    return std::nullopt;
  }
  const Object o = object(node, "a historical date", {"date", "approximate", "lunar"});
  const auto day = date(o.require("date"));
  set(boolean(o.get("approximate")), out.approximate);
  if (const Node lunar = o.get("lunar")) {
    const auto text = string(lunar, true);
    if (text) out.lunar = *text;
  }
  if (!day) return std::nullopt;
  out.day = *day;
  return out;
}

std::optional<Interval> Reader::interval(const Node& node) {
  if (!node) return std::nullopt;
  const Object o = object(node, "an interval {\"from\": date, \"to\": date}", {"from", "to"});
  if (!o) return std::nullopt;
  Interval out;
  const Node from_node = o.get("from"), to_node = o.get("to");
  const auto from = date(from_node);
  const auto to = date(to_node);
  if ((from_node && !from) || (to_node && !to)) return std::nullopt;
  if (from) out.from = *from;
  if (to) out.to = *to;
  if (from && to && !(*to > *from)) {
    error(to_node.pointer, "the interval must end after it starts: " + describe_found(*to_node.value) +
                               " is not after " + describe_found(*from_node.value));
    return std::nullopt;
  }
  return out;
}

std::optional<Interp> Reader::interp(const Node& node) {
  return enumeration<Interp>(
      node, {{"step", Interp::Step}, {"linear", Interp::Linear}, {"smooth", Interp::Smooth}, {"eased", Interp::Eased}});
}

// --- ids, references, provenance ---

std::string Reader::id(const Object& object, IdTable& table) {
  const Node node = object.require("id");
  const auto id = string(node);
  if (!id) return "";
  const auto [it, inserted] = table.pointers.emplace(*id, node.pointer);
  if (!inserted)
    error(node.pointer, "duplicate id " + in_quotes(*id) + " (first defined at " + where(it->second) + ")");
  return *id;
}

std::optional<std::string> Reader::reference(const Node& node, IdTable& table) {
  if (!node) return std::nullopt;
  auto id = string(node);
  if (id) references_.push_back({node.pointer, *id, &table});
  return id;
}

void Reader::resolve_references() {
  for (const Reference& ref : references_) {
    const IdTable& table = *ref.table;
    if (table.pointers.count(ref.id)) continue;
    if (!accepting_errors()) {
      ++dropped_errors_;
      continue;
    }
    std::string message = "unknown " + table.noun + " " + in_quotes(ref.id);
    const std::vector<std::string> known = table.ids();
    const std::string suggestion = did_you_mean(ref.id, known);
    if (!suggestion.empty())
      message += suggestion;
    else if (known.empty())
      message += " (no " + table.plural + " are defined)";
    else
      message += " (known " + table.plural + ": " + join_quoted(known, 12) + ")";
    error(ref.pointer, std::move(message));
  }
  references_.clear();
}

Provenance Reader::provenance(const Object& object, bool sources_required) {
  Provenance out;
  if (!object) return out;
  const Node sources_node = object.get("sources");
  if (!sources_node && sources_required) {
    error(object.pointer(),
          "missing required key \"sources\" (units, phases, places and roads must name at least one source)");
  }
  if (sources_node && expect_array(sources_node, "source ids", sources_required ? 1 : 0)) {
    for (std::size_t i = 0; i < sources_node.value->size(); ++i) {
      const Node s = element(sources_node, i);
      reference(s, sources);
      if (s.value->is_string()) out.sources.push_back(s.value->get<std::string>());
    }
  }
  if (const Node notes = object.get("notes")) set(string(notes, true), out.notes);
  return out;
}

}  // namespace scene::loader
