// What soldiers do (scene/sim/soldier_clips.h) and how they look (soldier_look): clips follow
// the unit's state, the fallen fall and then lie dead, looks are stable and vary.
#include <catch2/catch.hpp>
#include <cmath>

#include <set>

#include "scene/model/clock.h"
#include "scene/sim/evaluate.h"
#include "scene/sim/formation.h"
#include "scene/sim/soldier_clips.h"
#include "test_scenarios.h"

using namespace scene;
using test_scenarios::julian;

namespace {

// A unit of `men` infantry standing still at the origin in `state` all along.
Unit standing_unit(UnitState state, Formation formation, float men = 200, UnitKind kind = UnitKind::Infantry) {
  Unit unit;
  unit.id = "u";
  unit.kind = kind;
  unit.path.keys = {{0.0, {0, 0}}};
  unit.formation.keys = {{0.0, formation}};
  unit.state.keys = {{0.0, state}};
  unit.strength.keys = {{0.0, men}};
  unit.heading.keys = {{0.0, 0.0f}};
  return unit;
}

std::vector<Soldier> soldiers_of(const Unit& unit, Day day, double presentation_s = 10) {
  SoldierLayout layout;
  layout.unit = &unit;
  layout.day = day;
  layout.presentation_s = presentation_s;
  layout.motion = unit_motion(unit, day);
  layout.strength = unit.strength.sample(day, 0.0f);
  std::vector<Soldier> out;
  append_soldiers(layout, out);
  return out;
}

std::multiset<Clip> clips_of(const std::vector<Soldier>& soldiers) {
  std::multiset<Clip> clips;
  for (const Soldier& s : soldiers) clips.insert(s.clip);
  return clips;
}

}  // namespace

TEST_CASE("a camp sits round its fires, a few standing", "[clips]") {
  const std::vector<Soldier> men = soldiers_of(standing_unit(UnitState::Camp, Formation::Camp), 5);
  const auto clips = clips_of(men);
  REQUIRE(men.size() == 200);
  CHECK(clips.count(Clip::Sit) + clips.count(Clip::Idle) == men.size());
  CHECK(clips.count(Clip::Sit) > clips.count(Clip::Idle));
  CHECK(clips.count(Clip::Idle) > 10);
  for (const Soldier& s : men)
    if (s.clip == Clip::Sit) CHECK(s.phase == 0.0f);
}

TEST_CASE("a routing unit runs and routing horse gallops", "[clips]") {
  Unit foot = standing_unit(UnitState::March, Formation::Block);
  foot.state.keys = {{0.0, UnitState::March}, {1.0, UnitState::Rout}};
  for (const Soldier& s : soldiers_of(foot, 3)) CHECK(s.clip == Clip::Run);
  Unit horse = foot;
  horse.kind = UnitKind::Cavalry;
  for (const Soldier& s : soldiers_of(horse, 3)) CHECK(s.clip == Clip::Gallop);
}

TEST_CASE("a marching unit walks, a fast one runs, and standing still it idles", "[clips]") {
  Unit unit = standing_unit(UnitState::March, Formation::Column);
  unit.heading.keys.clear();
  unit.path.keys = {{0.0, {0, 0}}, {1.0, {0, -96000}}};  // 4 km/h
  for (const Soldier& s : soldiers_of(unit, 0.5)) CHECK(s.clip == Clip::Walk);
  unit.path.keys = {{0.0, {0, 0}}, {1.0, {0, -192000}}};  // 8 km/h
  for (const Soldier& s : soldiers_of(unit, 0.5)) CHECK(s.clip == Clip::Run);
  for (const Soldier& s : soldiers_of(unit, 2.0)) CHECK(s.clip == Clip::Idle);  // arrived
  unit.kind = UnitKind::SiegeCrew;
  for (const Soldier& s : soldiers_of(unit, 0.5)) CHECK(s.clip == Clip::Carry);
}

TEST_CASE("an assault that has reached its mark strikes in front, archers shoot", "[clips]") {
  const std::vector<Soldier> men = soldiers_of(standing_unit(UnitState::Assault, Formation::Line, 400), 5);
  const auto clips = clips_of(men);
  CHECK(clips.count(Clip::Strike) == 200);  // a line is 4 ranks: the front two strike
  CHECK(clips.count(Clip::Idle) == 200);
  for (const Soldier& s : soldiers_of(standing_unit(UnitState::Assault, Formation::Line, 400, UnitKind::Archers), 5))
    CHECK(s.clip == Clip::Shoot);
}

TEST_CASE("archers holding shoot only with an enemy within bow range", "[clips]") {
  ClipUnit u;
  u.kind = UnitKind::Archers;
  u.state = UnitState::Hold;
  CHECK(standing_clip(u, false, false, 0) == Clip::Idle);
  u.enemy_in_range = true;
  CHECK(standing_clip(u, false, false, 0) == Clip::Shoot);
  u.kind = UnitKind::Spearmen;
  CHECK(standing_clip(u, false, false, 0) == Clip::Idle);
}

