// The ID pass over the settlements: Caizhou's temple, its pagoda and the palace's courtyard
// walls are where the data and the plan put them, and each gate of the outer wall carries
// its gate tower above the passage.
#include <catch2/catch.hpp>

#include "render_fixture.h"
#include "scene/model/clock.h"
#include "scene/model/geometry2d.h"
#include "scene/sim/evaluate.h"
#include "scene/world/settlement_plan.h"
#include "scene/world/world.h"

namespace {

scene::Snapshot famine(const scene::Scenario& s) {
  const int index = s.phase_index("famine");
  REQUIRE(index >= 0);
  return scene::evaluate(s, scene::phase_start_s(s, index));
}

std::pair<const scene::Settlement*, std::uint32_t> settlement(const scene::Scenario& s, const std::string& id) {
  for (size_t i = 0; i < s.settlements.size(); ++i)
    if (s.settlements[i].id == id) return {&s.settlements[i], static_cast<std::uint32_t>(i + 1)};
  FAIL("no settlement " << id);
  throw;
}

}  // namespace

TEST_CASE("the temple, its pagoda and the palace's courtyard walls stand where the data puts them", "[render][id]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  const scene::Snapshot snapshot = famine(s);
  {
    const auto [temple, salt] = settlement(s, "wuying_temple");
    const scene::SettlementPlan plan = scene::plan_settlement(s, *temple, salt);
    const scene::Camera camera = test::top_down(temple->center, 300, 40);
    const renderer::FrameImage frame = r.render(snapshot, camera, {320, 320}, true);
    int halls = 0, halls_seen = 0;
    for (const scene::BuildingPlace& b : plan.buildings) {
      const float y = s.ground->height(b.at) + (b.kind == scene::BuildingKind::Pagoda ? b.height : b.height + 2.0f);
      const auto pixel = test::project(camera, frame.width, frame.height, {b.at.x, y, b.at.y});
      REQUIRE(pixel);
      INFO(scene::building_kind_name(b.kind) << " at " << b.at.x << "," << b.at.y);
      if (b.kind == scene::BuildingKind::Pagoda) {
        CHECK(test::kind_near(r, frame, *pixel, "pagoda", 1));
      } else {
        ++halls;
        if (test::kind_near(r, frame, *pixel, "temple", 1)) ++halls_seen;
      }
    }
    CHECK(halls >= 4);
    CHECK(halls_seen == halls);
    int walls = 0, walls_seen = 0;
    for (const scene::WallRun& w : plan.walls) {
      const glm::vec2 mid = (w.a + w.b) * 0.5f;
      const auto pixel =
          test::project(camera, frame.width, frame.height, {mid.x, s.ground->height(mid) + w.height, mid.y});
      REQUIRE(pixel);
      ++walls;
      if (test::kind_near(r, frame, *pixel, "courtyard_wall", 1)) ++walls_seen;
    }
    CHECK(walls >= 5);
    CHECK(walls_seen >= walls - 1);  // a run may hide under a gate hall's eaves
    // And not everywhere: the plain outside the city is no temple.
    const auto outside =
        test::project(camera, frame.width, frame.height,
                      {temple->center.x + 140, s.ground->height(temple->center), temple->center.y - 140});
    if (outside) CHECK(test::kind_at(r, frame, *outside) != "temple");
  }
  {
    const auto [palace, salt] = settlement(s, "palace");
    const scene::SettlementPlan plan = scene::plan_settlement(s, *palace, salt);
    const scene::Camera camera = test::top_down(palace->center, 700, 40);
    const renderer::FrameImage frame = r.render(snapshot, camera, {480, 480}, true);
    // Every run shows along its length, except where a hall's eaves reach over it.
    int samples = 0, seen = 0;
    for (const scene::WallRun& w : plan.walls) {
      const float length = glm::length(w.b - w.a);
      int run_seen = 0;
      for (float t = 2.0f; t < length - 2.0f; t += 4.0f) {
        const glm::vec2 p = w.a + (w.b - w.a) * (t / length);
        const auto pixel = test::project(camera, frame.width, frame.height, {p.x, s.ground->height(p) + w.height, p.y});
        REQUIRE(pixel);
        ++samples;
        if (test::kind_near(r, frame, *pixel, "courtyard_wall", 1)) ++seen, ++run_seen;
      }
      INFO("run " << w.a.x << "," << w.a.y << " to " << w.b.x << "," << w.b.y);
      CHECK(run_seen > 0);
    }
    CHECK(samples > 100);
    CHECK(seen >= samples * 3 / 5);
  }
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("each gate tower stands on its gate, above the passage", "[render][id]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  const scene::Snapshot snapshot = famine(s);
  int gates = 0;
  for (const scene::Gate& gate : s.gates) {
    if (gate.wall != "outer_wall") continue;
    const scene::Wall* wall = nullptr;
    for (const scene::Wall& w : s.walls)
      if (w.id == gate.wall) wall = &w;
    REQUIRE(wall);
    const scene::GateSite site = scene::gate_site(*wall, gate);
    const glm::vec2 out =
        glm::normalize(glm::vec2(site.dir.y, -site.dir.x)) *
        (scene::inside_polygon(site.at + glm::vec2(site.dir.y, -site.dir.x) * 30.0f, wall->points) ? -1.0f : 1.0f);
    const float g = s.ground->height(site.at);
    // Looking level at the gate from outside, at the height of the tower's upper storey.
    scene::Camera camera;
    const float eye_y = g + wall->height + 9.0f;
    camera.position = {site.at.x + out.x * 150, eye_y, site.at.y + out.y * 150};
    camera.target = {site.at.x, eye_y, site.at.y};
    camera.fov_deg = 30;
    const renderer::FrameImage frame = r.render(snapshot, camera, {240, 160}, true);
    INFO(gate.id);
    const auto above_passage = test::project(camera, frame.width, frame.height, {site.at.x, eye_y, site.at.y});
    REQUIRE(above_passage);
    CHECK(test::kind_at(r, frame, *above_passage) == "gate");
    // The door itself, lower down, is the gate too; high above the tower is sky.
    const auto door =
        test::project(camera, frame.width, frame.height, {site.at.x + out.x * 8, g + 3.0f, site.at.y + out.y * 8});
    REQUIRE(door);
    CHECK(test::kind_near(r, frame, *door, "gate", 1));
    const auto sky = test::project(camera, frame.width, frame.height, {site.at.x, g + wall->height + 40.0f, site.at.y});
    REQUIRE(sky);
    CHECK(test::kind_at(r, frame, *sky) == "sky");
    ++gates;
  }
  CHECK(gates == 4);
  CHECK(test::context().validation_errors() == 0);
}
