// Captions as a documentary uses them, drawn with ImGui over a frame: title cards, quotes
// with attribution, lower thirds (each phase opens with one giving its title and date in both
// calendars), notes, and the factions' legend. The viewer and film export share this code, so
// a lecture and a documentary show the same words in the same places.
#pragma once

#include <string>

#include <imgui.h>
#include <glm/glm.hpp>

#include "app/core/screen_layout.h"
#include "app/overlay/fonts.h"
#include "scene/model/scenario.h"
#include "scene/model/snapshot.h"

namespace app {

struct CaptionLayout {
  glm::vec2 viewport{1280, 720};  // the legend stands at its top right
  Rect area{64, 46, 1216, 672};   // captions stay inside: the scene area between the viewer's panels
  bool hold_phase_title = false;  // keep the phase's lower third up (a lecturer paused on it)
  float scale = 1;                // text and boxes grow with it (films larger than 720p)
};

void draw_captions(ImDrawList* draw, const scene::Scenario& scenario, const scene::Snapshot& snapshot,
                   const Fonts& fonts, const CaptionLayout& layout);
void draw_faction_legend(ImDrawList* draw, const scene::Scenario& scenario, const Fonts& fonts,
                         const CaptionLayout& layout);
// A faction's display colour (sRGB, opaque).
ImU32 faction_colour(const scene::Scenario& scenario, const std::string& faction);

}  // namespace app
