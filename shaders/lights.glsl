// Local lights: fires, camp fires and torches (renderer/lights.cpp picks them per frame).
// Include after shaders/common.glsl; call local_light() where a shader sums sun and sky.
#ifndef SIEGE_LIGHTS_GLSL
#define SIEGE_LIGHTS_GLSL

layout(set = 0, binding = 2, std140) uniform Lights { LightUniforms local_lights; };
// 0 in the pipelines frames without lights use (renderer/light_variants.h): no code at all.
layout(constant_id = 1) const uint kLocalLights = 1u;

// Irradiance at a surface point with normal n from the lights that can reach this pixel's
// screen tile: inverse square, a smooth window that reaches 0 at each light's radius, a
// slightly wrapped cosine (a fire is no point, it lights a little round the turn), no shadows.
// The flicker is in the intensities already.
vec3 local_light(vec3 world_pos, vec3 n) {
  if (kLocalLights == 0u || local_lights.count == 0u) return vec3(0.0);
  uvec2 tile = min(uvec2(gl_FragCoord.xy * local_lights.tile_scale), uvec2(kLightTilesX - 1u, kLightTilesY - 1u));
  uint t = tile.y * kLightTilesX + tile.x;
  uint mask = local_lights.tile_masks[t >> 2u][t & 3u];
  vec3 sum = vec3(0.0);
  while (mask != 0u) {
    int i = findLSB(mask);
    mask &= mask - 1u;
    LocalLight l = local_lights.lights[i];
    vec3 d = l.position - world_pos;
    float d2 = dot(d, d);
    float x = min(d2 * l.inv_radius2, 1.0);
    float window = (1.0 - x * x);
    float cosine = clamp((dot(n, d) * inversesqrt(max(d2, 1e-6)) + 0.2) * (1.0 / 1.2), 0.0, 1.0);
    sum += l.intensity * (window * window * cosine / max(d2, 1.0));
  }
  return sum * (1.0 / 3.14159265);  // / π, like every irradiance in the frame uniforms
}

#endif
