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

}  // namespace scene
