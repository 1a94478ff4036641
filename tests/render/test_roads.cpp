// Roads in the ID pass: in top-down views of both scenarios a road's pixels lie along its
// path, and the fields beside it are not road. Lavapipe, validation on.
#include <catch2/catch.hpp>

#include "render_fixture.h"
#include "scene/model/clock.h"
#include "scene/model/geometry2d.h"
#include "scene/sim/evaluate.h"
#include "scene/world/world.h"

namespace {

constexpr std::uint32_t kWidth = 320, kHeight = 180;
constexpr float kCameraHeight = 600;  // with a 60° field of view: about 3.9 m a pixel, a road 2 to 3 pixels wide

// Whether something else stands over the road at p: a wall, a village's or camp's buildings.
bool covered(const scene::Scenario& s, glm::vec2 p) {
  for (const scene::Wall& w : s.walls)
    if (scene::polyline_distance(p, w.points, w.closed) < 120) return true;
  for (const scene::Settlement& v : s.settlements)
    if (glm::length(p - v.center) < v.radius + 30) return true;
  for (const scene::Camp& c : s.camps)
    if (glm::length(p - c.center) < c.radius + 60) return true;
  return false;
}

struct Tally {
  int on_road = 0, checked = 0, beside = 0, beside_checked = 0;
  std::string misses;  // where a road was not found, for the failure message
};

// Renders top-down tiles every kilometre along each road and asks the ID pass about the
// points of its centre line within the middle of each tile, and points 150 m to its side.
Tally check_roads(const scene::Scenario& s, const std::string& phase) {
  renderer::Renderer r(test::context(), s);
  const int index = s.phase_index(phase);
  REQUIRE(index >= 0);
  const scene::Snapshot snapshot = scene::evaluate(s, scene::phase_start_s(s, index));
  Tally tally;
  for (const scene::Road& road : s.roads) {
    const std::vector<glm::vec2> line = scene::resample(scene::road_centre_line(s, road), 40.0f);
    for (size_t tile = 10; tile < line.size(); tile += 25) {
      const glm::vec2 centre = line[tile];
      if (glm::any(glm::greaterThan(glm::abs(centre), s.terrain.max - 300.0f))) continue;
      const scene::Camera camera = test::top_down(centre, kCameraHeight, 60);
      const renderer::FrameImage frame = r.render(snapshot, camera, {kWidth, kHeight}, true);
      for (size_t i = tile - 6; i <= tile + 6 && i + 1 < line.size(); ++i) {
        const glm::vec2 p = line[i];
        if (covered(s, p)) continue;
        const auto pixel = test::project(camera, kWidth, kHeight, {p.x, s.ground->height(p), p.y});
        REQUIRE(pixel);
        ++tally.checked;
        if (test::kind_near(r, frame, *pixel, "road", 1))
          ++tally.on_road;
        else
          tally.misses += road.id + " at " + std::to_string(p.x) + "," + std::to_string(p.y) + " (found " +
                          test::kind_at(r, frame, *pixel) + "); ";
        // 150 m to the side, unless another road passes there.
        const glm::vec2 dir = glm::normalize(line[i + 1] - line[i]);
        const glm::vec2 side = p + glm::vec2(-dir.y, dir.x) * 150.0f;
        bool near_other = false;
        for (const scene::Road& other : s.roads)
          near_other = near_other || scene::polyline_distance(side, scene::road_centre_line(s, other)) < 40;
        if (near_other || covered(s, side)) continue;
        const auto off = test::project(camera, kWidth, kHeight, {side.x, s.ground->height(side), side.y});
        REQUIRE(off);
        ++tally.beside_checked;
        tally.beside += test::kind_at(r, frame, *off) == "road";
      }
    }
  }
  return tally;
}

}  // namespace

TEST_CASE("Caizhou: the roads lie where their paths say", "[render][id][roads]") {
  const Tally t = check_roads(test::scenario("caizhou.json"), "gathering");
  CHECK(t.checked > 150);
  INFO(t.misses);
  CHECK(t.on_road == t.checked);
  CHECK(t.beside_checked > 100);
  CHECK(t.beside == 0);
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("Taiyuan: the roads lie where their paths say, over the hills too", "[render][id][roads]") {
  const Tally t = check_roads(test::scenario("taiyuan.json"), "background");
  CHECK(t.checked > 150);
  INFO(t.misses);
  // At this small size (about 3 m a pixel) the hill chunks draw a coarse level of detail that
  // can bulge more than the 1 m a road rises to clear it (scene/world/roads.cpp, kMaxLodLift): a
  // few centre-line points on the Western Hills' and eastern hills' slopes may be hidden.
  CHECK(t.on_road >= t.checked * 99 / 100);
  CHECK(t.beside_checked > 100);
  CHECK(t.beside == 0);
  CHECK(test::context().validation_errors() == 0);
}
