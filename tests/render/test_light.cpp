// Light that tells the time, through pixels and the ID pass: one shot at several hours is
// ordered night < dawn < noon in brightness with a redder sky at dawn; a wall's shadow falls
// away from the sun; snow on the ground brightens it; a starry sky shows only at night.
// Lavapipe, validation on.
#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include <catch2/catch.hpp>

#include "render_fixture.h"
#include "scene/model/calendar.h"
#include "scene/model/clock.h"
#include "scene/sim/evaluate.h"
#include "scene/sim/sun.h"

namespace {

constexpr VkExtent2D kSize{240, 135};

scene::Snapshot at_date(const scene::Scenario& s, const char* date) {
  const auto day = scene::parse_day(date, s.calendar);
  REQUIRE(day);
  return scene::evaluate(s, scene::presentation_at(s, *day));
}

// The snapshot with the sun moved to another hour of the same day.
scene::Snapshot at_hour(const scene::Scenario& s, scene::Snapshot snap, double hour) {
  snap.hour = static_cast<float>(hour);
  snap.sun_direction = scene::sun_position(snap.day, hour, s.environment.latitude).direction;
  return snap;
}

double luminance(const renderer::FrameImage& f, std::uint32_t x, std::uint32_t y) {
  const std::uint8_t* p = &f.rgba[(static_cast<size_t>(y) * f.width + x) * 4];
  return 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
}

double mean_luminance(const renderer::FrameImage& f) {
  double sum = 0;
  for (std::uint32_t y = 0; y < f.height; ++y)
    for (std::uint32_t x = 0; x < f.width; ++x) sum += luminance(f, x, y);
  return sum / (f.width * f.height);
}

// Red over blue of the pixels whose object is `id` (the sky): > 1 is warm.
double redness(const renderer::FrameImage& f, std::uint32_t id) {
  double r = 0, b = 0;
  for (size_t i = 0; i < f.ids.size(); ++i)
    if (f.ids[i] == id) r += f.rgba[i * 4], b += f.rgba[i * 4 + 2];
  REQUIRE(b > 0);
  return r / b;
}

// A view of Caizhou's south wall from 500 m, with sky above the horizon.
scene::Camera south_wall_view() {
  scene::Camera c;
  c.position = {300, 180, 1150};
  c.target = {0, 0, 550};
  c.fov_deg = 45;
  return c;
}

}  // namespace

