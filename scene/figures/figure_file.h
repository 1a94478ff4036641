// Figure models (soldiers) in and out of glTF files, through Assimp.
#pragma once

#include <filesystem>
#include <string>

#include "scene/mesh/mesh.h"
#include "scene/mesh/model_file.h"

namespace scene {

// ---- Figure models (soldiers) ----------------------------------------------------------------
// A figure file holds one soldier for the troop pass (scene/figures/soldier_meshes.h says which files
// and how they are drawn). On top of the prop convention (+y up, metres, feet at y = 0, facing
// -z) it carries two things per triangle that the troop shaders need, both by name, so that
// any glTF editor can author them:
// - the moving part: the nearest node (or, failing that, mesh) whose name starts with a part
//   name of soldier_meshes.h (`part_leg_a`, `part_arm_b`, `part_hoof_a`, ...; a suffix such as
//   `part_arm_b.spear` is fine) gives the part code; anything else is `part_rigid`;
// - the colour class: a material named `faction...` takes the unit's faction colour, one named
//   `banner...` the unit's banner colour (each times the vertex colour x material colour: keep
//   them white for the plain colour); any other material is the vertex's own albedo.
// Read back, Vertex::object holds the part code and the colour's alpha the class (255, 128, 0).

// Reads a figure file: node transforms applied, triangulated, normals generated where missing,
// vertices kept as the file has them. Never throws; an empty mesh and a warning on failure.
ModelLoadResult load_figure_model(const std::filesystem::path& file);

// Writes a figure (Vertex::object = part code, colour alpha = class) as binary glTF 2: one node
// per part named after it, one mesh per part and class with the class's material. Returns an
// error message, empty on success.
std::string save_figure_glb(const Mesh& mesh, const std::filesystem::path& file);

}  // namespace scene
