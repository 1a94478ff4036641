// Ambient occlusion baked into the static world's vertex colours: the foot of a wall, a tower
// or a house sees less sky than its top (the ground and its neighbours hide half of it), so
// its colour darkens towards the ground. Upward faces see the whole sky and keep theirs.
#pragma once

#include <cstddef>

#include "scene/mesh/mesh.h"
#include "scene/model/heightfield.h"

namespace scene {

// Darkens vertices [first_vertex, end) of `mesh` by their height above `ground` and how far
// their face turns from the sky.
void bake_ground_occlusion(Mesh& mesh, const Heightfield& ground, std::size_t first_vertex = 0);

// The factor a vertex's colour is multiplied by: 1 for a face turned to the sky or one
// standing well clear of the ground, down to 1 − kFootOcclusion at the foot of an upright face.
float ground_occlusion(float height_above_ground, float normal_y);

inline constexpr float kFootOcclusion = 0.45f;
inline constexpr float kOcclusionHeight = 6.0f;  // metres over which it fades

}  // namespace scene
