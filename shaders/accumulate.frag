#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/shared.h"
#include "shaders/bloom.glsl"
// One sub-sample of a frame added into the accumulation image (renderer/accumulation.h): what
// the tonemap would receive from it (radiance, its bloom, times the exposure) and, in alpha, 1
// where something other than sky was drawn. The tonemap later reads the sum divided by the count.
layout(set = 0, binding = 0) uniform sampler2D hdr_image;
layout(set = 0, binding = 2) uniform sampler2D depth_image;
layout(push_constant) uniform Push { TonemapPush params; };

layout(location = 0) in vec2 in_uv;
layout(location = 0) out vec4 out_sum;

void main() {
  ivec2 pixel = ivec2(gl_FragCoord.xy);
  vec3 hdr = texelFetch(hdr_image, pixel, 0).rgb + bloom_at(in_uv, params.bloom_strength);
  float covered = texelFetch(depth_image, pixel, 0).r > 0.0 ? 1.0 : 0.0;  // reverse-Z: the sky stays at 0
  out_sum = vec4(hdr * params.exposure, covered);
}
