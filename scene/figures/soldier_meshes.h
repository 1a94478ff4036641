// Low-poly figures for the troop pass: one CPU mesh per figure kind and level of detail.
// `soldier_mesh` builds them procedurally; tools/bake_models writes those as glTF files
// (assets/models/soldier_<kind>.glb and soldier_<kind>_lod1.glb, committed), and the troop
// pass draws what `load_figure_meshes` reads from them, falling back to the procedural figure
// with a warning for a file that is missing or broken.
//
// Conventions the troop shaders rely on (shaders/troop.vert), and that a figure file must
// follow to replace one (scene/figures/figure_file.h says how parts and colours are named in the file);
// the codes and heights are shared with the shaders in shaders/shared.h:
// - model space: y up, metres, the figure faces -z (north at heading 0), feet at y = 0;
// - Vertex::object is not an object id here but a part code (kPart*): the vertex shader
//   swings legs and arms about fixed pivots for the walk/run cycle: human legs about a hip at
//   y = kHipPivot (0.92), arms about a shoulder at kShoulderPivot (1.42), horse legs about
//   kHoofPivot (0.95), all about the x axis; model the moving parts hanging from those heights;
// - colour alpha says where the scenario's colours go (the colour class, kClass*Alpha): 255
//   the faction colour, 128 the unit's banner colour, 0 the vertex's own albedo;
// - LOD1 is drawn from tens of metres away and thousands at a time: about 16-30 triangles, all
//   rigid. A kind whose LOD1 file is missing but whose LOD0 file loads gets a LOD1 derived from
//   it with meshoptimizer (about 30 triangles where the shape allows, blockier than a hand-made one);
// - impostors are baked from LOD0 within impostor_frame(kind): keep a figure inside that box.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "scene/mesh/mesh.h"
#include "scene/model/scenario.h"
#include "shaders/shared.h"

namespace scene {

enum class FigureKind : std::uint8_t { Infantry, Spearman, Archer, Cavalry, Crew, Civilian, Bearer };
constexpr int kFigureKinds = static_cast<int>(shaders::kFigureKinds);
static_assert(kFigureKinds == static_cast<int>(FigureKind::Bearer) + 1);
constexpr int kFigureMeshLods = 2;  // LOD0 (full), LOD1 (coarse); LOD2 is an impostor of LOD0

// Part codes in Vertex::object.
using shaders::kPartArmA;
using shaders::kPartArmB;
using shaders::kPartCount;
using shaders::kPartHoofA;
using shaders::kPartHoofB;
using shaders::kPartLegA;
using shaders::kPartLegB;
using shaders::kPartRigid;

FigureKind figure_kind(UnitKind kind);
// Every kStandardEvery-th figure of a unit (from its first) carries the unit's standard.
constexpr std::uint32_t kStandardEvery = 250;

// The procedural figure (the bake tool's source and the fallback for a missing file).
Mesh soldier_mesh(FigureKind kind, int lod);

// Names in figure files: a part code's node name ("part_leg_a"), and the part code a node or
// mesh name starts with (case-insensitive), or -1.
const char* part_name(std::uint32_t part);
int part_code_of(std::string_view name);

// "spearman"; the files are `dir`/soldier_spearman.glb (LOD0) and soldier_spearman_lod1.glb.
const char* figure_name(FigureKind kind);
std::filesystem::path figure_file(const std::filesystem::path& dir, FigureKind kind, int lod);

// A rigid LOD1 simplified from a LOD0 with meshoptimizer (for a user's LOD0 without a LOD1).
Mesh derive_figure_lod1(const Mesh& lod0);

struct FigureMeshes {
  std::array<std::array<Mesh, kFigureMeshLods>, kFigureKinds> meshes;
  std::vector<std::string> warnings;  // one per file that could not be used
  const Mesh& mesh(FigureKind kind, int lod) const {
    return meshes[static_cast<std::size_t>(kind)][static_cast<std::size_t>(lod)];
  }
};

// Every kind and level from the figure files in `dir` (scene::models_directory finds it as it
// does for props). A missing, broken or implausible file (no triangles, too many, not standing
// on y = 0) gives one warning naming it, on stderr and in `warnings`, and the procedural mesh
// (or, for a LOD1 whose LOD0 file loaded, one derived from that).
FigureMeshes load_figure_meshes(const std::filesystem::path& dir);

// The box an impostor of this kind covers: a square of side 2*half_size, centred at
// `centre_height` above the feet. Baking and drawing impostors both use it.
struct ImpostorFrame {
  float half_size = 1.4f;
  float centre_height = 1.2f;
};
ImpostorFrame impostor_frame(FigureKind kind);

}  // namespace scene
