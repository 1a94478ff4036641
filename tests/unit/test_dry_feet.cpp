// Soldiers keep their feet out of the water (scene/sim/dry_ground.h): in a small world with a
// river, a lake and a moat, and over the whole timeline of both shipped scenarios. Also the
// scenario fields this needs ("fords", "afloat") and the factions' "kit".
#include <catch2/catch.hpp>

#include <chrono>

#include "load_test_support.h"
#include "scene/model/clock.h"
#include "scene/model/heightfield.h"
#include "scene/model/water.h"
#include "scene/sim/evaluate.h"

using namespace scene;
using namespace load_test;
using Catch::Matchers::Contains;

namespace {

const std::string kWaterWorld = R"(
  "rivers": [{"id": "ru", "points": [[-3000, 500], [3000, 500]], "width": 80}],
  "lakes": [{"id": "pond", "outline": [[1000, -1000], [1400, -1000], [1400, -600], [1000, -600]], "bed_depth": 4,
             "level": {"keys": [{"t": "1233-10-01", "v": 0}, {"t": "1233-10-10", "v": -4}]}}],
  "walls": [{"id": "city", "points": [[-300, -300], [300, -300], [300, 300], [-300, 300]], "thickness": 10}],
  "moats": [{"id": "m", "around": "city", "offset": 15, "width": 30}],)";

// One 3000-man block at `where` (its depth about 60 m), facing north; `extra` adds members.
Scenario water_world(const std::string& where, const std::string& extra = "") {
  const std::string units = R"([{"id": "u", "name": {"en": "U"}, "faction": "jin", "path": )" + where +
                            R"(, "heading": 0, "strength": 3000, "sources": ["record"])" + extra + "}]";
  LoadResult r = load(scenario({{"units", units}}, kWaterWorld));
  INFO(Catch::Detail::stringify(errors(r)));
  REQUIRE(r.scenario.has_value());
  return std::move(*r.scenario);
}

// The soldiers standing in water at presentation second t, not counting units that may.
struct Wet {
  size_t soldiers = 0, wet = 0;
};
Wet wet_soldiers(const Scenario& s, const Snapshot& snap) {
  Wet w;
  for (const Soldier& man : snap.soldiers) {
    const Unit& unit = s.units[man.unit];
    if (unit.fords || unit.afloat) continue;
    ++w.soldiers;
    if (!water_at(s, {man.position.x, man.position.z}, snap.day).empty()) ++w.wet;
  }
  return w;
}

}  // namespace

TEST_CASE("dry feet: a block reaching into a river stands on its own bank", "[dry]") {
  // The river's water spans z 460..540; the block's centre stands 30 m north of its edge.
  const Scenario s = water_world("[0, 570]");
  const Snapshot snap = evaluate(s, 5.0);
  REQUIRE(snap.soldiers.size() == 3000);
  CHECK(wet_soldiers(s, snap).wet == 0);
  size_t on_bank = 0;
  for (const Soldier& man : snap.soldiers) {
    CHECK(man.position.z > 540.0f);  // never across: the unit's own bank
    CHECK(man.position.y == Approx(s.ground->height({man.position.x, man.position.z})).margin(1e-3));
    on_bank += man.position.z < 560.0f;
  }
  CHECK(on_bank > 100);
  // A unit that fords is left in the water.
  const Scenario fording = water_world("[0, 570]", R"(, "fords": true)");
  const Snapshot wading = evaluate(fording, 5.0);
  size_t wet = 0;
  for (const Soldier& man : wading.soldiers)
    wet += !water_at(fording, {man.position.x, man.position.z}, wading.day).empty();
  CHECK(wet > 50);
}

TEST_CASE("dry feet: out of a full lake, and back on its bed once drained, and out of a moat", "[dry]") {
  // The lake's north shore is z = -600; the block's centre 10 m outside it.
  const Scenario s = water_world("[1200, -590]");
  const double full = presentation_at(s, 2.0 + s.phases.front().start.day);
  Snapshot snap = evaluate(s, full);
  CHECK(wet_soldiers(s, snap).wet == 0);
  // The moat's water spans 20..50 m beyond the wall's line (z -320..-350 on the south side).
  const Scenario moat = water_world("[0, -340]");
  snap = evaluate(moat, 5.0);
  const Wet w = wet_soldiers(moat, snap);
  CHECK(w.soldiers == 3000);
  CHECK(w.wet == 0);
  // Its centre stands on the moat's centre line, so its men go to the nearer side: both.
  size_t berm = 0, beyond = 0;
  for (const Soldier& man : snap.soldiers) (man.position.z > -320.0f ? berm : beyond) += 1;
  CHECK(berm + beyond == 3000);
}

