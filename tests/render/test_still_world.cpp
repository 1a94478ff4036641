// The still camera's world (renderer/still_world.h): while the camera, the light and the works
// stand still, frames reuse the opaque world and draw only what moves over it, and are the
// same bytes as frames drawn whole; when the light drifts a little the kept world stays within
// a tolerance; anything else the world depends on draws it again.
#include <catch2/catch.hpp>

#include <algorithm>

#include "render_fixture.h"
#include "renderer/image_compare.h"
#include "scene/model/clock.h"
#include "scene/sim/evaluate.h"
#include "scene/sim/shot.h"

namespace {

constexpr VkExtent2D kSize{320, 180};

struct Frames {
  renderer::Renderer kept, whole;  // still world on, off
  explicit Frames(const scene::Scenario& s) : kept(test::context(), s), whole(test::context(), s) {
    kept.options().still_world = true;
  }
  // Renders the frame both ways, checks they are the same bytes, says whether the kept world
  // was used.
  bool same_both_ways(const scene::Snapshot& snapshot, const scene::Camera& camera,
                      renderer::FrameImage* out = nullptr) {
    const renderer::FrameImage a = kept.render(snapshot, camera, kSize, true);
    const bool reused = kept.last_stats().still_world;
    const renderer::FrameImage b = whole.render(snapshot, camera, kSize, true);
    CHECK(a.rgba == b.rgba);
    CHECK(a.ids == b.ids);
    if (out) *out = a;
    return reused;
  }
};

// The Song army's arrival: units on the move, under the overview's camera at the phase's start.
struct March {
  const scene::Scenario& s = test::scenario("caizhou.json");
  double start = scene::phase_start_s(s, s.phase_index("song_arrival"));
  scene::Camera camera = [this] {
    const scene::Snapshot first = scene::evaluate(s, start);
    return scene::sample_shot(s, *s.overview_shot(), 0, first.units);
  }();
};

// The frame at `t` under the light, season and weather of `held` (soldiers, engines and smoke
// as at `t`).
scene::Snapshot with_light_of(const scene::Scenario& s, double t, const scene::Snapshot& held) {
  scene::Snapshot snapshot = scene::evaluate(s, t);
  snapshot.day = held.day;
  snapshot.sun_direction = held.sun_direction;
  snapshot.moon = held.moon;
  snapshot.weather = held.weather;
  snapshot.celestial_to_world = held.celestial_to_world;
  return snapshot;
}

double psnr(const renderer::FrameImage& a, const renderer::FrameImage& b) {
  return renderer::compare({a.width, a.height, a.rgba}, {b.width, b.height, b.rgba}).psnr_db;
}

}  // namespace

TEST_CASE("a still camera reuses the world and gives the bytes of frames drawn whole", "[render][still]") {
  March m;
  Frames f(m.s);
  const scene::Snapshot held = scene::evaluate(m.s, m.start);
  std::vector<bool> reused;
  std::vector<renderer::FrameImage> frames(6);
  for (int i = 0; i < 6; ++i)
    reused.push_back(f.same_both_ways(with_light_of(m.s, m.start + i * 0.5, held), m.camera, &frames[i]));
  // Drawn, drawn and kept (the second frame alike), reused; then a second on, drawn and kept
  // again (the works' shadows catch up), and reused.
  CHECK_FALSE(reused[0]);
  CHECK_FALSE(reused[1]);
  CHECK(reused[2]);
  CHECK(reused[3]);
  CHECK_FALSE(reused[4]);
  CHECK(reused[5]);
  CHECK(frames[2].rgba != frames[3].rgba);  // the army moved over the kept world
  REQUIRE(test::context().validation_errors() == 0);
}

