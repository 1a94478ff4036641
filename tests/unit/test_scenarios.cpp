#include "test_scenarios.h"

#include "scene/model/calendar.h"

namespace test_scenarios {

using namespace scene;

Day julian(int year, int month, int day, int hour, int minute) {
  return static_cast<Day>(day_number({year, month, day}, Calendar::Julian)) + (hour * 60 + minute) / 1440.0;
}

namespace {

Phase phase(std::string id, Day start, Day end, double duration_s) {
  Phase p;
  p.id = std::move(id);
  p.title.en = p.id;
  p.start.day = start;
  p.end.day = end;
  p.duration_s = duration_s;
  return p;
}

ShotKey shot_key(double at, glm::vec3 position, glm::vec3 target, float fov) {
  ShotKey k;
  k.at = at;
  k.position = position;
  k.target = target;
  k.fov_deg = fov;
  return k;
}

}  // namespace

Scenario three_phases() {
  Scenario s;
  s.id = "test";
  s.calendar = Calendar::Julian;
  s.phases.push_back(phase("gathering", julian(1233, 8, 20), julian(1233, 9, 9), 10));
  s.phases.push_back(phase("siege", julian(1233, 9, 9), julian(1233, 11, 5), 40));
  s.phases.push_back(phase("fall", julian(1233, 11, 5), julian(1234, 2, 9), 30));
  Shot overview;
  overview.id = "overview";
  overview.overview = true;
  overview.interp = Interp::Linear;
  overview.keys.push_back(shot_key(0, {0, 1000, 3000}, {0, 0, 0}, 40));
  overview.keys.push_back(shot_key(1, {3000, 1000, 0}, {0, 0, 0}, 50));
  s.shots.push_back(overview);
  return s;
}

Scenario armies() {
  Scenario s = three_phases();

  Unit horse;
  horse.id = "mongol_horse";
  horse.kind = UnitKind::Cavalry;
  horse.path.keys = {{julian(1233, 10, 1), {0, 0}}, {julian(1233, 10, 3), {2000, 0}}};
  horse.formation.keys = {{julian(1233, 9, 1), Formation::Block}, {julian(1233, 10, 2), Formation::Column}};
  horse.state.keys = {{julian(1233, 9, 1), UnitState::March}};
  horse.strength.keys = {{julian(1233, 9, 1), 400.0f}};
  s.units.push_back(horse);

  Unit song;
  song.id = "song_column";
  song.kind = UnitKind::Infantry;
  song.available.from = julian(1233, 11, 5);
  song.path.keys = {{julian(1233, 11, 5), {0, 3000}}};
  song.formation.keys = {{julian(1233, 11, 5), Formation::Line}};
  song.state.keys = {{julian(1233, 11, 5), UnitState::Hold}};
  song.strength.keys = {{julian(1234, 1, 10), 300.0f}, {julian(1234, 1, 20), 150.0f}};
  song.heading.keys = {{julian(1233, 11, 5), 0.0f}};
  s.units.push_back(song);

  Unit guard;
  guard.id = "jin_guard";
  guard.kind = UnitKind::Infantry;
  guard.path.keys = {{julian(1233, 9, 1), {-500, -500}}};
  guard.strength.interp = Interp::Step;
  guard.strength.keys = {{julian(1233, 9, 1), 0.0f}, {julian(1233, 10, 1), 100.0f}};
  s.units.push_back(guard);

  Caption caption;
  caption.id = "october";
  caption.text.en = "October";
  caption.when.from = julian(1233, 10, 1);
  caption.when.to = julian(1233, 11, 1);
  s.captions.push_back(caption);

  Shot siege_shot;
  siege_shot.id = "siege_shot";
  siege_shot.phase = "siege";
  siege_shot.interp = Interp::Linear;
  siege_shot.keys.push_back(shot_key(0, {100, 200, 300}, {0, 0, 0}, 30));
  siege_shot.keys.push_back(shot_key(1, {300, 200, 100}, {0, 0, 0}, 30));
  s.shots.push_back(siege_shot);
  return s;
}

}  // namespace test_scenarios
