// The bloom the chain left (renderer/bloom.cpp), for the tonemap pass: set 0, binding 1, at a
// quarter of the frame's size, read bilinearly.
#ifndef SIEGE_BLOOM_GLSL
#define SIEGE_BLOOM_GLSL

layout(set = 0, binding = 1) uniform sampler2D bloom_image;
// 0 for frames with nothing that glows (renderer.cpp skips the chain): no sample at all.
layout(constant_id = 0) const uint kBloom = 1;

// Radiance to add to the HDR pixel at uv (0..1 over the frame).
vec3 bloom_at(vec2 uv, float strength) {
  if (kBloom == 0u) return vec3(0.0);
  return texture(bloom_image, uv).rgb * strength;
}

#endif
