#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/common.glsl"
#include "shaders/troop_common.glsl"

// Bakes a figure into the impostor atlas: rgb is albedo (or, for faction, garment, banner and
// skin parts, the tint their colour is multiplied by) times a view-independent shade; a the
// colour class, 1..5 fifths (albedo, skin, banner, garment, faction; shaders/shared.h), 0
// where nothing is baked. troop.vert in kTroopBake mode hands the vertex colour over as is.
layout(location = 0) in vec3 in_world;
layout(location = 1) in vec3 in_normal;
layout(location = 2) in vec4 in_albedo;
layout(location = 3) flat in uint in_unit;

layout(location = 0) out vec4 out_color;

void main() {
  vec3 n = normalize(in_normal);
  float shade = 0.75 + 0.25 * n.y;
  float a = in_albedo.a;
  float code = a > kClassFactionAbove ? 5.0
             : (a > kClassGarmentAbove ? 4.0 : (a > kClassBannerAbove ? 3.0 : (a > kClassSkinAbove ? 2.0 : 1.0)));
  out_color = vec4(in_albedo.rgb * shade, code / kAtlasClassSteps);
}
