#version 460
#extension GL_GOOGLE_include_directive : require

// Depth from the sun: a near tree's mesh through the cascade's matrix; bare crowns cast only
// their boughs. Frame uniforms are not bound here: the season comes in the push constant.
layout(location = 0) in vec3 in_position;
layout(location = 2) in vec4 in_color;

#include "shaders/tree_shared.h"
layout(push_constant) uniform Push { TreePush pc; };
layout(set = 0, binding = 0, std430) readonly buffer TreeInstances { TreeGpuInstance trees[]; };

void main() {
  TreeGpuInstance t = trees[gl_InstanceIndex];
  uint material = uint(round(in_color.a * 255.0));
  if (material == kMaterialLeaves && pc.season.x < 0.3) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    return;
  }
  float c = cos(t.yaw), s = sin(t.yaw);
  vec3 p = in_position * t.scale;
  vec3 world = vec3(p.x * c + p.z * s, p.y, -p.x * s + p.z * c) + vec3(t.x, t.y, t.z);
  gl_Position = pc.view_proj * vec4(world, 1.0);
}
