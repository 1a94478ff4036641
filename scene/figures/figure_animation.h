// Figures as the troop pass draws them: a kit's kind at one level of detail, its triangles,
// and every clip as frames of every vertex's position and normal (vertex animation, baked on
// the CPU from the figure file's skin and animations), so 100k animated men cost a texture
// fetch per vertex.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "scene/figures/soldier_meshes.h"
#include "scene/mesh/mesh.h"
#include "scene/model/soldier_look.h"

namespace scene {

// Vertex::object of an animated figure's vertex: its index (the column of its animation
// frames) and its kit variant (figure_rig.h's RigPart).
inline constexpr std::uint32_t kFigureVertexMask = 0xffffu;
inline constexpr std::uint32_t kFigureVariantGroupShift = 16;   // 4 bits: 0 always drawn, g = 1..3
inline constexpr std::uint32_t kFigureVariantOptionShift = 20;  // 4 bits
constexpr std::uint32_t figure_vertex_object(std::uint32_t index, std::uint32_t group, std::uint32_t option) {
  return index | group << kFigureVariantGroupShift | option << kFigureVariantOptionShift;
}

struct ClipFrames {
  std::uint32_t first = 0;  // frame index into AnimatedFigure::positions
  std::uint32_t count = 1;  // frames over phase 0..1; a loop's last frame is not phase 1 (it wraps to first)
};

struct AnimatedFigure {
  Mesh mesh;  // the rest pose; Vertex::object = figure_vertex_object(...)
  std::array<std::uint8_t, kVariantGroups> variant_options{1, 1, 1};
  std::array<ClipFrames, kClips> clips{};  // a clip the file lacks points at Idle's frames
  std::uint32_t frame_count = 0;
  std::vector<glm::vec3> positions;  // frame-major: frame * mesh.vertices.size() + vertex
  std::vector<glm::vec3> normals;    // the same layout, unit length
  std::uint32_t vertex_count() const { return static_cast<std::uint32_t>(mesh.vertices.size()); }
};

inline constexpr int kFigureLods = 2;  // LOD0 near, LOD1 from tens of metres; impostors beyond

struct FigureLibrary {
  std::array<std::array<std::array<AnimatedFigure, kFigureLods>, kFigureKinds>, kKits> figures;
  std::vector<std::string> warnings;  // one per file that could not be used
  const AnimatedFigure& figure(Kit kit, FigureKind kind, int lod) const {
    return figures[static_cast<std::size_t>(kit)][static_cast<std::size_t>(kind)][static_cast<std::size_t>(lod)];
  }
};

// Every kit, kind and level from `dir`/figure_<kit>_<kind>.glb and figure_<kit>_<kind>_lod1.glb.
// A missing, broken or implausible file gives one warning naming it and the built-in figure.
FigureLibrary load_figure_library(const std::filesystem::path& dir);
// `dir`/figure_<kit>_<kind>.glb, or _lod1.glb for lod 1.
std::filesystem::path figure_skin_path(const std::filesystem::path& dir, Kit kit, FigureKind kind, int lod);

}  // namespace scene
