// The ID pass answers "what is at this pixel?": these tests ask it where the scenario's
// river, walls, sky and siege ring are, on lavapipe, with validation layers on.
#include <catch2/catch.hpp>

#include "render_fixture.h"
#include "scene/model/clock.h"
#include "scene/model/geometry2d.h"
#include "scene/sim/evaluate.h"

namespace {

const scene::River& river(const scene::Scenario& s, const std::string& id) {
  for (const scene::River& r : s.rivers)
    if (r.id == id) return r;
  FAIL("no river " << id);
  throw;
}

const scene::Wall& wall(const scene::Scenario& s, const std::string& id) {
  for (const scene::Wall& w : s.walls)
    if (w.id == id) return w;
  FAIL("no wall " << id);
  throw;
}

scene::Snapshot at_phase(const scene::Scenario& s, const std::string& phase) {
  const int index = s.phase_index(phase);
  REQUIRE(index >= 0);
  return scene::evaluate(s, scene::phase_start_s(s, index));
}

}  // namespace

TEST_CASE("the Ru river is water where the scenario's centre line projects", "[render][id]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  const scene::Camera camera = test::top_down({0, 0}, 2500, 60);
  const renderer::FrameImage frame = r.render(at_phase(s, "famine"), camera, {320, 180}, true);

  int checked = 0;
  for (glm::vec2 p : scene::resample(river(s, "ru").points, 100.0f)) {
    const float y = s.ground->height(p);
    const auto pixel = test::project(camera, frame.width, frame.height, {p.x, y, p.y});
    if (!pixel || pixel->x < 2 || pixel->y < 2 || pixel->x > 317 || pixel->y > 177) continue;
    INFO("river point " << p.x << "," << p.y << " at pixel " << pixel->x << "," << pixel->y);
    CHECK(test::kind_near(r, frame, *pixel, "water", 1));
    ++checked;
  }
  CHECK(checked >= 10);
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("the outer wall ring stands where the scenario puts it", "[render][id]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  const scene::Camera camera = test::top_down({0, 0}, 1800, 60);
  const renderer::FrameImage frame = r.render(at_phase(s, "famine"), camera, {640, 360}, true);

  const scene::Wall& outer = wall(s, "outer_wall");
  int checked = 0, walls = 0;
  for (glm::vec2 p : scene::resample(scene::explicit_path(outer.points, true), 60.0f)) {
    const auto pixel = test::project(camera, frame.width, frame.height, {p.x, s.ground->height(p) + outer.height, p.y});
    REQUIRE(pixel);
    ++checked;
    if (test::kind_near(r, frame, *pixel, "wall", 1) || test::kind_near(r, frame, *pixel, "gate", 1) ||
        test::kind_near(r, frame, *pixel, "tower", 1))
      ++walls;
    else
      UNSCOPED_INFO("no wall near " << p.x << "," << p.y << " (pixel " << pixel->x << "," << pixel->y << ")");
  }
  CHECK(checked > 50);
  CHECK(walls == checked);
  // And not everywhere: the middle of the city and the plain far outside are no wall.
  const auto centre = test::project(camera, frame.width, frame.height, {0, s.ground->height({0, 0}), 0});
  REQUIRE(centre);
  CHECK(test::kind_at(r, frame, *centre) != "wall");
  const auto outside = test::project(camera, frame.width, frame.height, {1500, s.ground->height({1500, -900}), -900});
  REQUIRE(outside);
  CHECK(test::kind_at(r, frame, *outside) == "terrain");
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("the sky is above the horizon and the ground below it", "[render][id]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  scene::Camera camera;  // standing on the plain north-east of the city, looking level
  camera.position = {2500, s.ground->height({2500, -2500}) + 40, -2500};
  camera.target = {0, camera.position.y, 0};
  camera.fov_deg = 50;
  const renderer::FrameImage frame = r.render(at_phase(s, "famine"), camera, {320, 180}, true);
  for (int x = 0; x < 320; x += 16) {
    INFO("column " << x);
    CHECK(test::kind_at(r, frame, {x, 2}) == "sky");
    CHECK(test::kind_at(r, frame, {x, 177}) != "sky");
  }
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("the changli appears as it is built", "[render][id]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  REQUIRE(!s.siege_rings.empty());
  const scene::SiegeRing& ring = s.siege_rings.front();
  renderer::Renderer r(test::context(), s);
  // Look down on a point of the ring that is built first (its path starts there).
  const glm::vec2 p = scene::resample(ring.points, 50.0f)[2];
  const scene::Camera camera = test::top_down(p, 500, 60);
  const glm::vec3 world(p.x, s.ground->height(p) + ring.height, p.y);

  const renderer::FrameImage before = r.render(scene::evaluate(s, 0.0), camera, {320, 180}, true);
  const auto pixel = test::project(camera, 320, 180, world);
  REQUIRE(pixel);
  CHECK_FALSE(test::kind_near(r, before, *pixel, "siege_ring", 2));
  const renderer::FrameImage after = r.render(at_phase(s, "famine"), camera, {320, 180}, true);
  CHECK(test::kind_near(r, after, *pixel, "siege_ring", 1));
  CHECK(test::context().validation_errors() == 0);
}
