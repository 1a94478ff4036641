// The viewer's kept shadow map (renderer/kept_shadows.h): while the camera moves a little and
// the light hardly turns, frames sample the map an earlier frame drew for a wider fit, and
// look as a frame that draws its own; a long move, a turn of the light, the camps changing or
// a second of presentation time draw it again; without the option no frame keeps one.
#include <catch2/catch.hpp>

#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

#include "render_fixture.h"
#include "renderer/image_compare.h"
#include "scene/model/clock.h"
#include "scene/sim/evaluate.h"

namespace {

constexpr VkExtent2D kSize{320, 180};

// The south wall in the famine's afternoon, from 500 m.
struct Scene {
  const scene::Scenario& s = test::scenario("caizhou.json");
  scene::Snapshot snapshot = scene::evaluate(s, scene::phase_start_s(s, s.phase_index("famine")) + 5.0);
  scene::Camera camera = [] {
    scene::Camera c;
    c.position = {300, 180, 1150};
    c.target = {0, 0, 550};
    c.fov_deg = 45;
    return c;
  }();
};

scene::Camera moved(scene::Camera c, glm::vec3 by) {
  c.position += by;
  c.target += by;
  return c;
}

}  // namespace

TEST_CASE("kept shadows: a camera moving a little samples the kept map and looks as one drawing its own",
          "[render][shadows]") {
  Scene scene;
  REQUIRE(scene.snapshot.sun_direction.y > 0.2f);
  renderer::Renderer r(test::context(), scene.s);
  r.options().reuse_shadows = true;
  r.render(scene.snapshot, scene.camera, kSize, true);
  CHECK_FALSE(r.last_stats().shadows_kept);  // the first frame draws it
  const scene::Camera near = moved(scene.camera, {2, 0, 0});
  const renderer::FrameImage kept = r.render(scene.snapshot, near, kSize, true);
  CHECK(r.last_stats().shadows_kept);

  // A renderer of its own draws the map for this camera: the same picture within a few levels
  // where a shadow's edge falls a texel apart.
  renderer::Renderer fresh(test::context(), scene.s);
  fresh.options().reuse_shadows = true;
  const renderer::FrameImage drawn = fresh.render(scene.snapshot, near, kSize, true);
  CHECK_FALSE(fresh.last_stats().shadows_kept);
  const renderer::ImageDifference d = renderer::compare(renderer::RgbaImage{kept.width, kept.height, kept.rgba},
                                                        renderer::RgbaImage{drawn.width, drawn.height, drawn.rgba});
  INFO("kept against drawn: mean " << d.mean_abs << ", PSNR " << d.psnr_db << " dB");
  CHECK(d.psnr_db > 40.0);
  CHECK(kept.ids == drawn.ids);
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("kept shadows: a long move or a turn of the light or the camps or a second later draw the map again",
          "[render][shadows]") {
  Scene scene;
  renderer::Renderer r(test::context(), scene.s);
  r.options().reuse_shadows = true;
  const auto kept_after = [&](const scene::Snapshot& snapshot, const scene::Camera& camera) {
    r.render(scene.snapshot, scene.camera, kSize, false);  // draws (or keeps) the map for the start
    r.render(scene.snapshot, moved(scene.camera, {1, 0, 0}), kSize, false);
    REQUIRE(r.last_stats().shadows_kept);
    r.render(snapshot, camera, kSize, false);
    return r.last_stats().shadows_kept;
  };
  CHECK(kept_after(scene.snapshot, moved(scene.camera, {3, 0, 0})));
  CHECK_FALSE(kept_after(scene.snapshot, moved(scene.camera, {-2500, 0, 0})));

  scene::Snapshot turned = scene.snapshot;  // half a degree about the vertical
  turned.sun_direction = glm::vec3(glm::rotate(glm::mat4(1), glm::radians(0.5f), glm::vec3(0, 1, 0)) *
                                   glm::vec4(scene.snapshot.sun_direction, 0));
  CHECK_FALSE(kept_after(turned, scene.camera));
  scene::Snapshot slightly = scene.snapshot;  // a tenth of a degree
  slightly.sun_direction = glm::vec3(glm::rotate(glm::mat4(1), glm::radians(0.1f), glm::vec3(0, 1, 0)) *
                                     glm::vec4(scene.snapshot.sun_direction, 0));
  CHECK(kept_after(slightly, scene.camera));

  scene::Snapshot later = scene.snapshot;
  later.presentation_s += 1.5;
  CHECK_FALSE(kept_after(later, scene.camera));

  REQUIRE_FALSE(scene.snapshot.camp_present.empty());
  scene::Snapshot camps = scene.snapshot;
  camps.camp_present[0] = !camps.camp_present[0];
  CHECK_FALSE(kept_after(camps, scene.camera));

  // Without the option nothing is kept.
  renderer::Renderer plain(test::context(), scene.s);
  plain.render(scene.snapshot, scene.camera, kSize, false);
  plain.render(scene.snapshot, moved(scene.camera, {1, 0, 0}), kSize, false);
  CHECK_FALSE(plain.last_stats().shadows_kept);
  CHECK(test::context().validation_errors() == 0);
}
