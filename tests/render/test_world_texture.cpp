// Material detail on the world (scene/materials, shaders/materials.glsl): a rammed-earth wall
// and the city's roofs seen from about 100 m have texture, their local contrast well above the
// same shot's with the detail switched off (every surface its mean albedo); and two frames of
// a slow pan differ no more with the detail than without where it fades out (a few hundred
// metres), and little at 3 km: nothing shimmers. Rammed earth keeps its courses where its
// texture has faded, and the ground by the moat its patches and furrows; a thin snow from
// 500 m lies plot by plot without blotches; the reach that picks a chunk's build bounds every
// pixel's footprint.
// Lavapipe, validation on.
#include <cmath>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "render_fixture.h"
#include "renderer/material_reach.h"
#include "scene/sim/evaluate.h"
#include "scene/world/settlement_plan.h"
#include "shaders/materials.h"

namespace {

constexpr std::uint32_t kWidth = 640, kHeight = 360;

double luminance(const renderer::FrameImage& f, std::uint32_t x, std::uint32_t y) {
  const std::uint8_t* p = &f.rgba[4 * (static_cast<size_t>(y) * f.width + x)];
  return 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
}

struct Contrast {
  double mean_std = 0;  // of luminance (0..255) in 5×5 windows wholly of the kind
  int windows = 0;
};

// Local contrast within the ID mask of `kind`.
Contrast local_contrast(const renderer::Renderer& r, const renderer::FrameImage& f, const std::string& kind) {
  std::vector<char> mask(f.width * f.height);
  for (std::uint32_t y = 0; y < f.height; ++y)
    for (std::uint32_t x = 0; x < f.width; ++x) mask[y * f.width + x] = test::kind_at(r, f, {x, y}) == kind;
  Contrast c;
  for (std::uint32_t y = 2; y + 2 < f.height; y += 2)
    for (std::uint32_t x = 2; x + 2 < f.width; x += 2) {
      bool inside = true;
      double sum = 0, sq = 0;
      for (int j = -2; j <= 2 && inside; ++j)
        for (int i = -2; i <= 2; ++i) {
          if (!mask[(y + j) * f.width + x + i]) {
            inside = false;
            break;
          }
          const double l = luminance(f, x + i, y + j);
          sum += l;
          sq += l * l;
        }
      if (!inside) continue;
      const double mean = sum / 25;
      c.mean_std += std::sqrt(std::max(0.0, sq / 25 - mean * mean));
      ++c.windows;
    }
  if (c.windows) c.mean_std /= c.windows;
  return c;
}

// The same shot with and without material detail: (with, without).
std::pair<Contrast, Contrast> contrasts(renderer::Renderer& r, const scene::Snapshot& snap, const scene::Camera& cam,
                                        const std::string& kind) {
  r.options().materials = true;
  const renderer::FrameImage with = r.render(snap, cam, {kWidth, kHeight}, true);
  r.options().materials = false;
  const renderer::FrameImage without = r.render(snap, cam, {kWidth, kHeight}, true);
  r.options().materials = true;
  return {local_contrast(r, with, kind), local_contrast(r, without, kind)};
}

// Early in the first phase, in its held afternoon light (scene/sim/hours.h).
scene::Snapshot afternoon(const scene::Scenario& s) { return scene::evaluate(s, 1.0); }

// The outer wall's sunlit face, between two bastions, seen `distance` metres out and `above`
// metres up through a 20° lens: (with, without) detail.
std::pair<Contrast, Contrast> wall_contrasts(renderer::Renderer& r, const scene::Scenario& s,
                                             const scene::Snapshot& snap, float distance, float above) {
  const glm::vec2 on_wall(-100, 607);
  const float ground = s.ground->height(on_wall);
  return contrasts(
      r, snap, test::looking({on_wall.x, ground + above, on_wall.y + distance}, {on_wall.x, ground + 6, on_wall.y}, 20),
      "wall");
}

}  // namespace

