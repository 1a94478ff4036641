#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/common.glsl"

// Camera-facing billboards for smoke, flames, dust, stones and fire arrows.
layout(set = 1, binding = 0, std430) readonly buffer Effects { EffectInstance effects[]; };

layout(location = 0) out vec2 out_uv;
layout(location = 1) flat out uint out_index;
layout(location = 2) out vec3 out_world;

// One draw of 6 vertices a particle, not instanced: a CPU driver runs its vertex pipeline once
// per instance, which for six vertices is mostly overhead. Vertex 6i + c is corner c of
// particle i, so the triangles come in the same order as instances would give them.
void main() {
  uint index = uint(gl_VertexIndex) / 6u;
  uint c = uint(gl_VertexIndex) % 6u;
  EffectInstance e = effects[index];
  // The two triangles' corners by bits, not from an array a CPU driver would spill and gather.
  vec2 corner = vec2(c == 1u || c == 2u || c == 4u ? 1.0 : -1.0, c == 2u || c == 4u || c == 5u ? 1.0 : -1.0);
  vec3 centre = vec3(e.x, e.y, e.z);
  vec3 to_cam = normalize(frame.camera_position - centre);
  vec3 up = vec3(0, 1, 0) - to_cam * to_cam.y;
  up = dot(up, up) > 1e-6 ? normalize(up) : vec3(0, 0, -1);
  vec3 right = cross(up, to_cam);
  // Far away, keep every effect at least ~2 pixels wide so volleys stay visible.
  float dist = length(frame.camera_position - centre);
  float size = max(e.size, dist * 0.0012);
  vec3 world = centre + (corner.x * right + corner.y * up) * size;
  out_uv = corner;
  out_index = index;
  out_world = world;
  gl_Position = frame.view_proj * vec4(world, 1.0);
}
