// Tunables of the troop pass, one line each. The impostor atlas's grid is shared with the
// shaders: shaders/shared.h.
#pragma once

#include <cstdint>

namespace renderer::troops {

constexpr float kLod0Pixels = 48.0f;       // a figure at least this tall on screen gets the full mesh
constexpr float kLod1Pixels = 12.0f;       // at least this tall: the coarse mesh; smaller: an impostor
constexpr float kFarPixels = 4.0f;         // smaller than this: the impostor as one triangle
constexpr float kFigureHeight = 1.8f;      // metres, for the on-screen size above
constexpr float kCullRadius = 2.2f;        // metres: bounding sphere of a figure (a horse and lance)
constexpr float kCullCentreHeight = 1.1f;  // metres above the feet

}  // namespace renderer::troops
