// Engines drawn from their glTF models show in the ID pass where the scenario puts them: the
// committed trebuchet.glb, and a scenario's own model for one engine. Lavapipe, validation on.
#include <filesystem>

#include <catch2/catch.hpp>

#include "render_fixture.h"
#include "scene/mesh/model_file.h"
#include "scene/model/calendar.h"
#include "scene/model/clock.h"
#include "scene/sim/evaluate.h"
#include "scene/world/world.h"

namespace {

const scene::SiegeEngine& engine(const scene::Scenario& s, const std::string& id) {
  for (const scene::SiegeEngine& e : s.engines)
    if (e.id == id) return e;
  FAIL("no engine " << id);
  throw;
}

// Renders the engine `id` top-down at `date` and asks the ID pass what stands at its foot.
void check_engine_shows(const scene::Scenario& s, const std::string& id, const char* date) {
  renderer::Renderer r(test::context(), s);
  const auto day = scene::parse_day(date, s.calendar);
  REQUIRE(day);
  const scene::Snapshot snapshot = scene::evaluate(s, scene::presentation_at(s, *day));
  const scene::SiegeEngine& e = engine(s, id);
  const glm::vec2 at = e.path.sample(snapshot.day, glm::vec2(0));
  const scene::Camera camera = test::top_down(at, 120, 40);
  const renderer::FrameImage frame = r.render(snapshot, camera, {160, 90}, true);
  const auto pixel = test::project(camera, 160, 90, {at.x, s.ground->height(at) + 4, at.y});
  REQUIRE(pixel);
  CHECK(test::kind_near(r, frame, *pixel, "siege_engine", 3));
  // And nothing of it far off to the side.
  const auto aside = test::project(camera, 160, 90, {at.x + 40, s.ground->height(at), at.y + 25});
  REQUIRE(aside);
  CHECK(test::kind_at(r, frame, *aside) != "siege_engine");
  CHECK(test::context().validation_errors() == 0);
}

}  // namespace

TEST_CASE("models: an engine drawn from trebuchet.glb shows where the scenario puts it", "[render][id][models]") {
  const scene::Scenario& s = test::scenario("taiyuan.json");
  // The world found and read every committed model: no fallback.
  const scene::World world = scene::build_world(s);
  CHECK(world.models.warnings.empty());
  const scene::ModelLoadResult glb = scene::load_model(scene::models_directory(s) / "trebuchet.glb");
  REQUIRE(glb.ok());
  CHECK(world.models.props[static_cast<std::size_t>(scene::Prop::Trebuchet)].front().triangle_count() ==
        glb.mesh.triangle_count());
  REQUIRE(engine(s, "treb_n1").kind == scene::EngineKind::Trebuchet);
  check_engine_shows(s, "treb_n1", "1126-03-10");
}

TEST_CASE("models: an engine with its own model shows where the scenario puts it", "[render][id][models]") {
  scene::Scenario s = test::scenario("taiyuan.json");
  // A user's model: a tall crate 3 x 5 x 3 units standing off its origin.
  scene::Mesh crate;
  crate.add_box({50, 10, 50}, {3, 5, 3}, 0, scene::pack_color({0.5f, 0.1f, 0.1f}), 0, true);
  const std::filesystem::path file = std::filesystem::temp_directory_path() / "siege_test_crate.glb";
  REQUIRE(scene::save_model_glb(crate, file).empty());
  for (scene::SiegeEngine& e : s.engines)
    if (e.id == "treb_n1") e.model = file.string();
  const scene::World world = scene::build_world(s);
  CHECK(world.models.warnings.empty());
  // The crate, not the built-in trebuchet, is what is drawn for that engine: its own 12
  // triangles, fitted to the trebuchet's footprint, and nothing else under the engine's id.
  std::size_t index = 0;
  while (s.engines[index].id != "treb_n1") ++index;
  const scene::PropLods& lods = world.models.engine(s, index);
  REQUIRE_FALSE(lods.empty());
  CHECK(lods.front().triangle_count() == 12);
  const std::uint32_t id = world.objects.id_of(scene::ObjectKind::SiegeEngine, "treb_n1");
  REQUIRE(id != 0);
  const auto day = scene::parse_day("1126-03-10", s.calendar);
  REQUIRE(day);
  const scene::Snapshot snapshot = scene::evaluate(s, scene::presentation_at(s, *day));
  const scene::DynamicMeshes dynamic = scene::build_dynamic(s, world, snapshot);
  std::size_t triangles = 0;
  glm::vec3 lo(1e30f), hi(-1e30f);
  for (std::size_t t = 0; t + 2 < dynamic.solids.indices.size(); t += 3) {
    const scene::Vertex& v = dynamic.solids.vertices[dynamic.solids.indices[t]];
    if (v.object != id) continue;
    ++triangles;
    for (int k = 0; k < 3; ++k) {
      lo = glm::min(lo, dynamic.solids.vertices[dynamic.solids.indices[t + k]].position);
      hi = glm::max(hi, dynamic.solids.vertices[dynamic.solids.indices[t + k]].position);
    }
  }
  CHECK(triangles == 12);
  // A cube stays a cube: as wide as deep, its height in the crate's 5 : 3 proportion.
  const glm::vec3 size = hi - lo;
  CHECK(size.x == Approx(size.z).epsilon(0.02));
  CHECK(size.y == Approx(size.x * 5.0f / 3.0f).epsilon(0.02));
  check_engine_shows(s, "treb_n1", "1126-03-10");
}
