#version 460
#extension GL_GOOGLE_include_directive : require
#include "shaders/common.glsl"
#include "shaders/lights.glsl"

// Soft round particles, premultiplied alpha, blended back to front (renderer/effects.cpp);
// the ID image is not written, so picking sees what is behind the smoke.
layout(set = 1, binding = 0, std430) readonly buffer Effects { EffectInstance effects[]; };

layout(location = 0) in vec2 in_uv;
layout(location = 1) flat in uint in_index;
layout(location = 2) in vec3 in_world;

layout(location = 0) out vec4 out_color;
layout(location = 1) out uint out_object;

void main() {
  EffectInstance e = effects[in_index];
  vec4 c = unpackUnorm4x8(e.colour);
  float r = length(in_uv);
  // Lumpy edges for smoke and flames, from the particle's seed.
  float lumps = 0.12 * sin(atan(in_uv.y, in_uv.x) * 5.0 + e.seed * 6.28) ;
  float shape = e.kind <= 1u ? 1.0 - smoothstep(0.45 + lumps, 1.0 + lumps, r) : 1.0 - smoothstep(0.7, 1.0, r);
  float alpha = c.a * shape;
  if (alpha < 0.004) discard;
  vec3 colour = c.rgb;
  if (e.kind == 1u || e.kind == 4u) {
    colour *= e.glow * (1.0 - 0.5 * r);  // emissive: hotter in the middle
    out_color = vec4(colour * min(frame.exposure, 3.0) * alpha, alpha);  // flames stay flame-coloured at night
  } else {
    vec3 sun = frame.sun_direction;
    vec3 ambient = ambient_light(vec3(0.0, 0.5, 0.0)) * 2.0;
    vec3 lit = colour * (frame.sun_color * (0.45 + 0.35 * max(sun.y, 0.0)) + ambient + local_light(in_world, vec3(0, -1, 0))) + colour * e.glow;
    out_color = vec4(apply_haze(lit, in_world) * frame.exposure * alpha, alpha);
  }
  out_object = 0u;
}
