// The tree pass's instances and kinds (shaders/tree_shared.h), and what the season does to a
// tree: shared by tree.vert, tree_impostor.vert and tree_shadow.vert.
#ifndef SIEGE_TREE_COMMON_GLSL
#define SIEGE_TREE_COMMON_GLSL

#include "shaders/tree_shared.h"

layout(set = 1, binding = 0, std430) readonly buffer TreeInstances { TreeGpuInstance trees[]; };
layout(set = 1, binding = 1, std430) readonly buffer TreeKinds { TreeKindShape tree_kinds[]; };

float tree_random(uint seed, uint salt) {
  uint h = seed * 0x9E3779B9u ^ salt * 0x85EBCA6Bu;
  h ^= h >> 15;
  h *= 0x2C1B3C6Du;
  h ^= h >> 12;
  return float(h & 0xFFFFu) / 65535.0;
}

// How much of its crown this tree carries today (0 bare .. 1 full): the season's foliage,
// earlier for willows (they green a fortnight before the rest), each tree a little early or
// late. Reeds keep their stems all year (they turn straw-coloured instead).
float tree_leaf_amount(TreeGpuInstance t, float foliage) {
  if (t.kind == kTreeKindReeds) return 1.0;
  float f = foliage + (t.kind == kTreeKindWillow ? 0.12 : 0.0) + 0.12 * (tree_random(t.seed, 1u) - 0.5);
  return smoothstep(0.15, 0.55, f);
}

// Summer green turned by autumn (yellow-brown, each tree at its own pace), a little varied
// tree by tree; reeds go straw-coloured over winter.
vec3 leaf_colour(TreeGpuInstance t, vec3 summer, float foliage, float autumn) {
  float tint = 0.85 + 0.3 * tree_random(t.seed, 2u);
  vec3 c = summer * tint;
  c.g *= 0.94 + 0.12 * tree_random(t.seed, 3u);
  if (t.kind == kTreeKindReeds) return mix(c, vec3(0.30, 0.25, 0.15) * tint, 1.0 - foliage);
  // Willows hold their green longest; the rest turn over October, each at its own pace.
  float pace = (t.kind == kTreeKindWillow ? 0.6 : 0.8) + 0.4 * tree_random(t.seed, 4u);
  float turn = smoothstep(0.35, 1.0, autumn * pace);
  return mix(c, vec3(0.18, 0.12, 0.045) * tint, turn);
}

vec3 rotate_yaw(vec3 p, float yaw) {
  float c = cos(yaw), s = sin(yaw);
  return vec3(p.x * c + p.z * s, p.y, -p.x * s + p.z * c);
}

// A mesh vertex of tree `t` in the world; leaves shrink towards the crown's centre as they
// thin and vanish (the triangle collapses outside the clip volume) on a bare tree.
bool tree_vertex(TreeGpuInstance t, vec3 p, uint material, out vec3 world) {
  if (material == kMaterialLeaves) {
    float amount = tree_leaf_amount(t, frame.foliage);
    if (amount < 0.02) return false;
    vec3 centre = vec3(0.0, tree_kinds[t.kind].crown.x, 0.0);
    p = centre + (p - centre) * mix(0.55, 1.0, amount);
  }
  world = rotate_yaw(p * t.scale, t.yaw) + vec3(t.x, t.y, t.z);
  return true;
}

#endif
