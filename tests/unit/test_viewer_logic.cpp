// The viewer's logic that needs no window: playback, the key table, cameras, scripts,
// bookmarks, the timeline's markers, and the screen's layout and words.
#include <cmath>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "app/core/actions.h"
#include "app/core/bookmarks.h"
#include "app/core/camera_rig.h"
#include "app/core/caption_layout.h"
#include "app/core/labels.h"
#include "app/core/picking.h"
#include "app/core/playback.h"
#include "app/core/screen_layout.h"
#include "app/core/script.h"
#include "app/core/text_fit.h"
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

TEST_CASE("keys: a clicker's keys step phases, F always means follow", "[viewer-logic]") {
  using app::Action;
  CHECK(app::action_for({"PageDown"}).action == Action::NextPhase);
  CHECK(app::action_for({"Right"}).action == Action::NextPhase);
  CHECK(app::action_for({"PageUp"}).action == Action::PreviousPhase);
  CHECK(app::action_for({"Left"}).action == Action::PreviousPhase);
  CHECK(app::action_for({"Space"}).action == Action::PlayPause);
  CHECK(app::action_for({"B"}).action == Action::Blank);
  CHECK(app::action_for({"Period"}).action == Action::Blank);
  CHECK(app::action_for({"F11"}).action == Action::TogglePresentation);
  CHECK(app::action_for({"F"}).action == Action::FollowSelected);  // never the presentation
  CHECK(app::action_for({"F12"}).action == Action::Screenshot);
  CHECK(app::action_for({"F12", true}).action == Action::ScreenshotWithUi);
  const app::ActionCall jump = app::action_for({"4"});
  CHECK(jump.action == Action::JumpToPhase);
  CHECK(jump.number == 4);
  CHECK(app::action_for({"3", false, true}).action == Action::SaveBookmark);
  CHECK(app::action_for({"3", false, false, true}).action == Action::RecallBookmark);
  CHECK(app::action_for({"X"}).action == Action::None);
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

TEST_CASE("bookmarks: saved per scenario and read back, a broken file gives none", "[viewer-logic]") {
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

namespace {

// A fixed advance per character (a Chinese one twice as wide), as a font would measure.
float measure_fixed(std::string_view s) {
  float w = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) == 0x80) continue;
    w += c >= 0xE0 ? 16 : 8;
  }
  return w;
}

std::vector<app::Rect> panels_of(const app::ScreenLayout& l) {
  std::vector<app::Rect> out{l.timeline};
  for (const app::Rect& r : {l.side_panel, l.map, l.legend, l.notice})
    if (!r.empty()) out.push_back(r);
  return out;
}

// Two long lower thirds stacked over the phase's title, a quote, a note and a title card:
// more than a 720-line window holds at once.
std::vector<app::CaptionBlock> crowded_captions(float wrap) {
  const std::string long_text =
      "The Mongols are commanded by Tachar (塔察儿), grandnephew of Boroqul, one of Genghis Khan's 'Four Steeds'. "
      "蒙古军统帅塔察儿，成吉思汗“四杰”之一博尔忽之从孙。";
  std::vector<app::CaptionBlock> blocks;
  for (const scene::CaptionStyle style :
       {scene::CaptionStyle::LowerThird, scene::CaptionStyle::LowerThird, scene::CaptionStyle::LowerThird,
        scene::CaptionStyle::Quote, scene::CaptionStyle::Note, scene::CaptionStyle::Title}) {
    const std::vector<std::string> lines = app::wrap_lines(long_text, wrap, measure_fixed);
    float width = 0;
    for (const std::string& l : lines) width = std::max(width, measure_fixed(l));
    blocks.push_back({style, {width, 26.0f * static_cast<float>(lines.size())}});
  }
  return blocks;
}

}  // namespace

