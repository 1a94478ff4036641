// Where the scenario's water is: rivers, lakes at their level of the day, and moats. The
// loader warns about units standing in it; the world keeps what stands on dry ground out.
#pragma once

#include <string>

#include <glm/glm.hpp>

#include "scene/model/scenario.h"

namespace scene {

// The water at `p` on `day`, described for people ("river \"ru\"", "lake \"chaitan\"",
// "the moat of wall \"outer\""), or empty on dry ground. A lake counts while its level
// stands above its dry bed.
std::string water_at(const Scenario& scenario, glm::vec2 p, Day day);

// How far a moat's centre line lies from its wall's centre line: `offset` beyond the wall's
// outer face, then half its width. The ground is carved there and the water stands there.
float moat_centre_distance(const Moat& moat, const Wall& wall);

}  // namespace scene
