// The trees' meshes: one per kind and level, built procedurally in model space (the trunk's
// foot at the origin, +y up, metres), drawn as instances by the renderer. Every vertex carries
// its material in the colour's alpha (model/material.h): Bark for trunks, boughs and the
// pollard's shoots, Leaves for crowns, Reeds for reed blades. A crown is drawn only while the
// season has leaves (the shader drops Leaves vertices in winter), so the same mesh shows a
// bare tree of branches in January and a full crown in July.
#pragma once

#include <glm/glm.hpp>

#include "scene/mesh/mesh.h"
#include "scene/world/trees.h"

namespace scene {

// Near: a few hundred triangles; mid: a few dozen, for trees a few dozen pixels tall. Beyond,
// the renderer draws a camera-facing impostor from the kind's TreeShape.
inline constexpr int kTreeMeshLevels = 2;

Mesh build_tree_mesh(TreeKind kind, int level);

// A kind's outline at scale 1, for culling, levels and impostors: its crown as an ellipsoid
// (centre height, horizontal and vertical radius), the trunk, and the mean colours.
struct TreeShape {
  float height = 10;            // top of the crown
  float crown_centre = 7;       // metres above the foot
  float crown_radius = 3;       // horizontal
  float crown_half_height = 3;  // vertical
  float trunk_radius = 0.3f;
  glm::vec3 leaves{0.1f, 0.14f, 0.05f};  // linear albedo, summer
  glm::vec3 bark{0.12f, 0.1f, 0.08f};
};
TreeShape tree_shape(TreeKind kind);

}  // namespace scene
