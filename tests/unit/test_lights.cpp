// The lights of the night in the shipped Caizhou scenario: fires burn day and night, camp
// fires and torches only in the dark, all of them in the same places every time.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <map>
#include <string>

#include "app/core/time_spec.h"
#include "scene/load/load.h"
#include "scene/model/clock.h"
#include "scene/sim/evaluate.h"
#include "scene/sim/lights.h"

using namespace scene;

namespace {

const Scenario& caizhou() {
  static const Scenario s = [] {
    LoadResult result = load_scenario(std::string(SIEGE_SOURCE_DIR) + "/assets/scenarios/caizhou.json");
    REQUIRE(result.scenario.has_value());
    return std::move(*result.scenario);
  }();
  return s;
}

Snapshot at(const char* spec) {
  std::string error;
  const auto snap = app::snapshot_for_time(caizhou(), spec, &error);
  INFO(spec << ": " << error);
  REQUIRE(snap.has_value());
  return *snap;
}

std::size_t count(const Snapshot& snap, LightKind kind) {
  return static_cast<std::size_t>(
      std::count_if(snap.lights.begin(), snap.lights.end(), [&](const LightSource& l) { return l.kind == kind; }));
}

}  // namespace

TEST_CASE("lights: the burning city at night has fires, camp fires and torches near them", "[lights]") {
  const Snapshot night = at("1234-02-09T22:00");
  REQUIRE(night.sun_direction.y < -0.2f);
  // Every burning fire is a light a few metres above its place, stronger the bigger it burns.
  std::size_t burning = 0;
  for (size_t i = 0; i < caizhou().fires.size(); ++i) {
    if (night.fire_intensity[i] <= 0.0f) continue;
    ++burning;
    const Fire& fire = caizhou().fires[i];
    const auto light = std::find_if(night.lights.begin(), night.lights.end(), [&](const LightSource& l) {
      return l.kind == LightKind::Fire && glm::distance(glm::vec2(l.position.x, l.position.z), fire.position) < 1.0f;
    });
    INFO(fire.id);
    REQUIRE(light != night.lights.end());
    CHECK(light->intensity > 0.0f);
    CHECK(light->radius_m > fire.radius);
    CHECK(light->colour.r > light->colour.g);
    CHECK(light->colour.g > light->colour.b);
  }
  CHECK(burning >= 5);
  CHECK(count(night, LightKind::Fire) == burning);
  // Camp fires: a handful in each occupied camp, inside it.
  std::size_t camps = 0;
  for (size_t c = 0; c < caizhou().camps.size(); ++c) camps += night.camp_present[c] ? 1 : 0;
  REQUIRE(camps >= 1);
  CHECK(count(night, LightKind::Campfire) >= 3 * camps);
  CHECK(count(night, LightKind::Campfire) <= 8 * camps);
  for (const LightSource& l : night.lights) {
    if (l.kind != LightKind::Campfire) continue;
    const bool in_a_camp = std::any_of(caizhou().camps.begin(), caizhou().camps.end(), [&](const Camp& camp) {
      return glm::distance(glm::vec2(l.position.x, l.position.z), camp.center) <= camp.radius;
    });
    CHECK(in_a_camp);
  }
  // Torches on the walls while someone holds the city: dozens, not thousands.
  CHECK(count(night, LightKind::Torch) >= 12);
  CHECK(count(night, LightKind::Torch) <= 100);
}

TEST_CASE("lights: no camp fires or torches by day, but fires still burn", "[lights]") {
  const Snapshot noon = at("1234-02-09T13:00");
  REQUIRE(noon.sun_direction.y > 0.3f);
  CHECK(count(noon, LightKind::Campfire) == 0);
  CHECK(count(noon, LightKind::Torch) == 0);
  CHECK(count(noon, LightKind::Fire) >= 3);
  // Before the fires were lit, a December afternoon has no lights at all.
  CHECK(at("1233-12-01T14:00").lights.empty());
  // The same night does have camp fires.
  CHECK(count(at("1233-12-01T23:00"), LightKind::Campfire) >= 3);
}

TEST_CASE("lights: the same instant gives the same lights, with stable and distinct seeds", "[lights]") {
  const Snapshot a = at("1234-02-09T22:00");
  const Snapshot b = at("1234-02-09T22:00");
  REQUIRE(a.lights.size() == b.lights.size());
  std::map<std::uint32_t, int> seeds;
  for (size_t i = 0; i < a.lights.size(); ++i) {
    CHECK(a.lights[i].position == b.lights[i].position);
    CHECK(a.lights[i].flicker_seed == b.lights[i].flicker_seed);
    ++seeds[a.lights[i].flicker_seed];
  }
  CHECK(seeds.size() == a.lights.size());
  // An hour later the camp fires have not moved.
  const Snapshot later = at("1234-02-09T23:00");
  for (const LightSource& l : a.lights) {
    if (l.kind != LightKind::Campfire) continue;
    CHECK(std::any_of(later.lights.begin(), later.lights.end(), [&](const LightSource& m) {
      return m.flicker_seed == l.flicker_seed && m.position == l.position;
    }));
  }
}

TEST_CASE("lights: dusk fades camp fires in rather than switching them on", "[lights]") {
  CHECK(darkness(30.0) == 0.0f);
  CHECK(darkness(4.0) == 0.0f);
  CHECK(darkness(1.0) == Approx(0.5f));
  CHECK(darkness(-2.0) == 1.0f);
  CHECK(darkness(-40.0) == 1.0f);
}

TEST_CASE("hours: the viewer's date-time seek holds its hour only while the playhead stays", "[hours][lights]") {
  const Scenario& s = caizhou();
  app::HourHold hold;
  const std::optional<double> t = scene::resolve_time(s, "1233-11-20T21:00");
  REQUIRE(t);
  hold.seek(s, "1233-11-20T21:00", *t);
  REQUIRE(hold.hour());
  scene::Snapshot there = scene::evaluate(s, *t);
  hold.apply(s, there);
  CHECK(there.hour == Approx(21.0f));
  CHECK(there.sun_direction.y < 0.0f);
  scene::Snapshot later = scene::evaluate(s, *t + 0.5);
  const float scenario_hour = later.hour;
  hold.apply(s, later);
  CHECK(later.hour == scenario_hour);  // moved on: the scenario's hour
  hold.seek(s, "1233-11-20", *t);      // a bare date holds nothing
  CHECK(!hold.hour());
}
