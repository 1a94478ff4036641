#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/common.glsl"

layout(location = 0) in vec2 in_uv;
layout(location = 0) out vec4 out_color;
layout(location = 1) out uint out_object;

void main() {
  // The view ray through this pixel, from the inverse of the view-projection.
  vec2 ndc = in_uv * 2.0 - 1.0;
  vec4 far_point = frame.inv_view_proj * vec4(ndc, 0.5, 1.0);
  vec3 dir = normalize(far_point.xyz / far_point.w - frame.camera_position);
  out_color = vec4(sky_radiance(dir, true), 1.0);
  out_object = frame.sky_object;
}