TEST_CASE("dry feet: no soldier stands in water over the whole of either shipped scenario", "[dry]") {
  for (const char* name : {"caizhou", "taiyuan"}) {
    LoadResult r = load_scenario(std::string(SIEGE_SOURCE_DIR) + "/assets/scenarios/" + name + ".json");
    REQUIRE(r.scenario.has_value());
    const Scenario& s = *r.scenario;
    const double end = phase_start_s(s, static_cast<int>(s.phases.size()) - 1) + s.phases.back().duration_s;
    constexpr int kInstants = 64;
    size_t soldiers = 0;
    for (int i = 0; i <= kInstants; ++i) {
      const double t = end * i / kInstants;
      const Snapshot snap = evaluate(s, t);
      const Wet w = wet_soldiers(s, snap);
      INFO(name << " at " << t << " s");
      CHECK(w.wet == 0);
      soldiers += w.soldiers;
    }
    CHECK(soldiers > 10000);
  }
}

TEST_CASE("load: fording and floating units may stand in water", "[load]") {
  const std::string world = kWaterWorld;
  const auto warnings_for = [&](const std::string& extra) {
    const auto r =
        load(scenario({{"units", R"([{"id": "u", "name": {"en": "U"}, "faction": "jin", "path": [0, 510], )" + extra +
                                     R"("strength": 100, "sources": ["record"]}])"}},
                      world));
    REQUIRE(r.errors.empty());
    return r.warnings.size();
  };
  CHECK(warnings_for("") == 1);
  CHECK(warnings_for(R"("fords": true, )") == 0);
  CHECK(warnings_for(R"("afloat": true, )") == 0);
  CHECK(warnings_for(R"("fords": false, )") == 1);
  const auto bad = errors_of(scenario(
      {{"units",
        R"([{"id": "u", "name": {"en": "U"}, "faction": "jin", "path": [0, 0], "fords": "yes", "strength": 100, "sources": ["record"]}])"}}));
  REQUIRE(bad.size() == 1);
  CHECK_THAT(bad[0], Contains("t.json:" + std::to_string(kUnits)));
}

TEST_CASE("load: a faction's kit, by name or from its id", "[load]") {
  const auto kits = [](const std::string& factions) {
    const auto r = load(scenario({{"factions", factions}, {"units", "[]"}}));
    INFO(Catch::Detail::stringify(errors(r)));
    REQUIRE(r.scenario.has_value());
    std::vector<Kit> out;
    for (const Faction& f : r.scenario->factions) out.push_back(f.kit);
    return out;
  };
  CHECK(
      kits(
          R"([{"id": "mongol", "name": {"en": "M"}, "color": "#ffffff"}, {"id": "jin", "name": {"en": "J"}, "color": "#ffffff"},
                 {"id": "song", "name": {"en": "S"}, "color": "#ffffff"}, {"id": "xia", "name": {"en": "X"}, "color": "#ffffff"}])") ==
      std::vector<Kit>{Kit::Mongol, Kit::Jin, Kit::Song, Kit::Song});
  CHECK(
      kits(
          R"([{"id": "tolui", "name": {"en": "T"}, "color": "#ffffff", "kit": "mongol"}, {"id": "jin", "name": {"en": "J"}, "color": "#ffffff", "kit": "song"}])") ==
      std::vector<Kit>{Kit::Mongol, Kit::Song});
  const auto bad =
      errors_of(scenario({{"factions", R"([{"id": "jin", "name": {"en": "J"}, "color": "#ffffff", "kit": "jurchen"}])"},
                          {"units", "[]"}}));
  REQUIRE(bad.size() == 1);
  CHECK_THAT(bad[0], Contains("t.json:" + std::to_string(kFactions)) && Contains("\"mongol\", \"jin\", \"song\"") &&
                         Contains("jurchen"));
  // The shipped scenarios name their kits.
  for (const char* name : {"caizhou", "taiyuan"}) {
    const std::string text = read_file(std::string(SIEGE_SOURCE_DIR) + "/assets/scenarios/" + name + ".json");
    CHECK_THAT(text, Contains("\"kit\": \"jin\"") && Contains("\"kit\": \"song\""));
  }
}
