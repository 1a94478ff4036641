// The viewer as a user drives it: scripted sessions under Xvfb, checked through the
// viewer's state log and its screenshots, with Vulkan validation layers on.
#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include <catch2/catch.hpp>

#include "renderer/image_io.h"
#include "viewer_session.h"

using nlohmann::json;

namespace {

// Mean of each channel over a rectangle of an image.
std::array<double, 3> mean_rgb(const renderer::RgbaImage& image, int x0, int y0, int x1, int y1) {
  std::array<double, 3> sum{};
  long n = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x, ++n)
      for (int c = 0; c < 3; ++c) sum[c] += image.pixels[(static_cast<size_t>(y) * image.width + x) * 4 + c];
  for (double& s : sum) s /= std::max(n, 1L);
  return sum;
}

void require_clean(const test::Session& s) {
  INFO(s.output);
  REQUIRE(s.exit_code == 0);
  REQUIRE(!s.log.empty());
  CHECK(s.last()["reason"] == "exit");
  CHECK(s.last()["validation"] == true);  // zero errors means nothing without the layer
  CHECK(s.last()["validation_errors"] == 0);
  // Each frame is presented once the next is recorded; none may be left unshown at the end.
  CHECK(s.last()["drawn"].get<int>() > 0);
  CHECK(s.last()["presented"] == s.last()["drawn"]);
}

// Caizhou at 1280x720 (`view_args`: its shot and time), clicked at `pixel` on frame 3.
test::Session click_session(const std::filesystem::path& dir, std::array<int, 2> pixel, const std::string& view_args) {
  const json script = {{"window", {1280, 720}},
                       {"events", {{{"frame", 3}, {"click", {pixel[0], pixel[1]}}}, {{"frame", 8}, {"quit", true}}}}};
  return test::run_session(dir, script, "assets/scenarios/caizhou.json", view_args);
}

}  // namespace

TEST_CASE("the timeline is drawn along the bottom of the window", "[viewer]") {
  const auto dir = test::temp_dir("timeline");
  const json script = {{"window", {1280, 720}},
                       {"events",
                        {{{"frame", 3}, {"screenshot", (dir / "ui.png").string()}, {"ui", true}},
                         {{"frame", 4}, {"screenshot", (dir / "scene.png").string()}, {"ui", false}},
                         {{"frame", 5}, {"quit", true}}}}};
  const test::Session s = test::run_session(dir, script, "assets/scenarios/caizhou.json");
  require_clean(s);
  const renderer::RgbaImage ui = renderer::read_png(dir / "ui.png");
  const renderer::RgbaImage scene = renderer::read_png(dir / "scene.png");
  REQUIRE(ui.width == 1280);
  REQUIRE(ui.height == 720);
  REQUIRE(scene.width == 1280);
  // The strip at the bottom is the timeline, not the scene: darker and different.
  const auto with = mean_rgb(ui, 0, 720 - 150, 1280, 720), without = mean_rgb(scene, 0, 720 - 150, 1280, 720);
  CHECK(with[0] + with[1] + with[2] < without[0] + without[1] + without[2] - 60);
  // The first phase band (slate blue, current so opaque) is drawn in the band row.
  int band_pixels = 0;
  for (int y = 720 - 90; y < 720 - 40; ++y)
    for (int x = 10; x < 100; ++x) {
      const std::uint8_t* p = &ui.pixels[(static_cast<size_t>(y) * 1280 + x) * 4];
      if (std::abs(p[0] - 88) < 12 && std::abs(p[1] - 110) < 12 && std::abs(p[2] - 140) < 12) ++band_pixels;
    }
  CHECK(band_pixels > 300);
}

TEST_CASE("PageDown and PageUp step through the phases, number keys jump", "[viewer]") {
  const auto dir = test::temp_dir("phases");
  const json script = {{"events",
                        {{{"frame", 2}, {"key", "PageDown"}},
                         {{"frame", 4}, {"key", "PageDown"}},
                         {{"frame", 6}, {"key", "PageUp"}},
                         {{"frame", 8}, {"key", "5"}},
                         {{"frame", 10}, {"key", "Right"}},
                         {{"frame", 12}, {"quit", true}}}}};
  const test::Session s = test::run_session(dir, script, "assets/scenarios/caizhou.json");
  require_clean(s);
  REQUIRE(s.log.size() >= 6);
  CHECK(s.log[0]["phase"] == 1);
  CHECK(s.log[1]["phase"] == 2);
  CHECK(s.log[2]["phase"] == 1);
  CHECK(s.log[3]["phase"] == 4);
  CHECK(s.log[4]["phase"] == 5);
  CHECK(s.log[4]["camera"] == "director");
}

