#include <catch2/catch.hpp>

#include <cstring>

#include "scene/model/clock.h"
#include "scene/model/heightfield.h"
#include "scene/sim/evaluate.h"
#include "test_scenarios.h"

using namespace scene;
using test_scenarios::julian;

namespace {

bool same_soldiers(const Snapshot& a, const Snapshot& b) {
  return a.soldiers.size() == b.soldiers.size() &&
         std::memcmp(a.soldiers.data(), b.soldiers.data(), a.soldiers.size() * sizeof(Soldier)) == 0;
}

double at_date(const Scenario& s, Day day) { return presentation_at(s, day); }

}  // namespace

TEST_CASE("evaluate is pure: the same t gives the same soldiers, whatever came before", "[evaluate]") {
  const Scenario s = test_scenarios::armies();
  for (double t1 : {12.0, 31.7, 55.0, 78.9}) {
    const Snapshot first = evaluate(s, t1);
    REQUIRE_FALSE(first.soldiers.empty());
    for (double t2 : {0.0, 20.0, 51.0, 80.0}) {
      const Snapshot other = evaluate(s, t2);
      const Snapshot again = evaluate(s, t1);
      CHECK(same_soldiers(first, again));
      CHECK(first.day == again.day);
      CHECK(first.camera.position == again.camera.position);
      CHECK(first.sun_direction == again.sun_direction);
      (void)other;
    }
  }
}

TEST_CASE("phases tile the presentation and days advance monotonically", "[evaluate]") {
  const Scenario s = test_scenarios::armies();
  Day previous = -1e300;
  int previous_phase = 0;
  for (double t = 0; t <= total_duration(s); t += 0.25) {
    const Snapshot snap = evaluate(s, t);
    CHECK(snap.presentation_s == t);
    CHECK(snap.day >= previous);
    CHECK(snap.phase >= previous_phase);
    CHECK(snap.phase_progress >= 0.0f);
    CHECK(snap.phase_progress <= 1.0f);
    const Phase& phase = s.phases[static_cast<size_t>(snap.phase)];
    CHECK(snap.day >= phase.start.day);
    CHECK(snap.day <= phase.end.day);
    previous = snap.day;
    previous_phase = snap.phase;
  }
  const Snapshot start_of_siege = evaluate(s, 10);
  CHECK(start_of_siege.phase == 1);
  CHECK(start_of_siege.phase_progress == 0.0f);
  CHECK(start_of_siege.day == s.phases[1].start.day);
  CHECK(evaluate(s, 30).phase_progress == Approx(0.5f));
  CHECK(evaluate(s, 1e6).phase_progress == 1.0f);
  CHECK(evaluate(s, 1e6).day == s.phases.back().end.day);
  CHECK(evaluate(s, -5).day == s.phases.front().start.day);
}

TEST_CASE("units appear inside their availability and while they have men", "[evaluate]") {
  const Scenario s = test_scenarios::armies();
  const Snapshot before_song = evaluate(s, 49.9);
  const Snapshot after_song = evaluate(s, 50.1);
  REQUIRE(before_song.units.size() == 3);
  CHECK_FALSE(before_song.units[1].present);
  CHECK(before_song.units[1].soldier_count == 0);
  CHECK(after_song.units[1].present);
  CHECK(after_song.units[1].soldier_count == 300);

  // The Jin guard has no men until 1 October.
  CHECK_FALSE(evaluate(s, at_date(s, julian(1233, 9, 30))).units[2].present);
  const Snapshot october = evaluate(s, at_date(s, julian(1233, 10, 2)));
  CHECK(october.units[2].present);
  CHECK(october.units[2].soldier_count == 100);

  // Soldier ranges tile the soldiers array in unit order.
  std::uint32_t next = 0;
  for (const UnitSnapshot& u : october.units) {
    CHECK(u.first_soldier == next);
    next += u.soldier_count;
  }
  CHECK(next == october.soldiers.size());
  for (size_t i = 0; i < october.units.size(); ++i)
    for (std::uint32_t k = 0; k < october.units[i].soldier_count; ++k)
      REQUIRE(october.soldiers[october.units[i].first_soldier + k].unit == i);
}

