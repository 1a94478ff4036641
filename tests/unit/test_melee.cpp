// Men fighting in a breach (scene/sim/melee.h): Caizhou's west wall, pulled down on 20 January
// 1234, where the Mongols and Zhongde's picked men fought "day and night" (Jin shi 119); the
// same stretch with no breach as a control; and a breach with a river at its foot.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <vector>

#include "app/core/time_spec.h"
#include "load_test_support.h"
#include "scene/model/geometry2d.h"
#include "scene/model/heightfield.h"
#include "scene/model/wall_path.h"
#include "scene/model/water.h"
#include "scene/sim/evaluate.h"
#include "scene/sim/melee.h"

using namespace scene;

namespace {

glm::vec2 facing(float heading) { return {std::sin(heading), -std::cos(heading)}; }
glm::vec2 xz(const Soldier& man) { return {man.position.x, man.position.z}; }

const Scenario& caizhou() {
  static const Scenario s = [] {
    LoadResult r = load_scenario(std::string(SIEGE_SOURCE_DIR) + "/assets/scenarios/caizhou.json");
    INFO(Catch::Detail::stringify(load_test::errors(r)));
    REQUIRE(r.scenario.has_value());
    return std::move(*r.scenario);
  }();
  return s;
}

Snapshot at(const Scenario& s, const char* when) {
  std::string error;
  std::optional<Snapshot> snap = app::snapshot_for_time(s, when, &error);
  INFO(error);
  REQUIRE(snap.has_value());
  return std::move(*snap);
}

const WallDamage& damage_named(const Scenario& s, const std::string& id, size_t* index = nullptr) {
  for (size_t i = 0; i < s.damages.size(); ++i)
    if (s.damages[i].id == id) {
      if (index) *index = i;
      return s.damages[i];
    }
  FAIL("no damage " << id);
  throw 0;
}

const Wall& wall_named(const Scenario& s, const std::string& id) {
  for (const Wall& w : s.walls)
    if (w.id == id) return w;
  FAIL("no wall " << id);
  throw 0;
}

// A breach seen from the sim's side: its middle, along and outward, and its ramp.
struct Breach {
  glm::vec2 mid{0}, along{1, 0}, out{0, 1};
  BreachRamp ramp;
  float base = 0;
  // Where p is: metres along the wall from the middle, and outward of its line.
  float along_of(glm::vec2 p) const { return glm::dot(p - mid, along); }
  float across_of(glm::vec2 p) const { return glm::dot(p - mid, out); }
  bool in_gap(glm::vec2 p, float line) const {
    return std::abs(along_of(p)) <= ramp.half_length && std::abs(across_of(p)) <= line;
  }
};

Breach breach_of(const Scenario& s, const WallDamage& d) {
  const Wall& wall = wall_named(s, d.wall);
  const glm::vec2 span = damage_span(wall, d);
  const WallPoint mid = point_on_wall(wall, (span.x + span.y) * 0.5f);
  Breach b;
  b.mid = mid.at;
  b.along = mid.dir;
  b.out = {-mid.dir.y, mid.dir.x};
  if (inside_polygon(b.mid + b.out, wall.points)) b.out = -b.out;
  b.ramp = breach_ramp(wall, span);
  b.base = s.ground->height(b.mid);
  return b;
}

// The men striking within `line` metres of the breach's line, in its gap.
std::vector<const Soldier*> striking_in(const Snapshot& snap, const Breach& b, float line) {
  std::vector<const Soldier*> out;
  for (const Soldier& man : snap.soldiers)
    if (man.clip == Clip::Strike && b.in_gap(xz(man), line)) out.push_back(&man);
  return out;
}

constexpr const char* kPulledDown = "1234-01-20T14:00";  // two hours after the west wall came down

}  // namespace

