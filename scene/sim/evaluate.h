// The one pure function of time at the heart of the visualizer.
#pragma once

#include "scene/model/scenario.h"
#include "scene/model/snapshot.h"

namespace scene {

// The scenario at presentation second t. Pure: no hidden state, the same answer for the same
// (scenario, t) on every call, in any order, on any machine.
Snapshot evaluate(const Scenario& scenario, double presentation_s);

}  // namespace scene
