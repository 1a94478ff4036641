// The still camera's world: the opaque world that stands (structures, camps, trees, ground)
// as the scene pass leaves it before the water, kept in images of the target's size. While
// what its pixels depend on stays the same, a frame copies them back instead of drawing them
// and their shadows, and draws only what moves over it: the siege works, water, soldiers,
// sky, smoke (tests/render/test_still_world.cpp).
//
// What must match exactly: the camera, the size, the camps standing, the local lights and
// the options. What may drift a little: the light and the season (the sun, the sky's light,
// the crops, the snow), by kDrift of each value or by kShareDrift of a share such as the
// trees' leaves. A held hour still moves the sun with the date, a few tenths of a degree a
// day, and playback covers days a second: without the drift a still camera would draw its
// world every frame. Within it the kept world shows the sun up to about half a degree from
// where it stands.
//
// The siege works grow, swing and pull every frame of playback, so they are drawn over the
// kept world, lit by the shadow map of the frame that kept it; their shadows on the kept
// world stay as they fell then. So that those shadows, and the drift, never lag far, a kept
// world serves kMaxAge_s of presentation time at most, one way or the other. With the light
// held and the works unchanged, frames are the bytes of frames drawn whole. A world is kept
// only once two frames in a row agree on what must match, so a moving camera pays for no copy.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "renderer/context.h"
#include "renderer/resources.h"
#include "renderer/target.h"
#include "shaders/shared.h"

namespace renderer {

// What the opaque world's pixels depend on.
struct StillWorldInputs {
  static constexpr float kDrift = 0.01f;                          // relative change allowed in `light`
  static constexpr float kShareDrift = 0.04f;                     // change allowed in the season's and weather's shares
  static constexpr double kMaxAge_s = 1.0;                        // presentation seconds a kept world serves at most
  double presentation_s = 0;                                      // the frame's moment
  std::uint64_t key = 0;                                          // hash of what must match; never 0
  std::array<float, sizeof(shaders::FrameUniforms) / 4> light{};  // the uniforms but the camera's and the sky's own

  bool light_within_drift(const StillWorldInputs& other) const;
};

// The inputs of this frame: its uniforms (but the clock, the stars, the moon's disc and the
// falling snow, which only the sky and the effects read), the local lights when there are any,
// its moment, the camps standing, the size, and `settings`
// (the options that choose the world's pipelines).
StillWorldInputs still_world_inputs(const shaders::FrameUniforms& uniforms, const shaders::LightUniforms& lights,
                                    double presentation_s, const std::vector<bool>& camps, VkExtent2D extent,
                                    std::uint64_t settings);

class StillWorld {
 public:
  // Whether the kept world will do for this frame.
  bool holds(const StillWorldInputs& inputs) const;
  // Whether this frame should draw and keep its world: what must match is the last frame's,
  // and the kept world will not do. Call once a frame.
  bool should_keep(const StillWorldInputs& inputs);

  // Outside rendering. The target's hdr, ids and depth from attachments to the kept copies,
  // and back to attachments (to resume the pass with LOAD).
  void keep(const Context& context, VkCommandBuffer cmd, const RenderTarget& target, const StillWorldInputs& inputs);
  // Outside rendering, at the start of a frame: the kept copies into the target, left as
  // attachments ready to LOAD.
  void restore(VkCommandBuffer cmd, const RenderTarget& target) const;

 private:
  // One of the scene pass's images, its kept copy, and the state the pass leaves it in.
  struct Layer {
    const Image& target;
    const Image& kept;
    VkImageAspectFlags aspect;
    const ImageState& attachment;
  };
  std::array<Layer, 3> layers(const RenderTarget& target) const;

  Image hdr_, ids_, depth_;
  VkExtent2D extent_{};
  StillWorldInputs kept_;       // key 0: nothing kept
  std::uint64_t last_key_ = 0;  // the previous frame's
};

}  // namespace renderer
