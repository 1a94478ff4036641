// The action of an assault seen through the ID pass: scaling ladders against Caizhou's south
// wall on 9 February, and a trebuchet's arm up at the instant its stone leaves and down on
// the ground between shots. Lavapipe, validation on.
#include <catch2/catch.hpp>

#include "render_fixture.h"
#include "scene/model/calendar.h"
#include "scene/model/clock.h"
#include "scene/sim/evaluate.h"
#include "scene/sim/projectiles.h"
#include "scene/world/world.h"

namespace {

double at(const scene::Scenario& s, const char* date) {
  const auto day = scene::parse_day(date, s.calendar);
  REQUIRE(day);
  return scene::presentation_at(s, *day);
}

}  // namespace

TEST_CASE("action: ladders stand against the wall where the assault reaches it", "[render][id][action]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  const scene::Snapshot snap = scene::evaluate(s, at(s, "1234-02-09T07:30"));
  const std::vector<scene::LadderPose> ladders = scene::ladders_at(s, snap);
  REQUIRE(ladders.size() >= 4);
  int seen = 0;
  for (std::size_t i = 0; i < ladders.size(); i += ladders.size() / 4) {
    const scene::LadderPose& l = ladders[i];
    // From out in front of the wall and above the men's heads, looking at the ladder's upper half.
    const glm::vec3 out = glm::normalize(glm::vec3(l.foot.x - l.top.x, 0, l.foot.z - l.top.z));
    // Aim at one rail (0.3 m off the ladder's axis; between the rails is the wall seen through the rungs).
    const glm::vec3 side = glm::normalize(glm::cross(l.top - l.foot, glm::vec3(0, 1, 0)));
    const glm::vec3 aim = glm::mix(l.foot, l.top, 0.7f) + side * 0.3f;
    scene::Camera camera;
    camera.position = aim + out * 22.0f + glm::vec3(0, 5, 0);
    camera.target = aim;
    camera.fov_deg = 40;
    camera.near_m = 0.5f;
    const renderer::FrameImage frame = r.render(snap, camera, {320, 180}, true);
    const auto pixel = test::project(camera, 320, 180, aim);
    REQUIRE(pixel);
    INFO("ladder " << i << " at " << aim.x << "," << aim.y << "," << aim.z);
    CHECK(test::kind_near(r, frame, *pixel, "ladder", 2));
    // Above its top there is no ladder, and behind it the wall.
    const auto above = test::project(camera, 320, 180, l.top + glm::vec3(0, 4, 0));
    REQUIRE(above);
    CHECK_FALSE(test::kind_near(r, frame, *above, "ladder", 1));
    seen += test::kind_near(r, frame, *pixel, "ladder", 2);
  }
  CHECK(seen >= 4);
  // Three weeks before, holding the January breach, no ladders anywhere on screen.
  const scene::Snapshot holding = scene::evaluate(s, at(s, "1234-01-20"));
  scene::Camera wide;
  wide.position = {0, 120, 760};
  wide.target = {0, 5, 612};
  const renderer::FrameImage frame = r.render(holding, wide, {320, 180}, true);
  bool any = false;
  for (int y = 0; y < 180 && !any; y += 2)
    for (int x = 0; x < 320 && !any; x += 2) any = test::kind_at(r, frame, {x, y}) == "ladder";
  CHECK_FALSE(any);
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("action: the trebuchet's arm is up at the release and down between shots", "[render][id][action]") {
  const scene::Scenario& s = test::scenario("taiyuan.json");
  renderer::Renderer r(test::context(), s);
  std::size_t e = 0;
  while (e < s.engines.size() && s.engines[e].id != "treb_n1") ++e;
  REQUIRE(e < s.engines.size());
  const double start = scene::phase_start_s(s, s.phase_index("bombardment"));
  const scene::Snapshot probe = scene::evaluate(s, start + 5.0);
  const scene::VolleySchedule schedule = scene::volley_schedule(s, probe, e);
  REQUIRE(schedule.rate > 0);
  const double release = schedule.release_s(5), next = schedule.release_s(6);
  const glm::vec2 base = probe.engine_position[e];
  const glm::vec2 facing = scene::engine_facing(s.engines[e], base);
  const float ground = s.ground->height(base);
  // Seen from the side, where the sling end is at the release (up, over the axle).
  const glm::vec2 up_end = scene::trebuchet_sling_end(scene::trebuchet::kReleaseAngle);
  const glm::vec3 sling_up(base.x + facing.x * up_end.x, ground + up_end.y - 0.6f, base.y + facing.y * up_end.x);
  const glm::vec3 side(-facing.y, 0, facing.x);
  scene::Camera camera;
  camera.target = {base.x, ground + 8, base.y};
  camera.position = camera.target + side * 45.0f + glm::vec3(0, 3, 0);
  camera.fov_deg = 45;
  const auto pixel = test::project(camera, 240, 160, sling_up);
  REQUIRE(pixel);
  const renderer::FrameImage fired = r.render(scene::evaluate(s, start + release), camera, {240, 160}, true);
  CHECK(test::kind_near(r, fired, *pixel, "siege_engine", 1));
  const renderer::FrameImage resting =
      r.render(scene::evaluate(s, start + 0.5 * (release + next)), camera, {240, 160}, true);
  CHECK_FALSE(test::kind_near(r, resting, *pixel, "siege_engine", 1));
  CHECK(test::context().validation_errors() == 0);
}
