// The viewer's logic that needs no window: playback, the key table, cameras, scripts,
// bookmarks and the timeline's markers.
#include <cmath>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "app/core/actions.h"
#include "app/core/bookmarks.h"
#include "app/core/camera_rig.h"
#include "app/core/picking.h"
#include "app/core/playback.h"
#include "app/core/script.h"
#include "app/core/timeline_markers.h"
#include "scene/model/clock.h"
#include "scene/sim/evaluate.h"
#include "test_scenarios.h"

TEST_CASE("playback: play, speed presets, reverse, and a stop at the end", "[viewer-logic]") {
  const scene::Scenario s = test_scenarios::three_phases();  // 80 s in all
  app::Playback p(s);
  CHECK(p.duration() == Approx(80));
  p.advance(1.0);
  CHECK(p.time() == 0);  // paused: nothing moves
  p.play(true);
  p.advance(2.0);
  CHECK(p.time() == Approx(2));
  p.faster();
  p.faster();
  CHECK(p.speed() == 4);
  p.advance(1.0);
  CHECK(p.time() == Approx(6));
  for (int i = 0; i < 10; ++i) p.faster();
  CHECK(p.speed() == 16);  // snaps to the last preset
  for (int i = 0; i < 10; ++i) p.slower();
  CHECK(p.speed() == 0.25);
  p.set_speed_index(2);
  p.set_reverse(true);
  p.advance(1.0);
  CHECK(p.time() == Approx(5));
  p.set_reverse(false);
  p.seek(79.5);
  p.advance(5.0);
  CHECK(p.time() == Approx(80));
  CHECK_FALSE(p.playing());  // the end of the story stops playback
}

TEST_CASE("playback: looping a phase wraps within it, looping all wraps the story", "[viewer-logic]") {
  const scene::Scenario s = test_scenarios::three_phases();
  app::Playback p(s);
  p.seek(15);  // inside "siege" (10..50 s)
  p.set_loop(app::Loop::Phase);
  p.play(true);
  p.advance(40);  // 15 + 40 = 55 -> wraps to 15
  CHECK(p.time() == Approx(15));
  CHECK(p.phase() == 1);
  p.set_loop(app::Loop::All);
  p.seek(79);
  p.advance(3);
  CHECK(p.time() == Approx(2));
  CHECK(p.playing());
}

TEST_CASE("playback: next and previous phase, and jumps", "[viewer-logic]") {
  const scene::Scenario s = test_scenarios::three_phases();
  app::Playback p(s);
  p.next_phase();
  CHECK(p.time() == Approx(10));
  p.next_phase();
  CHECK(p.time() == Approx(50));
  p.next_phase();  // already in the last phase: stays
  CHECK(p.time() == Approx(50));
  p.seek(60);
  p.previous_phase();  // to the start of this phase first
  CHECK(p.time() == Approx(50));
  p.previous_phase();  // then to the previous one
  CHECK(p.time() == Approx(10));
  p.jump_to_phase(0);
  CHECK(p.time() == 0);
  p.jump_to_phase(7);  // no such phase: ignored
  CHECK(p.time() == 0);
}

TEST_CASE("keys: a clicker's keys step phases; F follows only with a unit selected", "[viewer-logic]") {
  using app::Action;
  CHECK(app::action_for({"PageDown"}, false).action == Action::NextPhase);
  CHECK(app::action_for({"Right"}, false).action == Action::NextPhase);
  CHECK(app::action_for({"PageUp"}, false).action == Action::PreviousPhase);
  CHECK(app::action_for({"Left"}, false).action == Action::PreviousPhase);
  CHECK(app::action_for({"Space"}, false).action == Action::PlayPause);
  CHECK(app::action_for({"B"}, false).action == Action::Blank);
  CHECK(app::action_for({"Period"}, false).action == Action::Blank);
  CHECK(app::action_for({"F11"}, false).action == Action::TogglePresentation);
  CHECK(app::action_for({"F"}, false).action == Action::TogglePresentation);
  CHECK(app::action_for({"F"}, true).action == Action::FollowSelected);
  CHECK(app::action_for({"F12"}, false).action == Action::Screenshot);
  CHECK(app::action_for({"F12", true}, false).action == Action::ScreenshotWithUi);
  const app::ActionCall jump = app::action_for({"4"}, false);
  CHECK(jump.action == Action::JumpToPhase);
  CHECK(jump.number == 4);
  CHECK(app::action_for({"3", false, true}, false).action == Action::SaveBookmark);
  CHECK(app::action_for({"3", false, false, true}, false).action == Action::RecallBookmark);
  CHECK(app::action_for({"X"}, false).action == Action::None);
  CHECK(app::key_help().size() > 10);
}

