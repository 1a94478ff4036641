#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/common.glsl"

layout(location = 0) in vec3 in_position;
layout(location = 1) in vec3 in_normal;
layout(location = 2) in vec4 in_color;
layout(location = 3) in uint in_object;

layout(location = 0) out vec3 out_world;
layout(location = 1) out vec3 out_normal;
layout(location = 2) out vec4 out_albedo;
layout(location = 3) flat out uint out_object;
layout(location = 4) out vec4 out_haze;  // rgb colour, a amount

void main() {
  out_world = in_position;
  out_normal = in_normal;
  out_albedo = in_color;
  out_object = in_object;
  out_haze = haze_at(in_position);
  gl_Position = frame.view_proj * vec4(in_position, 1.0);
}
