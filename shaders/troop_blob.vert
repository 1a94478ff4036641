#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/common.glsl"
#define TROOP_BLOB_PUSH
#include "shaders/troop_common.glsl"

// The shadow a near figure casts on the ground, as a soft quad stretched away from the sun.
// The sun's shadow map is fitted to the whole siege (metres per texel), far too coarse for a
// man; figures drawn as meshes get this instead (renderer/troops.cpp); pc is a BlobPush.
layout(location = 0) out vec2 out_uv;  // x across the shadow (-1..1), y along it (0 feet .. 1 tip)

void main() {
  TroopInstance inst = instances[gl_InstanceIndex];
  const vec2 corners[6] = vec2[](vec2(-1, -0.15), vec2(1, -0.15), vec2(1, 1), vec2(-1, -0.15), vec2(1, 1), vec2(-1, 1));
  vec2 c = corners[gl_VertexIndex];
  vec3 sun = frame.sun_direction;
  vec2 flat_sun = sun.xz;
  float horizontal = max(length(flat_sun), 1e-3);
  vec2 along = -flat_sun / horizontal;
  vec2 across = vec2(-along.y, along.x);
  // Shadow length on level ground, kept short at noon and finite at dawn.
  float height = instance_lying(inst.motion) ? 0.5 : pc.figure_height;
  float len = clamp(height * horizontal / max(sun.y, 0.05), 0.4, 12.0);
  vec2 xz = vec2(inst.x, inst.z) + along * (c.y * len) + across * (c.x * pc.shadow_half_width);
  // Lifted over the road ribbons (0.25 m) and small errors of the coarser ground.
  vec3 world = vec3(xz.x, inst.y + 0.35, xz.y);
  out_uv = c;
  gl_Position = frame.view_proj * vec4(world, 1.0);
}
