// The scenario's named camera shots: which one a moment uses, how far through it the moment
// is, and the camera it gives. The one place evaluate(), siege render and the viewer ask.
#pragma once

#include <vector>

#include "scene/model/camera.h"
#include "scene/model/scenario.h"
#include "scene/model/snapshot.h"

namespace scene {

// The current phase's preset shot (Phase::shot), else a shot whose `phase` is that phase,
// else the overview shot; null if the scenario has no shots.
const Shot* current_shot(const Scenario& scenario, int phase);

// How far through `shot` the snapshot's moment is, 0..1. A shot tied to a phase runs its
// keys over that phase; a shot for the whole scenario (empty `phase`, like the overview)
// runs them over the whole presentation, so it does not jump back at phase boundaries.
double shot_progress(const Scenario& scenario, const Shot& shot, double presentation_s, float phase_progress);

// The camera of `shot` at `progress`, interpolating its keys with the shot's interp. A shot
// that follows a unit is offset by where that unit stands on the ground in `units`
// (Snapshot::units); pass an empty vector to ignore following.
Camera sample_shot(const Scenario& scenario, const Shot& shot, double progress,
                   const std::vector<UnitSnapshot>& units = {});

}  // namespace scene
