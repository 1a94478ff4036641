// Prop models: glTF/FBX/OBJ files read with Assimp into scene::Mesh, written as .glb, and
// placed in the world. The procedural props (engines, tents, gers, banners) are baked to
// assets/models/*.glb by tools/bake_models; the world loads those, or a scenario's own file.
//
// Prop convention (what a model file is expected to hold, and what the procedural builders
// make): +y up, metres, the origin is the ground point the prop stands on (footings may reach
// below y = 0 to sit on slopes), the prop faces -z (a trebuchet throws, a ram strikes, a tower
// lowers its bridge towards -z), +x is its right.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "scene/mesh/mesh.h"

namespace scene {

// A vertex colour (RGBA8 as pack_color writes it) that place_model replaces by the owner's
// faction banner colour: pure magenta. Flags in the baked models carry it.
constexpr std::uint32_t kFactionColourKey = 0x00FF00FFu;

struct Bounds {
  glm::vec3 min{1e30f}, max{-1e30f};
  glm::vec3 size() const { return max - min; }
  bool valid() const { return min.x <= max.x; }
};
Bounds mesh_bounds(const Mesh& mesh);

struct ModelLoadOptions {
  // Move the model so its bounds are centred on x and z and its lowest point is at y = 0
  // (for users' models, whose origin may be anywhere).
  bool normalize = false;
  // > 0: scale uniformly so the larger horizontal extent is this many metres (users' models
  // fitted to the procedural prop's footprint, whatever their unit).
  float fit_size = 0;
};

struct ModelLoadResult {
  Mesh mesh;            // empty on failure; every vertex's object id is 0 (the caller's to set)
  std::string warning;  // why it failed, or what was dropped; empty when all went well
  bool ok() const { return !mesh.empty(); }
};

// Reads any format Assimp knows (glTF/GLB, FBX, OBJ, ...): triangulated, node transforms baked
// in, normals generated where missing, colour = vertex colour x material base (or diffuse)
// colour, textures ignored. Never throws: any failure gives an empty mesh and a warning.
ModelLoadResult load_model(const std::filesystem::path& file, const ModelLoadOptions& options = {});

// Writes a mesh as binary glTF 2 with per-vertex colours (Assimp's "glb2" exporter). Returns an
// error message, empty on success.
std::string save_model_glb(const Mesh& mesh, const std::filesystem::path& file);

// Appends `model` to `out` standing at `base` with its -z turned towards `forward` (a horizontal
// direction; zero keeps -z), its local axes scaled by `scale`, colours multiplied by `tint`,
// kFactionColourKey replaced by `faction_colour` (when non-zero) and every vertex given `object`.
void place_model(Mesh& out, const Mesh& model, glm::vec3 base, glm::vec2 forward, glm::vec3 scale, std::uint32_t object,
                 glm::vec3 tint = glm::vec3(1), std::uint32_t faction_colour = 0);

}  // namespace scene
