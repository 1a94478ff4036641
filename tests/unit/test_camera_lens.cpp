// The camera's lens maths (scene/model/camera.h): the projection's shift, focal length and
// field of view, and the depth-of-field sub-sample that keeps the plane in focus still.
#include <catch2/catch.hpp>

#include <cmath>

#include "scene/model/camera.h"

using namespace scene;

namespace {

glm::vec3 ndc_of(const Camera& camera, float aspect, glm::vec3 world) {
  const glm::vec4 clip = projection_matrix(camera, aspect) * view_matrix(camera) * glm::vec4(world, 1.0f);
  return glm::vec3(clip) / clip.w;
}

Camera looking_north() {
  Camera c;
  c.position = {0, 10, 0};
  c.target = {0, 10, -100};
  c.fov_deg = 40;
  return c;
}

}  // namespace

TEST_CASE("ndc_shift moves every point by the same amount in NDC, near or far, x right and y down", "[camera]") {
  Camera c = looking_north();
  const float aspect = 16.0f / 9.0f;
  for (const glm::vec3 p : {glm::vec3(3, 12, -20), glm::vec3(-40, 0, -900)}) {
    const glm::vec3 before = ndc_of(c, aspect, p);
    Camera shifted = c;
    shifted.ndc_shift = {0.01f, -0.02f};
    const glm::vec3 after = ndc_of(shifted, aspect, p);
    CHECK(after.x - before.x == Approx(0.01f).margin(1e-5));
    CHECK(after.y - before.y == Approx(-0.02f).margin(1e-5));
    CHECK(after.z == Approx(before.z));  // depth unchanged
  }
  // A point to the right and above the axis lands right (+x) and up (-y in Vulkan's NDC).
  const glm::vec3 p = ndc_of(c, aspect, {5, 15, -100});
  CHECK(p.x > 0);
  CHECK(p.y < 0);
}

TEST_CASE("a focal length on a 36 mm film back sets the field of view", "[camera]") {
  Camera c = looking_north();
  c.focal_length_mm = 50;
  // 36 mm wide, 16:9 → 20.25 mm high; vertical fov 2·atan(10.125 / 50) ≈ 22.9°.
  CHECK(vertical_fov_deg(c, 16.0f / 9.0f) == Approx(22.9).margin(0.05));
  CHECK(with_lens_fov(c, 16.0f / 9.0f).fov_deg == Approx(22.9).margin(0.05));
  CHECK(focal_length_mm(c, 16.0f / 9.0f) == 50.0f);
  // Without one, the focal length the fov implies, and back.
  Camera d = looking_north();
  const float f = focal_length_mm(d, 1.5f);
  d.focal_length_mm = f;
  CHECK(vertical_fov_deg(d, 1.5f) == Approx(40.0f).margin(1e-3));
  CHECK(with_lens_fov(looking_north(), 1.5f).fov_deg == 40.0f);
}

TEST_CASE("focus defaults to the target's distance, and the aperture is focal length over f-stop", "[camera]") {
  Camera c = looking_north();
  CHECK(focus_distance_m(c) == Approx(100.0f));
  c.focus_m = 30;
  CHECK(focus_distance_m(c) == 30.0f);
  CHECK(aperture_radius_m(c, 1.5f) == 0.0f);  // a pinhole
  c.focal_length_mm = 50;
  c.f_stop = 2;
  CHECK(aperture_radius_m(c, 1.5f) == Approx(0.0125f));  // 25 mm across
}

TEST_CASE("a lens sub-sample keeps the focal plane still and moves what is nearer or farther", "[camera]") {
  Camera c = looking_north();
  c.focal_length_mm = 35;
  c.f_stop = 1.4f;
  c.focus_m = 60;
  const float aspect = 16.0f / 9.0f;
  const Camera centre = sub_sample_camera(c, aspect, {0, 0}, {0, 0});
  CHECK(centre.position == c.position);
  CHECK(centre.ndc_shift == glm::vec2(0));
  for (const glm::vec2 lens : {glm::vec2(1, 0), glm::vec2(0, -1), glm::vec2(-0.6f, 0.7f)}) {
    const Camera s = sub_sample_camera(c, aspect, lens, {0, 0});
    CHECK(glm::length(s.position - c.position) ==
          Approx(glm::length(lens) * aperture_radius_m(c, aspect)).margin(1e-5));
    CHECK(glm::normalize(s.target - s.position) == glm::normalize(c.target - c.position));  // parallel
    const glm::vec3 in_focus(4, 13, -60), near(1, 9, -8), far(-30, 20, -2000);
    const glm::vec3 a = ndc_of(centre, aspect, in_focus), b = ndc_of(s, aspect, in_focus);
    CHECK(b.x == Approx(a.x).margin(1e-5));
    CHECK(b.y == Approx(a.y).margin(1e-5));
    CHECK(glm::length(glm::vec2(ndc_of(s, aspect, near) - ndc_of(centre, aspect, near))) > 1e-3f);
    CHECK(glm::length(glm::vec2(ndc_of(s, aspect, far) - ndc_of(centre, aspect, far))) > 1e-4f);
  }
  // Jitter adds to the shift; a pinhole ignores the lens point.
  Camera pinhole = looking_north();
  const Camera j = sub_sample_camera(pinhole, aspect, {1, 1}, {0.001f, -0.002f});
  CHECK(j.position == pinhole.position);
  CHECK(j.ndc_shift == glm::vec2(0.001f, -0.002f));
}
