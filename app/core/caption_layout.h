// Where each caption on screen goes inside the scene area: lower thirds and quotes stack up
// from its bottom, notes down from its top, a title card in the middle of what is left. A
// caption taller than the room left is cut to the lines that fit, so none runs off the
// screen or over a panel. Sizes come in measured; nothing here draws.
#pragma once

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

}  // namespace app
