// Tunables of the troop pass, one line each.
#pragma once

#include <cstdint>

namespace renderer::troops {

constexpr float kLod0Pixels = 48.0f;       // a figure at least this tall on screen gets the full mesh
constexpr float kLod1Pixels = 12.0f;       // at least this tall: the coarse mesh; smaller: an impostor
constexpr float kFarPixels = 4.0f;         // smaller than this: the impostor as one triangle
constexpr float kFigureHeight = 1.8f;      // metres, for the on-screen size above
constexpr float kCullRadius = 2.2f;        // metres: bounding sphere of a figure (a horse and lance)
constexpr float kCullCentreHeight = 1.1f;  // metres above the feet
constexpr std::uint32_t kImpostorCell = 64;       // pixels per baked view in the atlas
constexpr std::uint32_t kImpostorAzimuths = 8;    // views around a figure (shaders/impostor.vert)
constexpr std::uint32_t kImpostorElevations = 3;  // 10, 40 and 75 degrees above the horizon
constexpr float kImpostorElevationDeg[kImpostorElevations] = {10.0f, 40.0f, 75.0f};
constexpr float kCampSittingFraction = 0.5f;      // share of idle men in camp drawn sitting

}  // namespace renderer::troops