TEST_CASE("melee: Mongols and Jin fight face to face in the breach of Caizhou's west wall", "[melee]") {
  const Scenario& s = caizhou();
  size_t index = 0;
  const Breach b = breach_of(s, damage_named(s, "west_wall_pulled_down", &index));
  const Snapshot snap = at(s, kPulledDown);
  REQUIRE(snap.wall_damage[index] >= kBreached);
  const std::vector<const Soldier*> men = striking_in(snap, b, 4.0f);
  int mongols = 0, jin = 0;
  for (const Soldier* man : men) {
    const std::string& faction = s.units[man->unit].faction;
    INFO(s.units[man->unit].id << " at " << man->position.x << ", " << man->position.z);
    const float across = b.across_of(xz(*man));
    if (faction == "mongol") {
      ++mongols;
      CHECK(across > 0.2f);                                   // outside the wall's line
      CHECK(glm::dot(facing(man->heading), -b.out) > 0.96f);  // facing in, within 16°
    } else {
      REQUIRE(faction == "jin");
      ++jin;
      CHECK(across < -0.2f);                                 // inside
      CHECK(glm::dot(facing(man->heading), b.out) > 0.96f);  // facing out
    }
    // Feet on the rubble ramp where it lies over the ground, else on the ground.
    const float ground = s.ground->height(xz(*man));
    CHECK(man->position.y == Approx(std::max(ground, b.base + b.ramp.top(across))).margin(0.01));
    CHECK(man->position.y >= ground - 0.01f);
    CHECK(water_at(s, xz(*man), snap.day).empty());  // the moat lies beyond the ramp's foot
  }
  CHECK(mongols >= 30);
  CHECK(jin >= 30);
  // Two lines a metre or two apart: every front-rank man has an enemy within 3 m.
  int close = 0;
  for (const Soldier* a : men)
    for (const Soldier* d : men)
      if (s.units[a->unit].faction == "mongol" && s.units[d->unit].faction == "jin" &&
          glm::length(xz(*a) - xz(*d)) < 3.0f) {
        ++close;
        break;
      }
  CHECK(close >= 20);
  // They play the strike each at his own point of it.
  std::vector<float> phases;
  for (const Soldier* man : men) phases.push_back(man->phase);
  std::sort(phases.begin(), phases.end());
  REQUIRE(phases.size() >= 2);
  CHECK(phases.back() - phases.front() > 0.5f);
}

TEST_CASE("melee: the fight comes out the same on every evaluation", "[melee]") {
  const Scenario& s = caizhou();
  const double t = app::snapshot_for_time(s, kPulledDown, nullptr)->presentation_s;
  const Snapshot a = evaluate(s, t);
  (void)evaluate(s, t + 7.5);  // another instant in between changes nothing
  const Snapshot b = evaluate(s, t);
  REQUIRE(a.soldiers.size() == b.soldiers.size());
  CHECK(std::memcmp(a.soldiers.data(), b.soldiers.data(), a.soldiers.size() * sizeof(Soldier)) == 0);
  size_t index = 0;
  CHECK(striking_in(a, breach_of(s, damage_named(s, "west_wall_pulled_down", &index)), 4.0f).size() >= 60);
}

TEST_CASE("melee: nobody gathers where the wall still stands", "[melee]") {
  Scenario s = caizhou();
  size_t index = 0;
  const Breach b = breach_of(s, damage_named(s, "west_wall_pulled_down", &index));
  s.damages[index].damage.keys = {{s.damages[index].damage.keys.front().t, 0.0f}};
  const Snapshot snap = at(s, kPulledDown);
  REQUIRE(snap.wall_damage[index] == 0.0f);
  int near = 0;
  for (const Soldier& man : snap.soldiers) near += b.in_gap(xz(man), 4.0f) && man.position.y < b.base + 5.0f;
  CHECK(near == 0);
  // The same units are still assaulting there: only the breach is missing.
  bool assaulting = false;
  for (size_t i = 0; i < s.units.size(); ++i)
    assaulting |= s.units[i].id == "zhang_rou" && snap.units[i].state == UnitState::Assault &&
                  glm::length(snap.units[i].position - b.mid) < kMeleeReach;
  CHECK(assaulting);
}

