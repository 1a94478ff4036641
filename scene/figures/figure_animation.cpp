// Placeholder until the skinned figures land: every kit draws the existing figures, and every
// clip is the rest pose (one frame).
#include "scene/figures/figure_animation.h"

namespace scene {

FigureLibrary load_figure_library(const std::filesystem::path& dir) {
  FigureLibrary library;
  const FigureMeshes meshes = load_figure_meshes(dir);
  library.warnings = meshes.warnings;
  for (int k = 0; k < kKits; ++k) {
    for (int f = 0; f < kFigureKinds; ++f) {
      for (int lod = 0; lod < kFigureLods; ++lod) {
        AnimatedFigure& figure =
            library.figures[static_cast<std::size_t>(k)][static_cast<std::size_t>(f)][static_cast<std::size_t>(lod)];
        figure.mesh = meshes.mesh(static_cast<FigureKind>(f), lod);
        for (std::uint32_t v = 0; v < figure.vertex_count(); ++v) {
          Vertex& vertex = figure.mesh.vertices[v];
          vertex.object = figure_vertex_object(v, 0, 0);
          figure.positions.push_back(vertex.position);
          figure.normals.push_back(vertex.normal);
        }
        figure.frame_count = 1;
      }
    }
  }
  return library;
}

}  // namespace scene
