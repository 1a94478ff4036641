// Counting a model file's triangles from its description (common/model_census.h), and the
// loader refusing a scenario's own model that describes too many, with the line of its path.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "common/model_census.h"
#include "file_fixtures.h"
#include "load_test_support.h"

namespace fs = std::filesystem;
using Catch::Matchers::Contains;

TEST_CASE("census: a glb's triangles come from its accessors, once per node that uses the mesh", "[census]") {
  const fs::path dir = file_fixtures::fresh_dir("census-glb");
  file_fixtures::write_claiming_glb(dir / "bomb.glb", 5'000'000, 1);
  const common::ModelCensus one = common::count_model_triangles(dir / "bomb.glb");
  INFO(one.error);
  CHECK(one.counted);
  CHECK(one.triangles == 5'000'000);
  file_fixtures::write_claiming_glb(dir / "twice.glb", 1000, 2);
  CHECK(common::count_model_triangles(dir / "twice.glb").triangles == 2000);
}

TEST_CASE("census: an OBJ's faces, fans counted as triangles, other formats are not counted", "[census]") {
  const fs::path dir = file_fixtures::fresh_dir("census-obj");
  std::ofstream(dir / "quad.obj") << "v 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nf 1 2 3 4\nf 1/1/1 2/2/2 3/3/3\n# f 1 2 3\n";
  const common::ModelCensus obj = common::count_model_triangles(dir / "quad.obj");
  CHECK(obj.counted);
  CHECK(obj.triangles == 3);
  std::ofstream(dir / "thing.fbx") << "Kaydara FBX Binary";
  CHECK_FALSE(common::count_model_triangles(dir / "thing.fbx").counted);
}

TEST_CASE("census: broken descriptions say why and are not counted", "[census]") {
  const fs::path dir = file_fixtures::fresh_dir("census-broken");
  std::ofstream(dir / "short.glb") << "glT";
  CHECK_FALSE(common::count_model_triangles(dir / "short.glb").error.empty());
  std::ofstream(dir / "text.glb") << "this is not a model, only some words of text";
  CHECK_THAT(common::count_model_triangles(dir / "text.glb").error, Contains("glTF"));
  std::ofstream(dir / "bad.gltf") << "{\"meshes\": [";
  CHECK_THAT(common::count_model_triangles(dir / "bad.gltf").error, Contains("JSON"));
  CHECK_FALSE(common::count_model_triangles(dir / "missing.glb").error.empty());
}

TEST_CASE("load: a scenario's own model over two million triangles is refused with its line, a missing one warns",
          "[load][census]") {
  const fs::path dir = file_fixtures::fresh_dir("census-scenario");
  file_fixtures::write_claiming_glb(dir / "bomb.glb", 5'000'000, 1);
  const auto engines = [](const std::string& model) {
    return R"(  "engines": [{"id": "e", "faction": "mongol", "kind": "ram", "path": [10, 10], "model": ")" + model +
           R"("}],)";
  };
  const auto start = std::chrono::steady_clock::now();
  const auto r = scene::load_scenario_text(load_test::scenario({}, engines("bomb.glb")), (dir / "s.json").string());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].line == load_test::kExtra);
  CHECK(r.errors[0].pointer == "/engines/0/model");
  CHECK_THAT(r.errors[0].message, Contains("5000000 triangles") && Contains("2000000"));
  CHECK(seconds < 5.0);  // generous: a few hundred bytes of description, not a gigabyte of mesh

  const auto missing =
      scene::load_scenario_text(load_test::scenario({}, engines("gone.glb")), (dir / "s.json").string());
  REQUIRE(missing.errors.empty());
  REQUIRE(missing.warnings.size() == 1);
  CHECK(missing.warnings[0].line == load_test::kExtra);
  CHECK_THAT(missing.warnings[0].message, Contains("gone.glb") && Contains("built-in"));
}
