#include "app/core/sample_pattern.h"

#include <cmath>

#include <glm/gtc/constants.hpp>

namespace app {

namespace {

// Roberts's R-sequence in five dimensions (jitter x, y, lens u, v, spare): the k-th axis steps
// by 1/φ^k, φ the real root of x^6 = x + 1; successive points fill the cube evenly.
constexpr double kPhi5 = 1.1673039782614187;

double axis_step(int k) { return 1.0 / std::pow(kPhi5, k); }

double fraction(double x) { return x - std::floor(x); }

}  // namespace

glm::vec2 concentric_disc(glm::vec2 square) {
  const glm::vec2 p = square * 2.0f - 1.0f;
  if (p.x == 0 && p.y == 0) return {0, 0};
  const float quarter = glm::pi<float>() / 4.0f;
  float radius = 0, angle = 0;
  if (std::abs(p.x) > std::abs(p.y)) {
    radius = p.x;
    angle = quarter * (p.y / p.x);
  } else {
    radius = p.y;
    angle = 2.0f * quarter - quarter * (p.x / p.y);
  }
  return radius * glm::vec2(std::cos(angle), std::sin(angle));
}

std::vector<SamplePoint> sample_pattern(int count) {
  std::vector<SamplePoint> samples(static_cast<std::size_t>(count > 0 ? count : 1));
  for (std::size_t i = 1; i < samples.size(); ++i) {
    const double n = static_cast<double>(i);
    auto axis = [&](int k) { return static_cast<float>(fraction(0.5 + n * axis_step(k))); };
    samples[i].jitter_px = glm::vec2(axis(1), axis(2)) - 0.5f;
    samples[i].lens = concentric_disc({axis(3), axis(4)});
    // The grid of instants k/count, wrapped into [-0.5, 0.5): 0 is the centre's.
    samples[i].shutter = fraction(0.5 + n / static_cast<double>(samples.size())) - 0.5;
  }
  return samples;
}

double shutter_open_s(double frame_step_s, double shutter_deg) { return frame_step_s * shutter_deg / 360.0; }

}  // namespace app
