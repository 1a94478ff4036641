// The tree pass's layouts, shared by renderer/trees.cpp and shaders/tree*: kept beside
// shaders/shared.h rather than in it, as the trees are one pass of their own.
#ifndef SIEGE_SHADERS_TREE_SHARED_H
#define SIEGE_SHADERS_TREE_SHARED_H

#include "shaders/shared.h"

#ifdef __cplusplus
namespace shaders {
#define SIEGE_TREE_CONST inline constexpr
#else
#define SIEGE_TREE_CONST const
#endif

// One per drawn tree (std430, 32 bytes), read by gl_InstanceIndex (meshes) or
// gl_VertexIndex / 4 (impostors); written bin after bin each frame.
struct TreeGpuInstance {
  float x;
  float y;
  float z;         // the trunk's foot
  float yaw;       // radians about +y
  float scale;     // of the kind's mesh
  uint object;     // the grove's id for the ID pass
  uint seed;       // per-tree variety: tint, when it leafs
  uint kind;       // scene::TreeKind
};

SIEGE_TREE_CONST uint kTreeKinds = 5u;      // scene::kTreeKindCount
SIEGE_TREE_CONST uint kTreeKindReeds = 4u;  // scene::TreeKind::Reeds
SIEGE_TREE_CONST uint kTreeKindWillow = 0u;
// scene::Material codes the tree shaders single out (scene/model/material.h).
SIEGE_TREE_CONST uint kMaterialLeaves = 11u;
SIEGE_TREE_CONST uint kMaterialReeds = 12u;

// Per kind (scene::TreeShape): the impostor's crown and trunk, and its colours.
struct TreeKindShape {
  vec4 crown;   // centre height, horizontal radius, vertical radius, top
  vec4 leaves;  // rgb summer albedo, a trunk radius
  vec4 bark;    // rgb albedo
};

// Push constants of the trees' shadow pipeline (it binds no frame uniforms).
struct TreePush {
  mat4 view_proj;  // world -> the cascade's clip space
  vec4 season;     // x: FrameUniforms::foliage (bare crowns cast only their boughs)
};

// Push constants of the impostor pipeline.
struct TreeImpostorPush {
  float pixel_angle;  // radians one pixel spans: far quads never shrink below a pixel or two
};

#ifdef __cplusplus
static_assert(sizeof(TreeImpostorPush) == 4);
static_assert(sizeof(TreeGpuInstance) == 32);
static_assert(offsetof(TreeGpuInstance, yaw) == 12);
static_assert(offsetof(TreeGpuInstance, object) == 20);
static_assert(offsetof(TreeGpuInstance, kind) == 28);
static_assert(sizeof(TreeKindShape) == 48);
static_assert(sizeof(TreePush) == 80);
static_assert(offsetof(TreePush, season) == 64);
}  // namespace shaders
#endif

#undef SIEGE_TREE_CONST
#endif
