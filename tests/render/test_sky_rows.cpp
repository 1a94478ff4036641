// The sky pass drawn only in the rows where the sky can show (renderer/sky_rows.h): the rows
// for cameras looking down, level, up and from under the ground; and rendered frames that
// skip the rows under the ground and leave no pixel naming nothing: no band, and no hole in
// the ground. Lavapipe, validation on.
#include <cmath>

#include <catch2/catch.hpp>

#include "render_fixture.h"
#include "renderer/sky_rows.h"
#include "scene/model/clock.h"
#include "scene/sim/evaluate.h"
#include "scene/sim/shot.h"

namespace {

constexpr std::uint32_t kWidth = 640, kHeight = 360;

std::uint32_t rows_for(const scene::Camera& camera, float ground, const renderer::GroundCover& cover) {
  const float aspect = static_cast<float>(kWidth) / static_cast<float>(kHeight);
  const glm::mat4 inverse = glm::inverse(scene::projection_matrix(camera, aspect) * scene::view_matrix(camera));
  return renderer::sky_rows(inverse, camera.position, ground, kWidth, kHeight, cover);
}

// Pixels of the frame's ID pass that name nothing (0): neither the sky nor anything drawn.
std::size_t empty_pixels(const renderer::FrameImage& frame) {
  std::size_t n = 0;
  for (const std::uint32_t id : frame.ids) n += id == 0;
  return n;
}

}  // namespace

TEST_CASE("sky rows: none looking down, about half looking level, all looking up or from underground",
          "[render][sky]") {
  // Flat ground at 0 out to 40 km about the origin.
  const renderer::GroundCover cover{glm::vec2(0), 40000.0f, 0.0f};
  // Straight down (nearly) from 300 m: the ground fills the frame.
  CHECK(rows_for(test::looking({0, 300, 0}, {0, 0, -1}, 40), 0, cover) == 0);
  // Level from 2 m: the horizon a hair below the middle, the sky above it.
  const std::uint32_t level = rows_for(test::looking({0, 2, 0}, {0, 2, -100}, 40), 0, cover);
  CHECK(level >= kHeight / 2);
  CHECK(level <= kHeight / 2 + 4);
  // From 3 km up the world's edge 40 km off lies 4.3° under the horizontal: more rows.
  const std::uint32_t high = rows_for(test::looking({0, 3000, 0}, {0, 3000, -100}, 40), 0, cover);
  CHECK(high > level + 15);
  // Looking up, and from under the ground: every row.
  CHECK(rows_for(test::looking({0, 2, 0}, {0, 60, -100}, 40), 0, cover) == kHeight);
  CHECK(rows_for(test::looking({0, 300, 0}, {0, 0, -1}, 40), 400, cover) == kHeight);
  // Without ground, or beyond its edge: every row.
  CHECK(rows_for(test::looking({0, 300, 0}, {0, 0, -1}, 40), 0, renderer::GroundCover{}) == kHeight);
  CHECK(rows_for(test::looking({50000, 300, 0}, {50000, 0, -1}, 40), 0, cover) == kHeight);
}

TEST_CASE("sky rows: frames leave no band unpainted and skip the rows under the ground", "[render][sky]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  const scene::Snapshot snap = scene::evaluate(s, scene::phase_start_s(s, s.phase_index("famine")));
  REQUIRE(s.shot("city_close"));
  const float ground = s.ground->height({0, 0});
  struct Shot {
    const char* what;
    scene::Camera camera;
    bool sky_skipped;  // the sky pass leaves out some rows
  };
  const Shot shots[] = {
      {"the city from 3 km", test::looking({-2100, ground + 2100, -600}, {0, ground, 0}, 40), true},
      {"the south wall from 150 m up", test::looking({-100, ground + 150, 900}, {-100, ground, 500}, 40), true},
      {"level at the horizon", test::looking({800, ground + 3, 1500}, {800, ground + 3, 0}, 60), true},
      {"straight down", test::looking({0, ground + 400, 0}, {0, ground, -1}, 40), true},
      {"up at the sky", test::looking({800, ground + 3, 1500}, {800, ground + 200, 1300}, 60), false},
      // The famine's city close-up: the world's edge 6 km off, and the Lian's banks.
      {"the city close-up", scene::sample_shot(s, *s.shot("city_close"), 0.0, snap.units), true},
  };
  for (const Shot& shot : shots) {
    const renderer::FrameImage frame = r.render(snap, shot.camera, {kWidth, kHeight}, true);
    const std::uint32_t rows = r.last_stats().sky_rows;
    INFO(shot.what << ": the sky pass drew " << rows << " of " << kHeight << " rows; " << empty_pixels(frame)
                   << " pixels name nothing");
    CHECK((rows < kHeight) == shot.sky_skipped);
    // Rows cut short would leave a band naming nothing, and a hole in the ground a pixel:
    // where its chunks' levels of detail meet each other or the horizon skirt, the sky used
    // to fill them.
    CHECK(empty_pixels(frame) == 0);
  }
  CHECK(test::context().validation_errors() == 0);
}
