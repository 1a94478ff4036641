// Night lights and bloom: which lights a frame picks and the tiles they reach (no GPU), a fire
// beside the Caizhou wall lighting the ground at night, bloom spreading light past the flames
// of the burning city, and daylight left alone by both. Lavapipe, validation on.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

#include <catch2/catch.hpp>

#include "render_fixture.h"
#include "renderer/lights.h"
#include "scene/model/clock.h"
#include "scene/model/geometry2d.h"
#include "scene/sim/evaluate.h"
#include "scene/sim/shot.h"

namespace {

// Looking north over flat ground from 1 km up: what select_lights sees.
struct View {
  scene::Camera camera;
  glm::mat4 view_proj;
  static constexpr std::uint32_t kWidth = 640, kHeight = 360;
};
View test_view() {
  View v;
  v.camera = test::top_down({0, 0}, 1000, 60);
  v.camera.target = {0, 0, -1};  // a hair off vertical, so "up" on the screen is north
  v.view_proj = scene::projection_matrix(v.camera, 640.0f / 360.0f) * scene::view_matrix(v.camera);
  return v;
}

scene::LightSource light_at(glm::vec3 position, float intensity, float radius, std::uint32_t seed = 0) {
  scene::LightSource l;
  l.position = position;
  l.intensity = intensity;
  l.radius_m = radius;
  l.flicker_seed = seed;
  return l;
}

// Which tiles a selected light's bit is set in.
std::vector<std::uint32_t> tiles_of(const shaders::LightUniforms& block, std::uint32_t slot) {
  std::vector<std::uint32_t> tiles;
  for (std::uint32_t t = 0; t < shaders::kLightTiles; ++t)
    if (renderer::tile_mask(block, t) & (1u << slot)) tiles.push_back(t);
  return tiles;
}

// Mean of the sRGB channels over a square of pixels.
double mean_level(const renderer::FrameImage& frame, glm::ivec2 centre, int half) {
  double sum = 0;
  int n = 0;
  for (int y = centre.y - half; y <= centre.y + half; ++y)
    for (int x = centre.x - half; x <= centre.x + half; ++x) {
      if (x < 0 || y < 0 || x >= static_cast<int>(frame.width) || y >= static_cast<int>(frame.height)) continue;
      const std::size_t i = (static_cast<std::size_t>(y) * frame.width + static_cast<std::size_t>(x)) * 4;
      sum += (frame.rgba[i] + frame.rgba[i + 1] + frame.rgba[i + 2]) / 3.0;
      ++n;
    }
  REQUIRE(n > 0);
  return sum / n;
}

double level_at(const renderer::FrameImage& frame, std::size_t pixel) {
  return (frame.rgba[pixel * 4] + frame.rgba[pixel * 4 + 1] + frame.rgba[pixel * 4 + 2]) / 3.0;
}

// The instant the same as `snapshot` but in the middle of the night: the sun and moon well
// below the horizon.
scene::Snapshot at_night(scene::Snapshot snapshot) {
  snapshot.sun_direction = glm::normalize(glm::vec3(0.2f, -0.9f, 0.3f));
  snapshot.moon.direction = glm::normalize(glm::vec3(-0.3f, -0.8f, 0.1f));
  snapshot.moon.illuminated = 0;
  snapshot.hour = 0;
  return snapshot;
}

const scene::Wall& outer_wall(const scene::Scenario& s) {
  for (const scene::Wall& w : s.walls)
    if (w.id == "outer_wall") return w;
  FAIL("no outer_wall in caizhou.json");
  throw;
}

}  // namespace

TEST_CASE("lights: none in the snapshot, none selected and no tile lit", "[lights]") {
  const View v = test_view();
  const shaders::LightUniforms block =
      renderer::select_lights({}, v.view_proj, v.camera.position, View::kWidth, View::kHeight, 3.0f, 32);
  CHECK(block.count == 0);
  for (std::uint32_t t = 0; t < shaders::kLightTiles; ++t) CHECK(renderer::tile_mask(block, t) == 0);
}

