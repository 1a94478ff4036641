#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/shared.h"
#include "shaders/bloom.glsl"
// HDR scene radiance -> display-referred 8 bits through the display table (the OCIO config's
// display and view, or the built-in filmic sRGB), with a tiny ordered dither so skies do not band.
layout(set = 0, binding = 0) uniform sampler2D hdr_image;
// size blue slices of size × size side by side (renderer/display_lut_image.h).
layout(set = 0, binding = 2) uniform sampler2D display_table;
layout(push_constant) uniform Push { TonemapPush params; };

layout(location = 0) in vec2 in_uv;
layout(location = 0) out vec4 out_color;

// Each axis indexed by log2 of the input; trilinear as two bilinear taps in the neighbouring
// blue slices.
vec3 display_transform(vec3 x) {
  float n = params.lut_size;
  vec3 u = clamp((log2(max(x, vec3(1e-30))) - params.lut_log2_min) / (params.lut_log2_max - params.lut_log2_min),
                 0.0, 1.0) * (n - 1.0);
  float b0 = min(floor(u.b), n - 2.0);
  vec2 texel = vec2(1.0 / (n * n), 1.0 / n);
  vec2 rg = u.rg + 0.5;
  vec3 c0 = texture(display_table, vec2(rg.x + b0 * n, rg.y) * texel).rgb;
  vec3 c1 = texture(display_table, vec2(rg.x + (b0 + 1.0) * n, rg.y) * texel).rgb;
  return mix(c0, c1, u.b - b0);
}

void main() {
  ivec2 pixel = ivec2(gl_FragCoord.xy);
  vec3 hdr = texelFetch(hdr_image, pixel, 0).rgb + bloom_at(in_uv, params.bloom_strength);
  vec3 display = display_transform(hdr * params.exposure);
  // The 4×4 Bayer matrix by its bits (x^y and y interleaved, reversed): a CPU driver spills a
  // constant array indexed per pixel to memory and gathers from it.
  int xy = pixel.x ^ pixel.y;
  int bayer = ((xy & 1) << 3) | ((pixel.y & 1) << 2) | (xy & 2) | ((pixel.y >> 1) & 1);
  float dither = (float(bayer) + 0.5) / 16.0 - 0.5;
  out_color = vec4(display + dither / 255.0, 1.0);
}