TEST_CASE("looping clips advance with playback and differ from man to man", "[clips]") {
  const Unit unit = standing_unit(UnitState::Hold, Formation::Block);
  const std::vector<Soldier> a = soldiers_of(unit, 5, 10.0), b = soldiers_of(unit, 5, 10.5);
  std::set<float> phases;
  for (size_t i = 0; i < a.size(); ++i) {
    REQUIRE(a[i].clip == Clip::Idle);
    phases.insert(a[i].phase);
    const float expected = 0.5f / kClipSeconds[static_cast<size_t>(Clip::Idle)];
    float step = b[i].phase - a[i].phase;
    if (step < 0) step += 1;
    CHECK(step == Approx(expected).margin(1e-3));
  }
  CHECK(phases.size() > a.size() / 2);  // no lockstep
}

TEST_CASE("the fallen fall for a second of playback, then lie dead", "[clips]") {
  const Scenario s = test_scenarios::armies();
  // song_column loses 150 of 300 men between 10 and 20 January 1234; the phase "fall" shows
  // about 3.2 days a second, so the men falling in the last 3.2 days are still falling.
  const auto fallen_clips = [&](Day day) {
    const Snapshot snap = evaluate(s, presentation_at(s, day));
    const UnitSnapshot& u = snap.units[1];
    std::vector<const Soldier*> fallen;
    for (std::uint32_t i = 0; i < u.soldier_count; ++i) {
      const Soldier& man = snap.soldiers[u.first_soldier + i];
      if (man.clip == Clip::Fall || man.clip == Clip::Dead) fallen.push_back(&man);
    }
    return fallen;
  };
  const auto during = fallen_clips(julian(1234, 1, 16));
  int falling = 0, dead = 0;
  for (const Soldier* man : during) {
    CHECK((man->clip == Clip::Fall || man->clip == Clip::Dead));
    if (man->clip == Clip::Fall) {
      ++falling;
      CHECK(man->phase >= 0.0f);
      CHECK(man->phase < 1.0f);
    } else {
      ++dead;
    }
  }
  CHECK(falling > 5);
  CHECK(dead > 5);
  const auto after = fallen_clips(julian(1234, 1, 31));
  REQUIRE(after.size() == 150);
  for (const Soldier* man : after) CHECK(man->clip == Clip::Dead);
  // Only the fallen play the fallen clips: as many men lie as the strength has lost.
  const Snapshot snap = evaluate(s, presentation_at(s, julian(1234, 1, 16)));
  for (std::size_t u = 0; u < snap.units.size(); ++u) {
    const UnitSnapshot& unit = snap.units[u];
    if (!unit.present) continue;
    std::uint32_t lying = 0;
    for (std::uint32_t k = 0; k < unit.soldier_count; ++k) {
      const Clip clip = snap.soldiers[unit.first_soldier + k].clip;
      lying += clip == Clip::Fall || clip == Clip::Dead;
    }
    const auto standing = static_cast<std::uint32_t>(std::lround(unit.strength / s.settings.soldiers_per_figure));
    CHECK(lying + standing == unit.soldier_count);
  }
}

TEST_CASE("looks are the same on every evaluation and differ between neighbours", "[clips]") {
  const Scenario s = test_scenarios::armies();
  const double t = presentation_at(s, julian(1233, 12, 1));
  const Snapshot a = evaluate(s, t), b = evaluate(s, t + 3.0);
  REQUIRE(!a.soldiers.empty());
  std::set<std::uint32_t> looks;
  int same_neighbours = 0;
  for (const UnitSnapshot& u : a.units)
    for (std::uint32_t i = 0; i < u.soldier_count; ++i) {
      const Soldier& man = a.soldiers[u.first_soldier + i];
      CHECK(man.look == soldier_look(man.unit, i));
      looks.insert(man.look);
      if (i > 0 && man.look == a.soldiers[u.first_soldier + i - 1].look) ++same_neighbours;
    }
  CHECK(looks.size() == a.soldiers.size());
  CHECK(same_neighbours == 0);
  for (size_t i = 0; i < a.soldiers.size() && i < b.soldiers.size(); ++i)
    CHECK(a.soldiers[i].look == b.soldiers[i].look);
  // Neighbours pick different variants, not just different seeds.
  int differing = 0;
  for (std::uint32_t slot = 0; slot + 1 < 64; ++slot)
    differing += look_variant(soldier_look(0, slot), 0, 4) != look_variant(soldier_look(0, slot + 1), 0, 4);
  CHECK(differing > 32);
}
