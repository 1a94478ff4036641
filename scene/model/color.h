// Colours as the world's vertices and the effects' particles carry them: RGBA8, linear.
#pragma once

#include <cstdint>

#include <glm/glm.hpp>

namespace scene {

// RGBA8 of a linear colour; the alpha byte is the caller's: a vertex's farmland share, a
// particle's opacity.
std::uint32_t pack_color(glm::vec3 linear_rgb, float alpha = 0.0f);
// The four channels pack_color wrote, each 0..1.
glm::vec4 unpack_color(std::uint32_t rgba8);

}  // namespace scene