TEST_CASE("dragging on the timeline scrubs, and going back is exact", "[viewer]") {
  const auto dir = test::temp_dir("scrub");
  // The band row is about 75 px above the bottom; drag from the left to the middle, then back.
  const json script = {{"window", {1280, 720}},
                       {"events",
                        {{{"frame", 2}, {"drag", {{20, 645}, {640, 645}}}, {"frames", 6}},
                         {{"frame", 12}, {"screenshot", (dir / "middle.png").string()}, {"ui", false}},
                         {{"frame", 13}, {"drag", {{640, 645}, {20, 645}}}, {"frames", 6}},
                         {{"frame", 21}, {"screenshot", (dir / "back.png").string()}, {"ui", false}},
                         // Then to a moment from the start and from later on, once the drag's
                         // camera ease (0.8 s, 24 frames) has settled.
                         {{"frame", 50}, {"seek", "famine"}},
                         {{"frame", 52}, {"screenshot", (dir / "famine_from_start.png").string()}, {"ui", false}},
                         {{"frame", 53}, {"seek", "1234-01-20"}},
                         {{"frame", 55}, {"seek", "famine"}},
                         {{"frame", 57}, {"screenshot", (dir / "famine_from_later.png").string()}, {"ui", false}},
                         {{"frame", 58}, {"quit", true}}}}};
  const test::Session s = test::run_session(dir, script, "assets/scenarios/caizhou.json");
  require_clean(s);
  REQUIRE(s.log.size() >= 3);
  const double middle = s.log[1]["t"];
  CHECK(middle > 0.3 * 250 / 2);  // somewhere in the middle of the story
  REQUIRE(s.log.size() >= 4);
  CHECK(s.log[3]["t"].get<double>() < 5.0);  // dragged back to the start
  // The same moment reached from before and from after is the same picture, pixel for pixel:
  // nothing of the way there is remembered.
  const renderer::RgbaImage before = renderer::read_png(dir / "famine_from_start.png");
  const renderer::RgbaImage after = renderer::read_png(dir / "famine_from_later.png");
  REQUIRE(before.width == 1280);
  REQUIRE(after.width == before.width);
  REQUIRE(after.height == before.height);
  std::size_t differing = 0;
  for (std::size_t i = 0; i < before.pixels.size(); ++i) differing += before.pixels[i] != after.pixels[i];
  CHECK(differing == 0);
  // And it is not a blank frame that would match anything.
  const auto mean = mean_rgb(before, 0, 0, 1280, 720);
  CHECK(mean[0] + mean[1] + mean[2] > 60);
}

TEST_CASE("B blanks the screen, F11 enters the clean presentation, Escape leaves", "[viewer]") {
  const auto dir = test::temp_dir("lecture");
  const json script = {{"window", {960, 540}},
                       {"events",
                        {{{"frame", 2}, {"key", "B"}},
                         {{"frame", 3}, {"screenshot", (dir / "blank.png").string()}, {"ui", true}},
                         {{"frame", 5}, {"key", "B"}},
                         {{"frame", 6}, {"key", "F11"}},
                         {{"frame", 8}, {"screenshot", (dir / "presentation.png").string()}, {"ui", true}},
                         {{"frame", 9}, {"key", "Escape"}},
                         {{"frame", 11}, {"quit", true}}}}};
  const test::Session s = test::run_session(dir, script, "assets/scenarios/caizhou.json");
  require_clean(s);
  CHECK(s.log[0]["blank"] == true);
  CHECK(s.log[2]["blank"] == false);
  CHECK(s.log[3]["presentation"] == true);
  CHECK(s.log[5]["presentation"] == false);
  const renderer::RgbaImage blank = renderer::read_png(dir / "blank.png");
  const auto black = mean_rgb(blank, 0, 0, static_cast<int>(blank.width), static_cast<int>(blank.height));
  CHECK(black[0] + black[1] + black[2] < 3);
  // In the presentation the left panel is gone: the scene shows where it was.
  const renderer::RgbaImage shown = renderer::read_png(dir / "presentation.png");
  const auto panel_area = mean_rgb(shown, 20, 60, 300, 300);
  CHECK(panel_area[0] + panel_area[1] + panel_area[2] > 150);
}

