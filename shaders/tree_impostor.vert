#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/common.glsl"
#include "shaders/tree_common.glsl"

// A far tree as one quad facing the camera, its crown and trunk drawn by tree_impostor.frag
// from the kind's outline (TreeKindShape). Not instanced (lavapipe runs its vertex pipeline
// once per instance): quads 4i..4i+3 with vertexOffset = 4 × the bin's first tree, so
// gl_VertexIndex / 4 is the tree. The quad turns up towards the camera, so from the air a
// crown is still a disc rather than an edge.
layout(location = 0) out vec2 out_local;  // metres: x across, y up the tree from its foot
layout(location = 1) flat out uint out_tree;
layout(location = 2) out vec3 out_world;
layout(location = 3) flat out vec3 out_right;
layout(location = 4) flat out vec3 out_up;
layout(location = 5) flat out vec3 out_towards;  // towards the camera
layout(location = 6) out vec4 out_haze;

layout(push_constant) uniform Push { TreeImpostorPush pc; };

void main() {
  uint tree = uint(gl_VertexIndex) >> 2;
  uint corner = uint(gl_VertexIndex) & 3u;
  TreeGpuInstance t = trees[tree];
  TreeKindShape shape = tree_kinds[t.kind];
  vec3 foot = vec3(t.x, t.y, t.z);
  float top = shape.crown.w * t.scale;
  vec3 centre = foot + vec3(0.0, 0.5 * top, 0.0);
  vec3 to_cam = normalize(frame.camera_position - centre);
  vec3 up = vec3(0, 1, 0) - to_cam * to_cam.y;
  up = dot(up, up) > 1e-6 ? normalize(up) : vec3(0, 0, -1);
  vec3 right = normalize(cross(up, to_cam));
  float half_width = (shape.crown.y * 1.15 + 0.3) * t.scale;
  // A tree far off stays about a pixel and a half across, its outline scaled up with it: rows
  // of willows still line a river seen from kilometres away, and a quad thinner than a pixel
  // would flicker in and out as the camera moves.
  float pixel_m = pc.pixel_angle * length(frame.camera_position - centre);
  float grow = max(1.0, 0.75 * pixel_m / (shape.crown.y * t.scale));
  vec2 unit = vec2((corner == 1u || corner == 2u) ? 1.0 : -1.0, corner >= 2u ? 1.0 : 0.0);
  out_local = vec2(unit.x * half_width, unit.y * top) / t.scale;
  half_width *= grow;
  top *= grow;
  vec3 world = foot + right * (unit.x * half_width) + up * (unit.y * top);
  out_tree = tree;
  out_world = world;
  out_right = right;
  out_up = up;
  out_towards = to_cam;
  out_haze = haze_at(world);
  gl_Position = frame.view_proj * vec4(world, 1.0);
}
