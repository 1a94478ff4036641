// Whole-frame golden images with a tolerance. To refresh them on purpose after a deliberate
// visual change, run: SIEGE_UPDATE_GOLDENS=1 build/siege_render_tests "[golden]"
// and look at the new images in tests/render/golden/ before committing them.
#include <cstdlib>
#include <filesystem>

#include <cmath>

#include <catch2/catch.hpp>

#include "render_fixture.h"
#include "renderer/image_compare.h"
#include "renderer/image_io.h"
#include "scene/model/clock.h"
#include "scene/sim/evaluate.h"
#include "scene/sim/shot.h"

namespace {

// Lavapipe renders the same bytes for the same frame: the tolerance only allows for another
// CPU's code generation, and is tight enough that a missing gate fails (tested below).
constexpr double kMaxMeanAbs = 0.01;            // per channel, 0..255
constexpr double kMaxOutlierFraction = 0.0001;  // pixels off by more than the threshold: 5 of 320x180

renderer::ImageDifference difference_from_golden(const renderer::FrameImage& frame, const std::string& name) {
  const std::filesystem::path golden =
      std::filesystem::path(SIEGE_SOURCE_DIR) / "tests/render/golden" / (name + ".png");
  REQUIRE(std::filesystem::exists(golden));
  const renderer::RgbaImage expected = renderer::read_png(golden);
  return renderer::compare(renderer::RgbaImage{frame.width, frame.height, frame.rgba}, expected);
}

bool within_tolerance(const renderer::ImageDifference& d) {
  return d.same_size && d.mean_abs <= kMaxMeanAbs && d.outlier_fraction <= kMaxOutlierFraction;
}

void check_against_golden(const renderer::FrameImage& frame, const std::string& name) {
  // The goldens were rendered by lavapipe; another device's output is not compared with them.
  INFO("device: " << test::context().info().name << " (goldens are lavapipe's; SIEGE_DEVICE picks another device)");
  REQUIRE(test::context().info().name.find("llvmpipe") != std::string::npos);
  const std::filesystem::path golden =
      std::filesystem::path(SIEGE_SOURCE_DIR) / "tests/render/golden" / (name + ".png");
  renderer::RgbaImage actual{frame.width, frame.height, frame.rgba};
  const char* update = std::getenv("SIEGE_UPDATE_GOLDENS");
  if (update && std::string(update) == "1") {
    renderer::write_png_rgb(golden, frame.width, frame.height, frame.rgba);
    WARN("golden image refreshed: " << golden.string());
    return;
  }
  const renderer::ImageDifference d = difference_from_golden(frame, name);
  const std::filesystem::path out_dir = std::filesystem::current_path() / "golden-output";
  INFO("mean abs " << d.mean_abs << ", max " << d.max_abs << ", outliers " << d.outlier_fraction * 100 << "%, PSNR "
                   << d.psnr_db << " dB; actual and diff written to " << out_dir.string());
  REQUIRE(d.same_size);
  if (!within_tolerance(d)) {
    std::filesystem::create_directories(out_dir);
    renderer::write_png_rgb(out_dir / (name + ".actual.png"), frame.width, frame.height, frame.rgba);
    const renderer::RgbaImage diff = renderer::difference_image(
        actual, renderer::read_png(std::filesystem::path(SIEGE_SOURCE_DIR) / "tests/render/golden" / (name + ".png")));
    renderer::write_png_rgb(out_dir / (name + ".diff.png"), diff.width, diff.height, diff.pixels);
  }
  CHECK(d.mean_abs <= kMaxMeanAbs);
  CHECK(d.outlier_fraction <= kMaxOutlierFraction);
}

// A frame of scenario `s` at the start of `phase` through its shot `shot` (progress 0), or
// through the overview when `shot` is empty.
renderer::FrameImage frame_of(const scene::Scenario& s, const std::string& phase, const std::string& shot,
                              double seconds_in = 0) {
  renderer::Renderer r(test::context(), s);
  const scene::Snapshot snapshot = scene::evaluate(s, scene::phase_start_s(s, s.phase_index(phase)) + seconds_in);
  const scene::Shot& through = shot.empty() ? *s.overview_shot() : *s.shot(shot);
  const double progress =
      shot.empty() ? scene::shot_progress(s, through, snapshot.presentation_s, snapshot.phase_progress) : 0.0;
  return r.render(snapshot, scene::sample_shot(s, through, progress, snapshot.units), {320, 180}, false);
}

}  // namespace

