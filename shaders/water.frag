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

// The opaque world at half size, drawn before the water: rgb exposed radiance, a distance from
// the eye (renderer.cpp, copy_for_reflections).
layout(set = 0, binding = 4) uniform sampler2D opaque_world;
// 1: march the reflected ray through that copy (the film preset); 0: reflect the sky alone.
layout(constant_id = 0) const uint kReflectsWorld = 1;

// What the reflected ray meets among the walls, towers and banks on screen: march along it in
// growing steps until a point lies behind what the copy shows there (but not far behind: that
// would be something in front of the ray, not what it hits). a: how sure, fading at the
// screen's edges and where the ray leaves the screen.
vec4 reflected_world(vec3 origin, vec3 r) {
  vec3 eye = frame.camera_position;
  float t = 2.0;
  for (int i = 0; i < 14; ++i) {
    vec3 p = origin + r * t;
    vec4 clip = frame.view_proj * vec4(p, 1.0);
    if (clip.w <= 0.0) break;
    vec2 uv = clip.xy / clip.w * 0.5 + 0.5;
    if (any(lessThan(uv, vec2(0.0))) || any(greaterThan(uv, vec2(1.0)))) break;
    vec4 seen = textureLod(opaque_world, uv, 0.0);
    float d = length(p - eye);
    if (d > seen.a && d < seen.a + max(0.4 * t, 3.0)) {
      vec2 edge = min(uv, 1.0 - uv);
      return vec4(seen.rgb / max(frame.exposure, 1e-9), smoothstep(0.0, 0.08, min(edge.x, edge.y)));
    }
    t *= 1.45;
  }
  return vec4(0.0);
}
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
  vec3 r = reflect(-v, n);
  vec3 reflected = sky_radiance(r, true);
  if (kReflectsWorld != 0) {
    vec4 world = reflected_world(in_world + vec3(0.0, 0.05, 0.0), r);
    reflected = mix(reflected, world.rgb, world.a);
  }
  vec3 ambient = frame.sky_up + frame.sun_color * 0.15 * max(frame.sun_direction.y, 0.0);
  vec3 body = in_albedo.rgb * (ambient + local_light(in_world, n));
  vec3 colour = mix(body, reflected, fresnel);
  out_color = vec4(mix(colour, in_haze.rgb, in_haze.a) * frame.exposure, 1.0);
  out_object = in_object;
}
