// Placeholder until the trees land: no trees.
#include "scene/world/trees.h"

namespace scene {

std::vector<TreeInstance> place_trees(const Scenario&, const Heightfield&, ObjectRegistry&) { return {}; }

}  // namespace scene