TEST_CASE("lights: the view's brightest lights are kept up to the cap, the rest and those out of view are not",
          "[lights]") {
  const View v = test_view();
  std::vector<scene::LightSource> lights;
  // 40 equal camp fires on a line across the view: the farther from the eye, the dimmer.
  for (int i = 0; i < 40; ++i) lights.push_back(light_at({-390.0f + 20.0f * i, 0, 0}, 0.005f, 30, i));
  lights.push_back(light_at({5000, 0, 0}, 50.0f, 100));  // a huge fire far outside the view
  const shaders::LightUniforms block =
      renderer::select_lights(lights, v.view_proj, v.camera.position, View::kWidth, View::kHeight, 0.0f, 32);
  REQUIRE(block.count == 32);
  // The 32 nearest the point under the eye: |x| <= 310 m; the four at each end are left out.
  for (std::uint32_t i = 0; i < block.count; ++i) {
    INFO("slot " << i << " x " << block.lights[i].position.x);
    CHECK(std::abs(block.lights[i].position.x) <= 311.0f);
    CHECK(block.lights[i].radius_m == 30.0f);
    CHECK(block.lights[i].inv_radius2 == Approx(1.0f / 900.0f));
  }
  const shaders::LightUniforms fewer =
      renderer::select_lights(lights, v.view_proj, v.camera.position, View::kWidth, View::kHeight, 0.0f, 4);
  CHECK(fewer.count == 4);
  const shaders::LightUniforms none =
      renderer::select_lights(lights, v.view_proj, v.camera.position, View::kWidth, View::kHeight, 0.0f, 0);
  CHECK(none.count == 0);
}

TEST_CASE("lights: a light's bit is set in the tiles around where it projects, and only there", "[lights]") {
  const View v = test_view();
  const glm::vec3 position(-300, 0, 0);  // left of the centre of the picture
  const shaders::LightUniforms block = renderer::select_lights({light_at(position, 1.0f, 40)}, v.view_proj,
                                                               v.camera.position, View::kWidth, View::kHeight, 0, 32);
  REQUIRE(block.count == 1);
  const auto pixel = test::project(v.camera, View::kWidth, View::kHeight, position);
  REQUIRE(pixel);
  const std::uint32_t tx = static_cast<std::uint32_t>(pixel->x) * shaders::kLightTilesX / View::kWidth;
  const std::uint32_t ty = static_cast<std::uint32_t>(pixel->y) * shaders::kLightTilesY / View::kHeight;
  const std::vector<std::uint32_t> lit = tiles_of(block, 0);
  CHECK(std::find(lit.begin(), lit.end(), ty * shaders::kLightTilesX + tx) != lit.end());
  // 40 m from 1 km up spans about 40 pixels of 360: a handful of 20-pixel tiles, none far off.
  CHECK(lit.size() >= 4);
  CHECK(lit.size() <= 25);
  for (std::uint32_t t : lit) {
    CHECK(std::abs(static_cast<int>(t % shaders::kLightTilesX) - static_cast<int>(tx)) <= 2);
    CHECK(std::abs(static_cast<int>(t / shaders::kLightTilesX) - static_cast<int>(ty)) <= 2);
  }
  // The eye inside a light's reach: every tile.
  const shaders::LightUniforms around = renderer::select_lights({light_at(v.camera.position, 1.0f, 2000)}, v.view_proj,
                                                                v.camera.position, View::kWidth, View::kHeight, 0, 32);
  REQUIRE(around.count == 1);
  CHECK(tiles_of(around, 0).size() == shaders::kLightTiles);
}

