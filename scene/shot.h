// Sampling a scenario's named camera shot.
#pragma once

#include "scene/camera.h"
#include "scene/scenario.h"
#include "scene/snapshot.h"

namespace scene {

// The camera of `shot` at `progress` (0..1 over the shot's span), interpolating its keys
// with the shot's interp. A shot that follows a unit is offset by where that unit stands in
// `units` (Snapshot::units); pass an empty span to ignore following.
Camera sample_shot(const Scenario& scenario, const Shot& shot, double progress,
                   const std::vector<UnitSnapshot>& units = {});

}  // namespace scene
