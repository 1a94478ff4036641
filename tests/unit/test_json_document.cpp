// The strict JSON parser: positions, and a clear sentence for every way text can be wrong.
#include <catch2/catch.hpp>

#include <string>

#include "scene/load/json_document.h"

using scene::parse_json;

namespace {

// The single problem of a parse that must fail, as "line:col: message".
std::string failure(std::string_view text) {
  const scene::JsonParseResult r = parse_json(text);
  REQUIRE_FALSE(r.ok);
  REQUIRE(r.problems.size() == 1);
  const auto& p = r.problems.front();
  return std::to_string(p.at.line) + ":" + std::to_string(p.at.column) + ": " + p.message;
}

}  // namespace

TEST_CASE("json: values and their positions", "[json]") {
  const auto r = parse_json("{\n  \"a\": [1, 2.5, -3e2],\n  \"b\": {\"c\": \"x\", \"d~/e\": null},\n  \"f\": true\n}");
  REQUIRE(r.ok);
  REQUIRE(r.problems.empty());
  const auto& doc = r.document;
  CHECK(doc.root["a"][1].get<double>() == 2.5);
  CHECK(doc.root["a"][2].get<double>() == -300);
  CHECK(doc.root["a"][0].is_number_integer());
  CHECK(doc.value_at("").line == 1);
  CHECK(doc.value_at("/a").line == 2);
  CHECK(doc.value_at("/a").column == 8);
  CHECK(doc.value_at("/a/2").column == 17);
  CHECK(doc.key_at("/b").line == 3);
  CHECK(doc.key_at("/b").column == 3);
  CHECK(doc.value_at("/b/c").column == 14);
  CHECK(doc.value_at("/b/d~0~1e").column == 27);  // '~' and '/' escaped in the pointer
  CHECK(doc.value_at("/f").line == 4);
}

TEST_CASE("json: columns count characters, not bytes", "[json]") {
  const auto r = parse_json("{\"name\": \"蔡州\", \"x\": 1}");
  REQUIRE(r.ok);
  // {"name": "蔡州", "x": 1}  — x's value is at character 21 although byte 25.
  CHECK(r.document.value_at("/x").column == 21);
  CHECK(r.document.root["name"] == "蔡州");
}

TEST_CASE("json: escapes and surrogate pairs decode", "[json]") {
  const auto r = parse_json(R"(["\u00e9\n\t\"\\\/", "\ud83d\ude00"])");
  REQUIRE(r.ok);
  CHECK(r.document.root[0] == "\xC3\xA9\n\t\"\\/");
  CHECK(r.document.root[1] == "\xF0\x9F\x98\x80");
}

TEST_CASE("json: a UTF-8 byte-order mark is accepted", "[json]") {
  const auto r = parse_json("\xEF\xBB\xBF{\"a\": 1}");
  REQUIRE(r.ok);
  CHECK(r.document.value_at("/a").column == 7);
}

