// Sky, haze and sRGB helpers shared by the scene shaders.
#ifndef SIEGE_COMMON_GLSL
#define SIEGE_COMMON_GLSL

#include "shaders/shared.h"

layout(set = 0, binding = 0, std140) uniform Frame { FrameUniforms frame; };
layout(set = 0, binding = 1) uniform sampler2DShadow shadow_map;

// A well-mixed hash of an integer cell: stars in the sky, flakes in the falling snow.
uint hash3(ivec3 p) {
  uint h = uint(p.x) * 0x8DA6B343u ^ uint(p.y) * 0xD8163841u ^ uint(p.z) * 0xCB1AB31Fu;
  h ^= h >> 15;
  h *= 0x2C1B3C6Du;
  h ^= h >> 12;
  h *= 0x297A2D39u;
  h ^= h >> 15;
  return h;
}

// How much of the key light reaches a surface point: the nearest shadow cascade that holds
// it, with a 3×3-texel PCF over bilinear compares, offset along the normal by a texel or two
// against acne. (A branch to one tap for far pixels saves nothing on llvmpipe, which runs both
// sides of a divergent branch.)
float sun_visibility(vec3 world_pos, vec3 n) {
  uint count = frame.shadow_cascades;
  if (count == 0u) return 1.0;
  float dist = length(world_pos - frame.camera_position);
  uint c = 0u;
  while (c + 1u < count && dist > frame.shadow_far_m[c]) ++c;
  float texel = frame.shadow_texel_m[c];
  vec3 sun = frame.sun_direction;
  float slope = 1.0 - max(dot(n, sun), 0.0);
  vec4 clip = frame.shadow_view_proj[c] * vec4(world_pos + n * texel * (0.8 + 1.5 * slope), 1.0);
  vec3 p = clip.xyz / clip.w;
  vec2 uv = p.xy * 0.5 + 0.5;
  if (any(lessThan(uv, vec2(0.0))) || any(greaterThan(uv, vec2(1.0))) || p.z > 1.0) return 1.0;
  // The cascades stand side by side in the atlas.
  vec2 atlas = vec2(textureSize(shadow_map, 0));
  float cells = atlas.x / atlas.y;
  uv.x = (float(c) + clamp(uv.x, 1.0 / atlas.y, 1.0 - 1.0 / atlas.y)) / cells;
  float ref = p.z - 0.0005;
  // Four bilinear compares half a texel apart: a 3×3-texel tent for less than half the cost
  // of nine taps, which matters when a CPU driver shades every pixel.
  vec2 step = 0.5 / atlas;
  float lit = texture(shadow_map, vec3(uv + vec2(-step.x, -step.y), ref)) + texture(shadow_map, vec3(uv + vec2(step.x, -step.y), ref)) +
              texture(shadow_map, vec3(uv + vec2(-step.x, step.y), ref)) + texture(shadow_map, vec3(uv + vec2(step.x, step.y), ref));
  return lit * 0.25;
}

// The sky-view table (renderer/sky_model.h): radiance by direction, recomputed on the CPU
// when the sun or moon moves. Rows run from straight down to straight up, denser near the
// horizon (elevation = s|s|·90°, s from -1 to 1).
const int kSkyViewWidth = 64;
const int kSkyViewHeight = 32;
layout(set = 0, binding = 3, std430) readonly buffer SkyView { vec4 sky_view[]; };

vec3 sky_table(vec3 dir) {
  float azimuth = atan(dir.x, -dir.z);
  float u = fract(azimuth / 6.28318531 + 1.0) * float(kSkyViewWidth) - 0.5;
  float e = asin(clamp(dir.y, -1.0, 1.0)) / 1.57079633;
  float v = (0.5 * sign(e) * sqrt(abs(e)) + 0.5) * float(kSkyViewHeight) - 0.5;
  int x0 = int(floor(u)), y0 = clamp(int(floor(v)), 0, kSkyViewHeight - 2);
  float fx = u - float(x0), fy = clamp(v - float(y0), 0.0, 1.0);
  int xa = (x0 + kSkyViewWidth) % kSkyViewWidth, xb = (x0 + 1) % kSkyViewWidth;
  vec3 a = mix(sky_view[y0 * kSkyViewWidth + xa].rgb, sky_view[y0 * kSkyViewWidth + xb].rgb, fx);
  vec3 b = mix(sky_view[(y0 + 1) * kSkyViewWidth + xa].rgb, sky_view[(y0 + 1) * kSkyViewWidth + xb].rgb, fx);
  return mix(a, b, fy);
}

