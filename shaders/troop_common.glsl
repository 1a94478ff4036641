// Troop instances and per-unit colours: shared by the troop and impostor shaders.
#ifndef SIEGE_TROOP_COMMON_GLSL
#define SIEGE_TROOP_COMMON_GLSL

layout(set = 1, binding = 0, std430) readonly buffer Instances { TroopInstance instances[]; };
layout(set = 1, binding = 1, std430) readonly buffer Units { TroopUnit units[]; };
layout(push_constant) uniform Push { TroopPush pc; };

const float kTau = 6.28318530718;

float instance_heading(uint packed) { return float(packed & 511u) * (kTau / 512.0); }
uint instance_phase(uint packed) { return (packed >> 9) & 63u; }
uint instance_pose(uint packed) { return (packed >> 15) & 3u; }
uint instance_unit(uint packed) { return packed >> 17; }

// Model space (figure faces -z) to world: clockwise heading about +y.
vec3 rotate_heading(vec3 p, float heading) {
  float c = cos(heading), s = sin(heading);
  return vec3(p.x * c - p.z * s, p.y, p.x * s + p.z * c);
}

// The colour a vertex's alpha code asks for: the faction's, the unit's banner, or its own.
vec3 team_colour(vec4 albedo_code, uint unit) {
  if (albedo_code.a > 0.75) return units[unit].colour.rgb * albedo_code.rgb;
  if (albedo_code.a > 0.25) return units[unit].banner.rgb * albedo_code.rgb;
  return albedo_code.rgb;
}

#endif