TEST_CASE("resizing and minimising the window do not crash", "[viewer]") {
  const auto dir = test::temp_dir("resize");
  const json script = {{"window", {960, 540}},
                       {"events",
                        {{{"frame", 2}, {"resize", {640, 360}}},
                         {{"frame", 5}, {"resize", {0, 0}}},
                         {{"frame", 8}, {"resize", {1024, 640}}},
                         {{"frame", 12}, {"screenshot", (dir / "after.png").string()}, {"ui", true}},
                         {{"frame", 14}, {"quit", true}}}}};
  const test::Session s = test::run_session(dir, script, "assets/scenarios/taiyuan.json");
  require_clean(s);
  CHECK(s.last()["window"] == json::array({1024, 640}));
  const renderer::RgbaImage after = renderer::read_png(dir / "after.png");
  CHECK(after.width == 1024);
  CHECK(after.height == 640);
}

TEST_CASE("clicking a wall picks it through the ID pass", "[viewer]") {
  const auto dir = test::temp_dir("pick");
  // Find a wall pixel from the same camera with `siege render --aov id`.
  std::string output;
  const std::string render =
      std::string("cd ") + dir.string() + " && XDG_RUNTIME_DIR=" + dir.string() + " " + SIEGE_BINARY + " render " +
      SIEGE_SOURCE_DIR +
      "/assets/scenarios/caizhou.json --shot city_close --time famine --size 1280x720 --aov id --out frame.png";
  REQUIRE(test::run(render, &output) == 0);
  const renderer::RgbaImage ids = renderer::read_png(dir / "frame.id.png");
  json legend;
  std::ifstream(dir / "frame.id.json") >> legend;
  std::set<std::uint32_t> walls;
  for (const json& o : legend["objects"])
    if (o["kind"] == "wall") walls.insert(o["id"].get<std::uint32_t>());
  REQUIRE(!walls.empty());
  int px = -1, py = -1;
  // Away from the panels (left), the map (top right) and the timeline (bottom).
  for (int y = 100; y < 540 && px < 0; y += 3)
    for (int x = 420; x < 1000 && px < 0; x += 3) {
      const std::uint8_t* p = &ids.pixels[(static_cast<size_t>(y) * ids.width + x) * 4];
      if (walls.count(p[0] + 256u * p[1] + 65536u * p[2])) {
        px = x;
        py = y;
      }
    }
  REQUIRE(px >= 0);
  const test::Session s = click_session(dir, {px, py}, "--shot city_close --time famine");
  require_clean(s);
  CHECK(s.last()["selected_kind"] == "wall");
}

// The song_arrival frame's ids as `siege render --aov id` writes them (the viewer's scripted
// session shows the same frame), and which ids are soldiers of which unit.
struct SoldierFrame {
  renderer::RgbaImage ids;
  std::map<std::uint32_t, std::string> soldiers;  // id -> unit
  std::uint32_t id_at(int x, int y) const {
    const std::uint8_t* p = &ids.pixels[(static_cast<size_t>(y) * ids.width + x) * 4];
    return p[0] + 256u * p[1] + 65536u * p[2];
  }
};

SoldierFrame song_arrival_ids(const std::filesystem::path& dir) {
  std::string output;
  const std::string render =
      std::string("cd ") + dir.string() + " && XDG_RUNTIME_DIR=" + dir.string() + " " + SIEGE_BINARY + " render " +
      SIEGE_SOURCE_DIR +
      "/assets/scenarios/caizhou.json --shot song_arrival --time song_arrival --size 1280x720 --aov id --out frame.png";
  REQUIRE(test::run(render, &output) == 0);
  SoldierFrame frame{renderer::read_png(dir / "frame.id.png"), {}};
  json legend;
  std::ifstream(dir / "frame.id.json") >> legend;
  for (const json& o : legend["objects"])
    if (o["kind"] == "soldier") frame.soldiers[o["id"].get<std::uint32_t>()] = o["entity"].get<std::string>();
  REQUIRE(!frame.soldiers.empty());
  return frame;
}

