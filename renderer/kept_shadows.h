// The shadow map kept while the camera moves a little (RenderOptions::reuse_shadows, the
// viewer's): a CPU driver redraws every caster into it each frame, though from one frame to
// the next the light hardly turns and the view's slices hardly move. The map is drawn for a
// fit widened by kMargin, and later frames whose own fits it covers sample it as it is. It
// serves while the light turns less than kMaxTurn_deg, the camps standing (which cast) are
// the same, and for kMaxAge_s of presentation time at most, after which the siege works'
// shadows, and the trees near the camera that cast them, are brought up to date
// (tests/render/test_kept_shadows.cpp).
#pragma once

#include <cstdint>

#include <glm/glm.hpp>

#include "renderer/shadows.h"

namespace renderer {

class KeptShadows {
 public:
  static constexpr float kMargin = 0.06f;       // of a cascade's extent, on each side: texels 12 % wider
  static constexpr float kMaxTurn_deg = 0.25f;  // of the light's direction
  static constexpr double kMaxAge_s = 1.0;      // presentation seconds

  // Whether the kept map serves a frame that wants `wanted`, lit from `light`, at `at_s`,
  // with casters that hash to `casters`.
  bool serves(const ShadowFit& wanted, glm::vec3 light, double at_s, std::uint64_t casters) const;
  // The map was just drawn for `drawn`.
  void keep(const ShadowFit& drawn, glm::vec3 light, double at_s, std::uint64_t casters);
  void forget() { valid_ = false; }
  bool valid() const { return valid_; }
  const ShadowFit& fit() const { return fit_; }

 private:
  bool valid_ = false;
  ShadowFit fit_;
  glm::vec3 light_{0, 1, 0};
  double at_s_ = 0;
  std::uint64_t casters_ = 0;
};

}  // namespace renderer