TEST_CASE("lights: by day a light reaches only as far as it still shows, and one that shows nowhere is dropped",
          "[lights]") {
  const View v = test_view();
  const glm::vec3 position(-300, 0, 0);
  const std::vector<scene::LightSource> fire{light_at(position, 1.0f, 400)};
  const auto select = [&](float shade, float floor) {
    return renderer::select_lights(fire, v.view_proj, v.camera.position, View::kWidth, View::kHeight, 0, 32, shade,
                                   floor);
  };
  const shaders::LightUniforms night = select(0.0f, 0.01f), unlimited = select(1.0f, 0.0f);
  REQUIRE(night.count == 1);
  REQUIRE(unlimited.count == 1);
  const std::size_t full = tiles_of(night, 0).size();
  CHECK(tiles_of(unlimited, 0).size() == full);
  // A dim day: the reach falls to sqrt(I / (π · 0.01 · shade)) metres; the flicker keeps it
  // within a third either way. 0.02 → about 40 m of the 400.
  const float flicker = renderer::light_flicker(fire[0], 0);
  const shaders::LightUniforms dim = select(0.02f, 0.01f);
  REQUIRE(dim.count == 1);
  const std::size_t fewer = tiles_of(dim, 0).size();
  INFO("tiles at night " << full << ", on a dim day " << fewer << "; flicker " << flicker);
  CHECK(fewer < full / 4);
  CHECK(fewer >= 1);
  // Its window, and so what it adds where it still reaches, is the night's.
  CHECK(dim.lights[0].inv_radius2 == night.lights[0].inv_radius2);
  CHECK(dim.lights[0].intensity == night.lights[0].intensity);
  // Broad day: under 1 % of the shade's light even a metre off: not drawn at all.
  const float daylight = 1.0f * flicker / (3.14159265f * 0.01f) * 1.01f;
  CHECK(select(daylight, 0.01f).count == 0);
  CHECK(select(daylight * 0.98f, 0.01f).count == 1);
}

