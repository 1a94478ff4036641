// Struct layouts shared by C++ and GLSL: one definition, checked by static_assert in C++.
#ifndef SIEGE_SHADERS_SHARED_H
#define SIEGE_SHADERS_SHARED_H

#ifdef __cplusplus
#include <cstdint>
#include <glm/glm.hpp>
namespace shaders {
using mat4 = glm::mat4;
using vec4 = glm::vec4;
using uint = std::uint32_t;
#endif

// Per-frame constants (std140: only mat4 and vec4 members, so C++ and GLSL agree).
struct FrameUniforms {
  mat4 view_proj;
  mat4 inv_view_proj;
  vec4 camera_position;  // xyz; w: animation time in seconds
  vec4 sun_direction;    // xyz towards the sun; w: 1 by day, 0 at night
  vec4 sun_color;        // rgb radiance of the sun
  vec4 sky_zenith;       // rgb
  vec4 sky_horizon;      // rgb
  vec4 haze;             // rgb haze colour; w: density per metre
  vec4 params;           // x: exposure; y: sky object id; z: haze height falloff per metre; w: terrain object id
  mat4 shadow_view_proj; // world → sun shadow map clip space (depth 0 nearest the sun)
  vec4 shadow;           // x: 1 if the sun casts shadows; y: metres per shadow texel; zw: unused
};

#ifdef __cplusplus
static_assert(sizeof(FrameUniforms) == 3 * 64 + 8 * 16);
}  // namespace shaders
#endif

#endif
