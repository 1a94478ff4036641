#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/common.glsl"
#include "shaders/lights.glsl"

layout(location = 0) in vec3 in_world;
layout(location = 1) in vec3 in_normal;
layout(location = 2) in vec4 in_albedo;
layout(location = 3) flat in uint in_object;
layout(location = 4) in vec4 in_haze;  // per vertex (world.vert)

layout(location = 0) out vec4 out_color;
layout(location = 1) out uint out_object;

// Small moving ripples so the surface is not a mirror-flat sheet.
vec3 ripple_normal(vec2 p, float t) {
  float a = sin(p.x * 0.21 + t * 0.9) + sin(p.y * 0.17 - t * 0.7) * 0.8 + sin((p.x + p.y) * 0.43 + t * 1.3) * 0.4;
  float b = cos(p.y * 0.19 + t * 0.8) + cos(p.x * 0.23 - t * 0.6) * 0.8 + cos((p.x - p.y) * 0.41 + t * 1.1) * 0.4;
  return normalize(vec3(a * 0.03, 1.0, b * 0.03));
}

// Ripples are 15-37 m long: beyond ~600 m (less than a few pixels a wavelength at grazing
// angles) they alias into a checkerboard moire, so they fade out with distance and are not
// computed at all past it, which is also the cheaper path for most of a distant river.
const float kRippleFadeStart = 250.0;
const float kRippleFadeEnd = 600.0;

void main() {
  vec3 eye = frame.camera_position;
  vec3 to_eye = eye - in_world;
  float dist = length(to_eye);
  vec3 v = to_eye / max(dist, 1e-4);
  float ripple = 1.0 - smoothstep(kRippleFadeStart, kRippleFadeEnd, dist);
  vec3 n = vec3(0.0, 1.0, 0.0);
  if (ripple > 0.0) n = normalize(mix(n, ripple_normal(in_world.xz, frame.time_s), ripple));
  float fresnel = 0.02 + 0.98 * pow(1.0 - max(dot(n, v), 0.0), 5.0);
  vec3 reflected = sky_radiance(reflect(-v, n), true);
  vec3 ambient = frame.sky_zenith * 0.6 + frame.sun_color * 0.15 * max(frame.sun_direction.y, 0.0);
  vec3 body = in_albedo.rgb * (ambient + local_light(in_world, n));
  vec3 colour = mix(body, reflected, fresnel);
  out_color = vec4(mix(colour, in_haze.rgb, in_haze.a), 1.0);
  out_object = in_object;
}
