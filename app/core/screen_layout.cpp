#include "app/core/screen_layout.h"

#include <algorithm>
#include <cmath>

namespace app {

namespace {

constexpr float kMargin = 10;
constexpr float kLegendRow = 28;  // a swatch and a bilingual name

}  // namespace

ScreenLayout screen_layout(const ScreenInput& in) {
  const float w = in.window.x, h = in.window.y;
  ScreenLayout l;
  l.timeline = {0, h - (in.presentation ? kSlimTimelineHeight : kTimelineHeight), w, h};
  if (in.presentation) {
    // The legend stands at the top right (draw_faction_legend); the date and phase sit just
    // above the strip.
    l.legend = {w * 0.5f, 0, w, 20 + static_cast<float>(in.legend_rows) * kLegendRow};
    l.scene = {40, l.legend.y1 + kMargin, w - 40, l.timeline.y0 - 34};
    return l;
  }
  const bool fits = w >= kPanelsMinWidth && h >= kPanelsMinHeight;
  l.collapsed = in.show_ui && !fits;
  l.panels = in.show_ui && fits;
  if (!l.panels) {
    float top = kMargin;
    if (l.collapsed) {
      l.notice = {kMargin, kMargin, w - kMargin, kMargin + in.frame_height};
      top = l.notice.y1 + kMargin;
    }
    l.scene = {2 * kMargin, top, w - 2 * kMargin, l.timeline.y0 - kMargin};
    return l;
  }
  // Panels grow with the window between a readable minimum and what a 1280 px window gives.
  const float panel_w = std::clamp(std::round(w * 0.28f), 300.0f, 380.0f);
  const float map_side = std::clamp(std::round(w * 0.18f), 160.0f, 230.0f);
  l.side_panel = {kMargin, kMargin, kMargin + panel_w, l.timeline.y0 - kMargin};
  l.map = {w - 12 - (map_side + 16), 12, w - 12, 12 + map_side + 16 + in.frame_height};
  l.legend = {l.map.x0, l.map.y1 + 8, l.map.x1, l.map.y1 + 8 + kLegendRow * static_cast<float>(in.legend_rows) + 12};
  l.scene = {l.side_panel.x1 + kMargin, kMargin, l.map.x0 - kMargin, l.timeline.y0 - kMargin};
  return l;
}

}  // namespace app
