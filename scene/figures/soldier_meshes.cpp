#include "scene/figures/soldier_meshes.h"

namespace scene {

FigureKind figure_kind(UnitKind kind) {
  switch (kind) {
    case UnitKind::Infantry:
      return FigureKind::Infantry;
    case UnitKind::Spearmen:
      return FigureKind::Spearman;
    case UnitKind::Archers:
      return FigureKind::Archer;
    case UnitKind::Cavalry:
      return FigureKind::Cavalry;
    case UnitKind::SiegeCrew:
      return FigureKind::Crew;
    case UnitKind::Civilians:
      return FigureKind::Civilian;
  }
  return FigureKind::Infantry;
}

ImpostorFrame impostor_frame(FigureKind kind) {
  switch (kind) {
    case FigureKind::Cavalry:
      return {1.6f, 1.3f};
    case FigureKind::Bearer:
      return {1.85f, 1.75f};
    case FigureKind::Spearman:
      return {1.45f, 1.3f};
    default:
      return {1.2f, 1.0f};
  }
}

const char* figure_name(FigureKind kind) {
  switch (kind) {
    case FigureKind::Infantry:
      return "infantry";
    case FigureKind::Spearman:
      return "spearman";
    case FigureKind::Archer:
      return "archer";
    case FigureKind::Cavalry:
      return "cavalry";
    case FigureKind::Crew:
      return "crew";
    case FigureKind::Civilian:
      return "civilian";
    case FigureKind::Bearer:
      return "bearer";
  }
  return "infantry";
}

}  // namespace scene
