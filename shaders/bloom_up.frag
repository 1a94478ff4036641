#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/shared.h"
// One step up the bloom chain (renderer/bloom.cpp): the smaller level, blurred by four
// bilinear taps half a source texel off this pixel's centre diagonally (a tent about three
// texels wide, for half the taps of a 3×3 one), added onto this level (alpha 0 under
// premultiplied blending adds).
layout(set = 0, binding = 0) uniform sampler2D source;
layout(push_constant) uniform Push { BloomPush params; };

layout(location = 0) in vec2 in_uv;
layout(location = 0) out vec4 out_color;

void main() {
  vec2 t = 0.5 * params.source_texel;
  vec3 sum = texture(source, in_uv + vec2(-t.x, -t.y)).rgb + texture(source, in_uv + vec2(t.x, -t.y)).rgb +
             texture(source, in_uv + vec2(-t.x, t.y)).rgb + texture(source, in_uv + vec2(t.x, t.y)).rgb;
  out_color = vec4(sum * 0.25, 0.0);
}