TEST_CASE("playback at a held hour reuses the world while the sun drifts a little, then draws it again",
          "[render][still]") {
  March m;
  renderer::Renderer kept(test::context(), m.s), whole(test::context(), m.s);
  kept.options().still_world = true;
  int reused = 0, redrawn_after_reuse = 0;
  double worst = 99;
  bool was_reused = false;
  for (int i = 0; i < 10; ++i) {  // 2.3 days a presentation second in this phase: the sun moves
    const scene::Snapshot snapshot = scene::evaluate(m.s, m.start + i * 0.25);
    const renderer::FrameImage a = kept.render(snapshot, m.camera, kSize, false);
    const bool now = kept.last_stats().still_world;
    const renderer::FrameImage b = whole.render(snapshot, m.camera, kSize, false);
    if (now) {
      ++reused;
      worst = std::min(worst, psnr(a, b));
    } else {
      CHECK(a.rgba == b.rgba);
      redrawn_after_reuse += was_reused;
    }
    was_reused = now;
  }
  INFO(reused << " of 10 frames reused, worst PSNR against the whole frame " << worst << " dB");
  CHECK(reused >= 4);
  CHECK(redrawn_after_reuse >= 1);  // the drift ran out and the world was drawn again
  CHECK(worst >= 40);
  REQUIRE(test::context().validation_errors() == 0);
}

TEST_CASE("the kept world is drawn again when the camera moves or the light changes", "[render][still]") {
  March m;
  Frames f(m.s);
  const scene::Snapshot snapshot = scene::evaluate(m.s, m.start);
  f.same_both_ways(snapshot, m.camera);
  f.same_both_ways(snapshot, m.camera);
  CHECK(f.same_both_ways(snapshot, m.camera));
  scene::Camera moved = m.camera;
  moved.position.x += 0.5f;
  CHECK_FALSE(f.same_both_ways(snapshot, moved));
  CHECK(f.same_both_ways(snapshot, m.camera));  // back where the kept world was drawn
  scene::Snapshot later = snapshot;
  later.sun_direction = glm::normalize(snapshot.sun_direction + glm::vec3(0.05f, 0, 0));  // about 3 degrees
  CHECK_FALSE(f.same_both_ways(later, m.camera));  // drawn and kept: the camera stood still
  CHECK(f.same_both_ways(later, m.camera));
  CHECK_FALSE(f.same_both_ways(snapshot, m.camera));  // the kept world is the later sun's
  REQUIRE(test::context().validation_errors() == 0);
}

TEST_CASE("the still world's inputs follow what the world's pixels depend on, and not the sky's clock",
          "[render][still]") {
  shaders::FrameUniforms uniforms{};
  uniforms.sun_direction = {0, 1, 0};
  uniforms.sun_color = {3, 3, 3};
  shaders::LightUniforms lights{};
  const std::vector<bool> camps{true, false};
  const auto inputs = [&] { return renderer::still_world_inputs(uniforms, lights, 30.0, camps, kSize, 0); };
  const renderer::StillWorldInputs base = inputs();
  const auto same = [&](const renderer::StillWorldInputs& in) {
    return in.key == base.key && in.light_within_drift(base);
  };
  CHECK(base.key != 0);
  uniforms.time_s = 12;
  uniforms.star_brightness = 1;
  uniforms.moon_direction = {1, 0, 0};
  CHECK(same(inputs()));  // only the sky reads these
  uniforms.sun_color = {3.02f, 3, 3};
  CHECK(same(inputs()));  // within the drift
  uniforms.sun_color = {3.1f, 3, 3};
  CHECK_FALSE(same(inputs()));
  uniforms.sun_color = {3, 3, 3};
  uniforms.sun_direction = glm::normalize(glm::vec3(0.05f, 1, 0));
  CHECK_FALSE(same(inputs()));
  uniforms.sun_direction = {0, 1, 0};
  REQUIRE(same(inputs()));
  uniforms.camera_position.x += 0.01f;  // the camera must match exactly
  CHECK_FALSE(same(inputs()));
  uniforms.camera_position.x -= 0.01f;
  lights.lights[0].position.x = 5;  // no light is lit: not read
  CHECK(same(inputs()));
  lights.count = 1;
  const renderer::StillWorldInputs lit = inputs();
  CHECK(lit.key != base.key);
  lights.lights[0].intensity.x = 6;  // a fire flickers
  CHECK(inputs().key != lit.key);
  lights.count = 0;
  CHECK(renderer::still_world_inputs(uniforms, lights, 30.0, {true, true}, kSize, 0).key != base.key);
  CHECK(renderer::still_world_inputs(uniforms, lights, 30.0, camps, {640, 360}, 0).key != base.key);
  CHECK(renderer::still_world_inputs(uniforms, lights, 30.0, camps, kSize, 1).key != base.key);
}
