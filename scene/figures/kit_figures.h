// The built-in figures: each army's kit for each figure kind, as parts on the rig
// (figure_rig.h), at two levels of detail. tools/bake_models writes them as skinned glTF
// (assets/models/figure_<kit>_<kind>.glb, _lod1.glb); load_figure_library falls back to them.
#pragma once

#include "scene/figures/figure_rig.h"
#include "scene/figures/soldier_meshes.h"
#include "scene/model/soldier_look.h"

namespace scene {

FigureBuild build_figure(Kit kit, FigureKind kind, int lod);

}  // namespace scene