TEST_CASE("screen layout: at 1280x720 and 1024x768 the scene area lies between the panels", "[viewer-logic]") {
  for (const glm::vec2 window : {glm::vec2(1280, 720), glm::vec2(1024, 768)}) {
    INFO("window " << window.x << "x" << window.y);
    app::ScreenInput in;
    in.window = window;
    in.legend_rows = 3;
    const app::ScreenLayout l = app::screen_layout(in);
    REQUIRE(l.panels);
    CHECK_FALSE(l.collapsed);
    const app::Rect screen{0, 0, window.x, window.y};
    CHECK(l.scene.width() >= 400);  // room for a caption a class can read
    CHECK(l.scene.height() >= 450);
    CHECK(screen.contains(l.scene));
    for (const app::Rect& panel : panels_of(l)) {
      CHECK(screen.contains(panel));
      CHECK_FALSE(panel.overlaps(l.scene));
    }
    CHECK_FALSE(l.side_panel.overlaps(l.map));
    CHECK_FALSE(l.map.overlaps(l.legend));
  }
  app::ScreenInput tab;
  tab.show_ui = false;  // Tab: no panels, the scene takes the width
  const app::ScreenLayout hidden = app::screen_layout(tab);
  CHECK_FALSE(hidden.panels);
  CHECK_FALSE(hidden.collapsed);
  CHECK(hidden.scene.width() > 1200);
  app::ScreenInput presentation;
  presentation.presentation = true;
  presentation.legend_rows = 3;
  const app::ScreenLayout p = app::screen_layout(presentation);
  CHECK_FALSE(p.panels);
  CHECK(p.timeline.height() == app::kSlimTimelineHeight);
  CHECK_FALSE(p.scene.overlaps(p.legend));
  CHECK_FALSE(p.scene.overlaps(p.timeline));
}

TEST_CASE("screen layout: below 960x600 the side panels collapse, with a line saying so", "[viewer-logic]") {
  app::ScreenInput in;
  in.window = {app::kPanelsMinWidth, app::kPanelsMinHeight};
  CHECK(app::screen_layout(in).panels);
  for (const glm::vec2 small :
       {glm::vec2(app::kPanelsMinWidth - 1, 720), glm::vec2(1280, app::kPanelsMinHeight - 1), glm::vec2(640, 360)}) {
    INFO("window " << small.x << "x" << small.y);
    in.window = small;
    const app::ScreenLayout l = app::screen_layout(in);
    CHECK_FALSE(l.panels);
    CHECK(l.collapsed);
    CHECK(l.side_panel.empty());
    CHECK(l.map.empty());
    CHECK_FALSE(l.notice.empty());
    CHECK_FALSE(l.notice.overlaps(l.scene));
    CHECK(l.scene.width() >= small.x - 40);  // the scene takes the width back
  }
}

TEST_CASE("captions: stacked ones stay inside the scene area, wrapped to it, none over another", "[viewer-logic]") {
  for (const glm::vec2 window : {glm::vec2(1280, 720), glm::vec2(1024, 768), glm::vec2(640, 360)}) {
    INFO("window " << window.x << "x" << window.y);
    app::ScreenInput in;
    in.window = window;
    in.legend_rows = 3;
    const app::ScreenLayout l = app::screen_layout(in);
    const app::CaptionSpacing spacing;
    const float wrap = app::caption_wrap_width(l.scene, 900, spacing);
    CHECK(wrap <= l.scene.width() - 2 * spacing.pad);
    const std::vector<app::CaptionBlock> blocks = crowded_captions(wrap);
    const std::vector<app::PlacedCaption> placed = app::place_captions(l.scene, blocks, spacing);
    REQUIRE(placed.size() == blocks.size());
    CHECK(placed[0].shown);  // the first (the phase's title) always has its place at the bottom
    std::vector<app::Rect> boxes;
    for (const app::PlacedCaption& p : placed) {
      if (!p.shown) continue;
      const app::Rect box{p.text.x0 - spacing.pad, p.text.y0 - spacing.pad, p.text.x1 + spacing.pad,
                          p.text.y1 + spacing.pad};
      CHECK(l.scene.contains(box));
      for (const app::Rect& panel : panels_of(l)) CHECK_FALSE(panel.overlaps(box));
      for (const app::Rect& other : boxes) CHECK_FALSE(other.overlaps(box));
      boxes.push_back(box);
    }
    if (window.y >= 720) CHECK(boxes.size() >= 3);  // a small window shows fewer, cut to fit
  }
}

