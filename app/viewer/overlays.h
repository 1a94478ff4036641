// Over the scene: bilingual labels on places and units that fade with distance, and the
// scenario's captions (title cards, quotes, lower thirds, notes) with their fades.
#pragma once

#include "app/viewer/viewer_state.h"

namespace app {

void draw_overlays(ViewerState& state);

}  // namespace app
