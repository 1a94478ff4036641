// The sub-sample pattern (app/core/sample_pattern.h): centre first, jitter inside the pixel,
// lens points inside the disc and spread over it, instants spread over the open shutter.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>

#include "app/core/sample_pattern.h"

using app::sample_pattern;

TEST_CASE("the first sample is the centre: no jitter, the lens's middle, the frame's instant", "[samples]") {
  for (const int n : {1, 2, 4, 8, 64}) {
    const std::vector<app::SamplePoint> s = sample_pattern(n);
    REQUIRE(s.size() == static_cast<std::size_t>(n));
    CHECK(s[0].jitter_px == glm::vec2(0));
    CHECK(s[0].lens == glm::vec2(0));
    CHECK(s[0].shutter == 0.0);
  }
  CHECK(sample_pattern(0).size() == 1);
}

TEST_CASE("jitter stays in the pixel, lens points in the disc, instants in the shutter", "[samples]") {
  const std::vector<app::SamplePoint> s = sample_pattern(64);
  for (const app::SamplePoint& p : s) {
    CHECK(p.jitter_px.x >= -0.5f);
    CHECK(p.jitter_px.x < 0.5f);
    CHECK(p.jitter_px.y >= -0.5f);
    CHECK(p.jitter_px.y < 0.5f);
    CHECK(glm::length(p.lens) <= 1.0f + 1e-6f);
    CHECK(p.shutter >= -0.5);
    CHECK(p.shutter < 0.5);
  }
}

TEST_CASE("8 samples take 8 different instants a step apart and cover each quadrant of pixel and lens", "[samples]") {
  const std::vector<app::SamplePoint> s = sample_pattern(8);
  std::set<long> steps;
  for (const app::SamplePoint& p : s) steps.insert(std::lround(p.shutter * 8));
  CHECK(steps == std::set<long>{-4, -3, -2, -1, 0, 1, 2, 3});
  int jitter_quadrants[4] = {}, lens_quadrants[4] = {};
  for (std::size_t i = 1; i < s.size(); ++i) {
    ++jitter_quadrants[(s[i].jitter_px.x >= 0 ? 1 : 0) + (s[i].jitter_px.y >= 0 ? 2 : 0)];
    ++lens_quadrants[(s[i].lens.x >= 0 ? 1 : 0) + (s[i].lens.y >= 0 ? 2 : 0)];
  }
  for (int q = 0; q < 4; ++q) {
    CHECK(jitter_quadrants[q] >= 1);
    CHECK(lens_quadrants[q] >= 1);
  }
  // Spread over the disc, not bunched at its middle: the mean radius of 63 points is near 2/3.
  const std::vector<app::SamplePoint> many = sample_pattern(64);
  double radius = 0;
  for (std::size_t i = 1; i < many.size(); ++i) radius += glm::length(many[i].lens);
  CHECK(radius / 63.0 == Approx(2.0 / 3.0).margin(0.05));
}

TEST_CASE("the pattern is the same every time", "[samples]") {
  const std::vector<app::SamplePoint> a = sample_pattern(16), b = sample_pattern(16);
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].jitter_px == b[i].jitter_px);
    CHECK(a[i].lens == b[i].lens);
    CHECK(a[i].shutter == b[i].shutter);
  }
}

TEST_CASE("the concentric mapping keeps the square's edges on the circle and its middle at the centre", "[samples]") {
  CHECK(app::concentric_disc({0.5f, 0.5f}) == glm::vec2(0));
  CHECK(glm::length(app::concentric_disc({1.0f, 0.5f})) == Approx(1.0f));
  CHECK(glm::length(app::concentric_disc({0.0f, 0.3f})) == Approx(1.0f));
  CHECK(glm::length(app::concentric_disc({0.75f, 0.75f})) == Approx(0.5f));
  CHECK(app::concentric_disc({1.0f, 0.5f}).x == Approx(1.0f));
}

TEST_CASE("a 180 degree shutter is open half the frame", "[samples]") {
  CHECK(app::shutter_open_s(1.0 / 24.0, 180) == Approx(1.0 / 48.0));
  CHECK(app::shutter_open_s(2.0, 360) == Approx(2.0));
  CHECK(app::shutter_open_s(2.0, 0) == 0.0);
}
