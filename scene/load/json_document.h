// A strict JSON (RFC 8259) parser that remembers where every value came from.
//
// nlohmann::json gives no positions, and a historian editing a scenario by hand needs
// "line 41, column 17" to find a mistake. This parser is written to survive any input
// (depth limit, size limit, UTF-8 validation, no recursion past the limit) and to say in
// plain words what is wrong.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

namespace scene {

struct TextPosition {
  int line = 0;    // 1-based; 0 = nowhere in the text
  int column = 0;  // 1-based, counted in characters (UTF-8 code points)
};

struct JsonProblem {
  TextPosition at;
  std::string pointer;  // where in the tree, when known ("" for the root or a syntax error)
  std::string message;
};

struct JsonDocument {
  nlohmann::json root;
  // JSON pointer ("" is the root, "/units/3/faction") -> where the value starts.
  std::unordered_map<std::string, TextPosition> values;
  // JSON pointer of an object member -> where its key (the opening quote) starts.
  std::unordered_map<std::string, TextPosition> keys;

  TextPosition value_at(const std::string& pointer) const;
  TextPosition key_at(const std::string& pointer) const;  // falls back to value_at
};

struct JsonParseResult {
  bool ok = false;  // a tree was built; problems may still hold duplicate-key errors
  JsonDocument document;
  std::vector<JsonProblem> problems;  // in text order
};

// Scenario files are small; anything larger is a mistake (a wrong file, a runaway export).
inline constexpr std::size_t kMaxJsonBytes = std::size_t{32} << 20;
inline constexpr int kMaxJsonDepth = 128;

// Parses text. Never throws and never crashes; on a syntax error ok is false and problems
// holds that one error (there is no tree to keep going with). Duplicate object keys are
// reported (naming both places) but do not stop the parse: the first value is kept.
JsonParseResult parse_json(std::string_view text);

// Appends a JSON pointer reference token, escaping '~' and '/' (RFC 6901).
std::string json_pointer_append(const std::string& pointer, std::string_view token);
std::string json_pointer_append(const std::string& pointer, std::size_t index);

// "1.5 MiB", "200.0 MiB", "812 bytes": sizes in messages a person reads.
std::string describe_size(std::uintmax_t bytes);
// "file is 200.0 MiB; scenario files are limited to 32 MiB"
std::string too_large_message(std::uintmax_t bytes);

}  // namespace scene
