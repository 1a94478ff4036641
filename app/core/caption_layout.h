// Where each caption on screen goes inside the scene area: lower thirds and quotes stack up
// from its bottom, notes down from its top, a title card in the middle of what is left. A
// caption taller than the room left is cut to the lines that fit, so none runs off the
// screen or over a panel. Sizes come in measured; nothing here draws.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "app/core/screen_layout.h"
#include "scene/model/scenario.h"

namespace app {

struct CaptionBlock {
  scene::CaptionStyle style = scene::CaptionStyle::LowerThird;
  glm::vec2 text_size{0};  // the wrapped text's extent
  float first_line = 0;    // its first line's height: less room than that shows nothing
};

struct PlacedCaption {
  Rect text;          // where the text goes; lines below text.y1 are left out
  bool shown = true;  // false when not even a line fits
};

struct CaptionSpacing {
  float pad = 14;   // between the text and its box's edge
  float gap = 8;    // between stacked boxes
  float line = 26;  // the smallest height worth showing, for blocks that give no first_line
};

// The width captions wrap to inside `area`: all of it less the boxes' padding, at most
// `max_width` (long lines are hard to read).
float caption_wrap_width(const Rect& area, float max_width, const CaptionSpacing& spacing);

// In the order given: the first bottom caption sits lowest (the phase's title goes first).
std::vector<PlacedCaption> place_captions(const Rect& area, const std::vector<CaptionBlock>& blocks,
                                          const CaptionSpacing& spacing);

// Captions in a frame of a film or a still (no panels): the size they are drawn at and the
// title-safe area they stay in, for a frame of width x height output pixels rendered
// `supersample` times larger. Text scales with the frame's height (the viewer's sizes at 720
// lines) but never below the smallest legible size, where a body line is 10 output pixels;
// captions then wrap to the narrower area. Below a frame that holds kCaptionMinEms ems of
// caption text a line and kCaptionMinLines lines, `fits` is false and `reason` says the
// smallest size that works (siege render refuses with it, exit 2).
inline constexpr float kCaptionMinScale = 10.0f / 17.0f;  // the body font is 17 px at scale 1
inline constexpr float kCaptionMinEms = 12;               // of the caption font (26 px at scale 1)
inline constexpr float kCaptionMinLines = 4;
struct CaptionFrame {
  bool fits = true;
  std::string reason;
  float scale = 1;  // sizes relative to the viewer's at 720 lines, in rendered pixels
  Rect area;        // in rendered pixels
  CaptionSpacing spacing;
};
CaptionFrame caption_frame(std::uint32_t width, std::uint32_t height, std::uint32_t supersample = 1);

}  // namespace app
