#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/common.glsl"
#include "shaders/troop_common.glsl"

// Bakes a figure into the impostor atlas: rgb is albedo (or, for team-coloured parts, the
// tint the unit's colour is multiplied by) times a view-independent shade; a encodes which:
// 1 own albedo, 2/3 faction colour, 1/3 banner colour, 0 empty.
layout(location = 0) in vec3 in_world;
layout(location = 1) in vec3 in_normal;
layout(location = 2) in vec4 in_albedo;
layout(location = 3) flat in uint in_unit;

layout(location = 0) out vec4 out_color;

void main() {
  vec3 n = normalize(in_normal);
  float shade = 0.75 + 0.25 * n.y;
  float code = in_albedo.a > 0.75 ? 2.0 / 3.0 : (in_albedo.a > 0.25 ? 1.0 / 3.0 : 1.0);
  out_color = vec4(in_albedo.rgb * shade, code);
}
