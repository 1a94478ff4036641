// What the timeline marks: events (arrivals, breaches, a ring closed, a dam broken, fires),
// captions, and the keyframes of every unit's path, each at its presentation second.
#pragma once

#include <string>
#include <vector>

#include "scene/model/scenario.h"

namespace app {

struct Marker {
  enum class Kind { Event, Caption, Keyframe };
  Kind kind = Kind::Event;
  double t = 0;        // presentation seconds
  scene::Day day = 0;  // historical time
  std::string label;
};

// Sorted by t; only markers inside the scenario's span.
std::vector<Marker> timeline_markers(const scene::Scenario& scenario);

}  // namespace app
