#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/common.glsl"

layout(location = 0) in vec3 in_world;
layout(location = 1) in vec3 in_normal;
layout(location = 2) in vec3 in_albedo;
layout(location = 3) flat in uint in_object;

layout(location = 0) out vec4 out_color;
layout(location = 1) out uint out_object;

void main() {
  vec3 n = normalize(in_normal);
  if (!gl_FrontFacing) n = -n;
  vec3 sun = frame.sun_direction.xyz;
  float diffuse = max(dot(n, sun), 0.0);
  // Ambient: sky from above, warm bounce from the ground below.
  vec3 ambient = mix(frame.haze.rgb * 0.35, frame.sky_zenith.rgb * 1.1, 0.5 + 0.5 * n.y);
  vec3 lit = in_albedo * (frame.sun_color.rgb * diffuse + ambient);
  out_color = vec4(apply_haze(lit, in_world), 1.0);
  out_object = in_object;
}
