#include <catch2/catch.hpp>

#include "scene/model/scenario.h"
#include "scene/model/track.h"

using namespace scene;

namespace {
Track<float> ramp(Interp interp) {  // 0 at t=10, 10 at t=20, 10 at t=30, 0 at t=40
  Track<float> track;
  track.interp = interp;
  track.keys = {{10, 0.0f}, {20, 10.0f}, {30, 10.0f}, {40, 0.0f}};
  return track;
}
}  // namespace

TEST_CASE("empty track gives the fallback", "[track]") {
  Track<float> track;
  CHECK(track.empty());
  CHECK(track.sample(5) == 0.0f);
  CHECK(track.sample(5, 7.0f) == 7.0f);
}

TEST_CASE("single key holds everywhere", "[track]") {
  for (Interp interp : {Interp::Step, Interp::Linear, Interp::Smooth, Interp::Eased}) {
    Track<glm::vec2> track;
    track.interp = interp;
    track.keys = {{100, {3, 4}}};
    CHECK(track.sample(-1e9) == glm::vec2(3, 4));
    CHECK(track.sample(100) == glm::vec2(3, 4));
    CHECK(track.sample(1e9) == glm::vec2(3, 4));
  }
}

TEST_CASE("hold before the first key and after the last", "[track]") {
  for (Interp interp : {Interp::Step, Interp::Linear, Interp::Smooth, Interp::Eased}) {
    const Track<float> track = ramp(interp);
    CHECK(track.sample(0) == 0.0f);
    CHECK(track.sample(9.999) == 0.0f);
    CHECK(track.sample(40) == 0.0f);
    CHECK(track.sample(1000) == 0.0f);
    // Keys are hit exactly by every mode.
    CHECK(track.sample(10) == Approx(0.0f));
    CHECK(track.sample(20) == Approx(10.0f));
    CHECK(track.sample(30) == Approx(10.0f));
  }
}

TEST_CASE("step holds each key until the next", "[track]") {
  const Track<float> track = ramp(Interp::Step);
  CHECK(track.sample(15) == 0.0f);
  CHECK(track.sample(19.999) == 0.0f);
  CHECK(track.sample(20) == 10.0f);
  CHECK(track.sample(39.9) == 10.0f);
}

TEST_CASE("linear interpolates proportionally", "[track]") {
  const Track<float> track = ramp(Interp::Linear);
  CHECK(track.sample(12.5) == Approx(2.5f));
  CHECK(track.sample(15) == Approx(5.0f));
  CHECK(track.sample(25) == Approx(10.0f));
  CHECK(track.sample(35) == Approx(5.0f));

  Track<glm::vec2> path;
  path.keys = {{0, {0, 0}}, {2, {100, -50}}};
  const glm::vec2 half = path.sample(1);
  CHECK(half.x == Approx(50));
  CHECK(half.y == Approx(-25));
}

TEST_CASE("eased is smoothstep between keys", "[track]") {
  const Track<float> track = ramp(Interp::Eased);
  CHECK(track.sample(15) == Approx(5.0f));             // symmetric at the middle
  CHECK(track.sample(12.5) == Approx(10 * 0.15625f));  // 3f^2 - 2f^3 at f = 0.25
  CHECK(track.sample(12.5) < 2.5f);                    // slower than linear at the start
  CHECK(track.sample(17.5) > 7.5f);                    // and at the end
  // Zero slope at the keys: a tiny step away barely moves.
  CHECK(track.sample(10.01) < 0.001f);
}

TEST_CASE("smooth passes through keys without overshooting a plateau", "[track]") {
  const Track<float> track = ramp(Interp::Smooth);
  // Between two equal keys whose neighbours are lower the curve may bulge, but only a little.
  for (double t = 10; t <= 40; t += 0.25) {
    const float v = track.sample(t);
    CHECK(v >= -1.0f);
    CHECK(v <= 11.5f);
  }
  // Continuous through the keys.
  CHECK(track.sample(20 - 1e-6) == Approx(track.sample(20 + 1e-6)).margin(1e-3));
  // On evenly spaced collinear keys smooth equals linear.
  Track<float> line;
  line.interp = Interp::Smooth;
  line.keys = {{0, 0.0f}, {1, 1.0f}, {2, 2.0f}, {3, 3.0f}};
  CHECK(line.sample(1.5) == Approx(1.5f));
  CHECK(line.sample(0.25) == Approx(0.25f).margin(0.05));
}

TEST_CASE("enumerations step whatever the interp", "[track]") {
  Track<Formation> track;
  track.interp = Interp::Linear;
  track.keys = {{10, Formation::Block}, {20, Formation::Column}};
  CHECK(track.sample(0) == Formation::Block);
  CHECK(track.sample(19.9) == Formation::Block);
  CHECK(track.sample(20) == Formation::Column);
  CHECK(track.sample(99) == Formation::Column);
  CHECK(track.sample(5, Formation::Wedge) == Formation::Block);
  Track<Formation> none;
  CHECK(none.sample(5, Formation::Wedge) == Formation::Wedge);
}

TEST_CASE("segment finds the last key at or before a time", "[track]") {
  const Track<float> track = ramp(Interp::Linear);
  CHECK(track.segment(0) == -1);
  CHECK(track.segment(10) == 0);
  CHECK(track.segment(19.99) == 0);
  CHECK(track.segment(20) == 1);
  CHECK(track.segment(40) == 3);
  CHECK(track.segment(50) == 3);
}
