// Placeholder palettes (to be replaced by the sourced ones).
#include "scene/figures/kit_palette.h"

namespace scene {

const KitPalette& kit_palette(Kit kit) {
  static const KitPalette kPalettes[kKits] = {
      {{{{0.30f, 0.20f, 0.12f},
         {0.18f, 0.22f, 0.30f},
         {0.42f, 0.32f, 0.16f},
         {0.35f, 0.10f, 0.08f},
         {0.22f, 0.25f, 0.18f},
         {0.45f, 0.40f, 0.30f},
         {0.12f, 0.12f, 0.14f},
         {0.50f, 0.45f, 0.38f}}},
       {{{0.55f, 0.36f, 0.24f}, {0.50f, 0.33f, 0.22f}, {0.60f, 0.40f, 0.27f}, {0.45f, 0.29f, 0.19f}}}},
      {{{{0.80f, 0.77f, 0.70f},
         {0.75f, 0.72f, 0.66f},
         {0.70f, 0.68f, 0.62f},
         {0.20f, 0.28f, 0.45f},
         {0.45f, 0.12f, 0.10f},
         {0.78f, 0.74f, 0.64f},
         {0.60f, 0.58f, 0.54f},
         {0.82f, 0.80f, 0.74f}}},
       {{{0.58f, 0.40f, 0.27f}, {0.52f, 0.35f, 0.23f}, {0.62f, 0.43f, 0.30f}, {0.48f, 0.31f, 0.20f}}}},
      {{{{0.40f, 0.04f, 0.03f},
         {0.34f, 0.05f, 0.04f},
         {0.11f, 0.04f, 0.11f},
         {0.14f, 0.08f, 0.04f},
         {0.45f, 0.06f, 0.04f},
         {0.16f, 0.20f, 0.26f},
         {0.04f, 0.04f, 0.05f},
         {0.38f, 0.05f, 0.05f}}},
       {{{0.58f, 0.40f, 0.27f}, {0.52f, 0.35f, 0.23f}, {0.62f, 0.43f, 0.30f}, {0.48f, 0.31f, 0.20f}}}},
  };
  return kPalettes[static_cast<int>(kit)];
}

}  // namespace scene
