// Loading from disk: missing files, directories, huge files, the shipped scenarios, the
// format guide's example, and the JSON Schema kept in step with the loader.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include <unistd.h>

#include "load_test_support.h"
#include "scene/load/json_document.h"
#include "scene/load/load_entities.h"

namespace fs = std::filesystem;
using namespace load_test;
using Catch::Matchers::Contains;

namespace {

// A fresh empty directory under the system's temp dir, removed when the test ends.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("siege_load_test_" + std::to_string(::getpid()));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

// The ```json block of a markdown file (the first one).
std::string json_block(const std::string& markdown) {
  const std::string open = "```json\n";
  const auto begin = markdown.find(open);
  if (begin == std::string::npos) return "";
  const auto end = markdown.find("\n```", begin + open.size());
  return markdown.substr(begin + open.size(), end - begin - open.size() + 1);
}

}  // namespace

TEST_CASE("load file: a missing file, a directory", "[load]") {
  const auto missing = scene::load_scenario("no/such/file.json");
  REQUIRE(missing.errors.size() == 1);
  CHECK(missing.errors[0].to_string() == "no/such/file.json: cannot open: no such file");
  CHECK(missing.errors[0].line == 0);

  TempDir dir;
  const auto directory = scene::load_scenario(dir.path);
  REQUIRE(directory.errors.size() == 1);
  CHECK_THAT(directory.errors[0].message, Contains("is a directory"));
}

TEST_CASE("load file: a 200 MB file is refused at once without being read", "[load]") {
  TempDir dir;
  const fs::path big = dir.path / "huge.json";
  { std::ofstream(big).put('{'); }
  fs::resize_file(big, 200ull << 20);  // sparse: no 200 MB written to disk
  const auto start = std::chrono::steady_clock::now();
  const auto r = scene::load_scenario(big);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].to_string() == big.string() + ": file is 200.0 MiB; scenario files are limited to 32 MiB");
  CHECK(seconds < 0.5);
}

TEST_CASE("load file: the file name appears as given", "[load]") {
  TempDir dir;
  const fs::path file = dir.path / "typo.json";
  std::ofstream(file) << scenario({{"calendar", R"("julain")"}});
  const auto r = scene::load_scenario(file);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].to_string().rfind(file.string() + ":5:15: /calendar:", 0) == 0);
}

TEST_CASE("load file: the small good files load", "[load]") {
  for (const auto& entry : fs::directory_iterator(fs::path(SIEGE_SOURCE_DIR) / "tests/data/good")) {
    const auto r = scene::load_scenario(entry.path());
    INFO(entry.path().string() << "\n" << Catch::Detail::stringify(errors(r)));
    CHECK(r.errors.empty());
    CHECK(r.scenario);
  }
}

TEST_CASE("load file: the bad files fail, each with the error its first line names", "[load]") {
  // Each bad file that is JSON text starts its name with what it tests; the expected text
  // lies beside it in NAME.expected (one line that must appear among the errors).
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(SIEGE_SOURCE_DIR) / "tests/data/bad")) {
    if (entry.path().extension() == ".expected") continue;
    const auto r = scene::load_scenario(entry.path());
    INFO(entry.path().string() << "\n" << Catch::Detail::stringify(errors(r)));
    CHECK_FALSE(r.scenario);
    CHECK_FALSE(r.errors.empty());
    const fs::path expected_file = fs::path(entry.path()).concat(".expected");
    if (fs::exists(expected_file)) {
      std::string expected = read_file(expected_file.string());
      while (!expected.empty() && expected.back() == '\n') expected.pop_back();
      bool found = false;
      for (const auto& e : r.errors) found = found || e.to_string().find(expected) != std::string::npos;
      CHECK(found);
      ++checked;
    }
  }
  CHECK(checked >= 5);
}

TEST_CASE("load file: the shipped scenarios are valid", "[load]") {
  const fs::path dir = fs::path(SIEGE_SOURCE_DIR) / "assets/scenarios";
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    const auto r = scene::load_scenario(entry.path());
    INFO(Catch::Detail::stringify(errors(r)));
    CHECK(r.errors.empty());
    // What siege check would warn a user about (units in water, armies too large, ...).
    for (const auto& w : r.warnings) FAIL_CHECK(w.to_string());
  }
}

