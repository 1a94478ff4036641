#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/shared.h"
#include "shaders/bloom.glsl"
// HDR scene radiance -> display-referred 8-bit sRGB, with a filmic curve and a tiny ordered
// dither so skies do not band.
layout(set = 0, binding = 0) uniform sampler2D hdr_image;
layout(push_constant) uniform Push { TonemapPush params; };

layout(location = 0) in vec2 in_uv;
layout(location = 0) out vec4 out_color;

vec3 filmic(vec3 x) {  // a rational fit of the ACES reference rendering transform
  return clamp((x * (2.51 * x + 0.03)) / (x * (2.43 * x + 0.59) + 0.14), 0.0, 1.0);
}

vec3 to_srgb(vec3 c) {
  return mix(c * 12.92, 1.055 * pow(c, vec3(1.0 / 2.4)) - 0.055, step(vec3(0.0031308), c));
}

void main() {
  ivec2 pixel = ivec2(gl_FragCoord.xy);
  vec3 hdr = texelFetch(hdr_image, pixel, 0).rgb + bloom_at(in_uv, params.bloom_strength);
  vec3 display = to_srgb(filmic(hdr * params.exposure));
  const float bayer[16] = float[](0, 8, 2, 10, 12, 4, 14, 6, 3, 11, 1, 9, 15, 7, 13, 5);
  float dither = (bayer[(pixel.y & 3) * 4 + (pixel.x & 3)] + 0.5) / 16.0 - 0.5;
  out_color = vec4(display + dither / 255.0, 1.0);
}
