// Trees and reed beds: where they stand (built once per scenario) and what they are. The
// renderer draws them like soldiers, as instances of a few meshes with levels of detail and
// impostors, so thousands cost little.
#pragma once

#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

#include "scene/model/heightfield.h"
#include "scene/model/scenario.h"
#include "scene/world/objects.h"

namespace scene {

// Pollarded willows on banks and embankments, elms by villages and streets, fruit trees
// (jujube) in orchards, scholar trees scattered, and reed clumps at the water's edge.
enum class TreeKind : std::uint8_t { Willow, Elm, FruitTree, ScholarTree, Reeds };
inline constexpr int kTreeKindCount = 5;

struct TreeInstance {
  glm::vec3 base{0};  // where the trunk meets the ground
  float yaw = 0;      // radians about +y
  float scale = 1;    // of the kind's mesh (its height varies with it)
  TreeKind kind = TreeKind::Elm;
  std::uint32_t object = 0;  // the grove's (bank's, village's) id in the ObjectRegistry
  std::uint32_t seed = 0;    // per-tree variety (tint, lean), a hash: identical on every run
};

// Every tree of the scenario: its groves, willows along rivers and moats, elms round
// villages, reeds on banks; none in water, on a road or a wall. Registers one object per
// grove, bank or village (ObjectKind::Tree, ObjectKind::Reeds) in `objects`. Deterministic.
std::vector<TreeInstance> place_trees(const Scenario& scenario, const Heightfield& ground, ObjectRegistry& objects);

}  // namespace scene
