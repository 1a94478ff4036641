#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/common.glsl"
#include "shaders/troop_common.glsl"

// One figure per instance: walk/run cycle by part code, fallen and sitting poses, heading.
layout(location = 0) in vec3 in_position;
layout(location = 1) in vec3 in_normal;
layout(location = 2) in vec4 in_color;  // a: team colour code
layout(location = 3) in uint in_part;   // kPart* (shaders/shared.h)

layout(location = 0) out vec3 out_world;
layout(location = 1) out vec3 out_normal;
layout(location = 2) out vec4 out_albedo;  // rgb albedo or tint, a: team colour code
layout(location = 3) flat out uint out_unit;

// Rotates p about a horizontal axis (x) through height `pivot` by angle a.
vec3 swing_x(vec3 p, float pivot, float a) {
  float c = cos(a), s = sin(a);
  float y = p.y - pivot;
  return vec3(p.x, pivot + y * c - p.z * s, y * s + p.z * c);
}

void main() {
  TroopInstance inst = instances[gl_InstanceIndex];
  uint packed = inst.packed;
  uint phase_q = instance_phase(packed);
  uint pose = instance_pose(packed);
  vec3 p = in_position;
  vec3 n = in_normal;

  if (phase_q != 0u && pose < kPoseFallen) {
    float phase = float(phase_q) * (kTau / float(kPhaseSteps));
    float run = pose == kPoseRun ? 1.0 : 0.0;
    float swing = sin(phase) * mix(0.45, 0.8, run);
    float a = 0.0, pivot = 0.0;
    if (in_part == kPartLegA) { a = swing; pivot = kHipPivot; }
    else if (in_part == kPartLegB) { a = -swing; pivot = kHipPivot; }
    else if (in_part == kPartArmA) { a = -0.6 * swing; pivot = kShoulderPivot; }
    else if (in_part == kPartArmB) { a = 0.6 * swing; pivot = kShoulderPivot; }
    else if (in_part == kPartHoofA) { a = 0.8 * swing; pivot = kHoofPivot; }
    else if (in_part == kPartHoofB) { a = -0.8 * swing; pivot = kHoofPivot; }
    if (a != 0.0) {
      p = swing_x(p, pivot, a);
      n = swing_x(n, 0.0, a);
    }
    p.y += abs(cos(phase)) * mix(0.03, 0.08, run);  // the body rises over each stride
    if (run > 0.0) {                                 // runners lean into the run
      p = swing_x(p, 0.0, -0.22);
      n = swing_x(n, 0.0, -0.22);
    }
  }
  if (pose == kPoseFallen) {  // fallen: lying face down along the heading, a little above the ground
    p = swing_x(p, 0.0, -1.5708);
    n = swing_x(n, 0.0, -1.5708);
    p.y += 0.16;
  } else if (pose == kPoseSitting) {  // sitting in camp
    p.y *= 0.62;
  }

  float heading = instance_heading(packed);
  vec3 world = rotate_heading(p, heading) + vec3(inst.x, inst.y, inst.z);
  out_world = world;
  out_normal = rotate_heading(n, heading);
  out_albedo = in_color;
  out_unit = instance_unit(packed);
  gl_Position = frame.view_proj * vec4(world, 1.0);
}
