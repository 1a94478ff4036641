// The timeline: phases as coloured bands on the presentation axis, a date ruler above in
// Western and lunar dates, markers for events, captions and keyframes, and the playhead.
#pragma once

#include "app/viewer/viewer_state.h"

namespace app {

// slim: the presentation mode's thin strip (bands and playhead only).
void draw_timeline(ViewerState& state, bool slim);
// Height in pixels the timeline takes at the bottom of the window.
float timeline_height(bool slim);

}  // namespace app
