#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/common.glsl"
#include "shaders/lights.glsl"

// Trees lit like the world: the key light through its shadow cascades, the sky's and the
// ground's light by facing, local fires; leaves let some light through (wrapped diffuse) and
// snow whitens what faces up.
layout(location = 0) in vec3 in_world;
layout(location = 1) in vec3 in_normal;
layout(location = 2) in vec3 in_albedo;
layout(location = 3) flat in uint in_object;
layout(location = 4) in vec4 in_haze;
layout(location = 5) flat in float in_leafy;

layout(location = 0) out vec4 out_color;
layout(location = 1) out uint out_object;

void main() {
  vec3 n = normalize(in_normal);
  if (!gl_FrontFacing && in_leafy < 0.5) n = -n;
  vec3 albedo = in_albedo;
  // Snow lies on boughs and crowns that face up, less than on open ground.
  albedo = mix(albedo, vec3(0.72, 0.74, 0.78), frame.snow_cover * 0.6 * smoothstep(0.3, 0.9, n.y));
  vec3 sun = frame.sun_direction;
  float facing = dot(n, sun);
  float diffuse = in_leafy > 0.5 ? max(facing * 0.6 + 0.4, 0.0) * 0.85 : max(facing, 0.0);
  if (diffuse > 0.0) diffuse *= sun_visibility(in_world, n);
  vec3 lit = albedo * (frame.sun_color * diffuse + ambient_light(n) + local_light(in_world, n));
  out_color = vec4(mix(lit, in_haze.rgb, in_haze.a) * frame.exposure,
                   min(length(in_world - frame.camera_position), kFarDistance));
  out_object = in_object;
}
