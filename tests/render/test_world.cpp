// The world follows the data: in top-down views of both scenarios the ID pass finds the
// rivers, the wall rings, the siege rings, the cities' buildings, camps and engines where the
// scenario puts them; a breached segment shows ground through its gap; a drained lake shows
// less water than a full one. Lavapipe, validation on.
#include <cmath>
#include <map>

#include <catch2/catch.hpp>

#include "render_fixture.h"
#include "scene/model/calendar.h"
#include "scene/model/clock.h"
#include "scene/model/geometry2d.h"
#include "scene/sim/evaluate.h"

namespace {

scene::Snapshot at_date(const scene::Scenario& s, const char* date) {
  const auto day = scene::parse_day(date, s.calendar);
  REQUIRE(day);
  return scene::evaluate(s, scene::presentation_at(s, *day));
}

scene::Snapshot at_phase(const scene::Scenario& s, const std::string& phase) {
  const int index = s.phase_index(phase);
  REQUIRE(index >= 0);
  return scene::evaluate(s, scene::phase_start_s(s, index));
}

template <typename T>
const T& by_id(const std::vector<T>& items, const std::string& id) {
  for (const T& item : items)
    if (item.id == id) return item;
  FAIL("no " << id);
  throw;
}

// Fraction of the pixels within `radius` metres of `centre` (a top-down camera) whose kind is `kind`.
double coverage(const renderer::Renderer& r, const renderer::FrameImage& frame, const scene::Camera& camera,
                const scene::Scenario& s, glm::vec2 centre, float radius, const std::string& kind) {
  int hits = 0, total = 0;
  for (float z = -radius; z <= radius; z += radius / 12)
    for (float x = -radius; x <= radius; x += radius / 12) {
      if (x * x + z * z > radius * radius) continue;
      const glm::vec2 p = centre + glm::vec2(x, z);
      const auto pixel = test::project(camera, frame.width, frame.height, {p.x, s.ground->height(p), p.y});
      if (!pixel || pixel->x < 0 || pixel->y < 0 || pixel->x >= static_cast<int>(frame.width) ||
          pixel->y >= static_cast<int>(frame.height))
        continue;
      ++total;
      hits += test::kind_at(r, frame, *pixel) == kind;
    }
  std::map<std::string, int> kinds;
  for (float z = -radius; z <= radius; z += radius / 12)
    for (float x = -radius; x <= radius; x += radius / 12) {
      const glm::vec2 p = centre + glm::vec2(x, z);
      const auto pixel = test::project(camera, frame.width, frame.height, {p.x, s.ground->height(p), p.y});
      if (pixel && pixel->x >= 0 && pixel->y >= 0 && pixel->x < static_cast<int>(frame.width) &&
          pixel->y < static_cast<int>(frame.height))
        ++kinds[test::kind_at(r, frame, *pixel)];
    }
  for (const auto& [k, n] : kinds) UNSCOPED_INFO(k << ": " << n);
  return total ? static_cast<double>(hits) / total : 0.0;
}

void check_ring_built(const scene::Scenario& s, const scene::Snapshot& snapshot) {
  REQUIRE(!s.siege_rings.empty());
  const scene::SiegeRing& ring = s.siege_rings.front();
  renderer::Renderer r(test::context(), s);
  const std::vector<glm::vec2> path = scene::resample(scene::explicit_path(ring.points, ring.closed), 400.0f);
  int checked = 0;
  for (size_t i = 0; i < path.size(); i += 3) {
    const glm::vec2 p = path[i];
    const scene::Camera camera = test::top_down(p, 600, 40);
    const renderer::FrameImage frame = r.render(snapshot, camera, {160, 90}, true);
    const auto pixel = test::project(camera, 160, 90, {p.x, s.ground->height(p) + ring.height, p.y});
    REQUIRE(pixel);
    INFO("ring point " << p.x << "," << p.y);
    CHECK(test::kind_near(r, frame, *pixel, "siege_ring", 2));
    ++checked;
  }
  CHECK(checked >= 4);
}

}  // namespace

