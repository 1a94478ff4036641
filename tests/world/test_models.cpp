// Prop models: the committed .glb files read back as the procedural props they were baked
// from; missing and broken files fall back with a warning; levels of detail shrink.
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "file_fixtures.h"
#include "load_test_support.h"
#include "scene/load/load.h"
#include "scene/mesh/mesh_lod.h"
#include "scene/mesh/model_file.h"
#include "scene/model/calendar.h"
#include "scene/model/clock.h"
#include "scene/sim/evaluate.h"
#include "scene/world/world.h"

namespace fs = std::filesystem;

namespace {

const fs::path kModels = fs::path(SIEGE_SOURCE_DIR) / "assets/models";

scene::Prop prop_at(std::size_t k) { return static_cast<scene::Prop>(k); }

fs::path temp_file(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / "siege_test_models";
  fs::create_directories(dir);
  return dir / name;
}

}  // namespace

TEST_CASE("models: every committed .glb reads back as its procedural prop", "[models]") {
  for (std::size_t k = 0; k < scene::kPropCount; ++k) {
    const scene::Prop prop = prop_at(k);
    INFO(scene::prop_file_name(prop));
    const fs::path file = kModels / (std::string(scene::prop_file_name(prop)) + ".glb");
    REQUIRE(fs::exists(file));
    CHECK(fs::file_size(file) < 100'000);
    const scene::ModelLoadResult r = scene::load_model(file);
    CHECK(r.warning.empty());
    REQUIRE(r.ok());
    const scene::Mesh procedural = scene::build_prop(prop);
    CHECK(r.mesh.triangle_count() == procedural.triangle_count());
    const scene::Bounds b = scene::mesh_bounds(r.mesh), p = scene::mesh_bounds(procedural);
    // Base near the ground (footings sink up to half a metre), sizes as built.
    CHECK(b.min.y > -0.7f);
    CHECK(b.min.y < 0.1f);
    CHECK(glm::length(b.size() - p.size()) < 0.01f);
    CHECK(glm::length(b.min - p.min) < 0.01f);
    for (const scene::Vertex& v : r.mesh.vertices) {
      CHECK(v.object == 0);
      CHECK((v.color >> 24) == 0);  // never farmland
      CHECK(std::abs(glm::length(v.normal) - 1.0f) < 1e-3f);
    }
  }
}

TEST_CASE("models: colours survive the round trip, flags keep the faction key", "[models]") {
  const scene::ModelLoadResult banner = scene::load_model(kModels / "banner.glb");
  REQUIRE(banner.ok());
  std::size_t keyed = 0;
  for (const scene::Vertex& v : banner.mesh.vertices) keyed += v.color == scene::kFactionColourKey;
  CHECK(keyed > 0);
  // Placing it with a faction colour replaces the key, and sets the object id.
  scene::Mesh placed;
  const std::uint32_t red = scene::pack_color({0.8f, 0.05f, 0.05f});
  scene::place_model(placed, banner.mesh, {100, 5, 200}, {1, 0}, glm::vec3(2), 42, glm::vec3(1), red);
  std::size_t red_count = 0;
  for (const scene::Vertex& v : placed.vertices) {
    CHECK(v.object == 42);
    CHECK(v.color != scene::kFactionColourKey);
    red_count += v.color == red;
  }
  CHECK(red_count == keyed);
  const scene::Bounds b = scene::mesh_bounds(placed);
  CHECK(b.min.y > 5 - 1.1f);
  CHECK(b.max.y == Approx(5 + 18.0f).margin(0.05));
}

TEST_CASE("models: placing turns the model's -z towards the given direction", "[models]") {
  scene::Mesh arrow;  // a sliver pointing to -z
  arrow.add_triangle({-0.5f, 0, 0}, {0.5f, 0, 0}, {0, 0, -10}, scene::pack_color(glm::vec3(1)), 0);
  for (const glm::vec2 f : {glm::vec2(1, 0), glm::vec2(0, 1), glm::vec2(-1, 0), glm::vec2(0.6f, -0.8f)}) {
    scene::Mesh placed;
    scene::place_model(placed, arrow, {0, 0, 0}, f, glm::vec3(1), 1);
    const glm::vec3 tip = placed.vertices[2].position;
    CHECK(tip.x == Approx(f.x * 10).margin(1e-4));
    CHECK(tip.z == Approx(f.y * 10).margin(1e-4));
    CHECK(placed.vertices[0].normal.y == Approx(arrow.vertices[0].normal.y).margin(1e-5));  // not mirrored
  }
}

TEST_CASE("models: missing and broken files warn and fall back, never crash", "[models]") {
  const scene::ModelLoadResult missing = scene::load_model(temp_file("no_such_model.glb"));
  CHECK_FALSE(missing.ok());
  CHECK(missing.warning.find("no such model") != std::string::npos);

  const fs::path garbage = temp_file("garbage.glb");
  {
    std::ofstream out(garbage, std::ios::binary);
    out << "glTF\x02\x00\x00\x00 this is not a model at all";
    for (int i = 0; i < 1000; ++i) out.put(static_cast<char>(i * 37));
  }
  const scene::ModelLoadResult broken = scene::load_model(garbage);
  CHECK_FALSE(broken.ok());
  CHECK_FALSE(broken.warning.empty());

  const fs::path empty = temp_file("empty.obj");
  std::ofstream(empty).close();
  CHECK_FALSE(scene::load_model(empty).ok());

  const fs::path truncated = temp_file("truncated.glb");
  {
    std::ifstream in(kModels / "trebuchet.glb", std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::ofstream(truncated, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  }
  const scene::ModelLoadResult cut = scene::load_model(truncated);
  CHECK_FALSE(cut.ok());
  CHECK_FALSE(cut.warning.empty());

  // A scenario whose engine points at the broken file: the world warns and uses the built-in one.
  auto loaded = scene::load_scenario(std::string(SIEGE_SOURCE_DIR) + "/assets/scenarios/taiyuan.json");
  REQUIRE(loaded.scenario);
  scene::Scenario s = *loaded.scenario;
  REQUIRE_FALSE(s.engines.empty());
  s.engines[0].model = garbage.string();
  // A second engine with the same file: the file is read once, and warned about once.
  REQUIRE(s.engines.size() >= 2);
  s.engines[1].model = garbage.string();
  const scene::PropModels models = scene::load_prop_models(s);
  REQUIRE(models.warnings.size() == 1);
  CHECK(models.warnings[0].find(s.engines[0].id) != std::string::npos);
  const scene::PropLods& lods = models.engine(s, 0);
  REQUIRE_FALSE(lods.empty());
  CHECK(lods.front().triangle_count() == scene::build_prop(scene::engine_prop(s.engines[0].kind)).triangle_count());
}

TEST_CASE("models: a user's OBJ is fitted to the prop's footprint, base on the ground", "[models]") {
  const fs::path obj = temp_file("crate.obj");
  {
    // A 200-unit cube standing off the origin, in centimetres say.
    std::ofstream out(obj);
    out << "v 1000 500 1000\nv 1200 500 1000\nv 1200 700 1000\nv 1000 700 1000\n"
           "v 1000 500 1200\nv 1200 500 1200\nv 1200 700 1200\nv 1000 700 1200\n"
           "f 1 4 3 2\nf 5 6 7 8\nf 1 2 6 5\nf 4 8 7 3\nf 1 5 8 4\nf 2 3 7 6\n";
  }
  scene::ModelLoadOptions options;
  options.normalize = true;
  options.fit_size = 8;
  const scene::ModelLoadResult r = scene::load_model(obj, options);
  INFO(r.warning);
  REQUIRE(r.ok());
  CHECK(r.mesh.triangle_count() == 12);  // quads triangulated
  const scene::Bounds b = scene::mesh_bounds(r.mesh);
  CHECK(b.min.y == Approx(0).margin(1e-4));
  CHECK(b.size().x == Approx(8).margin(1e-3));
  CHECK(b.size().y == Approx(8).margin(1e-3));
  CHECK((b.min.x + b.max.x) == Approx(0).margin(1e-3));
  for (const scene::Vertex& v : r.mesh.vertices) CHECK(glm::length(v.normal) == Approx(1).margin(1e-3));  // generated
}

TEST_CASE("models: levels of detail shrink and keep their shape", "[models][lod]") {
  for (std::size_t k = 0; k < scene::kPropCount; ++k) {
    const scene::Prop prop = prop_at(k);
    INFO(scene::prop_file_name(prop));
    const scene::Mesh mesh = scene::build_prop(prop);
    const std::vector<scene::Mesh> lods = scene::build_lods(mesh);
    REQUIRE(lods.size() == 3);
    CHECK(lods[0].triangle_count() == mesh.triangle_count());
    CHECK(lods[0].vertices.size() <= mesh.vertices.size());
    const scene::Bounds full = scene::mesh_bounds(mesh);
    const float size = glm::length(full.size());
    for (std::size_t i = 1; i < lods.size(); ++i) {
      INFO("level " << i << ": " << lods[i].triangle_count() << " of " << mesh.triangle_count() << " triangles");
      REQUIRE_FALSE(lods[i].empty());
      CHECK(lods[i].triangle_count() <= lods[i - 1].triangle_count());
      const scene::Bounds b = scene::mesh_bounds(lods[i]);
      CHECK(glm::length(b.min - full.min) < 0.05f * size);
      CHECK(glm::length(b.max - full.max) < 0.05f * size);
    }
  }
  // A heavy prop does get lighter.
  scene::Mesh heavy;
  for (int x = 0; x < 20; ++x)
    for (int z = 0; z < 20; ++z)
      heavy.add_box({x * 1.0f, 0, z * 1.0f}, glm::vec3(0.9f, 1 + 0.01f * (x + z), 0.9f), 0,
                    scene::pack_color(glm::vec3(0.5f)), 0);
  const std::vector<scene::Mesh> lods = scene::build_lods(heavy);
  CHECK(lods[1].triangle_count() < lods[0].triangle_count());
  CHECK(lods[2].triangle_count() < lods[1].triangle_count());
  CHECK(scene::choose_lod(10, 10, 3) == 0);
  CHECK(scene::choose_lod(5000, 10, 3) == 2);
}

TEST_CASE("models: the loader takes a camp's and an engine's \"model\", relative to the scenario file",
          "[models][load]") {
  const std::string camp =
      R"("camps": [{"id": "c", "faction": "mongol", "center": [0, 0], "model": "models/my_ger.glb"}],)";
  const std::string engine =
      R"("engines": [{"id": "e", "faction": "mongol", "kind": "ram", "path": [10, 10], "model": "props/Ram.FBX"}],)";
  const auto good = load_test::load(load_test::scenario({}, camp + engine));
  INFO(Catch::Detail::stringify(load_test::errors(good)));
  REQUIRE(good.scenario);
  CHECK(good.scenario->camps.at(0).model == "models/my_ger.glb");
  CHECK(good.scenario->engines.at(0).model == "props/Ram.FBX");
  // Neither file is there beside "t.json": each is a warning at its line (the built-in prop is drawn).
  REQUIRE(good.warnings.size() == 2);
  for (const auto& w : good.warnings) CHECK(w.message.find("is not there") != std::string::npos);
  for (const char* bad : {"/etc/passwd.obj", "C:/models/ram.glb", "ram.blend", ""}) {
    INFO(bad);
    const auto r = load_test::load(load_test::scenario(
        {}, std::string(R"("engines": [{"id": "e", "faction": "mongol", "kind": "ram", "path": [10, 10], "model": ")") +
                bad + "\"}],"));
    CHECK_FALSE(r.errors.empty());
  }

  // Through a real file: the path is taken from the scenario's folder.
  const fs::path dir = fs::temp_directory_path() / "siege_test_models_scenario";
  fs::create_directories(dir / "models");
  scene::Mesh ger = scene::build_prop(scene::Prop::Ger);
  for (scene::Vertex& v : ger.vertices) v.position *= 3.0f;  // a big one: fitted back to the built-in footprint
  REQUIRE(scene::save_model_glb(ger, dir / "models/my_ger.glb").empty());
  std::ofstream(dir / "s.json") << load_test::scenario(
      {},
      R"("camps": [{"id": "c", "faction": "mongol", "kind": "gers", "center": [0, 0], "model": "models/my_ger.glb"}],)");
  const auto loaded = scene::load_scenario(dir / "s.json");
  REQUIRE(loaded.scenario);
  const scene::PropModels models = scene::load_prop_models(*loaded.scenario);
  CHECK(models.warnings.empty());
  REQUIRE(models.camps.size() == 1);
  REQUIRE_FALSE(models.camps[0].empty());
  const scene::Bounds own = scene::mesh_bounds(models.camps[0].front());
  const scene::Bounds builtin = scene::mesh_bounds(scene::build_prop(scene::Prop::Ger));
  CHECK(own.size().x == Approx(builtin.size().x).epsilon(0.01));
  CHECK(own.min.y == Approx(0).margin(1e-4));
}

TEST_CASE("models: engines far from the eye are drawn at a coarser level", "[models][lod]") {
  const auto loaded = scene::load_scenario(std::string(SIEGE_SOURCE_DIR) + "/assets/scenarios/taiyuan.json");
  REQUIRE(loaded.scenario);
  const scene::Scenario& s = *loaded.scenario;
  const scene::World world = scene::build_world(s);
  CHECK(world.models.warnings.empty());
  const auto day = scene::parse_day("1126-03-10", s.calendar);
  REQUIRE(day);
  const scene::Snapshot snapshot = scene::evaluate(s, scene::presentation_at(s, *day));
  const scene::DynamicMeshes near = scene::build_dynamic(s, world, snapshot, glm::vec3(0, 50, -1000));
  const scene::DynamicMeshes none = scene::build_dynamic(s, world, snapshot);
  const scene::DynamicMeshes far = scene::build_dynamic(s, world, snapshot, glm::vec3(0, 30000, 0));
  CHECK(near.solids.triangle_count() <= none.solids.triangle_count());
  CHECK(far.solids.triangle_count() < near.solids.triangle_count());
}

TEST_CASE("models: a file describing millions of triangles is refused before Assimp reads it", "[models]") {
  // A few hundred bytes of glTF description claiming 5,000,000 triangles, no data behind them.
  const fs::path bomb = temp_file("bomb.glb");
  file_fixtures::write_claiming_glb(bomb, 5'000'000);
  const scene::ModelLoadResult r = scene::load_model(bomb);
  CHECK_FALSE(r.ok());
  CHECK(r.warning.find("5000000 triangles") != std::string::npos);
}