TEST_CASE("melee: a man whose place in the breach is in the river stands on its bank", "[melee]") {
  // A square city; its south wall (z = 300) breached over 60 m, with a river 6 m wide running
  // along its foot, 1..7 m outside the wall's line, where the attackers' ranks would stand.
  const std::string world = R"(
  "rivers": [{"id": "r", "points": [[-3000, 304], [3000, 304]], "width": 6, "sources": ["record"]}],
  "walls": [{"id": "city", "points": [[-300, -300], [300, -300], [300, 300], [-300, 300]], "thickness": 10, "height": 11, "sources": ["record"]}],
  "damages": [{"id": "gap", "wall": "city", "position": [0, 300], "length": 60, "damage": {"interp": "step", "keys": [{"t": "1233-10-01", "v": 1}]}, "sources": ["record"]}],)";
  const std::string units =
      R"([{"id": "m", "name": {"en": "M"}, "faction": "mongol", "path": [0, 420], "heading": 0, "state": "assault", "strength": 600, "sources": ["record"]},
          {"id": "j", "name": {"en": "J"}, "faction": "jin", "path": [0, 200], "heading": 180, "state": "hold", "strength": 600, "sources": ["record"]}])";
  LoadResult r = load_test::load(load_test::scenario({{"units", units}}, world));
  INFO(Catch::Detail::stringify(load_test::errors(r)));
  REQUIRE(r.scenario.has_value());
  const Scenario& s = *r.scenario;
  const Snapshot snap = evaluate(s, 5.0);
  const Breach b = breach_of(s, s.damages[0]);
  int outside = 0, inside = 0, wet = 0;
  for (const Soldier& man : snap.soldiers) {
    if (man.clip != Clip::Strike || !b.in_gap(xz(man), 30.0f)) continue;
    wet += !water_at(s, xz(man), snap.day).empty();
    (b.across_of(xz(man)) > 0 ? outside : inside) += 1;
    if (s.units[man.unit].id == "m") CHECK(b.across_of(xz(man)) > 0);
  }
  CHECK(outside > 10);
  CHECK(inside > 10);
  CHECK(wet == 0);
}

TEST_CASE("melee: a forced gate is fought in its passage, a shut one is not", "[melee]") {
  // A square city; its south gate (z = 300) forced by a damage of 40 m over it, an assault
  // 80 m outside, a garrison of archers and infantry inside.
  const auto world = [](const char* forced) {
    return std::string(R"(
  "walls": [{"id": "city", "points": [[-300, -300], [300, -300], [300, 300], [-300, 300]], "thickness": 10, "height": 11, "sources": ["record"]}],
  "gates": [{"id": "south", "wall": "city", "position": [0, 300], "sources": ["record"]}],
  "damages": [{"id": "taken", "wall": "city", "position": [0, 300], "length": 40, "damage": {"interp": "step", "keys": [{"t": "1233-10-01", "v": )") +
           forced + R"(}]}, "sources": ["record"]}],)";
  };
  const std::string units =
      R"([{"id": "m", "name": {"en": "M"}, "faction": "mongol", "path": [0, 380], "heading": 0, "state": "assault", "strength": 600, "sources": ["record"]},
          {"id": "j", "name": {"en": "J"}, "faction": "jin", "path": [0, 220], "heading": 180, "state": "hold", "strength": 600, "sources": ["record"]},
          {"id": "a", "name": {"en": "A"}, "faction": "jin", "kind": "archers", "path": [40, 200], "heading": 180, "state": "hold", "strength": 200, "sources": ["record"]}])";
  for (const char* forced : {"1", "0.4"}) {
    LoadResult r = load_test::load(load_test::scenario({{"units", units}}, world(forced)));
    INFO(Catch::Detail::stringify(load_test::errors(r)));
    REQUIRE(r.scenario.has_value());
    const Scenario& s = *r.scenario;
    const Snapshot snap = evaluate(s, 5.0);
    int outside = 0, inside = 0, shooting = 0;
    for (const Soldier& man : snap.soldiers) {
      const glm::vec2 p = xz(man);
      if (std::abs(p.x) > kGateOpening * 0.5f || std::abs(p.y - 300) > 12) continue;  // in the passage
      INFO(s.units[man.unit].id << " at " << p.x << ", " << p.y);
      if (man.clip == Clip::Shoot) {
        ++shooting;
        CHECK(s.units[man.unit].id == "a");
        CHECK(p.y < 300 - kShootBack + 1.0f);
        continue;
      }
      REQUIRE(man.clip == Clip::Strike);
      CHECK(man.position.y == Approx(s.ground->height(p)).margin(0.01));
      if (s.units[man.unit].id == "m") {
        ++outside;
        CHECK(p.y > 300.2f);
        CHECK(facing(man.heading).y < -0.96f);  // north, into the city
      } else {
        ++inside;
        CHECK(s.units[man.unit].id == "j");
        CHECK(p.y < 299.8f);
        CHECK(facing(man.heading).y > 0.96f);  // south, out of it
      }
    }
    if (std::string(forced) == "1") {
      CHECK(outside >= 6);
      CHECK(inside >= 6);
      CHECK(shooting >= 4);
    } else {  // below kForced the gate is shut: nobody in its passage
      CHECK(outside + inside + shooting == 0);
    }
  }
}