TEST_CASE("captions: one cut below its first line is left out, not drawn as an empty box", "[viewer-logic]") {
  const app::Rect area{0, 0, 600, 136};
  app::CaptionSpacing spacing;
  spacing.line = 17;  // the smallest font's line; this quote's lines are 26 px
  const std::vector<app::CaptionBlock> blocks = {{scene::CaptionStyle::LowerThird, {300, 52}, 26},
                                                 {scene::CaptionStyle::Quote, {500, 78}, 26}};
  const std::vector<app::PlacedCaption> placed = app::place_captions(area, blocks, spacing);
  CHECK(placed[0].shown);
  // 136 - (52 + 28) - 8 leaves 48 px, 20 for text after the padding: more than a 17 px line
  // (it used to show an empty box), less than this quote's 26 px one.
  CHECK_FALSE(placed[1].shown);
}

TEST_CASE("text: wrapping breaks at spaces and between Chinese characters, never inside a word", "[viewer-logic]") {
  const std::string en = "Meng Gong and Jiang Hai bring twenty thousand men";
  const std::vector<std::string> lines = app::wrap_lines(en, 100, measure_fixed);  // 12 characters a line
  REQUIRE(lines.size() > 3);
  std::string joined;
  for (const std::string& l : lines) {
    CHECK(measure_fixed(l) <= 100);
    CHECK(l.front() != ' ');
    CHECK(l.back() != ' ');
    joined += (joined.empty() ? "" : " ") + l;
  }
  CHECK(joined == en);  // every break was at a space: no word cut
  const std::vector<std::string> zh = app::wrap_lines("蒙古军不急攻城，而筑长垒环城。", 64, measure_fixed);
  REQUIRE(zh.size() == 4);
  CHECK(zh[0] == "蒙古军不");
  CHECK(zh[1] == "急攻城，");  // the comma stays with the character before it
  for (const std::string& l : zh) CHECK(measure_fixed(l) <= 64 + 16);
  // Quotation marks stay with the words they enclose wherever two characters fit a line.
  for (float width = 32; width <= 160; width += 16)
    for (const std::string& l : app::wrap_lines("成吉思汗“四杰”之一（塔察儿）", width, measure_fixed)) {
      CHECK(l.rfind("”", 0) != 0);
      CHECK(l.rfind("）", 0) != 0);
      CHECK_FALSE(l.ends_with("“"));
      CHECK_FALSE(l.ends_with("（"));
    }
  // A word wider than the whole line is the one thing split, and a newline always breaks.
  const std::vector<std::string> split = app::wrap_lines("Supercalifragilistic\nok", 80, measure_fixed);
  REQUIRE(split.size() == 3);
  CHECK(split[0] == "Supercalif");
  CHECK(split[2] == "ok");
}

TEST_CASE("timeline bands: titles keep whole words, with an ellipsis, 1 day, not 1 days", "[viewer-logic]") {
  CHECK(app::span_text(1.0) == "1 day");
  CHECK(app::span_text(1.3) == "1 day");
  CHECK(app::span_text(2.0) == "2 days");
  CHECK(app::span_text(21.0) == "21 days");
  CHECK(app::span_text(0.25) == "6 hours");
  CHECK(app::span_text(0.03) == "1 hour");
  CHECK(app::span_text(0).empty());
  const std::string title = "The gathering storm";
  CHECK(app::band_title(title, 1.0, 400, measure_fixed) == "The gathering storm · 1 day");
  CHECK(app::band_title(title, 20, 400, measure_fixed) == "The gathering storm · 20 days");
  CHECK(app::band_title(title, 20, 160, measure_fixed) == "The gathering storm");
  // 130 px: "The gathering st" would fit, but cut words are never shown.
  CHECK(app::band_title(title, 20, 130, measure_fixed) == "The gathering…");
  CHECK(app::band_title(title, 20, 50, measure_fixed) == "The…");
  CHECK(app::band_title(title, 20, 20, measure_fixed).empty());
  for (float width = 0; width < 300; width += 7) {
    const std::string shown = app::band_title(title, 20, width, measure_fixed);
    CHECK(measure_fixed(shown) <= width);
    if (shown.empty() || shown.find(" · ") != std::string::npos) continue;
    const std::string words = shown.substr(0, shown.size() - (shown.ends_with("…") ? std::string("…").size() : 0));
    CHECK((title.rfind(words, 0) == 0 && (words.size() == title.size() || title[words.size()] == ' ')));
  }
}

