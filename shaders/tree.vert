#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/common.glsl"
#include "shaders/tree_common.glsl"

// A tree's mesh (scene/world/tree_meshes.h) per instance: turned, scaled and set on its foot;
// crowns thinned or dropped by the season; haze per vertex as for the world.
layout(location = 0) in vec3 in_position;
layout(location = 1) in vec3 in_normal;
layout(location = 2) in vec4 in_color;  // a: the material code

layout(location = 0) out vec3 out_world;
layout(location = 1) out vec3 out_normal;
layout(location = 2) out vec3 out_albedo;
layout(location = 3) flat out uint out_object;
layout(location = 4) out vec4 out_haze;
layout(location = 5) flat out float out_leafy;  // 1 leaves or reeds (light passes through), 0 bark

void main() {
  TreeGpuInstance t = trees[gl_InstanceIndex];
  uint material = uint(round(in_color.a * 255.0));
  vec3 world;
  if (!tree_vertex(t, in_position, material, world)) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    return;
  }
  bool leafy = material == kMaterialLeaves || material == kMaterialReeds;
  out_world = world;
  out_normal = rotate_yaw(in_normal, t.yaw);
  out_albedo = leafy ? leaf_colour(t, in_color.rgb, frame.foliage, frame.foliage_autumn)
                     : in_color.rgb * (0.9 + 0.2 * tree_random(t.seed, 5u));
  out_object = t.object;
  out_haze = haze_at(world);
  out_leafy = leafy ? 1.0 : 0.0;
  gl_Position = frame.view_proj * vec4(world, 1.0);
}