// Radiance of the sky seen along a unit direction: the table, and the sun's disc.
vec3 sky_radiance(vec3 dir, bool with_disc) {
  vec3 sky = sky_table(dir);
  if (with_disc && dot(dir, frame.sun_disc_direction) > 0.99996 && frame.sun_disc_direction.y > -0.01)
    sky += frame.sun_color * 4000.0 * (1.0 - frame.cloud_cover);
  return sky;
}

// Light from the sky and the ground on a surface facing n, / π: the upward face sees the sky,
// an upright one the horizon, a downward one the lit ground.
vec3 ambient_light(vec3 n) {
  return n.y >= 0.0 ? mix(frame.sky_side, frame.sky_up, n.y) : mix(frame.sky_side, frame.ground_bounce, -n.y);
}

// The haze colour towards a horizontal direction: the horizon ring, interpolated round the
// compass.
vec3 horizon_colour(vec3 dir) {
  float a = fract(atan(dir.x, -dir.z) / 6.28318531 + 1.0) * float(kHorizonSamples);
  int i = int(floor(a)) % int(kHorizonSamples);
  return mix(frame.horizon[i].rgb, frame.horizon[(i + 1) % int(kHorizonSamples)].rgb, fract(a));
}

// Aerial perspective: the air between the eye and a surface dims it and scatters in the key
// light (Rayleigh blue, the haze's forward glow round the sun) and the sky's. Returns the
// in-scattered colour (rgb) and how much of the surface it replaces (a); far off, the colour
// becomes the horizon's so the land meets the sky without a seam. Smooth over a triangle, so
// the world pass evaluates it per vertex.
vec4 haze_at(vec3 world_pos) {
  vec3 eye = frame.camera_position;
  float dist = length(world_pos - eye);
  float mean_height = max(0.5 * (world_pos.y + eye.y), 0.0);
  float thin = exp(-frame.haze_falloff * mean_height);
  // Mist: a layer some 30 m deep; the mean over the path falls as either end rises above it.
  float low = max(min(world_pos.y, eye.y), 0.0);
  float mist = frame.mist * 0.004 * exp(-low / 30.0) / (1.0 + abs(world_pos.y - eye.y) / 60.0);
  float density = frame.haze_density * thin;
  float amount = 1.0 - exp(-(density + mist) * dist);
  vec3 dir = (world_pos - eye) / max(dist, 1e-3);
  float c = dot(dir, frame.sun_direction);
  const float g = 0.6;
  float mie_phase = (1.0 - g * g) / (12.566371 * pow(1.0 + g * g - 2.0 * g * c, 1.5));
  float rayleigh_phase = 0.0596831 * (1.0 + c * c);
  vec3 scatter = frame.haze_rayleigh * rayleigh_phase + frame.haze_mie * mie_phase;
  float extinction = dot(frame.haze_rayleigh, vec3(1.0 / 3.0)) + frame.haze_mie * 1.1;
  // Key light (irradiance = sun_color · π) and the sky's light, scattered about evenly.
  vec3 single = scatter / extinction * 3.14159265 * frame.sun_color;
  vec3 ambient = (frame.haze_rayleigh + frame.haze_mie) / extinction * 0.5 * (frame.sky_up + frame.sky_side);
  vec3 haze = mix(single + ambient, horizon_colour(dir), smoothstep(6000.0, 25000.0, dist));
  // Mist is whiter than the blue distance: it scatters all colours alike.
  haze = mix(haze, vec3(dot(haze, vec3(0.2126, 0.7152, 0.0722))) * 1.1, mist / max(density + mist, 1e-9));
  return vec4(haze, amount);
}

vec3 apply_haze(vec3 colour, vec3 world_pos) {
  vec4 haze = haze_at(world_pos);
  return mix(colour, haze.rgb, haze.a);
}

#endif