TEST_CASE("clicking a soldier selects his unit, and F follows it", "[viewer]") {
  const auto dir = test::temp_dir("soldier");
  const SoldierFrame frame = song_arrival_ids(dir);
  std::map<std::uint32_t, std::string> soldiers = frame.soldiers;
  // A soldier away from the panels, the map and the timeline, with soldiers of the same unit
  // all around him, so a one-pixel difference cannot miss.
  const auto id_at = [&](int x, int y) { return frame.id_at(x, y); };
  int px = -1, py = -1;
  std::string unit;
  for (int y = 60; y < 520 && px < 0; ++y)
    for (int x = 420; x < 1000 && px < 0; ++x) {
      const std::uint32_t id = id_at(x, y);
      if (!soldiers.count(id)) continue;
      bool solid = true;
      for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) solid = solid && id_at(x + dx, y + dy) == id;
      if (solid) {
        px = x;
        py = y;
        unit = soldiers[id];
      }
    }
  INFO("no soldier pixel found from the song_arrival shot");
  REQUIRE(px >= 0);
  const json script = {
      {"window", {1280, 720}},
      {"events", {{{"frame", 3}, {"click", {px, py}}}, {{"frame", 7}, {"key", "F"}}, {{"frame", 12}, {"quit", true}}}}};
  const test::Session s =
      test::run_session(dir, script, "assets/scenarios/caizhou.json", "--shot song_arrival --time song_arrival");
  require_clean(s);
  // The id is read back when the click's frame has finished, a frame or two later: by the
  // time F is pressed the unit is selected, and F follows it.
  REQUIRE(s.log.size() >= 2);
  CHECK(s.log[1]["selected_unit"] == unit);
  CHECK(s.log[1]["selected_kind"] == "soldier");
  CHECK(s.log[1]["camera"] == "follow");
}

TEST_CASE("paused and untouched, the viewer rests: next to no CPU", "[viewer]") {
  // Not scripted (a script draws every frame it steps): the viewer as a lecturer leaves it,
  // paused on a phase while he talks. Its CPU time is read from /proc over four seconds.
  const auto dir = test::temp_dir("rest");
  const std::string log = (dir / "rest.jsonl").string();
  const std::string command =
      "cd '" + dir.string() + "' && (XDG_RUNTIME_DIR='" + dir.string() + "' xvfb-run -a -s '-screen 0 1280x800x24' '" +
      SIEGE_BINARY + "' view '" + SIEGE_SOURCE_DIR + "/assets/scenarios/caizhou.json' --validation --log '" + log +
      "' >view.out 2>&1 &); sleep 10; pid=$(pgrep -n -f -- '--log " + log +
      "'); [ -n \"$pid\" ] || exit 1; a=$(awk '{print $14+$15}' /proc/$pid/stat); sleep 4; "
      "b=$(awk '{print $14+$15}' /proc/$pid/stat); kill $pid; echo $((b - a)) $(getconf CLK_TCK)";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe);
  long ticks = -1, per_second = 0;
  const int read = std::fscanf(pipe, "%ld %ld", &ticks, &per_second);
  ::pclose(pipe);
  std::ifstream out(dir / "view.out");
  const std::string output((std::istreambuf_iterator<char>(out)), std::istreambuf_iterator<char>());
  INFO("view.out: " << output);
  REQUIRE(read == 2);
  REQUIRE(per_second > 0);
  const double cpu_seconds = static_cast<double>(ticks) / static_cast<double>(per_second);
  INFO("CPU over 4 s while paused: " << cpu_seconds << " s");
  CHECK(cpu_seconds < 0.4);  // a tenth of one core; drawing every frame used 3 s of the 4
}

TEST_CASE("a click a few pixels off a soldier still selects his unit", "[viewer]") {
  const auto dir = test::temp_dir("near_soldier");
  const SoldierFrame frame = song_arrival_ids(dir);
  // A click 3 px right of a soldier, on the ground, with no soldier of another unit nearer.
  int cx = -1, cy = -1;
  std::string unit;
  for (int y = 60; y < 520 && cx < 0; ++y)
    for (int x = 420; x < 990 && cx < 0; ++x) {
      const auto it = frame.soldiers.find(frame.id_at(x, y));
      if (it == frame.soldiers.end() || frame.soldiers.count(frame.id_at(x + 3, y))) continue;
      bool others = false;  // any other unit's soldier within the pick radius of the click
      for (int dy = -5; dy <= 5; ++dy)
        for (int dx = -5; dx <= 5; ++dx) {
          const auto near = frame.soldiers.find(frame.id_at(x + 3 + dx, y + dy));
          others = others || (near != frame.soldiers.end() && near->second != it->second);
        }
      if (!others) cx = x + 3, cy = y, unit = it->second;
    }
  INFO("no soldier with open ground beside him in the song_arrival shot");
  REQUIRE(cx >= 0);
  const test::Session s = click_session(dir, {cx, cy}, "--shot song_arrival --time song_arrival");
  require_clean(s);
  REQUIRE(s.log.size() >= 2);
  CHECK(s.log[1]["selected_unit"] == unit);
  CHECK(s.log[1]["selected_kind"] == "soldier");
}