TEST_CASE("camera rig: the free camera never goes below the ground and flies faster up high", "[viewer-logic]") {
  scene::Scenario s = test_scenarios::three_phases();
  const scene::Snapshot snap = scene::evaluate(s, 0);
  app::CameraRig rig;
  rig.update(0.1, {}, s, snap);
  rig.use_free();
  app::FlyInput down;
  down.move = glm::vec3(0, -1, 0);
  for (int i = 0; i < 200; ++i) rig.update(0.1, down, s, snap);
  CHECK(rig.camera().position.y >= s.terrain.base_height + 1.99f);

  // Speed scales with height: one second forward covers more ground from higher up.
  const auto travel = [&](float height) {
    app::CameraRig r;
    scene::Camera start;
    start.position = {0, height, 0};
    start.target = {0, height, -100};
    r.go_to(start);
    r.update(1.0, {}, s, snap);  // finish the transition
    const glm::vec3 before = r.camera().position;
    app::FlyInput forward;
    forward.move = glm::vec3(0, 0, 1);
    r.update(0.1, forward, s, snap);
    return glm::length(r.camera().position - before);
  };
  CHECK(travel(2000) > 10 * travel(50));
}

TEST_CASE("camera rig: switching cameras eases rather than cuts", "[viewer-logic]") {
  scene::Scenario s = test_scenarios::three_phases();
  const scene::Snapshot snap = scene::evaluate(s, 0);
  app::CameraRig rig;
  rig.update(0.1, {}, s, snap);
  // Orbiting starts where the camera is and turns it towards the pivot, over a transition.
  const glm::vec3 director = rig.camera().target;
  rig.use_orbit({500, 0, 500});
  rig.update(0.1, {}, s, snap);
  const glm::vec3 early = rig.camera().target;
  for (int i = 0; i < 20; ++i) rig.update(0.1, {}, s, snap);
  const glm::vec3 settled = rig.camera().target;
  CHECK(glm::length(early - director) > 0);
  CHECK(glm::length(early - director) < 0.5f * glm::length(settled - director));
  CHECK(glm::length(settled - glm::vec3(500, 0, 500)) < 1e-3f);
  const glm::vec3 settled_position = rig.camera().position;
  // Orbiting: turning keeps the distance to the pivot.
  const float distance = glm::length(settled_position - glm::vec3(500, 0, 500));
  app::FlyInput turn;
  turn.look = glm::vec2(30, 0);
  rig.update(0.1, turn, s, snap);
  CHECK(glm::length(rig.camera().position - glm::vec3(500, 0, 500)) == Approx(distance).epsilon(0.01));
}

TEST_CASE("camera rig: following a unit keeps it in the middle of the view", "[viewer-logic]") {
  scene::Scenario s = test_scenarios::armies();
  app::CameraRig rig;
  const double t = scene::presentation_at(s, test_scenarios::julian(1233, 10, 2));
  scene::Snapshot snap = scene::evaluate(s, t);
  REQUIRE(snap.units[0].present);
  rig.update(0.1, {}, s, snap);
  rig.use_follow(0);
  for (int i = 0; i < 20; ++i) rig.update(0.1, {}, s, snap);
  const glm::vec2 unit = snap.units[0].position;
  CHECK(glm::length(glm::vec2(rig.camera().target.x, rig.camera().target.z) - unit) < 1.0f);
}

TEST_CASE("scripts: events parse, sort by frame, and bad ones are named", "[viewer-logic]") {
  std::string error;
  const auto script = app::parse_script(R"({"window": [800, 600], "fixed_dt": 0.05, "events": [
      {"frame": 9, "quit": true},
      {"frame": 2, "key": "F12", "mods": ["shift"]},
      {"frame": 3, "drag": [[10, 20], [30, 40]], "frames": 4},
      {"frame": 4, "seek": "famine"}]})",
                                        "s.json", error);
  REQUIRE(script);
  CHECK(script->window == glm::ivec2(800, 600));
  REQUIRE(script->events.size() == 4);
  CHECK(script->events[0].kind == app::ScriptEvent::Kind::Key);
  CHECK(script->events[0].chord.shift);
  CHECK(script->events[1].frames == 4);
  CHECK(script->events[2].time == "famine");
  CHECK(script->events.back().kind == app::ScriptEvent::Kind::Quit);

  CHECK_FALSE(app::parse_script(R"({"events": [{"frame": 1, "jump": 3}]})", "bad.json", error));
  CHECK(error.find("bad.json: /events/0") != std::string::npos);
  CHECK(error.find("expected one of") != std::string::npos);
  CHECK_FALSE(app::parse_script(R"({"events": [{"frame": -1, "key": "B"}]})", "neg.json", error));
  CHECK(error.find("frame") != std::string::npos);
  CHECK_FALSE(app::parse_script("not json", "x.json", error));
}

