// Troop instances and per-unit colours: shared by the troop and impostor shaders.
#ifndef SIEGE_TROOP_COMMON_GLSL
#define SIEGE_TROOP_COMMON_GLSL

layout(set = 1, binding = 0, std430) readonly buffer Instances { TroopInstance instances[]; };
layout(set = 1, binding = 1, std430) readonly buffer Units { TroopUnit units[]; };
// Push constants: TroopPush, or BlobPush where the includer defines TROOP_BLOB_PUSH first.
#ifdef TROOP_BLOB_PUSH
layout(push_constant) uniform Push { BlobPush pc; };
#else
layout(push_constant) uniform Push { TroopPush pc; };
#endif

const float kTau = 6.28318530718;

// TroopInstance::packed (shaders/shared.h).
float instance_heading(uint packed) { return float(packed & (kHeadingSteps - 1u)) * (kTau / float(kHeadingSteps)); }
uint instance_phase(uint packed) { return (packed >> kPhaseShift) & (kPhaseSteps - 1u); }
uint instance_pose(uint packed) { return (packed >> kPoseShift) & kPoseMask; }
uint instance_unit(uint packed) { return packed >> kUnitShift; }

// Model space (figure faces -z) to world: clockwise heading about +y.
vec3 rotate_heading(vec3 p, float heading) {
  float c = cos(heading), s = sin(heading);
  return vec3(p.x * c - p.z * s, p.y, p.x * s + p.z * c);
}

// The colour a vertex's colour class (its alpha) asks for: the faction's, the unit's banner,
// or its own.
vec3 team_colour(vec4 albedo_code, uint unit) {
  if (albedo_code.a > kClassFactionAbove) return units[unit].colour * albedo_code.rgb;
  if (albedo_code.a > kClassBannerAbove) return units[unit].banner * albedo_code.rgb;
  return albedo_code.rgb;
}

#endif
