// Where a frame's sub-samples fall (docs/EXPORT.md, "Sub-samples, motion blur and depth of
// field"): a sub-pixel jitter, a point on the lens and an instant within the open shutter for
// each, deterministic, spread evenly (a low-discrepancy sequence), so N samples anti-alias,
// blur motion and defocus the same way on every machine.
#pragma once

#include <vector>

#include <glm/glm.hpp>

namespace app {

struct SamplePoint {
  glm::vec2 jitter_px{0};  // sub-pixel offset, each axis in [-0.5, 0.5)
  glm::vec2 lens{0};       // a point of the unit disc (x right, y up): where on the aperture
  double shutter = 0;      // in [-0.5, 0.5): the instant, as a share of the open shutter about the frame's time
};

// `count` (1 or more) samples; the first is the centre: no jitter, the lens's centre, the
// frame's own instant. The instants lie on a grid of `count` steps across the open shutter.
std::vector<SamplePoint> sample_pattern(int count);

// The square [0,1)² onto the unit disc, area-preserving and with little distortion (Shirley
// and Chiu's concentric mapping).
glm::vec2 concentric_disc(glm::vec2 square);

// Presentation seconds the shutter is open for a frame `frame_step_s` long at `shutter_deg`
// (180: half the frame).
double shutter_open_s(double frame_step_s, double shutter_deg);

}  // namespace app
