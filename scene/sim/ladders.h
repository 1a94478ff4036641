// Where each unit's scaling ladders are at an instant: a pure function of the snapshot.
#pragma once

#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

#include "scene/model/scenario.h"
#include "scene/model/snapshot.h"

namespace scene {

// Scaling ladders (云梯), from each unit's "ladders" and its state: leaning
// against a wall's face while it assaults there, carried at shoulder height while it marches
// or assaults on its way up, lying on the ground where it stood when it routed.
enum class LadderHow { Leaning, Carried, Lying };
struct LadderPose {
  std::uint32_t unit = 0;  // index into Scenario::units
  LadderHow how = LadderHow::Leaning;
  glm::vec3 foot{0};       // Leaning: on the ground; Carried: the front end; Lying: one end
  glm::vec3 top{0};        // Leaning: at the parapet; otherwise the other end
  std::uint32_t wall = 0;  // Leaning and Lying by a wall: index into Scenario::walls
};
std::vector<LadderPose> ladders_at(const Scenario& scenario, const Snapshot& snapshot);

}  // namespace scene