namespace {

// Share of the pixels in a rectangle where two images differ clearly (summed channels > 40).
double differing_share(const renderer::RgbaImage& a, const renderer::RgbaImage& b, int x0, int y0, int x1, int y1) {
  long differ = 0, n = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x, ++n) {
      const std::size_t i = (static_cast<size_t>(y) * a.width + x) * 4;
      int d = 0;
      for (int c = 0; c < 3; ++c) d += std::abs(a.pixels[i + c] - b.pixels[i + c]);
      differ += d > 40;
    }
  return static_cast<double>(differ) / static_cast<double>(std::max(n, 1L));
}

}  // namespace

TEST_CASE("captions stay in the scene area: none beside the map or off the right edge", "[viewer]") {
  // 25 October 1233: the famine's long lower third over the phase's title. Captions used to
  // run under the legend and off the right edge; the strip below the legend, right of the
  // scene area, must now show the scene itself.
  struct Size {
    int w, h, strip_x0, strip_y0;  // the strip: right of the scene area, below the legend
  };
  for (const Size size : {Size{1280, 720, 1016, 391}, Size{1024, 768, 806, 345}}) {
    INFO("window " << size.w << "x" << size.h);
    const auto dir = test::temp_dir("captions");
    const json script = {{"window", {size.w, size.h}},
                         {"events",
                          {{{"frame", 1}, {"seek", "1233-10-25"}},
                           {{"frame", 4}, {"screenshot", (dir / "ui.png").string()}, {"ui", true}},
                           {{"frame", 5}, {"screenshot", (dir / "scene.png").string()}, {"ui", false}},
                           {{"frame", 6}, {"quit", true}}}}};
    const test::Session s = test::run_session(dir, script, "assets/scenarios/caizhou.json");
    require_clean(s);
    CHECK(s.last()["panels"] == true);
    const renderer::RgbaImage ui = renderer::read_png(dir / "ui.png");
    const renderer::RgbaImage scene = renderer::read_png(dir / "scene.png");
    REQUIRE(static_cast<int>(ui.width) == size.w);
    REQUIRE(static_cast<int>(scene.width) == size.w);
    const int strip_y1 = size.h - 176 - 6;
    const double covered = differing_share(ui, scene, size.strip_x0, size.strip_y0, size.w - 4, strip_y1);
    INFO("share of the strip covered: " << covered);
    CHECK(covered < 0.10);  // a place label may stand there; a caption box covered 37-60 %
    // And the captions are there, in the scene area: its lower part differs from the scene.
    const int scene_x0 = size.w == 1280 ? 400 : 330;
    CHECK(differing_share(ui, scene, scene_x0, size.h - 176 - 220, size.strip_x0 - 20, size.h - 190) > 0.3);
  }
}

TEST_CASE("A seek to a date-time shows its hour, darker at night, until the playhead moves on", "[viewer]") {
  // 20 November 1233 lies in a phase that holds 14:00; 21:00 is night by the moon.
  const auto dir = test::temp_dir("hour_hold");
  const json script = {{"window", {640, 360}},
                       {"events",
                        {{{"frame", 1}, {"seek", "1233-11-20"}},
                         {{"frame", 3}, {"screenshot", (dir / "day.png").string()}, {"ui", false}},
                         {{"frame", 4}, {"seek", "1233-11-20T21:00"}},
                         {{"frame", 6}, {"screenshot", (dir / "night.png").string()}, {"ui", false}},
                         {{"frame", 7}, {"key", "Space"}},
                         {{"frame", 12}, {"quit", true}}}}};
  const test::Session s = test::run_session(dir, script, "assets/scenarios/caizhou.json");
  require_clean(s);
  REQUIRE(s.log.size() >= 5);
  CHECK(s.log[1]["hour"].get<double>() == Approx(14.0));  // the day's screenshot
  CHECK(s.log[3]["hour"].get<double>() == Approx(21.0));  // the night's
  CHECK(s.last()["hour"].get<double>() == Approx(14.0));  // playing: the phase's hour again
  const auto mean = [](const renderer::RgbaImage& image) {
    double sum = 0;
    for (std::size_t i = 0; i < image.pixels.size(); i += 4)
      sum += image.pixels[i] + image.pixels[i + 1] + image.pixels[i + 2];
    return sum / (3.0 * image.width * image.height);
  };
  const double day = mean(renderer::read_png(dir / "day.png")), night = mean(renderer::read_png(dir / "night.png"));
  INFO("mean level: day " << day << ", night " << night);
  CHECK(night < day * 0.5);
}