TEST_CASE("day: fires in a sunlit frame need no lighting code, and the picture stays the same", "[render][lights]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  // The fall at noon: the city burns under the sun.
  scene::Snapshot noon =
      scene::evaluate(s, scene::phase_start_s(s, s.phase_index("fall")) +
                             0.5 * s.phases[static_cast<std::size_t>(s.phase_index("fall"))].duration_s);
  scene::set_hour(s, noon, 12.0f);
  REQUIRE(noon.sun_direction.y > 0.3f);
  REQUIRE(!noon.lights.empty());
  const scene::Camera camera = noon.camera;
  r.options().light_floor = 0;
  const renderer::FrameImage every = r.render(noon, camera, {320, 180}, false);
  const renderer::FrameStats every_stats = r.last_stats();
  r.options() = {};
  const renderer::FrameImage floored = r.render(noon, camera, {320, 180}, false);
  const renderer::FrameStats floored_stats = r.last_stats();
  INFO("lights drawn: every " << every_stats.lights << " over " << every_stats.light_tiles << " tiles, with the floor "
                              << floored_stats.lights << " over " << floored_stats.light_tiles);
  CHECK(every_stats.lights > 0);
  // What the fires light by day is the ground beside them: far fewer tiles run the loop.
  CHECK(floored_stats.light_tiles * 4 < every_stats.light_tiles);
  int worst = 0;
  std::size_t off = 0;
  for (std::size_t i = 0; i < every.rgba.size(); ++i) {
    const int d = std::abs(static_cast<int>(every.rgba[i]) - static_cast<int>(floored.rgba[i]));
    worst = std::max(worst, d);
    off += d > 0;
  }
  INFO("worst " << worst << " levels, " << off << " channels differ");
  CHECK(worst <= 2);
  CHECK(static_cast<double>(off) / static_cast<double>(every.rgba.size()) < 0.001);
  // At night the floor takes nothing away: the same lights.
  scene::Snapshot night = noon;
  scene::set_hour(s, night, 22.0f);
  REQUIRE(night.sun_direction.y < -0.2f);
  r.options().light_floor = 0;
  r.render(night, camera, {320, 180}, false);
  const renderer::FrameStats night_every = r.last_stats();
  r.options() = {};
  r.render(night, camera, {320, 180}, false);
  CHECK(r.last_stats().lights == night_every.lights);
  CHECK(r.last_stats().light_tiles == night_every.light_tiles);
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("lights: flicker is a pure function of the light and the time, about 1", "[lights]") {
  scene::LightSource torch = light_at({0, 0, 0}, 0.001f, 15, 7);
  torch.kind = scene::LightKind::Torch;
  scene::LightSource fire = light_at({0, 0, 0}, 1.0f, 150, 7);
  double torch_min = 2, torch_max = 0, fire_min = 2, fire_max = 0;
  for (int i = 0; i < 400; ++i) {
    const float t = 1000.0f + 0.05f * static_cast<float>(i);
    const float a = renderer::light_flicker(torch, t), b = renderer::light_flicker(fire, t);
    CHECK(a == renderer::light_flicker(torch, t));
    torch_min = std::min<double>(torch_min, a), torch_max = std::max<double>(torch_max, a);
    fire_min = std::min<double>(fire_min, b), fire_max = std::max<double>(fire_max, b);
  }
  CHECK(torch_min >= 0.75);
  CHECK(torch_max <= 1.25);
  CHECK(torch_max - torch_min > 0.15);                         // it does flicker
  CHECK(fire_max - fire_min < 0.7 * (torch_max - torch_min));  // a whole quarter burning, less
  scene::LightSource other = torch;
  other.flicker_seed = 8;
  CHECK(renderer::light_flicker(other, 1000.0f) != renderer::light_flicker(torch, 1000.0f));
}

TEST_CASE("night: a fire beside the wall lights the ground round it, not 500 m away", "[render][lights]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  // A fixed night exposure: with one adapting to the fire, all of the frame would change.
  r.options().adapt_exposure = false;
  r.options().exposure = 3000;
  scene::Snapshot night = at_night(scene::evaluate(s, scene::phase_start_s(s, s.phase_index("famine"))));
  night.lights.clear();

  // A fire just outside the outer wall, on the side facing away from the city's centre.
  const scene::Wall& wall = outer_wall(s);
  glm::vec2 centre(0);
  for (glm::vec2 p : wall.points) centre += p;
  centre /= static_cast<float>(wall.points.size());
  const glm::vec2 on_wall = wall.points.front();
  const glm::vec2 out = glm::normalize(on_wall - centre);
  const glm::vec2 fire_xz = on_wall + out * 25.0f, far_xz = on_wall + out * 525.0f;
  const glm::vec3 fire(fire_xz.x, s.ground->height(fire_xz) + 6.0f, fire_xz.y);
  const glm::vec3 far(far_xz.x, s.ground->height(far_xz), far_xz.y);

  scene::Camera camera = test::top_down(0.5f * (fire_xz + far_xz), 900, 50);
  camera.target.z -= 1;
  constexpr std::uint32_t kW = 640, kH = 360;
  const auto at_fire = test::project(camera, kW, kH, {fire.x, s.ground->height(fire_xz), fire.z});
  const auto at_far = test::project(camera, kW, kH, far);
  REQUIRE(at_fire);
  REQUIRE(at_far);

  const renderer::FrameImage dark = r.render(night, camera, {kW, kH}, true);
  night.lights.push_back(light_at(fire, 10.0f, 150.0f, 11));  // a burning gatehouse
  const renderer::FrameImage lit = r.render(night, camera, {kW, kH}, true);
  CHECK(r.last_stats().lights == 1);
  CHECK(r.render(night, camera, {kW, kH}, true).rgba == lit.rgba);  // the same bytes every time

  const double near_lit = mean_level(lit, *at_fire, 3), near_dark = mean_level(dark, *at_fire, 3);
  const double far_lit = mean_level(lit, *at_far, 3), far_dark = mean_level(dark, *at_far, 3);
  INFO("near the fire " << near_lit << " (without it " << near_dark << "), 500 m away " << far_lit << " (without "
                        << far_dark << ")");
  CHECK(near_lit > far_lit + 20);
  CHECK(near_lit > near_dark + 20);
  CHECK(std::abs(far_lit - far_dark) < 1.0);  // beyond its reach nothing changed
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("night: bloom spreads the burning city's flames past their own pixels", "[render][bloom]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  // The exposure adapts to the night and its fires (renderer/atmosphere.h).
  const scene::Snapshot night = at_night(scene::evaluate(s, scene::phase_start_s(s, s.phase_index("fall")) + 2.0));
  // The fiercest fire of the instant, seen obliquely from 700 m.
  std::size_t fiercest = 0;
  for (std::size_t f = 1; f < night.fire_intensity.size(); ++f)
    if (night.fire_intensity[f] > night.fire_intensity[fiercest]) fiercest = f;
  REQUIRE(night.fire_intensity.size() > fiercest);
  REQUIRE(night.fire_intensity[fiercest] > 0.3f);
  const glm::vec2 xz = s.fires[fiercest].position;
  scene::Camera camera;
  camera.target = {xz.x, s.ground->height(xz) + 10, xz.y};
  camera.position = camera.target + glm::vec3(500, 450, 250);
  camera.fov_deg = 40;
  camera.near_m = 5;

  constexpr std::uint32_t kW = 320, kH = 180;
  r.options().bloom_strength = 0;
  const renderer::FrameImage plain = r.render(night, camera, {kW, kH}, false);
  r.options() = {};
  const renderer::FrameImage bloomed = r.render(night, camera, {kW, kH}, false);
  CHECK(r.last_stats().bloom);
  CHECK(r.render(night, camera, {kW, kH}, false).rgba == bloomed.rgba);  // the same bytes every time

  // Flame pixels: near white without bloom. Their neighbours 2..4 pixels off that are not
  // flames themselves should gain light; pixels 40 or more away should not.
  std::vector<std::uint8_t> flame(kW * kH, 0);
  for (std::size_t i = 0; i < flame.size(); ++i) flame[i] = level_at(plain, i) > 200;
  const auto distance_to_flame = [&](int x, int y, int within) {
    int best = within + 1;
    for (int dy = -within; dy <= within; ++dy)
      for (int dx = -within; dx <= within; ++dx) {
        const int fx = x + dx, fy = y + dy;
        if (fx < 0 || fy < 0 || fx >= static_cast<int>(kW) || fy >= static_cast<int>(kH)) continue;
        if (flame[static_cast<std::size_t>(fy) * kW + static_cast<std::size_t>(fx)])
          best = std::min(best, std::max(std::abs(dx), std::abs(dy)));
      }
    return best;
  };
  double near_gain = 0, far_change = 0;
  int near_n = 0, far_n = 0, flames = 0;
  for (int y = 0; y < static_cast<int>(kH); ++y)
    for (int x = 0; x < static_cast<int>(kW); ++x) {
      const std::size_t i = static_cast<std::size_t>(y) * kW + static_cast<std::size_t>(x);
      flames += flame[i];
      if (flame[i]) continue;
      const int d = distance_to_flame(x, y, 4);
      if (d >= 2 && d <= 4) {
        near_gain += level_at(bloomed, i) - level_at(plain, i);
        ++near_n;
      } else if (y % 8 == 0 && x % 8 == 0 && distance_to_flame(x, y, 40) > 40) {
        far_change += std::abs(level_at(bloomed, i) - level_at(plain, i));
        ++far_n;
      }
    }
  INFO(flames << " flame pixels; " << near_n << " beside them gain " << near_gain / std::max(near_n, 1)
              << " levels on average; " << far_n << " far ones change " << far_change / std::max(far_n, 1));
  REQUIRE(flames >= 10);
  REQUIRE(near_n >= 20);
  CHECK(near_gain / near_n > 4.0);
  if (far_n > 0) CHECK(far_change / far_n < 1.0);
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("day: no lights means the lights code changes nothing, and bloom very little", "[render][lights][bloom]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  const scene::Snapshot day = scene::evaluate(s, scene::phase_start_s(s, s.phase_index("famine")));
  REQUIRE(day.sun_direction.y > 0.3f);
  const scene::Shot& overview = *s.overview_shot();
  const scene::Camera camera = scene::sample_shot(
      s, overview, scene::shot_progress(s, overview, day.presentation_s, day.phase_progress), day.units);
  scene::Snapshot no_lights = day;
  no_lights.lights.clear();

  r.options().bloom_strength = 0;
  r.options().max_lights = 0;
  const renderer::FrameImage neither = r.render(no_lights, camera, {320, 180}, false);
  r.options().max_lights = renderer::RenderOptions{}.max_lights;
  const renderer::FrameImage lights_on = r.render(no_lights, camera, {320, 180}, false);
  CHECK(lights_on.rgba == neither.rgba);

  r.options() = {};
  const renderer::FrameImage both = r.render(no_lights, camera, {320, 180}, false);
  double sum = 0;
  std::size_t off = 0;
  for (std::size_t i = 0; i < both.rgba.size(); ++i) {
    const int d = std::abs(static_cast<int>(both.rgba[i]) - static_cast<int>(neither.rgba[i]));
    sum += d;
    off += d > 2;
  }
  const double mean_abs = sum / static_cast<double>(both.rgba.size());
  INFO("bloom by day: mean abs " << mean_abs << " levels, " << off << " channels off by more than 2");
  CHECK(mean_abs < 0.25);
  CHECK(static_cast<double>(off) / static_cast<double>(both.rgba.size()) < 0.002);
  CHECK(test::context().validation_errors() == 0);
}
