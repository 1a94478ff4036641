// What the loader derives from a validated scenario.
#include <memory>

#include "scene/heightfield.h"
#include "scene/load.h"

namespace scene {

void finalize(Scenario& scenario) {
  scenario.ground = std::make_shared<const Heightfield>(build_heightfield(scenario));
}

}  // namespace scene
