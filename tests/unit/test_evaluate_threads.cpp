// evaluate() lays a large army out on several threads (scene/sim/evaluate.cpp): the Snapshot
// must be the same, soldier for soldier, whatever the number of threads.
#include <catch2/catch.hpp>

#include <cstring>

#include "load_test_support.h"
#include "scene/model/clock.h"
#include "scene/sim/evaluate.h"

using namespace scene;

namespace {

bool same_soldier(const Soldier& a, const Soldier& b) {
  return a.position == b.position && a.heading == b.heading && a.unit == b.unit && a.kind == b.kind &&
         a.clip == b.clip && a.phase == b.phase && a.look == b.look;
}

// How many soldiers differ between two snapshots (all of them when the counts differ), and
// whether every unit's range of soldiers is the same.
size_t differences(const Snapshot& a, const Snapshot& b) {
  if (a.soldiers.size() != b.soldiers.size()) return std::max(a.soldiers.size(), b.soldiers.size());
  size_t differ = 0;
  for (size_t i = 0; i < a.soldiers.size(); ++i) differ += same_soldier(a.soldiers[i], b.soldiers[i]) ? 0 : 1;
  for (size_t u = 0; u < a.units.size(); ++u)
    differ +=
        a.units[u].first_soldier != b.units[u].first_soldier || a.units[u].soldier_count != b.units[u].soldier_count;
  return differ;
}

}  // namespace

TEST_CASE("evaluate: a large army is the same on one or many threads", "[evaluate]") {
  LoadResult r = load_scenario(std::string(SIEGE_SOURCE_DIR) + "/assets/scenarios/caizhou.json");
  REQUIRE(r.scenario.has_value());
  Scenario s = std::move(*r.scenario);
  s.settings.soldiers_per_figure = 0.5f;  // well over the threshold for threads: some 150k figures
  const double end = phase_start_s(s, static_cast<int>(s.phases.size()) - 1) + s.phases.back().duration_s;
  for (const double t : {0.3 * end, 0.6 * end, 0.95 * end}) {
    const Snapshot one = evaluate(s, t, 1);
    REQUIRE(one.soldiers.size() > 40000);
    for (const unsigned threads : {2u, 5u, 16u}) {
      INFO("t " << t << " s, " << threads << " threads");
      CHECK(differences(one, evaluate(s, t, threads)) == 0);
    }
  }
  // The control: the measure sees a change of one man.
  Snapshot one = evaluate(s, 0.6 * end, 1);
  Snapshot moved = one;
  moved.soldiers[moved.soldiers.size() / 2].position.x += 0.01f;
  CHECK(differences(one, moved) == 1);
}