TEST_CASE("camera modes: one name each in the status bar, the help and docs/VIEWER.md", "[viewer-logic]") {
  std::ifstream file(std::string(SIEGE_SOURCE_DIR) + "/docs/VIEWER.md");
  REQUIRE(file);
  const std::string docs((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  for (const app::CameraMode mode :
       {app::CameraMode::Director, app::CameraMode::Free, app::CameraMode::Orbit, app::CameraMode::Follow}) {
    const std::string label = app::camera_mode_label(mode);
    INFO(label);
    CHECK(app::camera_status(mode) == "Camera: " + label);  // Orbit and Follow once read "Camera: free"
    CHECK(docs.find("**" + label + "**") != std::string::npos);
    bool in_help = false;
    for (const app::KeyHelp& k : app::key_help()) in_help = in_help || k.what.find(label + " camera") == 0;
    CHECK(in_help);
  }
}

TEST_CASE("F with nothing selected says to select a unit first, O says what it orbits", "[viewer-logic]") {
  const scene::Scenario s = test_scenarios::armies();
  const scene::Snapshot early = scene::evaluate(s, 0.0);  // jin_guard (unit 2) is not on the field yet
  CHECK(app::follow_refusal(s, early, -1).find("Select a unit first") == 0);
  CHECK(app::follow_refusal(s, early, 2).find("not on the field") != std::string::npos);
  CHECK(app::follow_refusal(s, early, 0).empty());
  const glm::vec3 clicked(10, 0, 20), middle(500, 0, 600);
  const app::OrbitChoice around_click = app::choose_orbit_pivot(clicked, middle);
  REQUIRE(around_click.pivot);
  CHECK(*around_click.pivot == clicked);
  CHECK(around_click.message.find("the point you clicked") != std::string::npos);
  const app::OrbitChoice around_middle = app::choose_orbit_pivot(std::nullopt, middle);
  REQUIRE(around_middle.pivot);
  CHECK(*around_middle.pivot == middle);
  CHECK(around_middle.message.find("middle of the view") != std::string::npos);
  const app::OrbitChoice none = app::choose_orbit_pivot(std::nullopt, std::nullopt);
  CHECK_FALSE(none.pivot);
  CHECK_FALSE(none.message.empty());
  // The help says the same of O.
  bool documented = false;
  for (const app::KeyHelp& k : app::key_help())
    documented =
        documented || (k.keys.find(" O") != std::string::npos && k.what.find("clicked point") != std::string::npos &&
                       k.what.find("middle of the view") != std::string::npos);
  CHECK(documented);
}

TEST_CASE("names in both languages: panels, tooltips and the timeline's markers", "[viewer-logic]") {
  CHECK(app::bilingual({"Song vanguard", "宋军前锋"}) == "Song vanguard  宋军前锋");
  CHECK(app::bilingual({"Song vanguard", ""}) == "Song vanguard");
  CHECK(app::bilingual({"", "宋军前锋"}) == "宋军前锋");
  scene::Scenario s = test_scenarios::armies();
  s.units[1].name = {"Song column", "宋军"};
  s.captions[0].text = {std::string(200, 'x') + " end", std::string("蔡州") + std::string(300, 'a')};
  bool arrival = false;
  for (const app::Marker& m : app::timeline_markers(s)) {
    arrival = arrival || m.label == "Arrives: Song column  宋军";
    if (m.kind == app::Marker::Kind::Caption) {
      CHECK(m.label.find("蔡州") != std::string::npos);        // the Chinese shows too, cut whole
      CHECK(m.label.find("xxxxxxxxxx") == std::string::npos);  // a 200-letter word is not cut into
    }
  }
  CHECK(arrival);
}
