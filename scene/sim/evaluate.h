// The one pure function of time at the heart of the visualizer.
#pragma once

#include "scene/model/scenario.h"
#include "scene/model/snapshot.h"

namespace scene {

// The scenario at presentation second t. Pure: no hidden state, the same answer for the same
// (scenario, t) on every call, in any order, on any machine.
Snapshot evaluate(const Scenario& scenario, double presentation_s);

// evaluate() with a large army's soldiers laid out on at most `threads` threads (evaluate()
// uses one per core, up to 16): the same Snapshot for any count.
Snapshot evaluate(const Scenario& scenario, double presentation_s, unsigned threads);

// Shows the snapshot at another hour (local apparent solar time, 0..24) of its day: recomputes
// all the hour decides (hour, sun, moon, the turning sky, the weather's frost and mist, the
// lights that need the dark) and nothing else. evaluate() ends with it; `siege render --time
// 1234-02-09T22:00` calls it to show the hour typed where a phase holds another.
void set_hour(const Scenario& scenario, Snapshot& snap, float hour);

}  // namespace scene
