#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/common.glsl"
#include "shaders/troop_common.glsl"

// One figure per instance, vertex-animated: the vertex's position and normal in the instance's
// clip at its phase, between the two baked frames around it (renderer/figure_frames.h); then
// the man's build and colours from his look, and his heading. A vertex of a kit variant the
// look did not choose is dropped (its triangle collapses outside the clip volume).
layout(location = 0) in vec3 in_position;  // the rest pose (unused: the frames hold it)
layout(location = 1) in vec3 in_normal;
layout(location = 2) in vec4 in_color;  // a: colour class
layout(location = 3) in uint in_object;  // scene::figure_vertex_object: vertex index, variant

layout(location = 0) out vec3 out_world;
layout(location = 1) out vec3 out_normal;
layout(location = 2) out vec4 out_albedo;  // rgb albedo (the bake: the tint, a the colour class)
layout(location = 3) flat out uint out_unit;

void main() {
  TroopInstance inst = instances[gl_InstanceIndex];
  uint unit = instance_unit(inst.packed);
  bool bake = (pc.mode & kTroopBake) != 0u;
  bool plain = bake || (pc.mode & kTroopPlain) != 0u;
  uint look = plain ? 0u : inst.look;
  uint clip_code = instance_clip(inst.motion);
  FigureClip clip = figure_clips[pc.figure * kClipCount + clip_code];

  // The variant group 1..3 this vertex belongs to (0: always drawn) and its option.
  uint group = (in_object >> 16) & 15u;
  if (group != 0u) {
    uint options = (clip.variants >> (4u * (group - 1u))) & 15u;
    if (((in_object >> 20) & 15u) != look_variant(look, group - 1u, options)) {
      gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
      return;
    }
  }

  // Frames around the phase: loops wrap to their first frame, one-shot and held clips stop
  // at their last.
  uint vertex = in_object & 0xffffu;
  float phase = instance_phase(inst.motion);
  bool loops = clip_code < kClipFall;
  float f = loops ? phase * float(clip.frames) : phase * float(clip.frames - 1u);
  uint f0 = min(uint(f), clip.frames - 1u);
  uint f1 = loops ? (f0 + 1u) % clip.frames : min(f0 + 1u, clip.frames - 1u);
  float t = f - float(f0);
  vec3 p0, n0, p1, n1;
  frame_vertex(clip.base + f0 * clip.vertex_count + vertex, p0, n0);
  frame_vertex(clip.base + f1 * clip.vertex_count + vertex, p1, n1);
  vec3 p = mix(p0, p1, t);
  vec3 n = mix(n0, n1, t);

  vec2 build = plain ? vec2(1.0) : look_build(look);
  p *= vec3(build.x, build.y, build.x);

  float heading = instance_heading(inst.packed);
  vec3 world = rotate_heading(p, heading) + vec3(inst.x, inst.y, inst.z);
  out_world = world;
  out_normal = rotate_heading(n, heading);
  out_albedo = bake ? in_color : vec4(team_colour(in_color.rgb, in_color.a, unit, look, plain), 1.0);
  out_unit = unit;
  gl_Position = frame.view_proj * vec4(world, 1.0);
}
