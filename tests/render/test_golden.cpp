// Whole-frame golden images with a tolerance. To refresh them on purpose after a deliberate
// visual change, run: SIEGE_UPDATE_GOLDENS=1 build/siege_render_tests "[golden]"
// and look at the new images in tests/render/golden/ before committing them.
#include <cstdlib>
#include <filesystem>

#include <catch2/catch.hpp>

#include "render_fixture.h"
#include "renderer/image_compare.h"
#include "renderer/image_io.h"
#include "scene/model/clock.h"
#include "scene/sim/evaluate.h"
#include "scene/sim/shot.h"

namespace {

void check_against_golden(const renderer::FrameImage& frame, const std::string& name) {
  const std::filesystem::path golden = std::filesystem::path(SIEGE_SOURCE_DIR) / "tests/render/golden" / (name + ".png");
  renderer::RgbaImage actual{frame.width, frame.height, frame.rgba};
  const char* update = std::getenv("SIEGE_UPDATE_GOLDENS");
  if (update && std::string(update) == "1") {
    renderer::write_png_rgb(golden, frame.width, frame.height, frame.rgba);
    WARN("golden image refreshed: " << golden.string());
    return;
  }
  REQUIRE(std::filesystem::exists(golden));
  const renderer::RgbaImage expected = renderer::read_png(golden);
  const renderer::ImageDifference d = renderer::compare(actual, expected);
  const std::filesystem::path out_dir = std::filesystem::current_path() / "golden-output";
  INFO("mean abs " << d.mean_abs << ", max " << d.max_abs << ", outliers " << d.outlier_fraction * 100 << "%, PSNR "
                   << d.psnr_db << " dB; actual and diff written to " << out_dir.string());
  REQUIRE(d.same_size);
  const bool ok = d.mean_abs <= 1.5 && d.outlier_fraction <= 0.005;
  if (!ok) {
    std::filesystem::create_directories(out_dir);
    renderer::write_png_rgb(out_dir / (name + ".actual.png"), frame.width, frame.height, frame.rgba);
    const renderer::RgbaImage diff = renderer::difference_image(actual, expected);
    renderer::write_png_rgb(out_dir / (name + ".diff.png"), diff.width, diff.height, diff.pixels);
  }
  CHECK(d.mean_abs <= 1.5);
  CHECK(d.outlier_fraction <= 0.005);
}

}  // namespace

TEST_CASE("Caizhou overview during the famine matches its golden image", "[render][golden]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  const scene::Snapshot snapshot = scene::evaluate(s, scene::phase_start_s(s, s.phase_index("famine")));
  const scene::Shot& overview = *s.overview_shot();
  const scene::Camera camera =
      scene::sample_shot(s, overview, scene::shot_progress(s, overview, snapshot.presentation_s, snapshot.phase_progress), snapshot.units);
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
