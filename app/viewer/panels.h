// The viewer's panels: the phase (dates, summary, sources and the brief-versus-record
// notes), the units and the selected unit's inspector, the cameras and bookmarks, the
// factions' legend, and a minimap with the camera's footprint.
#pragma once

#include "app/viewer/viewer_state.h"

namespace app {

void draw_panels(ViewerState& state);
void draw_help(ViewerState& state);
void draw_message(ViewerState& state);
// Below the minimum size the panels collapse; one line says so (app/core/screen_layout).
void draw_collapsed_notice(ViewerState& state);

}  // namespace app
