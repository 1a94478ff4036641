// The three kits' figures: each kit's builder (kit_mongol.cpp, kit_jin.cpp, kit_song.cpp) makes
// its parts on the rig from the shared shapes and body (kit_parts, kit_body).
#include "scene/figures/kit_figures.h"

#include "scene/figures/kit_body.h"

namespace scene {

FigureBuild build_figure(Kit kit, FigureKind kind, int lod) {
  switch (kit) {
    case Kit::Mongol:
      return kit::build_mongol(kind, lod);
    case Kit::Jin:
      return kit::build_jin(kind, lod);
    case Kit::Song:
      return kit::build_song(kind, lod);
  }
  return kit::build_song(kind, lod);
}

}  // namespace scene