TEST_CASE("Taiyuan: the Fen is water along its centre line and the wall ring stands", "[render][id][world]") {
  const scene::Scenario& s = test::scenario("taiyuan.json");
  renderer::Renderer r(test::context(), s);
  const scene::Camera camera = test::top_down({-600, 0}, 2600, 60);
  const renderer::FrameImage frame = r.render(at_phase(s, "famine"), camera, {640, 360}, true);
  int river = 0, checked = 0;
  for (glm::vec2 p : scene::resample(by_id(s.rivers, "fen").points, 80.0f)) {
    const auto pixel = test::project(camera, frame.width, frame.height, {p.x, s.ground->height(p), p.y});
    if (!pixel || pixel->x < 2 || pixel->y < 2 || pixel->x > 637 || pixel->y > 357) continue;
    ++checked;
    river += test::kind_near(r, frame, *pixel, "water", 1);
  }
  CHECK(checked >= 10);
  CHECK(river == checked);
  const scene::Wall& wall = by_id(s.walls, "city_wall");
  int walls = 0, wall_points = 0;
  for (glm::vec2 p : scene::resample(scene::explicit_path(wall.points, true), 90.0f)) {
    const auto pixel = test::project(camera, frame.width, frame.height, {p.x, s.ground->height(p) + wall.height, p.y});
    if (!pixel) continue;
    ++wall_points;
    walls += test::kind_near(r, frame, *pixel, "wall", 1) || test::kind_near(r, frame, *pixel, "gate", 1) ||
             test::kind_near(r, frame, *pixel, "tower", 1);
  }
  CHECK(wall_points > 30);
  CHECK(walls == wall_points);
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("Both cities' quarters are built up and the plain outside is not", "[render][id][world]") {
  for (const char* name : {"caizhou.json", "taiyuan.json"}) {
    INFO(name);
    const scene::Scenario& s = test::scenario(name);
    renderer::Renderer r(test::context(), s);
    const scene::Camera camera = test::top_down({0, 0}, 2000, 60);
    const renderer::FrameImage frame = r.render(at_phase(s, "famine"), camera, {640, 360}, true);
    for (const scene::Settlement& q : s.settlements) {
      if (q.kind != scene::SettlementKind::CityQuarter) continue;
      INFO(q.id);
      CHECK(coverage(r, frame, camera, s, q.center, q.radius * 0.6f, "building") > 0.05);
    }
    // Open fields a kilometre beyond the walls: no buildings there.
    CHECK(coverage(r, frame, camera, s, {0, -1350}, 80, "building") == 0.0);
  }
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("The siege rings are complete once built", "[render][id][world]") {
  check_ring_built(test::scenario("caizhou.json"), at_phase(test::scenario("caizhou.json"), "fall"));
  check_ring_built(test::scenario("taiyuan.json"), at_phase(test::scenario("taiyuan.json"), "fall"));
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("A breached wall segment shows ground through its gap", "[render][id][world]") {
  struct Case {
    const char* scenario;
    const char* damage;
    const char* intact;
    const char* breached;
  };
  for (const Case c : {Case{"caizhou.json", "south_wall_breach", "1233-12-01", "1234-01-12"},
                       Case{"taiyuan.json", "east_wall", "1126-01-20", "1126-09-22"}}) {
    INFO(c.scenario << " " << c.damage);
    const scene::Scenario& s = test::scenario(c.scenario);
    const scene::WallDamage& d = by_id(s.damages, c.damage);
    const scene::Wall& w = by_id(s.walls, d.wall);
    renderer::Renderer r(test::context(), s);
    const scene::Camera camera = test::top_down(d.position, 350, 40);
    const renderer::FrameImage before = r.render(at_date(s, c.intact), camera, {320, 180}, true);
    const renderer::FrameImage after = r.render(at_date(s, c.breached), camera, {320, 180}, true);
    // Points on the wall's line across the middle third of the segment.
    const glm::vec2 span = scene::damage_span(w, d);
    const std::vector<glm::vec2> path = scene::explicit_path(w.points, w.closed);
    int wall_before = 0, wall_after = 0, ground_after = 0, n = 0;
    // Across the gap between the broken stubs (each at most a fifth of the segment, 12 m).
    const float stub = std::min(0.2f, 12.5f / (span.y - span.x));
    for (float t = stub + 0.02f; t <= 1.0f - stub - 0.02f; t += 0.025f) {
      const float along = span.x + (span.y - span.x) * t;
      // Walk the path to the point at this arc length.
      float acc = 0;
      glm::vec2 p = path.front();
      for (size_t i = 0; i + 1 < path.size(); ++i) {
        const float len = glm::length(path[i + 1] - path[i]);
        if (acc + len >= along) {
          p = path[i] + (path[i + 1] - path[i]) * ((along - acc) / len);
          break;
        }
        acc += len;
      }
      const auto pixel = test::project(camera, 320, 180, {p.x, s.ground->height(p), p.y});
      REQUIRE(pixel);
      ++n;
      wall_before += test::kind_at(r, before, *pixel) == "wall";
      wall_after += test::kind_at(r, after, *pixel) == "wall";
      ground_after += test::kind_at(r, after, *pixel) == "terrain";
    }
    CHECK(wall_before == n);
    CHECK(wall_after == 0);
    CHECK(ground_after > 0);
  }
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("The drained Chaitan shows less water than the full lake", "[render][id][world]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  const scene::Lake& lake = by_id(s.lakes, "chaitan");
  scene::Bounds2 bounds;
  for (glm::vec2 p : lake.outline) bounds.add(p);
  renderer::Renderer r(test::context(), s);
  const scene::Camera camera = test::top_down(bounds.center(), 900, 50);
  const float radius = glm::length(bounds.max - bounds.min) * 0.35f;
  const double full = coverage(r, r.render(at_date(s, "1233-12-20"), camera, {320, 180}, true), camera, s,
                               bounds.center(), radius, "water");
  const double drained = coverage(r, r.render(at_date(s, "1234-01-09"), camera, {320, 180}, true), camera, s,
                                  bounds.center(), radius, "water");
  INFO("water: full " << full << ", drained " << drained);
  CHECK(full > 0.5);
  CHECK(drained < full * 0.6);
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("Camps and siege engines stand where and when the scenario puts them", "[render][id][world]") {
  const scene::Scenario& s = test::scenario("taiyuan.json");
  renderer::Renderer r(test::context(), s);
  const scene::Snapshot snapshot = at_date(s, "1126-03-10");
  for (const char* id : {"camp_zonghan", "camp_east"}) {
    const scene::Camp& camp = by_id(s.camps, id);
    const scene::Camera camera = test::top_down(camp.center, 450, 50);
    const renderer::FrameImage frame = r.render(snapshot, camera, {320, 180}, true);
    INFO(id);
    // The tents pack around the commander's: look within the radius they fill.
    const float pitch = camp.kind == scene::CampKind::Gers ? 17.0f : 13.0f;
    const float filled = pitch * std::sqrt(static_cast<float>(camp.tents) / 3.14159f);
    CHECK(coverage(r, frame, camera, s, camp.center, filled * 0.8f, "camp") > 0.03);
    const renderer::FrameImage early = r.render(at_date(s, "1125-12-01"), camera, {320, 180}, true);
    CHECK(coverage(r, early, camera, s, camp.center, filled * 0.8f, "camp") == 0.0);
  }
  const scene::SiegeEngine& treb = by_id(s.engines, "treb_n1");
  const glm::vec2 at = treb.path.sample(snapshot.day, glm::vec2(0));
  const scene::Camera camera = test::top_down(at, 150, 40);
  const renderer::FrameImage frame = r.render(snapshot, camera, {160, 90}, true);
  const auto pixel = test::project(camera, 160, 90, {at.x, s.ground->height(at) + 4, at.y});
  REQUIRE(pixel);
  CHECK(test::kind_near(r, frame, *pixel, "siege_engine", 3));
  CHECK(test::context().validation_errors() == 0);
}
