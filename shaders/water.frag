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
  return vec3(a * 0.03, 1.0, b * 0.03);
}

// Ripples are 15-37 m long: beyond ~600 m (less than a few pixels a wavelength at grazing
// angles) they alias into a checkerboard moire, so they fade out with distance and are not
// computed at all past it, which is also the cheaper path for most of a distant river.
const float kRippleFadeStart = 250.0;
const float kRippleFadeEnd = 600.0;
// The current carries the ripples: each of two layers drifts with the flow for a cycle and
// starts over, half a cycle apart, each faded out as it restarts (a flow map's two phases).
const float kFlowCycle = 6.0;

// The surface's tilt, carried downstream by `flow` (metres a second).
vec3 flowing_ripples(vec2 p, vec2 flow, float t) {
  float phase = fract(t / kFlowCycle);
  float w = 1.0 - abs(2.0 * phase - 1.0);  // the first layer's share; 0 when it restarts
  vec3 a = ripple_normal(p - flow * (phase * kFlowCycle), t);
  vec3 b = ripple_normal(p - flow * (fract(phase + 0.5) * kFlowCycle), t);
  vec3 n = mix(b, a, w);
  // Where it runs, the water is roughened more: the tilt grows with the current.
  n.xz *= 1.0 + 1.5 * min(length(flow), 1.0);
  return normalize(n);
}

const vec3 kSilt = vec3(0.085, 0.07, 0.048);   // churned-up mud along the banks
const vec3 kFoam = vec3(0.26, 0.245, 0.21);  // the thin scum line where the water laps the bank

void main() {
  vec3 eye = frame.camera_position;
  vec3 to_eye = eye - in_world;
  float dist = length(to_eye);
  vec3 v = to_eye / max(dist, 1e-4);
  // water.cpp: the normal's xz is the flow, the colour's alpha how far into the stream (0 at
  // the bank, 1 mid-stream); the current runs fastest mid-stream and slack at the banks.
  float midstream = in_albedo.a;
  vec2 flow = in_normal.xz * (midstream * (2.0 - midstream));
  float ripple = 1.0 - smoothstep(kRippleFadeStart, kRippleFadeEnd, dist);
  vec3 n = vec3(0.0, 1.0, 0.0);
  if (ripple > 0.0) n = normalize(mix(n, flowing_ripples(in_world.xz, flow, frame.time_s), ripple));
  float fresnel = 0.02 + 0.98 * pow(1.0 - max(dot(n, v), 0.0), 5.0);
  vec3 r = reflect(-v, n);
  vec3 reflected = sky_radiance(r, true);
  if (kReflectsWorld != 0) {
    vec4 world = reflected_world(in_world + vec3(0.0, 0.05, 0.0), r);
    reflected = mix(reflected, world.rgb, world.a);
  }
  // Turbid water along the banks, and a thin pale line at the very edge, broken up along it
  // and never thinner than about a pixel (fainter instead) so it does not shimmer far off.
  float bank = 1.0 - midstream;
  float turbid = smoothstep(0.7, 1.0, bank);
  float width = max(0.04, 1.5 * fwidth(bank));
  float lap = smoothstep(1.0 - width, 1.0, bank) * min(1.0, 0.04 / width);
  // Broken into patches along the bank (two beating waves), and faint at most.
  float patches = sin(in_world.x * 0.37 + in_world.z * 0.29 + frame.time_s * 0.8) * sin(in_world.x * 0.061 - in_world.z * 0.083);
  lap *= 0.6 * smoothstep(-0.2, 0.6, patches);
  vec3 albedo = mix(in_albedo.rgb, kSilt, 0.6 * turbid);
  vec3 ambient = frame.sky_up + frame.sun_color * 0.15 * max(frame.sun_direction.y, 0.0);
  vec3 light = ambient + local_light(in_world, n);
  vec3 body = albedo * light;
  vec3 colour = mix(body, reflected, fresnel * (1.0 - 0.5 * turbid));
  colour = mix(colour, kFoam * (light + frame.sun_color * max(frame.sun_direction.y, 0.0)), lap);
  out_color = vec4(mix(colour, in_haze.rgb, in_haze.a) * frame.exposure, 1.0);
  out_object = in_object;
}
