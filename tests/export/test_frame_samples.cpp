// A frame's sub-samples (app/film/frame_samples.h), no GPU: they spread over the shutter so
// soldiers and the camera move, but share the centre's hour, and a sample across a phase's
// boundary keeps the centre's camera.
#include <cmath>
#include <filesystem>
#include <set>

#include <catch2/catch.hpp>

#include "app/film/frame_samples.h"
#include "scene/load/load.h"
#include "scene/model/clock.h"
#include "scene/sim/evaluate.h"

namespace {

const scene::Scenario& caizhou() {
  static const scene::Scenario scenario = [] {
    auto r = scene::load_scenario(std::filesystem::path(SIEGE_SOURCE_DIR) / "assets/scenarios/caizhou.json");
    REQUIRE(r.scenario);
    return std::move(*r.scenario);
  }();
  return scenario;
}

// A camera that says which phase and instant it was made for.
scene::Camera marked_camera(const scene::Snapshot& s) {
  scene::Camera camera;
  camera.position = {1000.0f * static_cast<float>(s.phase) + static_cast<float>(s.presentation_s), 500, 0};
  camera.target = {0, 0, 0};
  return camera;
}

}  // namespace

TEST_CASE("samples: across a phase's start they move, keep the hour, and keep the centre's camera", "[samples]") {
  const scene::Scenario& s = caizhou();
  const int baitian = 1;  // a one-day phase: its clock runs about an hour per presentation second
  const double start = scene::phase_start_s(s, baitian);
  const scene::Snapshot centre = scene::evaluate(s, start + 0.05);
  REQUIRE(centre.phase == baitian);
  // A whole second of shutter so that the clock moves tens of minutes within it.
  const app::SampleSettings settings{8, 360};
  const auto samples = app::frame_samples(settings, s, centre, 1.0, 320, 180, marked_camera);
  REQUIRE(samples.size() == 8);
  CHECK(samples[0].snapshot.presentation_s == centre.presentation_s);

  int before = 0, within = 0;
  std::set<float> instants;
  for (const renderer::FrameSample& sample : samples) {
    const scene::Snapshot& snap = sample.snapshot;
    instants.insert(static_cast<float>(snap.presentation_s));
    INFO("sample at " << snap.presentation_s << " s, phase " << snap.phase);
    // Without the rule the clock would have moved: the test could fail.
    if (snap.presentation_s != centre.presentation_s && snap.phase == baitian)
      CHECK(std::abs(scene::evaluate(s, snap.presentation_s).hour - centre.hour) > 0.05f);
    CHECK(snap.hour == centre.hour);
    if (snap.phase != baitian) {
      ++before;
      CHECK(sample.camera.position == marked_camera(centre).position);
    } else if (snap.presentation_s != centre.presentation_s) {
      ++within;
      CHECK(sample.camera.position != marked_camera(centre).position);  // the camera still moves
    }
  }
  CHECK(instants.size() == 8);  // spread over the shutter
  CHECK(before > 0);
  CHECK(within > 0);
}

TEST_CASE("samples: soldiers move within the shutter while the hour holds", "[samples]") {
  const scene::Scenario& s = caizhou();
  const scene::Snapshot centre = scene::evaluate(s, 29.0);  // the Mongol vanguard marching
  const auto samples = app::frame_samples({4, 180}, s, centre, 1.0, 320, 180, marked_camera);
  float moved = 0;
  for (std::size_t u = 0; u < centre.units.size(); ++u)
    if (centre.units[u].present && samples.back().snapshot.units[u].present)
      moved = std::max(moved, glm::length(samples.back().snapshot.units[u].position - centre.units[u].position));
  CHECK(moved > 1.0f);
  for (const renderer::FrameSample& sample : samples) CHECK(sample.snapshot.hour == centre.hour);
}