TEST_CASE("bookmarks: saved per scenario and read back; a broken file gives none", "[viewer-logic]") {
  const auto dir = std::filesystem::temp_directory_path() / "siege-bookmarks-test";
  std::filesystem::remove_all(dir);
  const auto path = dir / "caizhou.json";
  app::Bookmarks marks;
  scene::Camera c;
  c.position = {1, 2, 3};
  c.target = {4, 5, 6};
  c.fov_deg = 33;
  marks[2] = c;
  REQUIRE(app::write_bookmarks(path, marks));
  const app::Bookmarks back = app::read_bookmarks(path);
  REQUIRE(back[2]);
  CHECK(back[2]->position == c.position);
  CHECK(back[2]->fov_deg == 33);
  CHECK_FALSE(back[0]);
  std::ofstream(path) << "{broken";
  std::string warning;
  const app::Bookmarks none = app::read_bookmarks(path, &warning);
  CHECK_FALSE(none[2]);
  CHECK(warning.find("bookmarks ignored") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("timeline markers: arrivals and captions at their presentation seconds, in order", "[viewer-logic]") {
  const scene::Scenario s = test_scenarios::armies();
  const std::vector<app::Marker> markers = app::timeline_markers(s);
  REQUIRE(!markers.empty());
  for (size_t i = 1; i < markers.size(); ++i) CHECK(markers[i - 1].t <= markers[i].t);
  bool song_arrives = false, caption = false;
  for (const app::Marker& m : markers) {
    if (m.kind == app::Marker::Kind::Event && m.label.find("Arrives") != std::string::npos &&
        std::abs(m.day - test_scenarios::julian(1233, 11, 5)) < 1e-6)
      song_arrives = true;
    if (m.kind == app::Marker::Kind::Caption) caption = true;
    CHECK(m.t == Approx(scene::presentation_at(s, m.day)));
  }
  CHECK(song_arrives);
  CHECK(caption);
}

TEST_CASE("picking: a click a few pixels off a soldier takes him, the nearest of several", "[viewer][pick]") {
  // A 9x9 window of ids: 1 terrain everywhere, soldiers 7 and 8 near, a wall 2 under the click.
  std::vector<std::uint32_t> ids(81, 1);
  const auto set = [&](int x, int y, std::uint32_t id) { ids[static_cast<std::size_t>(y) * 9 + x] = id; };
  const auto soldier = [](std::uint32_t id) { return id == 7 || id == 8; };
  const glm::ivec2 click(4, 4);
  CHECK(app::pick_nearest(ids, {9, 9}, click, soldier) == 1);  // nothing near: what is under the click
  set(7, 4, 7);                                                // 3 px to the right
  CHECK(app::pick_nearest(ids, {9, 9}, click, soldier) == 7);
  set(4, 2, 8);  // 2 px up: nearer
  CHECK(app::pick_nearest(ids, {9, 9}, click, soldier) == 8);
  set(4, 4, 2);  // a wall under the click: a soldier still wins
  CHECK(app::pick_nearest(ids, {9, 9}, click, soldier) == 8);
  set(4, 4, 7);  // a soldier under the click: him
  CHECK(app::pick_nearest(ids, {9, 9}, click, soldier) == 7);
  // Beyond the radius (a corner 4,4 px away is 5.7 px): not taken.
  std::vector<std::uint32_t> far(81, 1);
  far[0] = 7;
  CHECK(app::pick_nearest(far, {9, 9}, click, soldier) == 1);
  // A window clipped at the image's edge, the click at its corner.
  CHECK(app::pick_nearest(std::vector<std::uint32_t>{7, 1, 1, 1}, {2, 2}, {1, 1}, soldier) == 7);
}
