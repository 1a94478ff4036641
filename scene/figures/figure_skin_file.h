// Skinned figure files (glTF 2 through Assimp): one kit's kind at one level of detail, as a
// skeleton, one skinned body and one animation per clip; and the skinned figure in memory
// that both a file and the built-in figure (build_figure + the clips) become, so that both go
// through the same evaluation.
//
// The file convention (what tools/bake_models writes and what a user's file must hold):
// - y up, metres, facing -z, feet at y = 0 in the first frame of "idle";
// - a node tree whose skinned meshes' bones are any nodes (ours are named as figure_rig.h's
//   joints); vertices skinned to up to 4 bones;
// - one animation per clip, named clip_name() ("idle", "walk", ...; "Armature|walk" also
//   counts), its time running over one cycle (a loop's last key equal to its first); a clip
//   the file lacks falls back to "idle", which it must have;
// - materials name the colour class by their name's start: "faction", "garment", "banner",
//   "skin", anything else the vertex's own albedo (white materials: vertex colours carry the
//   rgb); a kit variant part's material ends in ".v<group>.<option>of<options>" (group
//   1..3, option 0..options-1: "garment.v1.2of3"), drawn when look_variant picks that option.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

#include "scene/figures/figure_rig.h"
#include "scene/mesh/mesh.h"
#include "scene/model/soldier_look.h"

namespace scene {

struct SkinnedFigure {
  // The bind pose; Vertex::object = figure_vertex_object(index, group, option), colour alpha
  // the colour class (shaders/shared.h).
  Mesh mesh;
  std::array<std::uint8_t, kVariantGroups> variant_options{1, 1, 1};

  struct Node {
    std::string name;
    int parent = -1;  // earlier in `nodes`
    glm::vec3 translation{0};
    glm::quat rotation{1, 0, 0, 0};
    glm::vec3 scale{1};
  };
  std::vector<Node> nodes;

  struct Bone {
    int node = 0;
    glm::mat4 offset{1};  // bind pose to the bone's space (the inverse bind matrix)
  };
  std::vector<Bone> bones;
  struct Influence {
    std::array<std::uint16_t, 4> bone{};
    std::array<float, 4> weight{};  // summing to 1
  };
  std::vector<Influence> influences;  // per vertex

  template <class T>
  struct Key {
    float phase;  // 0..1 over the clip
    T value;
  };
  struct Channel {
    int node = 0;
    std::vector<Key<glm::vec3>> translation, scale;
    std::vector<Key<glm::quat>> rotation;
  };
  struct Animation {
    std::vector<Channel> channels;
  };
  std::array<std::optional<Animation>, kClips> clips;

  // Every vertex's position and normal in `clip` at `phase` (linear-blend skinning), appended.
  void evaluate(Clip clip, float phase, std::vector<glm::vec3>& positions, std::vector<glm::vec3>& normals) const;
};

// Keys per clip in the built-in figures and the files bake_models writes (a loop's closing key
// added).
inline constexpr int kSkinKeys = 16;

// The built-in figure: the build's parts on the rig, every clip sampled from figure_clips.
SkinnedFigure skinned_figure(const FigureBuild& build);

// Writes `figure` as binary glTF 2 (Assimp's exporter). Returns an error message, empty on success.
std::string save_figure_skin_glb(const SkinnedFigure& figure, const std::filesystem::path& file);

struct SkinnedLoad {
  std::optional<SkinnedFigure> figure;
  std::string warning;  // why it could not be used (names the file); empty when it loaded
};
// Reads a skinned figure file through Assimp, refusing one too large (before Assimp reads it),
// without triangles, without a skin or an "idle" animation, or with more vertices than
// figure_vertex_object can index.
SkinnedLoad load_figure_skin(const std::filesystem::path& file);

}  // namespace scene
