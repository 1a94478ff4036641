// Levels of detail for props with meshoptimizer: vertex cache order for the full mesh and
// simplified meshes for distance.
#pragma once

#include <vector>

#include "scene/mesh/mesh.h"

namespace scene {

// The full mesh with shared vertices welded and in vertex cache / fetch order (the same
// triangles and look).
Mesh optimize_mesh(const Mesh& mesh);

// One mesh per ratio of the triangle count (1 = the optimized original), each no larger than
// the one before. Simplified levels keep the colours and are flat shaded like the props.
std::vector<Mesh> build_lods(const Mesh& mesh, const std::vector<float>& ratios = {1.0f, 0.35f, 0.1f});

// As simple as `error_m` metres of surface error allow (welded by position, colour and object
// so those stay seams), flat shaded; `achieved_m`: the error the simplifier reports.
Mesh simplify_within(const Mesh& mesh, float error_m, float& achieved_m);

// The sloppy simplifier straight to about `target_triangles`, whatever the error, flat shaded
// (for figures drawn a few tens of pixels tall, where only the silhouette's mass counts).
// Returns the optimized mesh when it cannot get smaller.
Mesh simplify_to(const Mesh& mesh, std::size_t target_triangles);

// Which level to draw for a prop `size` metres across seen from `distance` metres: about the
// same number of pixels per triangle edge whatever the distance. Level 0 within 40 sizes.
std::size_t choose_lod(float distance, float size, std::size_t levels);

}  // namespace scene
