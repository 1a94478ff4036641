#version 460
#extension GL_GOOGLE_include_directive : require
#define TROOP_SPLAT_PUSH
#include "shaders/shared.h"
#include "shaders/troop_common.glsl"
#include "shaders/troop_splat.glsl"

// Far figures by compute splat on a device without 64-bit buffer atomics, in two passes over
// the same figures: the first keeps each pixel's largest depth (the nearest, reverse Z), the
// second, among the figures at that depth, the largest payload. That is the order of
// troop_splat.comp's one 64-bit maximum, so both leave the same words: a pixel's pair of uints
// is laid out as a little-endian uint64 (payload, then depth), as the resolve reads it.
layout(constant_id = 0) const uint kPayloadPass = 0;
layout(set = 2, binding = 0, std430) buffer Splat { uvec2 splat[]; };

bool splat_offer(uint pixel, uint depth, uint payload) {
  if (kPayloadPass == 0u) {
    atomicMax(splat[pixel].y, depth);
    return true;
  }
  // The first pass has finished: the depth is final.
  if (splat[pixel].y == depth) atomicMax(splat[pixel].x, payload);
  return false;
}

#include "shaders/troop_splat_main.glsl"
