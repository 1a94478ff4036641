// Where the viewer's side panel, map, legend and timeline sit for a window size, and the
// scene area left between them: the one rectangle captions and messages may use. Pure, so
// the tests check it at any size without a window.
#pragma once

#include <glm/glm.hpp>

namespace app {

struct Rect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  float width() const { return x1 - x0; }
  float height() const { return y1 - y0; }
  bool empty() const { return x1 <= x0 || y1 <= y0; }
  bool contains(const Rect& r) const { return r.x0 >= x0 && r.y0 >= y0 && r.x1 <= x1 && r.y1 <= y1; }
  bool overlaps(const Rect& r) const { return r.x0 < x1 && r.x1 > x0 && r.y0 < y1 && r.y1 > y0; }
};

// Below this window size the side panels (units, map, legend) collapse and the scene takes
// the width: at 960×600 they leave the scene about 420 px, less is no view of the siege.
inline constexpr float kPanelsMinWidth = 960;
inline constexpr float kPanelsMinHeight = 600;

inline constexpr float kTimelineHeight = 176;     // transport row, ruler, bands, shots, markers
inline constexpr float kSlimTimelineHeight = 44;  // the presentation's strip

struct ScreenInput {
  glm::vec2 window{1280, 720};
  bool presentation = false;  // captions, a legend and the slim strip only
  bool show_ui = true;        // Tab hides the panels
  int legend_rows = 0;        // one per faction
  float frame_height = 23;    // ImGui's title bar / widget height with the body font
};

struct ScreenLayout {
  bool panels = false;     // the side panel, map and legend are drawn
  bool collapsed = false;  // they would be, but the window is below kPanelsMin*
  Rect side_panel, map, legend, timeline;
  Rect notice;  // when collapsed: one line at the top left saying so
  Rect scene;   // what is left: captions live here, never under or over a panel
};

ScreenLayout screen_layout(const ScreenInput& in);

}  // namespace app
