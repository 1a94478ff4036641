// The figure library as the troop pass uploads it: every figure's triangles in one mesh, and
// its clips' frames as one array of packed vertices (vertex animation) with a table of where
// each (figure, clip) starts (shaders/shared.h FigureClip). CPU only, so tests can check it.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

#include "scene/figures/figure_animation.h"
#include "scene/mesh/mesh.h"
#include "shaders/shared.h"

namespace renderer {

inline constexpr int kFigures = scene::kKits * scene::kFigureKinds * scene::kFigureLods;

// The figure's index in FigureUpload (and TroopPush::figure for its mesh draws).
constexpr std::uint32_t figure_index(scene::Kit kit, scene::FigureKind kind, int lod) {
  return (static_cast<std::uint32_t>(kit) * scene::kFigureKinds + static_cast<std::uint32_t>(kind)) *
             scene::kFigureLods +
         static_cast<std::uint32_t>(lod);
}

struct FigureUpload {
  struct Range {
    std::uint32_t first_index = 0, index_count = 0;
    std::int32_t vertex_offset = 0;
  };
  scene::Mesh mesh;                        // all figures' vertices and indices
  std::array<Range, kFigures> ranges{};    // by figure_index
  std::vector<glm::uvec2> frames;          // pack_frame_vertex per (figure, frame, vertex)
  std::vector<shaders::FigureClip> clips;  // figure_index * kClips + clip
};

FigureUpload pack_figures(const scene::FigureLibrary& library);

// One vertex of one frame as shaders/troop_common.glsl's frame_vertex() reads it back.
glm::uvec2 pack_frame_vertex(glm::vec3 position, glm::vec3 normal);

}  // namespace renderer