TEST_CASE("json: syntax errors name the place and the problem", "[json]") {
  CHECK(failure("") == "1:1: the file is empty; a scenario is one JSON object { ... }");
  CHECK(failure("{\"a\": 1,}") == "1:9: trailing comma before '}' (JSON allows none)");
  CHECK(failure("[1, 2,\n]") == "2:1: trailing comma before ']' (JSON allows none)");
  CHECK(failure("{\"a\": 1 // note\n}") == "1:9: comments are not allowed in JSON; put remarks in a \"notes\" field");
  CHECK(failure("/* c */ {}") == "1:1: comments are not allowed in JSON; put remarks in a \"notes\" field");
  CHECK(failure("[NaN]") == "1:2: NaN is not a JSON number");
  CHECK(failure("[Infinity]") == "1:2: Infinity is not a JSON number");
  CHECK(failure("[-Infinity]") == "1:2: -Infinity is not a JSON number");
  CHECK(failure("[1e999]") == "1:2: number too large: 1e999");
  CHECK(failure("[-2e400]") == "1:2: number too large: -2e400");
  CHECK(failure("[01]") == "1:2: numbers must not have leading zeros");
  CHECK(failure("[1.]") == "1:4: expected a digit after the decimal point");
  CHECK(failure("[.5]") == "1:2: a number must start with a digit (write 0.5, not .5)");
  CHECK(failure("{'a': 1}") == "1:2: object keys must be in double quotes \"...\", not single quotes");
  CHECK(failure("{a: 1}") == "1:2: expected a key in double quotes, found 'a'");
  CHECK(failure("{\"a\" 1}") == "1:6: expected ':' after the key \"a\", found '1'");
  CHECK(failure("{\"a\": 1 \"b\": 2}") == "1:9: missing ',' between object members");
  CHECK(failure("[1 2]") == "1:4: expected ',' or ']' after an array element, found '2'");
  CHECK(failure("{\"a\": [1, 2}") == "1:12: expected ',' or ']' after an array element, found '}'");
  CHECK(failure("{\"a\": 1") == "1:1: unexpected end of file: this '{' is never closed");
  CHECK(failure("[\"abc") == "1:2: unexpected end of file: this string is never closed (missing '\"')");
  CHECK(failure("[\"a\nb\"]") == "1:4: line break inside a string (missing closing '\"'? write \\n for a line break)");
  CHECK(failure("[\"a\tb\"]") == "1:4: tab character inside a string; write \\t");
  CHECK(failure("[\"a\x01\"]") == "1:4: control character U+0001 inside a string; escape it as \\u00XX");
  CHECK(failure("[\"\\x\"]") ==
        "1:3: invalid escape \\x in a string (allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
  CHECK(failure("[tru]") == "1:2: unexpected word \"tru\": expected a value (strings need double quotes)");
  CHECK(failure("[1] [2]") ==
        "1:5: unexpected '[' after the end of the JSON document (only one top-level value is allowed)");
}

TEST_CASE("json: lone surrogates are rejected", "[json]") {
  CHECK(failure(R"(["\ud800"])") ==
        "1:3: lone surrogate \\uD800 (a high surrogate must be followed by \\uDC00..\\uDFFF)");
  CHECK(failure(R"(["\ud800\u0041"])") ==
        "1:3: lone surrogate \\uD800 (a high surrogate must be followed by \\uDC00..\\uDFFF)");
  CHECK(failure(R"(["\udc00"])") == "1:3: lone surrogate \\uDC00 (a low surrogate without a high one)");
}

TEST_CASE("json: invalid UTF-8 and binary files", "[json]") {
  CHECK(failure("{\"a\": \"\xC3\x28\"}") == "1:8: not UTF-8 text: byte 0xC3 at line 1 column 8");
  CHECK(failure("\xC0\xAF") == "1:1: not UTF-8 text: byte 0xC0 at line 1 column 1");            // overlong
  CHECK(failure("[\"\xED\xA0\x80\"]") == "1:3: not UTF-8 text: byte 0xED at line 1 column 3");  // encoded surrogate
  CHECK(failure(std::string_view("\x89PNG\r\n\x1A\n\0\0", 10)) ==
        "1:1: not UTF-8 text: byte 0x89 at line 1 column 1 — is this a PNG image, not a scenario?");
  CHECK(failure(std::string_view("{\n\0}", 4)) == "2:1: not text: a NUL byte at line 2 column 1");
  CHECK(failure("\xFF\xFE{\0") == "1:1: the file is UTF-16 text; save it as UTF-8");
}

TEST_CASE("json: depth is limited", "[json]") {
  const std::string ok_depth = std::string(scene::kMaxJsonDepth, '[') + std::string(scene::kMaxJsonDepth, ']');
  CHECK(parse_json(ok_depth).ok);
  const std::string deep = std::string(100000, '[');
  CHECK(failure(deep) == "1:130: nested too deeply (more than 128 levels of [ ] and { })");
}

TEST_CASE("json: duplicate keys name both places and keep going", "[json]") {
  const auto r = parse_json("{\n  \"id\": 1,\n  \"x\": {\"a\": 1, \"a\": 2},\n  \"id\": 3\n}");
  REQUIRE(r.ok);  // a tree exists; the duplicates are reported as problems
  REQUIRE(r.problems.size() == 2);
  CHECK(r.problems[0].pointer == "/x/a");
  CHECK(r.problems[0].at.line == 3);
  CHECK(r.problems[0].at.column == 17);
  CHECK(r.problems[0].message == "duplicate key \"a\" (first at 3:9); only the first is used");
  CHECK(r.problems[1].message == "duplicate key \"id\" (first at 2:3); only the first is used");
  CHECK(r.document.root["id"] == 1);
  CHECK(r.document.value_at("/id").line == 2);  // the first value keeps its place
}

TEST_CASE("json: numbers", "[json]") {
  const auto r =
      parse_json("[0, -0, 9223372036854775807, 9223372036854775808, 1e-400, 1.5E+3, 123456789012345678901234567890]");
  REQUIRE(r.ok);
  const auto& a = r.document.root;
  CHECK(a[2].get<std::int64_t>() == 9223372036854775807LL);
  CHECK(a[3].is_number_float());     // past int64: a double
  CHECK(a[4].get<double>() == 0.0);  // underflow: as close to zero as a double gets
  CHECK(a[5].get<double>() == 1500.0);
  CHECK(a[6].get<double>() == Approx(1.2345678901234568e29));
}

TEST_CASE("json: files over the size limit are refused before parsing", "[json]") {
  const std::string big(scene::kMaxJsonBytes + 1, ' ');
  CHECK(failure(big) == "0:0: file is 32.0 MiB; scenario files are limited to 32 MiB");
  CHECK(scene::describe_size(200ull << 20) == "200.0 MiB");
  CHECK(scene::describe_size(812) == "812 bytes");
}