TEST_CASE("load file: the example in docs/SCENARIO_FORMAT.md is accepted", "[load]") {
  const std::string markdown = read_file(std::string(SIEGE_SOURCE_DIR) + "/docs/SCENARIO_FORMAT.md");
  const std::string example = json_block(markdown);
  REQUIRE_FALSE(example.empty());
  const auto r = scene::load_scenario_text(example, "SCENARIO_FORMAT.md example");
  INFO(Catch::Detail::stringify(errors(r)));
  CHECK(r.errors.empty());
  CHECK(r.warnings.empty());
  REQUIRE(r.scenario);
  CHECK(r.scenario->phases.size() >= 2);
  CHECK(r.scenario->units.size() >= 2);
}

TEST_CASE("schema: valid JSON, and it knows every top-level key the loader accepts", "[load][schema]") {
  const std::string text = read_file(std::string(SIEGE_SOURCE_DIR) + "/assets/schema/scenario.schema.json");
  const auto parsed = scene::parse_json(text);
  REQUIRE(parsed.ok);
  REQUIRE(parsed.problems.empty());
  const nlohmann::json& schema = parsed.document.root;
  CHECK(schema.at("$schema") == "https://json-schema.org/draft/2020-12/schema");
  REQUIRE(schema.contains("properties"));
  const nlohmann::json& properties = schema.at("properties");
  for (const std::string_view key : scene::loader::top_level_keys()) {
    INFO(key);
    CHECK(properties.contains(key));
  }
  for (const auto& [key, value] : properties.items()) {
    INFO(key);
    const auto& keys = scene::loader::top_level_keys();
    CHECK(std::find(keys.begin(), keys.end(), key) != keys.end());
  }
  CHECK(schema.at("additionalProperties") == false);
  // Every "$ref" names a definition that exists.
  std::vector<const nlohmann::json*> stack = {&schema};
  while (!stack.empty()) {
    const nlohmann::json* node = stack.back();
    stack.pop_back();
    if (node->is_object()) {
      if (const auto ref = node->find("$ref"); ref != node->end()) {
        const std::string target = ref->get<std::string>();
        INFO(target);
        REQUIRE(target.rfind("#/$defs/", 0) == 0);
        CHECK(schema.at("$defs").contains(target.substr(8)));
      }
    }
    if (node->is_structured())
      for (const auto& child : *node) stack.push_back(&child);
  }
}

TEST_CASE("schema: every key the loader allows anywhere is in the schema, and no other", "[load][schema]") {
  // The loader's allowed-key lists are the brace lists of quoted words in its sources (not
  // brace initialisers such as IdTable sources{"source", "sources"}).
  std::string code;
  for (const char* file :
       {"load.cpp", "load_world.cpp", "load_story.cpp", "load_environment.cpp", "load_reader.cpp", "load_reader.h"})
    code += read_file(std::string(SIEGE_SOURCE_DIR) + "/scene/load/" + file);
  const std::regex list(R"re([^A-Za-z0-9_]\{\s*("[a-z_$]+"(\s*,\s*"[a-z_$]+")*)\s*\})re");
  const std::regex word(R"re("([a-z_$]+)")re");
  std::set<std::string> loader_keys;
  for (auto it = std::sregex_iterator(code.begin(), code.end(), list); it != std::sregex_iterator(); ++it) {
    const std::string items = (*it)[1];
    for (auto w = std::sregex_iterator(items.begin(), items.end(), word); w != std::sregex_iterator(); ++w)
      loader_keys.insert((*w)[1]);
  }
  REQUIRE(loader_keys.size() > 60);

  const auto parsed =
      scene::parse_json(read_file(std::string(SIEGE_SOURCE_DIR) + "/assets/schema/scenario.schema.json"));
  REQUIRE(parsed.ok);
  std::set<std::string> schema_keys;
  std::vector<const nlohmann::json*> stack = {&parsed.document.root};
  while (!stack.empty()) {
    const nlohmann::json* node = stack.back();
    stack.pop_back();
    if (node->is_object() && node->contains("properties") && node->at("properties").is_object())
      for (const auto& [key, value] : node->at("properties").items()) schema_keys.insert(key);
    if (node->is_structured())
      for (const auto& child : *node) stack.push_back(&child);
  }
  for (const std::string& key : loader_keys) {
    INFO("the loader accepts \"" << key << "\" but the schema does not know it");
    CHECK(schema_keys.count(key));
  }
  for (const std::string& key : schema_keys) {
    INFO("the schema has \"" << key << "\" but the loader does not accept it");
    CHECK(loader_keys.count(key));
  }
}
