// The lights that glow at night (Snapshot::lights): every burning fire, day or night; when the
// sun is low, a handful of camp fires in each occupied camp and torches on the gates, towers
// and walls of a city someone still holds. Deterministic: positions and flicker seeds come
// from the one hash, seeded by indices, so every frame and machine agree.
#pragma once

#include <vector>

#include "scene/model/scenario.h"
#include "scene/model/snapshot.h"

namespace scene {

// 0 in daylight .. 1 when dark: camp fires and torches fade in as the sun sinks from 4° above
// the horizon to 2° below, so a time-lapse does not pop.
float darkness(double sun_elevation_deg);

// Whether anyone holds the city: a present unit, not routing, stands inside a closed city wall.
bool city_held(const Scenario& scenario, const Snapshot& snap);

// Reads snap.day, sun_direction, fire_intensity, camp_present and units.
std::vector<LightSource> lights_at(const Scenario& scenario, const Snapshot& snap);

}  // namespace scene