TEST_CASE("unit motion, formation and casualties at an instant", "[evaluate]") {
  const Scenario s = test_scenarios::armies();
  const Snapshot snap = evaluate(s, at_date(s, julian(1233, 10, 1, 12)));
  const UnitSnapshot& horse = snap.units[0];
  CHECK(horse.position.x == Approx(500));
  CHECK(horse.heading_deg == Approx(90));
  CHECK(horse.speed == Approx(1000.0 / 24));
  CHECK(horse.formation == Formation::Block);
  CHECK(horse.state == UnitState::March);
  CHECK(horse.strength == 400);
  CHECK(horse.soldier_count == 400);

  const Snapshot later = evaluate(s, 65);
  const UnitSnapshot& song = later.units[1];
  CHECK(song.heading_deg == 0.0f);  // its heading track
  CHECK(song.formation == Formation::Line);

  // The Song column loses half its men in January: they fall, they do not vanish.
  const Snapshot end = evaluate(s, total_duration(s));
  const UnitSnapshot& song_end = end.units[1];
  CHECK(song_end.strength == 150);
  REQUIRE(song_end.soldier_count == 300);
  int fallen = 0;
  for (std::uint32_t k = 0; k < song_end.soldier_count; ++k)
    fallen += end.soldiers[song_end.first_soldier + k].clip == Clip::Fall ||
              end.soldiers[song_end.first_soldier + k].clip == Clip::Dead;
  CHECK(fallen == 150);
}

TEST_CASE("soldiers stand on the ground", "[evaluate]") {
  Scenario s = test_scenarios::armies();
  s.terrain.base_height = 3;
  for (const Soldier& soldier : evaluate(s, 40).soldiers) REQUIRE(soldier.position.y == 3.0f);

  auto ground = std::make_shared<Heightfield>();
  ground->min = {-10000, -10000};
  ground->max = {10000, 10000};
  ground->nx = ground->nz = 2;
  ground->heights = {0, 20, 0, 20};  // rising eastward: 1 m per km
  s.ground = ground;
  for (const Soldier& soldier : evaluate(s, 40).soldiers)
    REQUIRE(soldier.position.y == Approx((soldier.position.x + 10000) / 1000).margin(1e-3));
}

TEST_CASE("captions fade in and out at their ends", "[evaluate]") {
  const Scenario s = test_scenarios::armies();
  const double from = at_date(s, julian(1233, 10, 1));
  const double to = at_date(s, julian(1233, 11, 1));
  CHECK(evaluate(s, from - 0.01).captions.empty());
  CHECK(evaluate(s, to + 0.01).captions.empty());
  const Snapshot opening = evaluate(s, from + 1e-6);
  REQUIRE(opening.captions.size() == 1);
  CHECK(opening.captions[0].caption == 0);
  CHECK(opening.captions[0].alpha < 0.01f);
  CHECK(evaluate(s, from + 0.3).captions.at(0).alpha == Approx(0.5f));
  CHECK(evaluate(s, (from + to) / 2).captions.at(0).alpha == 1.0f);
  CHECK(evaluate(s, to - 0.3).captions.at(0).alpha == Approx(0.5f));
  float last = 1;
  for (double t = to - 0.6; t < to - 0.01; t += 0.05) {
    const float alpha = evaluate(s, t).captions.at(0).alpha;
    CHECK(alpha <= last + 1e-6f);
    last = alpha;
  }

  // A caption running from before the scenario is fully visible on the first frame.
  Scenario titled = s;
  titled.captions[0].when.from = -std::numeric_limits<Day>::infinity();
  CHECK(evaluate(titled, 0).captions.at(0).alpha == 1.0f);
}