TEST_CASE("F with no unit selected says to select one first, and changes nothing else", "[viewer]") {
  const auto dir = test::temp_dir("f_alone");
  const json script = {{"window", {1280, 720}},
                       {"events", {{{"frame", 2}, {"key", "F"}}, {{"frame", 4}, {"quit", true}}}}};
  const test::Session s = test::run_session(dir, script, "assets/scenarios/caizhou.json");
  require_clean(s);
  REQUIRE(!s.log.empty());
  CHECK(s.log[0]["presentation"] == false);  // it once toggled the presentation
  CHECK(s.log[0]["camera"] == "director");
  CHECK(s.log[0]["message"].get<std::string>().rfind("Select a unit first", 0) == 0);
}

TEST_CASE("O orbits the ground point clicked, and without a click the middle of the view", "[viewer]") {
  const auto dir = test::temp_dir("orbit");
  const json script = {{"window", {1280, 720}},
                       {"events",
                        {{{"frame", 2}, {"key", "O"}},
                         {{"frame", 34}, {"click", {760, 420}}},
                         {{"frame", 37}, {"key", "O"}},
                         {{"frame", 39}, {"quit", true}}}}};
  const test::Session s =
      test::run_session(dir, script, "assets/scenarios/caizhou.json", "--shot city_close --time famine");
  require_clean(s);
  REQUIRE(s.log.size() >= 3);
  // No click yet: the ground in the middle of the view.
  CHECK(s.log[0]["camera"] == "orbit");
  CHECK(s.log[0]["message"].get<std::string>().find("middle of the view") != std::string::npos);
  REQUIRE(s.log[0]["orbit_pivot"].is_array());
  // After a click on the ground: that point, exactly.
  const json& after = s.log[2];
  CHECK(after["camera"] == "orbit");
  CHECK(after["message"].get<std::string>().find("the point you clicked") != std::string::npos);
  REQUIRE(after["picked_point"].is_array());
  REQUIRE(after["orbit_pivot"].is_array());
  for (int i = 0; i < 3; ++i) CHECK(after["orbit_pivot"][i].get<double>() == after["picked_point"][i].get<double>());
  CHECK(after["orbit_pivot"] != s.log[0]["orbit_pivot"]);
}

TEST_CASE("below 960x600 the side panels collapse and the scene takes their place", "[viewer]") {
  const auto dir = test::temp_dir("collapse");
  const json script = {{"window", {900, 560}},
                       {"events",
                        {{{"frame", 3}, {"screenshot", (dir / "small.png").string()}, {"ui", true}},
                         {{"frame", 4}, {"screenshot", (dir / "small_scene.png").string()}, {"ui", false}},
                         {{"frame", 5}, {"resize", {1024, 768}}},
                         {{"frame", 9}, {"quit", true}}}}};
  const test::Session s = test::run_session(dir, script, "assets/scenarios/caizhou.json");
  require_clean(s);
  REQUIRE(s.log.size() >= 3);
  CHECK(s.log[0]["panels"] == false);
  CHECK(s.last()["panels"] == true);  // back at 1024x768
  // Where the side panel stands in a larger window (below the notice, above the opening
  // title card), the small one shows the scene.
  const renderer::RgbaImage ui = renderer::read_png(dir / "small.png");
  const renderer::RgbaImage scene = renderer::read_png(dir / "small_scene.png");
  REQUIRE(ui.width == 900);
  CHECK(differing_share(ui, scene, 20, 45, 300, 105) < 0.05);
}