TEST_CASE("Caizhou overview during the famine matches its golden image", "[render][golden]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  const scene::Snapshot snapshot = scene::evaluate(s, scene::phase_start_s(s, s.phase_index("famine")));
  const scene::Shot& overview = *s.overview_shot();
  const scene::Camera camera = scene::sample_shot(
      s, overview, scene::shot_progress(s, overview, snapshot.presentation_s, snapshot.phase_progress), snapshot.units);
  const renderer::FrameImage frame = r.render(snapshot, camera, {320, 180}, false);
  check_against_golden(frame, "caizhou_overview_famine");
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("Caizhou city close-up matches its golden image", "[render][golden]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  const scene::Snapshot snapshot = scene::evaluate(s, scene::phase_start_s(s, s.phase_index("famine")));
  REQUIRE(s.shot("city_close"));
  const scene::Camera camera = scene::sample_shot(s, *s.shot("city_close"), 0.0, snapshot.units);
  const renderer::FrameImage frame = r.render(snapshot, camera, {320, 180}, false);
  check_against_golden(frame, "caizhou_city_close");
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("Taiyuan bombarded, stones in flight and dust, matches its golden image", "[render][golden]") {
  const scene::Scenario& s = test::scenario("taiyuan.json");
  REQUIRE(s.shot("bombardment"));
  check_against_golden(frame_of(s, "bombardment", "bombardment", 3.0), "taiyuan_bombardment");
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("Caizhou's fall, the city burning and smoke over it, matches its golden image", "[render][golden]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  REQUIRE(s.shot("fall"));
  check_against_golden(frame_of(s, "fall", "fall", 2.0), "caizhou_fall");
  CHECK(test::context().validation_errors() == 0);
}

// The south wall from 500 m at a date-time (the hour its own), in a preset.
renderer::FrameImage south_wall_at(const scene::Scenario& s, const char* when, renderer::Preset preset) {
  renderer::Renderer r(test::context(), s);
  r.options().preset = preset;
  const auto day = scene::parse_day(when, s.calendar);
  REQUIRE(day);
  scene::Snapshot snapshot = scene::evaluate(s, scene::presentation_at(s, *day));
  scene::set_hour(s, snapshot, static_cast<float>((*day - std::floor(*day)) * 24.0));
  scene::Camera camera;
  camera.position = {300, 180, 1150};
  camera.target = {0, 0, 550};
  camera.fov_deg = 45;
  return r.render(snapshot, camera, {320, 180}, false);
}

TEST_CASE("Caizhou by moonlight, stars and torches, matches its golden image", "[render][golden]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  check_against_golden(south_wall_at(s, "1233-11-20T21:00", renderer::Preset::Interactive), "caizhou_moonlit");
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("Caizhou on a frosty misty morning in the film preset (cascades, reflections) matches its golden image",
          "[render][golden]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  check_against_golden(south_wall_at(s, "1233-12-15T07:45", renderer::Preset::Film), "caizhou_frost_film");
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("golden tolerance: the city close-up without one of its gates does not pass", "[render][golden]") {
  scene::Scenario s = test::scenario("caizhou.json");
  REQUIRE(s.shot("city_close"));
  REQUIRE_FALSE(s.gates.empty());
  // The gate nearest what the shot looks at.
  const scene::Camera camera = scene::sample_shot(s, *s.shot("city_close"), 0.0, {});
  std::size_t nearest = 0;
  for (std::size_t i = 1; i < s.gates.size(); ++i)
    if (glm::distance(s.gates[i].position, glm::vec2(camera.target.x, camera.target.z)) <
        glm::distance(s.gates[nearest].position, glm::vec2(camera.target.x, camera.target.z)))
      nearest = i;
  INFO("left out: gate " << s.gates[nearest].id);
  s.gates.erase(s.gates.begin() + static_cast<std::ptrdiff_t>(nearest));
  const renderer::ImageDifference d = difference_from_golden(frame_of(s, "famine", "city_close"), "caizhou_city_close");
  INFO("mean abs " << d.mean_abs << ", outliers " << d.outlier_fraction * 100 << "%");
  CHECK_FALSE(within_tolerance(d));
}
