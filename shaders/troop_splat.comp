#version 460
#extension GL_GOOGLE_include_directive : require
#extension GL_EXT_shader_explicit_arithmetic_types_int64 : require
#extension GL_EXT_shader_atomic_int64 : require
#define TROOP_SPLAT_PUSH
#include "shaders/shared.h"
#include "shaders/troop_common.glsl"
#include "shaders/troop_splat.glsl"

// Far figures by compute splat (Schuetz, Kerbl and Wimmer 2021) where the device has 64-bit
// buffer atomics: one atomicMax of depth | payload keeps the nearest figure and breaks a tie
// in one step. (troop_splat_words.comp does the same in two passes without them.)
layout(set = 2, binding = 0, std430) buffer Splat { uint64_t splat[]; };

bool splat_offer(uint pixel, uint depth, uint payload) {
  atomicMax(splat[pixel], uint64_t(depth) << 32 | uint64_t(payload));
  return true;
}

#include "shaders/troop_splat_main.glsl"
