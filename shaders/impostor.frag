#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/common.glsl"
#include "shaders/lights.glsl"
#include "shaders/troop_common.glsl"
#include "shaders/impostor_light.glsl"

layout(set = 1, binding = 2) uniform sampler2D atlas;

layout(location = 0) in vec2 in_uv;
layout(location = 1) flat in uint in_unit;
layout(location = 2) in vec3 in_world;
layout(location = 3) in vec3 in_normal;
layout(location = 4) in vec2 in_local;
layout(location = 5) flat in uint in_look;

layout(location = 0) out vec4 out_color;
layout(location = 1) out uint out_object;

void main() {
  if (max(in_local.x, in_local.y) > 1.0) discard;  // a far figure's triangle outside its quad
  vec3 albedo;
  if (in_uv.x < 0.0) {
    albedo = units[in_unit].colour * 0.55;
  } else {
    vec4 texel = texture(atlas, in_uv);
    if (texel.a < kAtlasEmptyBelow) discard;
    // The atlas's class code (1 albedo .. 5 faction) back to the vertex colour class's alpha.
    float class_alpha = (round(texel.a * kAtlasClassSteps) - 1.0) * 0.25;
    albedo = team_colour(texel.rgb, class_alpha, in_unit, in_look, (pc.mode & kTroopPlain) != 0u);
  }
  out_object = units[in_unit].object_id;
  if ((pc.mode & kTroopFlat) != 0u) {
    out_color = vec4(albedo, 1.0);
    return;
  }
  out_color = vec4(impostor_light(albedo, in_world, in_normal), 1.0);
}
