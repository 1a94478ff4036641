#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/common.glsl"

layout(location = 0) in vec3 in_world;
layout(location = 1) in vec3 in_normal;
layout(location = 2) in vec4 in_albedo;  // a: how much of this is open farmland
layout(location = 3) flat in uint in_object;
layout(location = 4) in vec4 in_haze;  // per vertex: haze is smooth over a triangle

// 0 for ground no shadow can reach (scene/shadow_receivers.h): no shadow-map lookup at all.
layout(constant_id = 0) const uint kReceivesShadows = 1;

layout(location = 0) out vec4 out_color;
layout(location = 1) out uint out_object;

uint hash2(ivec2 p) {
  uint h = uint(p.x) * 0x27D4EB2Du ^ uint(p.y) * 0x165667B1u;
  h ^= h >> 15;
  h *= 0x85EBCA6Bu;
  h ^= h >> 13;
  return h;
}

float value_noise(vec2 p) {
  ivec2 i = ivec2(floor(p));
  vec2 f = fract(p);
  f = f * f * (3.0 - 2.0 * f);
  float a = float(hash2(i) & 0xFFFFu), b = float(hash2(i + ivec2(1, 0)) & 0xFFFFu);
  float c = float(hash2(i + ivec2(0, 1)) & 0xFFFFu), d = float(hash2(i + ivec2(1, 1)) & 0xFFFFu);
  return mix(mix(a, b, f.x), mix(c, d, f.x), f.y) / 65535.0;
}

// Farmland as long strips on a slightly rotated grid, each plot one crop or fallow, drawn
// per pixel so the plot edges stay crisp however coarse the ground mesh is.
vec3 field_colour(vec2 xz) {
  const float c = cos(0.35), s = sin(0.35);
  vec2 r = vec2(c * xz.x - s * xz.y, s * xz.x + c * xz.y);
  ivec2 plot = ivec2(floor(r / vec2(240.0, 90.0)));
  uint h = hash2(plot);
  const vec3 crops[4] = vec3[](vec3(0.23, 0.19, 0.10),   // stubble
                               vec3(0.13, 0.16, 0.07),   // winter wheat
                               vec3(0.17, 0.12, 0.075),  // ploughed
                               vec3(0.20, 0.18, 0.10));  // fallow
  vec3 colour = crops[h % 4u] * (0.9 + 0.2 * float(h >> 24) / 255.0);
  // Furrows along each strip, and a darker balk between plots.
  float furrow = 0.5 + 0.5 * sin(r.y * 2.2);
  colour *= 0.94 + 0.06 * furrow;
  vec2 edge = abs(fract(r / vec2(240.0, 90.0)) - 0.5) * vec2(240.0, 90.0);
  float balk = smoothstep(118.5, 119.5, edge.x) + smoothstep(43.5, 44.5, edge.y);
  return mix(colour, vec3(0.11, 0.12, 0.07), clamp(balk, 0.0, 1.0) * 0.6);
}

void main() {
  vec3 n = normalize(in_normal);
  if (!gl_FrontFacing) n = -n;
  vec3 albedo = in_albedo.rgb;
  if (in_albedo.a > 0.004) albedo = mix(albedo, field_colour(in_world.xz), in_albedo.a);
  if (in_object == uint(frame.params.w) && in_albedo.a < 0.5) {
    // Uncultivated ground: patches of scrub and bare earth at two scales.
    float n = 0.6 * value_noise(in_world.xz / 60.0) + 0.4 * value_noise(in_world.xz / 11.0);
    albedo *= 0.7 + 0.6 * n;
  }
  vec3 sun = frame.sun_direction.xyz;
  float diffuse = max(dot(n, sun), 0.0);
  if (kReceivesShadows != 0 && diffuse > 0.0) diffuse *= sun_visibility(in_world, n);
  // Ambient: sky from above, warm bounce from the ground below.
  vec3 ambient = mix(frame.haze.rgb * 0.25, frame.sky_zenith.rgb * 0.9 + frame.sky_horizon.rgb * 0.2, 0.5 + 0.5 * n.y);
  vec3 lit = albedo * (frame.sun_color.rgb * diffuse + ambient);
  out_color = vec4(mix(lit, in_haze.rgb, in_haze.a), 1.0);
  out_object = in_object;
}
