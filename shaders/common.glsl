// Sky, haze and sRGB helpers shared by the scene shaders.
#ifndef SIEGE_COMMON_GLSL
#define SIEGE_COMMON_GLSL

#include "shaders/shared.h"

layout(set = 0, binding = 0, std140) uniform Frame { FrameUniforms frame; };
layout(set = 0, binding = 1) uniform sampler2DShadow shadow_map;

// How much of the sun reaches a surface point: the sun's shadow map with a 3×3 PCF over
// bilinear compares, offset along the normal by a texel or two against acne. (A branch to one
// tap for far pixels saves nothing on llvmpipe, which runs both sides of a divergent branch.)
float sun_visibility(vec3 world_pos, vec3 n) {
  if (frame.shadow_enabled == 0u) return 1.0;
  float texel = frame.shadow_texel_m;
  vec3 sun = frame.sun_direction;
  float slope = 1.0 - max(dot(n, sun), 0.0);
  vec4 clip = frame.shadow_view_proj * vec4(world_pos + n * texel * (0.8 + 1.5 * slope), 1.0);
  vec3 p = clip.xyz / clip.w;
  vec2 uv = p.xy * 0.5 + 0.5;
  if (any(lessThan(uv, vec2(0.0))) || any(greaterThan(uv, vec2(1.0))) || p.z > 1.0) return 1.0;
  float ref = p.z - 0.0005;
  // Four bilinear compares half a texel apart: a 3×3-texel tent for less than half the cost
  // of nine taps, which matters when a CPU driver shades every pixel.
  vec2 step = 0.5 / vec2(textureSize(shadow_map, 0));
  float lit = texture(shadow_map, vec3(uv + vec2(-step.x, -step.y), ref)) + texture(shadow_map, vec3(uv + vec2(step.x, -step.y), ref)) +
              texture(shadow_map, vec3(uv + vec2(-step.x, step.y), ref)) + texture(shadow_map, vec3(uv + vec2(step.x, step.y), ref));
  return lit * 0.25;
}

// Radiance of the sky seen along a unit direction: a horizon-to-zenith gradient, a glow
// around the sun and the sun's disc.
vec3 sky_radiance(vec3 dir, bool with_disc) {
  vec3 sun = frame.sun_direction;
  float up = max(dir.y, 0.0);
  vec3 sky = mix(frame.sky_horizon, frame.sky_zenith, pow(up, 0.45));
  // Below the horizon: the haze over distant ground.
  if (dir.y < 0.0) sky = mix(frame.sky_horizon, frame.haze_colour * 0.8, clamp(-dir.y * 8.0, 0.0, 1.0));
  float cos_sun = max(dot(dir, sun), 0.0);
  sky += frame.sun_color * (0.06 * pow(cos_sun, 8.0) + 0.18 * pow(cos_sun, 64.0));
  if (with_disc && cos_sun > 0.99996) sky += frame.sun_color * 40.0;
  return sky;
}

// Aerial perspective: exponential haze, thinner with height. Returns the haze colour (rgb)
// and how much of it covers the surface (a). Smooth over a triangle, so the world pass
// evaluates it per vertex.
vec4 haze_at(vec3 world_pos) {
  vec3 eye = frame.camera_position;
  float dist = length(world_pos - eye);
  float falloff = frame.haze_falloff;
  float mean_height = max(0.5 * (world_pos.y + eye.y), 0.0);
  float density = frame.haze_density * exp(-falloff * mean_height);
  float amount = 1.0 - exp(-density * dist);
  vec3 dir = (world_pos - eye) / max(dist, 1e-3);
  vec3 haze = mix(frame.haze_colour, sky_radiance(vec3(dir.x, 0.02, dir.z), false), 0.5);
  return vec4(haze, amount);
}

vec3 apply_haze(vec3 colour, vec3 world_pos) {
  vec4 haze = haze_at(world_pos);
  return mix(colour, haze.rgb, haze.a);
}

#endif
