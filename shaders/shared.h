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
using uvec4 = glm::uvec4;
#endif

// Per-frame constants (std140: only mat4 and vec4 members, so C++ and GLSL agree).
struct FrameUniforms {
  mat4 view_proj;
  mat4 inv_view_proj;
  vec4 camera_position;  // xyz; w: animation time in seconds
  vec4 sun_direction;    // xyz towards the sun; w: 1 by day, 0 at night
  vec4 sun_color;        // rgb radiance of the sun
  vec4 sky_zenith;       // rgb; w: share of the fields under a standing crop (the season)
  vec4 sky_horizon;      // rgb; w: how ripe those crops are, 0 green to 1 golden
  vec4 haze;             // rgb haze colour; w: density per metre
  vec4 params;           // x: exposure; y: sky object id; z: haze height falloff per metre; w: terrain object id
  mat4 shadow_view_proj; // world → sun shadow map clip space (depth 0 nearest the sun)
  vec4 shadow;           // x: 1 if the sun casts shadows; y: metres per shadow texel; zw: unused
};


// Troop pass (renderer/troops.cpp, shaders/troop.*, shaders/impostor.*): one per drawn
// figure, read from a storage buffer by gl_InstanceIndex (firstInstance selects the bin).
struct TroopInstance {
  float x;
  float y;
  float z;      // feet on the terrain
  uint packed;  // bits 0-8 heading (512 steps clockwise from north), 9-14 gait phase
                // (64 steps, 0 = standing still), 15-16 pose (0 walk, 1 run, 2 fallen,
                // 3 sitting in camp), 17-31 unit index into the TroopUnit table
};

// Per unit of the scenario, once per frame.
struct TroopUnit {
  vec4 colour;  // rgb faction colour (linear)
  vec4 banner;  // rgb the unit's banner colour
  uvec4 info;   // x: object id for the ID pass; y: UnitState; z, w: unused
};

// Push constants of the troop and impostor pipelines.
struct TroopPush {
  uint mode;            // bit 0: flat (the benchmark's minimal renderer), else lit; bit 1:
                        // impostors as one triangle per figure (3 vertices) instead of a quad
  uint kind;            // figure kind: impostor atlas row block
  float half_size;      // impostor square half side, metres
  float centre_height;  // impostor centre above the feet, metres
  vec4 rect[3];         // impostors, per elevation row: the kind's silhouette bounds over all
                        // azimuths (x0, y0, x1, y1) in the baked square's [-1, 1] frame, y up
};

// Effects pass: camera-facing billboards (smoke, fire, dust, stones, fire arrows).
struct EffectInstance {
  float x;
  float y;
  float z;
  float size;   // half side, metres
  uint colour;  // RGBA8: linear colour, alpha opacity
  uint kind;    // 0 smoke, 1 flame (emissive), 2 stone, 3 dust, 4 fire arrow (emissive streak)
  float glow;   // emissive multiplier
  float seed;   // per-particle noise
};

#ifdef __cplusplus
static_assert(sizeof(TroopInstance) == 16);
static_assert(sizeof(TroopUnit) == 48);
static_assert(sizeof(TroopPush) == 64);
static_assert(sizeof(EffectInstance) == 32);
static_assert(sizeof(FrameUniforms) == 3 * 64 + 8 * 16);
}  // namespace shaders
#endif

#endif
