#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/common.glsl"
#include "shaders/lights.glsl"
#include "shaders/troop_common.glsl"

layout(location = 0) in vec3 in_world;
layout(location = 1) in vec3 in_normal;
layout(location = 2) in vec4 in_albedo;
layout(location = 3) flat in uint in_unit;

layout(location = 0) out vec4 out_color;
layout(location = 1) out uint out_object;

void main() {
  vec3 albedo = in_albedo.rgb;  // tinted by the man's look in troop.vert
  out_object = units[in_unit].object_id;
  if (pc.mode == kTroopFlat) {  // minimal renderer: flat colour, no lighting, no haze
    out_color = vec4(albedo, 1.0);
    return;
  }
  vec3 n = normalize(in_normal);
  if (!gl_FrontFacing) n = -n;
  vec3 sun = frame.sun_direction;
  float diffuse = max(dot(n, sun), 0.0);
  vec3 ambient = ambient_light(n);
  vec3 lit = albedo * (frame.sun_color * diffuse + ambient + local_light(in_world, n));
  out_color = vec4(apply_haze(lit, in_world) * frame.exposure, 1.0);
}
