// The colours (linear mean albedo) the settlement builders share, from /work/shared/LOOK.md
// §1-§2 where it gives them: grey unglazed tile #6E6E6A, red ochre #8E3A26, vermilion doors
// #B8382A, lime-washed walls #E6E1D3, rammed earth #C8AA7D (weathered darker here).
#pragma once

#include <glm/glm.hpp>

namespace scene::palette {

inline constexpr glm::vec3 kTiles{0.15f, 0.15f, 0.145f};
inline constexpr glm::vec3 kRidge{0.09f, 0.09f, 0.09f};
inline constexpr glm::vec3 kThatch{0.26f, 0.2f, 0.11f};
inline constexpr glm::vec3 kMudRender{0.40f, 0.33f, 0.23f};  // straw-mud render of houses
inline constexpr glm::vec3 kLimeWash{0.62f, 0.58f, 0.50f};   // halls' walls
inline constexpr glm::vec3 kRedOchre{0.27f, 0.045f, 0.02f};  // columns, brackets
inline constexpr glm::vec3 kVermilion{0.30f, 0.05f, 0.03f};  // official doors
inline constexpr glm::vec3 kTimber{0.15f, 0.08f, 0.04f};     // unpainted timber
inline constexpr glm::vec3 kOpening{0.03f, 0.025f, 0.02f};   // doorways, shop fronts in shade
inline constexpr glm::vec3 kEarth{0.34f, 0.265f, 0.17f};     // rammed earth, weathered
inline constexpr glm::vec3 kStone{0.33f, 0.32f, 0.30f};
inline constexpr glm::vec3 kBrick{0.22f, 0.21f, 0.20f};  // grey brick

}  // namespace scene::palette