TEST_CASE("materials: a rammed-earth wall and the city's roofs at 100 m have texture", "[render][materials]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  const scene::Snapshot snap = afternoon(s);

  // The wall from 100 m out and a little above.
  const auto [wall_with, wall_without] = wall_contrasts(r, s, snap, 100, 14);
  INFO("wall: " << wall_with.mean_std << " with detail, " << wall_without.mean_std << " without, over "
                << wall_with.windows << " windows");
  REQUIRE(wall_with.windows > 100);
  CHECK(wall_with.mean_std > 1.8 * wall_without.mean_std + 0.5);

  // Roofs of the inner city from 100 m away, 60 m up, over the house the plan puts nearest the
  // quarter's centre (build_world plans settlement i with salt i + 1).
  glm::vec2 quarter(0);
  for (std::size_t i = 0; i < s.settlements.size(); ++i)
    if (s.settlements[i].id == "inner_quarters") {
      const scene::SettlementPlan plan = scene::plan_settlement(s, s.settlements[i], static_cast<std::uint32_t>(i + 1));
      float best = 1e30f;
      for (const scene::BuildingPlace& b : plan.buildings)
        if (b.kind == scene::BuildingKind::House && glm::length(b.at - s.settlements[i].center) < best)
          best = glm::length(b.at - s.settlements[i].center), quarter = b.at;
    }
  REQUIRE(quarter != glm::vec2(0));
  const float city = s.ground->height(quarter);
  const auto [roof_with, roof_without] = contrasts(
      r, snap, test::looking({quarter.x, city + 60, quarter.y + 80}, {quarter.x, city, quarter.y}, 20), "building");
  INFO("roofs: " << roof_with.mean_std << " with detail, " << roof_without.mean_std << " without, over "
                 << roof_with.windows << " windows");
  REQUIRE(roof_with.windows > 100);
  CHECK(roof_with.mean_std > 1.5 * roof_without.mean_std + 1.0);
  CHECK(test::context().validation_errors() == 0);
}

namespace {

// Two frames of a slow pan (the camera and its target moved `step` metres sideways): the
// worst 16×16 block's mean absolute difference of luminance, and the whole frame's.
std::pair<double, double> pan_difference(renderer::Renderer& r, const scene::Snapshot& snap, scene::Camera a,
                                         float step, bool detail) {
  r.options().materials = detail;
  scene::Camera b = a;
  b.position.x += step;
  b.target.x += step;
  const renderer::FrameImage fa = r.render(snap, a, {kWidth, kHeight}, false);
  const renderer::FrameImage fb = r.render(snap, b, {kWidth, kHeight}, false);
  r.options().materials = true;
  double worst = 0, total = 0;
  for (std::uint32_t by = 0; by + 16 <= kHeight; by += 16)
    for (std::uint32_t bx = 0; bx + 16 <= kWidth; bx += 16) {
      double block = 0;
      for (std::uint32_t y = by; y < by + 16; ++y)
        for (std::uint32_t x = bx; x < bx + 16; ++x) block += std::abs(luminance(fa, x, y) - luminance(fb, x, y));
      total += block;
      worst = std::max(worst, block / 256);
    }
  return {worst, total / ((kWidth / 16) * (kHeight / 16) * 256)};
}

}  // namespace

