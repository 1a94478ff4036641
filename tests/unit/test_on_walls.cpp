// Men off the ground (scene/sim/on_walls.h): climbers on the leaning ladders of Taiyuan's
// storm, and a garrison on its wall-walk.
#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "app/core/time_spec.h"
#include "load_test_support.h"
#include "scene/model/geometry2d.h"
#include "scene/model/heightfield.h"
#include "scene/sim/evaluate.h"
#include "scene/sim/ladders.h"
#include "scene/sim/on_walls.h"

using namespace scene;

namespace {

float ground_at(const Scenario& s, glm::vec3 p) { return s.ground->height({p.x, p.z}); }

// How much of the clip's cycle the men's phases span (1: all of it); men in step span little.
float phase_spread(const std::vector<float>& phases) {
  if (phases.empty()) return 0;
  const auto [lo, hi] = std::minmax_element(phases.begin(), phases.end());
  return *hi - *lo;
}
glm::vec2 facing(float heading) { return {std::sin(heading), -std::cos(heading)}; }

// Distance from p to the segment ab in 3D.
float to_segment(glm::vec3 p, glm::vec3 a, glm::vec3 b) {
  const glm::vec3 ab = b - a;
  const float t = glm::clamp(glm::dot(p - a, ab) / glm::dot(ab, ab), 0.0f, 1.0f);
  return glm::length(p - (a + ab * t));
}

}  // namespace

TEST_CASE("climbers stand on the leaning ladders, above the ground, facing the wall", "[walls]") {
  LoadResult r = load_scenario(std::string(SIEGE_SOURCE_DIR) + "/assets/scenarios/taiyuan.json");
  REQUIRE(r.scenario.has_value());
  const Scenario& s = *r.scenario;
  std::string error;
  const auto snap = app::snapshot_for_time(s, "1126-09-21T07:30", &error);
  REQUIRE(snap.has_value());
  std::vector<LadderPose> leaning;
  for (const LadderPose& l : ladders_at(s, *snap))
    if (l.how == LadderHow::Leaning) leaning.push_back(l);
  REQUIRE(leaning.size() >= 2);
  int climbers = 0;
  std::vector<float> phases;
  for (const Soldier& man : snap->soldiers) {
    if (man.clip != Clip::Climb) continue;
    ++climbers;
    phases.push_back(man.phase);
    float nearest = 1e30f;
    const LadderPose* on = nullptr;
    for (const LadderPose& l : leaning) {
      const float d = to_segment(man.position, l.foot, l.top);
      if (d < nearest) nearest = d, on = &l;
    }
    REQUIRE(on);
    CHECK(nearest < 0.01f);
    CHECK(on->unit == man.unit);
    CHECK(man.position.y > ground_at(s, man.position) + 0.5f);
    const glm::vec2 towards = glm::normalize(glm::vec2(on->top.x - on->foot.x, on->top.z - on->foot.z));
    CHECK(glm::dot(facing(man.heading), towards) > 0.99f);
  }
  CHECK(climbers == kClimbers * static_cast<int>(leaning.size()));
  CHECK(phase_spread(phases) > 0.5f);  // not climbing in step
}

TEST_CASE("a garrison holding just inside its wall stands on the wall-walk, facing out", "[walls]") {
  const std::string world = R"(
  "walls": [{"id": "city", "points": [[-300, -300], [300, -300], [300, 300], [-300, 300]], "thickness": 10, "height": 11}],)";
  // 400 archers 25 m inside the south wall (z = 300), facing it: a block some 20 m deep.
  const std::string units =
      R"([{"id": "g", "name": {"en": "G"}, "faction": "jin", "kind": "archers", "path": [0, 275], "heading": 180, "state": "hold", "strength": 400, "sources": ["record"]},
          {"id": "m", "name": {"en": "M"}, "faction": "mongol", "path": [0, 420], "state": "hold", "strength": 100, "sources": ["record"]}])";
  LoadResult r = load_test::load(load_test::scenario({{"units", units}}, world));
  INFO(Catch::Detail::stringify(load_test::errors(r)));
  REQUIRE(r.scenario.has_value());
  const Scenario& s = *r.scenario;
  const Snapshot snap = evaluate(s, 5.0);
  const UnitSnapshot& g = snap.units[0];
  REQUIRE(g.soldier_count == 400);
  int on_wall = 0, below = 0;
  std::vector<float> phases;
  for (std::uint32_t i = 0; i < g.soldier_count; ++i) {
    const Soldier& man = snap.soldiers[g.first_soldier + i];
    const float ground = ground_at(s, man.position);
    if (man.position.y > ground + 5.0f) {
      ++on_wall;
      CHECK(man.position.y == Approx(s.ground->height({man.position.x, 300.0f}) + 11.0f).margin(0.05));
      CHECK(std::abs(man.position.z - 300.0f) < 5.0f);  // within the wall's top
      CHECK(facing(man.heading).y > 0.99f);             // out, to the south
      CHECK(man.clip == Clip::Shoot);                   // archers, an enemy 145 m off
      phases.push_back(man.phase);
    } else {
      ++below;
      CHECK(man.position.y == Approx(ground).margin(1e-3));
      CHECK(man.position.z < 286.5f - kManned + 1.5f);  // the men further back, on the ground (the front rank: 286)
    }
  }
  CHECK(on_wall > 40);
  CHECK(below > 40);
  CHECK(phase_spread(phases) > 0.8f);  // the wall-walk does not shoot in step
}
