// The figure kinds the troop pass draws, which kind a unit's men are, and the box an impostor
// of each covers. The figures themselves are each army's kit on the rig (kit_figures.h),
// baked to skinned glTF and read back as vertex-animated figures (figure_animation.h).
#pragma once

#include <cstdint>

#include "scene/model/scenario.h"
#include "shaders/shared.h"

namespace scene {

enum class FigureKind : std::uint8_t { Infantry, Spearman, Archer, Cavalry, Crew, Civilian, Bearer };
constexpr int kFigureKinds = static_cast<int>(shaders::kFigureKinds);
static_assert(kFigureKinds == static_cast<int>(FigureKind::Bearer) + 1);

FigureKind figure_kind(UnitKind kind);
// Every kStandardEvery-th figure of a unit (from its first) carries the unit's standard.
constexpr std::uint32_t kStandardEvery = 250;

// "spearman": the kind's name in figure files (figure_<kit>_<kind>.glb).
const char* figure_name(FigureKind kind);

// The box an impostor of this kind covers: a square of side 2*half_size, centred at
// `centre_height` above the feet. Baking and drawing impostors both use it; a figure must
// stay inside it.
struct ImpostorFrame {
  float half_size = 1.4f;
  float centre_height = 1.2f;
};
ImpostorFrame impostor_frame(FigureKind kind);

}  // namespace scene
