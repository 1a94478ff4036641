// The clips: every bone's turn at each phase of each clip (scene::Clip), for foot figures and
// mounted ones, as tools/bake_models writes them into the figure files' animations and the
// built-in figures use them directly.
#pragma once

#include <array>

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

#include "scene/figures/figure_rig.h"
#include "scene/model/soldier_look.h"

namespace scene {

// A pose: each bone's rotation about its pivot (figure_rig.h), in its parent's frame, and where
// the whole figure is moved (the Root bone's translation: the body dropping, a horse's bob).
struct FigurePose {
  std::array<glm::quat, kBones> rotation;
  glm::vec3 root{0.0f};
  FigurePose() { rotation.fill(glm::quat(1, 0, 0, 0)); }
};

// The pose of `clip` at `phase` (0..1; a loop's phase 1 equals its phase 0). Feet are not yet
// put on the ground: ground_pose does that for a given figure. `crossbow`: Shoot spans and
// shoots a crossbow rather than drawing a bow (FigureBuild::crossbow).
FigurePose clip_pose(Clip clip, bool mounted, float phase, bool crossbow = false);

// Each bone's model-space transform from the rest pose to `pose` (what skinning applies).
std::array<glm::mat4, kBones> bone_transforms(const FigurePose& pose, bool mounted);

// Lifts or lowers the figure so its lowest vertex (of any part) touches y = 0, for every clip
// but Climb (on a ladder, feet on the rungs): feet stay on the ground in a walk, the dead lie
// on it rather than in it.
void ground_pose(FigurePose& pose, const FigureBuild& build, Clip clip);

// clip_pose then ground_pose: what the figure files' animations hold.
FigurePose figure_pose(const FigureBuild& build, Clip clip, float phase);

}  // namespace scene
