// The action of the siege is a pure function of time: the same t puts the same stone at the
// same place whatever was evaluated before, stones fly from their engine to their target,
// and soldiers' positions repeat exactly for a given t.
#include <catch2/catch.hpp>

#include <string>

#include "scene/load/load.h"
#include "scene/model/clock.h"
#include "scene/sim/evaluate.h"
#include "scene/sim/projectiles.h"

namespace {

const scene::Scenario& caizhou() {
  static const scene::LoadResult loaded =
      scene::load_scenario(std::string(SIEGE_SOURCE_DIR) + "/assets/scenarios/caizhou.json");
  REQUIRE(loaded.scenario);
  return *loaded.scenario;
}

}  // namespace

TEST_CASE("stones in flight are the same at the same t, scrubbing back and forth", "[projectiles]") {
  const scene::Scenario& s = caizhou();
  const int phase = s.phase_index("assault");
  REQUIRE(phase >= 0);
  const double t = scene::phase_start_s(s, phase) + 3.3;
  const scene::Snapshot a = scene::evaluate(s, t);
  const std::vector<scene::Projectile> first = scene::projectiles_at(s, a);
  REQUIRE(!first.empty());
  (void)scene::projectiles_at(s, scene::evaluate(s, t + 5.0));
  (void)scene::projectiles_at(s, scene::evaluate(s, t - 2.0));
  const std::vector<scene::Projectile> again = scene::projectiles_at(s, scene::evaluate(s, t));
  REQUIRE(again.size() == first.size());
  for (size_t i = 0; i < first.size(); ++i) {
    CHECK(again[i].engine == first[i].engine);
    CHECK(again[i].shot == first[i].shot);
    CHECK(again[i].position == first[i].position);
  }
  std::vector<scene::Particle> p1, p2;
  scene::append_effects(s, a, p1);
  scene::append_effects(s, scene::evaluate(s, t), p2);
  REQUIRE(p1.size() == p2.size());
  for (size_t i = 0; i < p1.size(); ++i) CHECK(p1[i].position == p2[i].position);
}

TEST_CASE("a stone flies from its engine and lands near its target", "[projectiles]") {
  const scene::Scenario& s = caizhou();
  const int phase = s.phase_index("assault");
  const double start = scene::phase_start_s(s, phase);
  int checked = 0;
  for (double t = start; t < start + 6.0; t += 0.25) {
    const scene::Snapshot snap = scene::evaluate(s, t);
    for (const scene::Projectile& p : scene::projectiles_at(s, snap)) {
      const scene::SiegeEngine& engine = s.engines[p.engine];
      REQUIRE(engine.target);
      const glm::vec2 base = snap.engine_position[p.engine];
      CHECK(glm::length(glm::vec2(p.from.x, p.from.z) - base) < 2.5f);  // the sling end, just ahead of the axle
      CHECK(glm::length(glm::vec2(p.to.x, p.to.z) - *engine.target) <= 36.0f);
      if (p.progress > 0.3f && p.progress < 0.7f) CHECK(p.position.y > p.from.y);  // high in its arc
      if (p.progress >= 1.0f) CHECK(p.position == p.to);
      ++checked;
    }
  }
  CHECK(checked > 10);
}

TEST_CASE("soldiers' positions are the same for the same t", "[projectiles][evaluate]") {
  const scene::Scenario& s = caizhou();
  const double t = scene::phase_start_s(s, s.phase_index("song_arrival")) + 1.7;
  const scene::Snapshot a = scene::evaluate(s, t);
  (void)scene::evaluate(s, t * 0.5);
  const scene::Snapshot b = scene::evaluate(s, t);
  REQUIRE(a.soldiers.size() == b.soldiers.size());
  REQUIRE(!a.soldiers.empty());
  for (size_t i = 0; i < a.soldiers.size(); ++i) {
    CHECK(a.soldiers[i].position == b.soldiers[i].position);
    CHECK(a.soldiers[i].heading == b.soldiers[i].heading);
  }
}