TEST_CASE("the camera plays the phase's shot, else the overview", "[evaluate]") {
  Scenario s = test_scenarios::armies();
  // Siege phase: its own shot, over the phase.
  const Camera mid_siege = evaluate(s, 30).camera;
  CHECK(mid_siege.position.x == Approx(200));
  CHECK(mid_siege.position.z == Approx(200));
  CHECK(mid_siege.fov_deg == Approx(30));
  // Other phases: the overview, over the whole presentation (80 s).
  const Camera start = evaluate(s, 0).camera;
  CHECK(start.position == glm::vec3(0, 1000, 3000));
  const Camera late = evaluate(s, 60).camera;
  CHECK(late.position.x == Approx(3000 * 0.75));
  CHECK(late.fov_deg == Approx(47.5f));
  // A phase's preset shot wins.
  s.phases[2].shot = "siege_shot";
  CHECK(evaluate(s, 65).camera.position.x == Approx(200));
  // Following a unit offsets position and target by where it is.
  s.shots[1].follow = "mongol_horse";
  const double t = at_date(s, julian(1233, 10, 2));
  const Snapshot snap = evaluate(s, t);
  const glm::vec2 horse = snap.units[0].position;
  CHECK(horse.x == Approx(1000));
  CHECK(snap.camera.target.x == Approx(horse.x));
  CHECK(snap.camera.target.z == Approx(horse.y));
}

TEST_CASE("environment and the world's tracks are sampled at the day", "[evaluate]") {
  Scenario s = test_scenarios::armies();
  CHECK(evaluate(s, 5).hour == 14.0f);
  const glm::vec3 afternoon = evaluate(s, 5).sun_direction;
  CHECK(afternoon.y > 0.3f);
  CHECK(afternoon.x < 0.0f);  // west of the meridian after noon
  CHECK(afternoon.z > 0.0f);  // and south

  s.environment.hour.keys = {{julian(1233, 11, 5), 23.0f}};
  CHECK(evaluate(s, 60).hour == 23.0f);
  CHECK(evaluate(s, 60).sun_direction.y < 0.0f);

  SiegeRing ring;
  ring.construction.keys = {{julian(1233, 9, 9), 0.0f}, {julian(1233, 11, 5), 1.0f}};
  s.siege_rings.push_back(ring);
  Lake lake;
  lake.level.keys = {{julian(1233, 9, 9), 0.0f}};
  lake.dam = Dam{};
  lake.dam->breach.keys = {{julian(1233, 12, 1), 0.0f}, {julian(1233, 12, 2), 1.0f}};
  s.lakes.push_back(lake);
  s.lakes.push_back(Lake{});
  Camp camp;
  camp.available.from = julian(1233, 11, 5);
  s.camps.push_back(camp);
  SiegeEngine engine;
  engine.path.keys = {{julian(1233, 9, 9), {5, 6}}};
  engine.available.to = julian(1233, 11, 1);
  s.engines.push_back(engine);
  s.fires.push_back(Fire{});
  s.damages.push_back(WallDamage{});
  s.earthworks.push_back(Earthwork{});

  const Snapshot mid = evaluate(s, 30);
  CHECK(mid.ring_construction.at(0) == Approx(0.5f));
  CHECK(mid.lake_level.size() == 2);
  CHECK(mid.dam_breach.size() == 2);
  CHECK(mid.dam_breach[0] == 0.0f);
  CHECK(mid.camp_present.at(0) == false);
  CHECK(mid.engine_present.at(0) == true);
  CHECK(mid.engine_position.at(0) == glm::vec2(5, 6));
  CHECK(mid.fire_intensity.size() == 1);
  CHECK(mid.wall_damage.size() == 1);
  CHECK(mid.earthwork_construction.size() == 1);
  const Snapshot late = evaluate(s, 79);
  CHECK(late.dam_breach[0] == 1.0f);
  CHECK(late.camp_present[0] == true);
  CHECK(late.engine_present[0] == false);
}

TEST_CASE("an empty scenario evaluates without crashing", "[evaluate]") {
  const Scenario empty;
  const Snapshot snap = evaluate(empty, 3);
  CHECK(snap.soldiers.empty());
  CHECK(snap.units.empty());
  CHECK(snap.phase == 0);
}
