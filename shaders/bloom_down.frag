#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/shared.h"
// One step down the bloom chain (renderer/bloom.cpp): four bilinear taps a source texel
// either side of this pixel's centre, a 4×4 box of the source. The first step reads the frame
// and keeps only what is brighter than the threshold, tap by tap, so a small flame is not
// averaged away before it is kept.
layout(set = 0, binding = 0) uniform sampler2D source;
layout(push_constant) uniform Push { BloomPush params; };
layout(constant_id = 0) const uint kPrefilter = 0;

layout(location = 0) in vec2 in_uv;
layout(location = 0) out vec4 out_color;

// Radiance above the threshold in exposed luminance, with a soft knee so nothing pops, and at
// most kMaxExcess above it: a flame at night's exposure is a hundred times white, and its glow
// should not swallow the street it burns in.
const float kMaxExcess = 12.0;
vec3 bright(vec3 c) {
  c = clamp(c, vec3(0.0), vec3(1e4));
  float l = dot(c, vec3(0.2126, 0.7152, 0.0722)) * params.exposure;
  float knee = 0.5 * params.threshold;
  float soft = clamp(l - params.threshold + knee, 0.0, 2.0 * knee);
  soft = soft * soft / (4.0 * knee + 1e-5);
  return c * (min(max(soft, l - params.threshold), kMaxExcess) / max(l, 1e-5));
}

vec3 tap(vec2 uv) {
  vec3 c = texture(source, uv).rgb;
  return kPrefilter != 0u ? bright(c) : c;
}

void main() {
  vec2 t = params.source_texel;
  vec3 sum = tap(in_uv + vec2(-t.x, -t.y)) + tap(in_uv + vec2(t.x, -t.y)) + tap(in_uv + vec2(-t.x, t.y)) +
             tap(in_uv + vec2(t.x, t.y));
  out_color = vec4(sum * 0.25, 1.0);
}
