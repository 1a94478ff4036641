// Each army's palette: the dyes its men's clothes are drawn from and their skin tones. A
// figure's garment parts (colour class kClassGarment) take garments[...] and its skin parts
// (kClassSkin) skins[...], chosen by the soldier's look (scene/model/soldier_look.h), so a
// block of men differs man by man within what his army wore (LOOK.md §4, docs/ARMIES.md).
#pragma once

#include <array>

#include <glm/glm.hpp>

#include "scene/model/soldier_look.h"

namespace scene {

inline constexpr int kGarmentColours = 8;
inline constexpr int kSkinColours = 4;

struct KitPalette {
  std::array<glm::vec3, kGarmentColours> garments;  // linear RGB
  std::array<glm::vec3, kSkinColours> skins;        // linear RGB
};
const KitPalette& kit_palette(Kit kit);

}  // namespace scene