TEST_CASE("materials: a slow pan does not shimmer where the detail fades nor at 3 km even in snow",
          "[render][materials]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  const scene::Snapshot snap = afternoon(s);
  const glm::vec3 centre(0, s.ground->height({0, 0}), 0);
  {
    // Over the south wall into the city, 150 to 600 m away: the detail fading out.
    const scene::Camera camera = test::looking({-100, centre.y + 70, 800}, {-100, centre.y, 350}, 40);
    const auto [worst_with, mean_with] = pan_difference(r, snap, camera, 0.3f, true);
    const auto [worst_without, mean_without] = pan_difference(r, snap, camera, 0.3f, false);
    INFO("fading: worst block " << worst_with << " with detail, " << worst_without << " without; mean " << mean_with
                                << " / " << mean_without);
    CHECK(mean_with <= mean_without * 1.25 + 0.1);
    CHECK(worst_with <= worst_without * 1.25 + 1.0);
  }
  {
    // The city from 3 km: a metre a step, about a third of a pixel.
    const scene::Camera camera = test::looking(centre + glm::vec3(-2100, 2100, -600), centre, 40);
    const auto [worst_with, mean_with] = pan_difference(r, snap, camera, 1.0f, true);
    const auto [worst_without, mean_without] = pan_difference(r, snap, camera, 1.0f, false);
    INFO("3 km: worst block " << worst_with << " with detail, " << worst_without << " without; mean " << mean_with
                              << " / " << mean_without);
    CHECK(mean_with < 2.0);
    CHECK(worst_with < 12.0);
    CHECK(mean_with <= mean_without * 1.1 + 0.05);
  }
  {
    // The same under a thin, drifted snow: its drifts give way to their mean before they are
    // a few pixels wide, or the plain crawls as the camera moves.
    scene::Snapshot snowy = snap;
    snowy.weather.snow_cover = 0.35f;
    const scene::Camera camera = test::looking(centre + glm::vec3(-2100, 2100, -600), centre, 40);
    const auto [worst, mean] = pan_difference(r, snowy, camera, 1.0f, true);
    const auto [worst_bare, mean_bare] = pan_difference(r, snap, camera, 1.0f, true);
    INFO("3 km in thin snow: worst block " << worst << ", mean " << mean << "; bare " << worst_bare << ", "
                                           << mean_bare);
    CHECK(mean < 2.0);
    CHECK(worst < 12.0);
    CHECK(mean <= mean_bare * 1.25 + 0.05);  // drifts faded only from 2 m a pixel: 1.85 times
  }
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("materials: rammed earth keeps its courses at 250 m where its texture has faded", "[render][materials]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  const scene::Snapshot snap = afternoon(s);
  // The wall of the first test from 250 m: a pixel spans about a quarter of a metre, where the
  // 3 m layer's detail is all but gone and the courses (1.5 m) still show.
  const float footprint = 250.0f * 2.0f * std::tan(glm::radians(10.0f)) / static_cast<float>(kHeight);
  REQUIRE(std::log2(footprint * static_cast<float>(shaders::kMaterialTextureSize) / shaders::kMetresRammedEarth) >
          shaders::kMaterialDetailGone - 0.3f);
  const auto [with, without] = wall_contrasts(r, s, snap, 250, 20);
  INFO("wall at 250 m: " << with.mean_std << " with detail, " << without.mean_std << " without, over " << with.windows
                         << " windows");
  REQUIRE(with.windows > 50);
  CHECK(with.mean_std > 1.35 * without.mean_std + 0.5);  // 1.0 without the courses
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("materials: the ground by the moat has patches and furrows at 100 m", "[render][materials]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  const scene::Snapshot snap = afternoon(s);
  // The plots and banks before the south gate, from 100 m out and 22 m up through a 40° lens:
  // a pixel spans 0.1–0.3 m, where the soil's and grass's textures have faded and a plot,
  // tens of metres wide, is one colour without the furrows and the patches.
  const glm::vec2 gate(-15, 600);
  const float ground = s.ground->height(gate);
  const auto [with, without] = contrasts(
      r, snap, test::looking({gate.x + 60, ground + 22, gate.y + 105}, {gate.x, ground + 4, gate.y}, 40), "terrain");
  INFO("ground at 100 m: " << with.mean_std << " with detail, " << without.mean_std << " without, over " << with.windows
                           << " windows");
  REQUIRE(with.windows > 200);
  CHECK(with.mean_std > 1.4 * without.mean_std + 0.3);  // 1.05 against 0.99 without them
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("materials: a thin snow from 500 m lies plot by plot without blotches", "[render][materials]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  scene::Snapshot snowy = afternoon(s);
  snowy.weather.snow_cover = 0.35f;
  // The README's light strips' camera: the plots before the south wall 300–900 m away, where
  // a pixel spans 0.3–1.5 m and drifts of 1.3 and 4 m cells thresholded by a thin cover would
  // stand as blotches a few pixels wide.
  const scene::Camera camera = test::looking({300, 180, 1150}, {0, 0, 550}, 45);
  const renderer::FrameImage frame = r.render(snowy, camera, {kWidth, kHeight}, true);
  const Contrast snow = local_contrast(r, frame, "terrain");
  const renderer::FrameImage bare = r.render(afternoon(s), camera, {kWidth, kHeight}, true);
  const Contrast plain = local_contrast(r, bare, "terrain");
  INFO("terrain's local contrast: " << snow.mean_std << " in thin snow, " << plain.mean_std << " bare, over "
                                    << snow.windows << " windows");
  REQUIRE(snow.windows > 1000);
  CHECK(snow.mean_std < 1.5 * plain.mean_std + 1.0);
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("materials: the reach that picks a build bounds the footprint of every pixel", "[render][materials]") {
  // However wide the lens, a surface at distance d spans at least d times the angle between
  // neighbouring pixels' rays, which is least at the frame's corners: the reach's figure per
  // metre must not exceed it anywhere, or a chunk drawn without detail would show a seam.
  for (const float fov : {20.0f, 42.0f, 60.0f, 90.0f}) {
    const std::uint32_t width = 1280, height = 720;
    const float aspect = static_cast<float>(width) / static_cast<float>(height);
    scene::Camera camera;
    camera.position = glm::vec3(0);
    camera.target = glm::vec3(0, 0, -1);
    camera.fov_deg = fov;
    const renderer::MaterialReach reach = renderer::material_reach(camera, aspect, height, false);
    const double t = std::tan(glm::radians(static_cast<double>(fov)) * 0.5);
    const auto ray = [&](double px, double py) {
      return glm::normalize(glm::dvec3((2.0 * px / width - 1.0) * t * aspect, (1.0 - 2.0 * py / height) * t, -1.0));
    };
    double least = 1e9;
    for (std::uint32_t y = 0; y < height; y += 40)
      for (std::uint32_t x = 0; x < width; x += 40) {
        const double px = std::min(x, width - 2) + 0.5, py = std::min(y, height - 2) + 0.5;
        const glm::dvec3 a = ray(px, py);  // the angle to a neighbour's ray, as its chord
        least = std::min(least, std::max(glm::length(ray(px + 1, py) - a), glm::length(ray(px, py + 1) - a)));
      }
    INFO("fov " << fov << ": " << reach.pixel_per_metre << " per metre against the least " << least);
    CHECK(reach.pixel_per_metre <= least);
    CHECK(reach.pixel_per_metre >= 0.9 * least);  // and not so loose that far chunks pay for detail
    // A chunk just beyond the textures' reach is drawn without them, with the courses or the
    // ground's patches; one just within, with them; beyond the patches' reach, with neither.
    const float beyond = reach.texture_m / reach.pixel_per_metre;
    CHECK(renderer::material_detail(reach, beyond * 0.99f, false) == renderer::MaterialDetail::Textures);
    CHECK(renderer::material_detail(reach, beyond * 1.01f, false) == renderer::MaterialDetail::Courses);
    CHECK(renderer::material_detail(reach, beyond * 1.01f, true) == renderer::MaterialDetail::Courses);
    const float patches = shaders::kGroundPatchesReach / reach.pixel_per_metre;
    CHECK(renderer::material_detail(reach, patches * 0.99f, false) == renderer::MaterialDetail::Courses);
    CHECK(renderer::material_detail(reach, patches * 1.01f, false) == renderer::MaterialDetail::None);
    CHECK(renderer::material_detail(reach, patches * 1.01f, true) == renderer::MaterialDetail::None);
  }
}
