// One Assimp mesh into a scene::Mesh, for the prop reader (models.cpp) and the figure reader
// (scene/figures/figure_file.cpp). Internal to scene/: it names Assimp types.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>

#include <assimp/scene.h>

#include "scene/mesh/mesh.h"
#include "scene/mesh/model_file.h"

namespace scene {

// Appends `m`'s triangles: positions through `world`, normals through `normal_matrix` and
// renormalised, colour = vertex colour x the material's base (or diffuse) colour with alpha
// `alpha`, `object` on every vertex. Points and lines are dropped; a triangle with an index out
// of range or a position that is not finite is left out and counted in `skipped`.
void append_assimp_mesh(Mesh& out, const aiScene& ai, const aiMesh& m, const aiMatrix4x4& world,
                        const aiMatrix3x3& normal_matrix, float alpha, std::uint32_t object, std::size_t& skipped);

// Reads `file` with Assimp (`flags`: its post-processing steps; points and lines removed)
// and hands the scene to `read`. Never throws: a missing, empty or larger than `max_bytes`
// file, one whose description counts more than `max_triangles` (common/model_census.h:
// refused before Assimp reads it), one Assimp cannot read, or an exception gives an empty
// mesh and a warning naming it.
ModelLoadResult import_model(const std::filesystem::path& file, std::uintmax_t max_bytes, std::uint64_t max_triangles,
                             unsigned flags, const std::function<void(const aiScene&, ModelLoadResult&)>& read);

}  // namespace scene
