#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/common.glsl"
#include "shaders/troop_common.glsl"

// Bakes a figure into the impostor atlas: rgb is albedo (or, for team-coloured parts, the
// tint the unit's colour is multiplied by) times a view-independent shade; a the colour class
// as kAtlas*Alpha (shaders/shared.h), 0 where nothing is baked.
layout(location = 0) in vec3 in_world;
layout(location = 1) in vec3 in_normal;
layout(location = 2) in vec4 in_albedo;
layout(location = 3) flat in uint in_unit;

layout(location = 0) out vec4 out_color;

void main() {
  vec3 n = normalize(in_normal);
  float shade = 0.75 + 0.25 * n.y;
  float code = in_albedo.a > kClassFactionAbove ? kAtlasFactionAlpha
                                                : (in_albedo.a > kClassBannerAbove ? kAtlasBannerAlpha : kAtlasAlbedoAlpha);
  out_color = vec4(in_albedo.rgb * shade, code);
}