TEST_CASE("One shot through the day: night < dawn < noon, and dawn's sky is redder than noon's", "[render][light]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  const scene::Snapshot base = at_date(s, "1233-11-20");
  const scene::Camera camera = south_wall_view();
  const auto frame = [&](double hour) { return r.render(at_hour(s, base, hour), camera, kSize, true); };
  const renderer::FrameImage night = frame(2.0), dawn = frame(6.75), noon = frame(12.0), evening = frame(19.0);
  const double l_night = mean_luminance(night), l_dawn = mean_luminance(dawn), l_noon = mean_luminance(noon);
  const double l_evening = mean_luminance(evening);
  INFO("mean luminance: 02:00 " << l_night << ", 06:45 " << l_dawn << ", 12:00 " << l_noon << ", 19:00 " << l_evening);
  CHECK(l_night < l_dawn);
  CHECK(l_dawn < l_noon);
  CHECK(l_evening < l_noon);
  // Not black either: a moonless night still shows its sky.
  CHECK(l_night > 2.0);
  // Towards the sunrise (east-south-east in November), the same view at dawn and at noon.
  scene::Camera east;
  east.position = {0, 120, 0};
  east.target = {1000, 100, 400};
  east.fov_deg = 50;
  const double red_dawn = redness(r.render(at_hour(s, base, 6.75), east, kSize, true), r.world().sky);
  const double red_noon = redness(r.render(at_hour(s, base, 12.0), east, kSize, true), r.world().sky);
  INFO("sky red/blue: dawn " << red_dawn << ", noon " << red_noon);
  CHECK(red_dawn > red_noon * 1.2);
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("Stars show in the night sky and not by day", "[render][light]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  const scene::Snapshot base = at_date(s, "1233-11-20");
  scene::Camera up;
  up.position = {0, 50, 0};
  up.target = {0, 1000, -600};  // high in the northern sky
  up.fov_deg = 40;
  // A star is a pixel much brighter than its neighbours' median: count them.
  const auto points_of_light = [&](double hour) {
    const renderer::FrameImage f = r.render(at_hour(s, base, hour), up, kSize, true);
    int stars = 0;
    for (std::uint32_t y = 1; y + 1 < f.height; ++y)
      for (std::uint32_t x = 1; x + 1 < f.width; ++x) {
        if (f.id_at(x, y) != r.world().sky) continue;
        const double around =
            (luminance(f, x - 1, y) + luminance(f, x + 1, y) + luminance(f, x, y - 1) + luminance(f, x, y + 1)) / 4;
        stars += luminance(f, x, y) > around + 40;
      }
    return stars;
  };
  const int night = points_of_light(1.0), day = points_of_light(11.0);
  INFO("stars: night " << night << ", day " << day);
  CHECK(night >= 10);
  CHECK(day == 0);
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("A wall's shadow falls on the side away from the sun", "[render][light]") {
  // Caizhou's outer east wall runs north-south: at 9:00 the sun stands in the south-east and
  // the wall shades the ground to its west; at 15:00 it shades the east.
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  const scene::Snapshot base = at_date(s, "1233-11-20");
  const scene::Wall* wall = nullptr;
  for (const scene::Wall& w : s.walls)
    if (w.id == "outer_wall") wall = &w;
  REQUIRE(wall);
  const glm::vec2 a = wall->points[4], b = wall->points[5];  // (700,-100) to (715,300): the east side
  REQUIRE(std::abs(a.x - b.x) < 40);
  // Ground luminance at `offset` metres east (+) or west (−) of the wall's line, along its middle.
  const auto side = [&](const renderer::FrameImage& f, const scene::Camera& c, float offset) {
    double sum = 0;
    int n = 0;
    for (float t = 0.2f; t <= 0.8f; t += 0.05f) {
      const glm::vec2 on = glm::mix(a, b, t) + glm::vec2(offset, 0);
      const auto px = test::project(c, f.width, f.height, {on.x, s.ground->height(on), on.y});
      if (!px || px->x < 0 || px->y < 0 || px->x >= static_cast<int>(f.width) || px->y >= static_cast<int>(f.height))
        continue;
      if (test::kind_at(r, f, *px) != "terrain") continue;
      sum += luminance(f, static_cast<std::uint32_t>(px->x), static_cast<std::uint32_t>(px->y));
      ++n;
    }
    REQUIRE(n >= 4);
    return sum / n;
  };
  const glm::vec2 middle = glm::mix(a, b, 0.5f);
  const scene::Camera camera = test::top_down(middle, 220, 60);
  const VkExtent2D size{320, 320};
  const float offset = wall->thickness * 0.5f + 5.0f;
  const renderer::FrameImage morning = r.render(at_hour(s, base, 9.0), camera, size, true);
  const renderer::FrameImage afternoon = r.render(at_hour(s, base, 15.0), camera, size, true);
  const double m_west = side(morning, camera, -offset), m_east = side(morning, camera, offset);
  const double a_west = side(afternoon, camera, -offset), a_east = side(afternoon, camera, offset);
  INFO("9:00 west " << m_west << " east " << m_east << "; 15:00 west " << a_west << " east " << a_east);
  CHECK(m_west < m_east * 0.8);
  CHECK(a_east < a_west * 0.8);
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("Snow on the ground brightens it", "[render][light]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  const scene::Snapshot autumn = at_hour(s, at_date(s, "1233-11-20"), 11.0);
  scene::Snapshot snowy = autumn;
  snowy.weather.snow_cover = 1.0f;
  const scene::Camera camera = test::top_down({-1500, 1500}, 600, 50);  // open fields south-west of the city
  const renderer::FrameImage bare = r.render(autumn, camera, kSize, true);
  const renderer::FrameImage white = r.render(snowy, camera, kSize, true);
  INFO("ground: autumn " << mean_luminance(bare) << ", snow " << mean_luminance(white));
  CHECK(mean_luminance(white) > mean_luminance(bare) * 1.3);
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("Falling snow and rain show over the scene, and nothing falls in fair weather", "[render][light]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  const scene::Snapshot fair = at_hour(s, at_date(s, "1233-11-20"), 11.0);
  const scene::Camera camera = south_wall_view();
  const renderer::FrameImage clear = r.render(fair, camera, kSize, true);
  // Pixels that differ from the fair-weather frame by more than a few levels.
  const auto changed = [&](const renderer::FrameImage& f) {
    int n = 0;
    for (size_t i = 0; i < f.rgba.size(); i += 4)
      n += std::abs(int(f.rgba[i]) - int(clear.rgba[i])) + std::abs(int(f.rgba[i + 1]) - int(clear.rgba[i + 1])) > 12;
    return n;
  };
  scene::Snapshot snowing = fair, raining = fair, calm = fair;
  snowing.weather.precipitation = scene::Precipitation::Snow;
  snowing.weather.precipitation_rate = 0.8f;
  raining.weather.precipitation = scene::Precipitation::Rain;
  raining.weather.precipitation_rate = 0.8f;
  calm.weather.precipitation = scene::Precipitation::Snow;
  calm.weather.precipitation_rate = 0.0f;
  const int snow = changed(r.render(snowing, camera, kSize, true));
  const int rain = changed(r.render(raining, camera, kSize, true));
  const int none = changed(r.render(calm, camera, kSize, true));
  INFO("changed pixels: snow " << snow << ", rain " << rain << ", rate 0 " << none);
  CHECK(snow > 200);
  CHECK(rain > 100);
  CHECK(none == 0);
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("In the film preset the moat reflects the wall beside it, in the interactive preset only the sky",
          "[render][light]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  const scene::Snapshot noon = at_hour(s, at_date(s, "1233-11-20"), 11.0);
  scene::Camera camera;  // low over the south moat, looking at the wall
  camera.position = {60, 30, 760};
  camera.target = {0, 5, 620};
  camera.fov_deg = 50;
  const renderer::FrameImage sky_only = r.render(noon, camera, kSize, true);
  r.options().preset = renderer::Preset::Film;
  const renderer::FrameImage reflecting = r.render(noon, camera, kSize, true);
  int water = 0, changed = 0;
  for (std::uint32_t y = 0; y < kSize.height; ++y)
    for (std::uint32_t x = 0; x < kSize.width; ++x) {
      if (test::kind_at(r, reflecting, {static_cast<int>(x), static_cast<int>(y)}) != "water") continue;
      ++water;
      changed += std::abs(luminance(reflecting, x, y) - luminance(sky_only, x, y)) > 6;
    }
  INFO("water pixels " << water << ", changed by the reflections " << changed);
  REQUIRE(water > 500);
  CHECK(changed > water / 10);
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("The burning city at night is brighter near its fires than 500 m away", "[render][light]") {
  // The scenario's own night of 9 February 1234 at 22:00: its fires, torches and moon.
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  scene::Snapshot night = at_date(s, "1234-02-09T22:00");
  scene::set_hour(s, night, 22.0);
  REQUIRE(night.sun_direction.y < -0.3f);
  std::size_t fiercest = 0;
  for (std::size_t f = 1; f < night.fire_intensity.size(); ++f)
    if (night.fire_intensity[f] > night.fire_intensity[fiercest]) fiercest = f;
  REQUIRE(night.fire_intensity.size() > fiercest);
  REQUIRE(night.fire_intensity[fiercest] > 0.3f);
  REQUIRE(!night.lights.empty());
  const glm::vec2 fire = s.fires[fiercest].position;
  // 500 m from the fire, away from the city's centre, where no other fire burns.
  const glm::vec2 away = fire + glm::normalize(fire + glm::vec2(1e-3f)) * 500.0f;
  const scene::Camera camera = test::top_down(0.5f * (fire + away), 1100, 50);
  constexpr std::uint32_t kW = 320, kH = 180;
  const renderer::FrameImage f = r.render(night, camera, {kW, kH}, true);
  const auto mean_around = [&](glm::vec2 p, int radius) {
    const auto px = test::project(camera, kW, kH, {p.x, s.ground->height(p), p.y});
    REQUIRE(px);
    double sum = 0;
    int n = 0;
    for (int dy = -radius; dy <= radius; ++dy)
      for (int dx = -radius; dx <= radius; ++dx) {
        const int x = px->x + dx, y = px->y + dy;
        if (x < 0 || y < 0 || x >= static_cast<int>(kW) || y >= static_cast<int>(kH)) continue;
        sum += luminance(f, static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(y));
        ++n;
      }
    REQUIRE(n > 0);
    return sum / n;
  };
  const double near = mean_around(fire, 6), far = mean_around(away, 6);
  INFO("near the fire " << near << ", 500 m away " << far << "; lights " << r.last_stats().lights);
  CHECK(near > far + 25);
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("The moon's disc shows where the moon stands and where it only reaches into the frame", "[render][light]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  // A night of the siege with the moon high and nearly full.
  const auto first = scene::parse_day("1233-11-01", s.calendar);
  REQUIRE(first);
  std::optional<scene::Snapshot> night;
  for (int d = 0; d < 90 && !night; ++d)
    for (int hour = 0; hour < 24 && !night; ++hour) {
      scene::Snapshot snap = scene::evaluate(s, scene::presentation_at(s, *first + d));
      scene::set_hour(s, snap, static_cast<float>(hour));
      if (snap.moon.direction.y > 0.45f && snap.sun_direction.y < -0.25f && snap.moon.age_days > 12 &&
          snap.moon.age_days < 17)
        night = snap;
    }
  REQUIRE(night);
  const glm::vec3 moon = night->moon.direction;
  constexpr std::uint32_t kW = 160, kH = 90;
  // Screen x of the moon's centre, unclipped, in pixels.
  const auto moon_x = [&](const scene::Camera& c) {
    const glm::vec4 clip = scene::projection_matrix(c, static_cast<float>(kW) / kH) * scene::view_matrix(c) *
                           glm::vec4(c.position + moon * 1e5f, 1.0f);
    REQUIRE(clip.w > 0);
    return (clip.x / clip.w * 0.5f + 0.5f) * static_cast<float>(kW);
  };
  // Aimed beside the moon by `turn` radians about the vertical: 10° of view, so the disc
  // (0.46° wide) is some 8 pixels across.
  const auto aimed = [&](float turn) {
    scene::Camera c;
    c.position = {0, 400, 2500};
    const glm::vec3 aim(moon.x * std::cos(turn) - moon.z * std::sin(turn), moon.y,
                        moon.x * std::sin(turn) + moon.z * std::cos(turn));
    c.target = c.position + aim * 1000.0f;
    c.fov_deg = 10;
    return c;
  };
  // The brightest pixel in the columns [x0, x1) around the middle rows, against the frame's
  // median (the night sky).
  const auto glow = [&](const renderer::FrameImage& f, int x0, int x1) {
    std::vector<double> all;
    for (std::uint32_t y = 0; y < kH; ++y)
      for (std::uint32_t x = 0; x < kW; ++x) all.push_back(luminance(f, x, y));
    std::nth_element(all.begin(), all.begin() + all.size() / 2, all.end());
    double brightest = 0;
    for (int y = 0; y < static_cast<int>(kH); ++y)
      for (int x = std::max(x0, 0); x < std::min(x1, static_cast<int>(kW)); ++x)
        brightest = std::max(brightest, luminance(f, static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(y)));
    return brightest - all[all.size() / 2];
  };
  const renderer::FrameImage centred = r.render(*night, aimed(0), {kW, kH}, false);
  const double centre_glow = glow(centred, kW / 2 - 6, kW / 2 + 6);
  INFO("moon at x " << moon_x(aimed(0)) << ": glow " << centre_glow);
  CHECK(centre_glow > 60);
  // Turned about the vertical until the moon's centre stands at screen x `target` (pixels).
  const float sign = moon_x(aimed(0.05f)) > moon_x(aimed(0)) ? 1.0f : -1.0f;
  const auto turned_to = [&](float target) {
    float lo = 0, hi = 0.6f;
    for (int it = 0; it < 40; ++it) {
      const float mid = 0.5f * (lo + hi);
      (moon_x(aimed(sign * mid)) < target ? lo : hi) = mid;
    }
    return aimed(sign * 0.5f * (lo + hi));
  };
  // Its centre 1.5 pixels past the right edge: the disc (some 4 pixels in radius) still
  // reaches two or three columns in, and the frame must draw them.
  const scene::Camera edge = turned_to(kW + 1.5f);
  INFO("moon at x " << moon_x(edge));
  REQUIRE(std::abs(moon_x(edge) - (kW + 1.5f)) < 0.1f);
  const double edge_glow = glow(r.render(*night, edge, {kW, kH}, false), kW - 3, kW);
  INFO("edge glow " << edge_glow);
  CHECK(edge_glow > 100);
  // A control: 8 pixels past the edge, nothing of the disc is in those columns.
  const double past_glow = glow(r.render(*night, turned_to(kW + 8.0f), {kW, kH}, false), kW - 3, kW);
  INFO("past glow " << past_glow);
  CHECK(past_glow < 30);
  CHECK(test::context().validation_errors() == 0);
}
