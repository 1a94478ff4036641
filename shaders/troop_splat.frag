#version 460
#extension GL_GOOGLE_include_directive : require
#define TROOP_SPLAT_PUSH
#include "shaders/common.glsl"
#include "shaders/lights.glsl"
#include "shaders/troop_common.glsl"
#include "shaders/troop_splat.glsl"
#include "shaders/impostor_light.glsl"

// The splat's resolve, in the scene pass over the tiles the splat flagged (troop_splat.vert):
// where a far figure was splatted, the colour his impostor would give this pixel (the baked
// view sampled where the pixel's centre lies in his quad, tinted and lit alike), his unit's
// object id, and his depth, tested against what is drawn; elsewhere, nothing.
// Each pixel's nearest figure as the splat left it: a uint64 (depth << 32 | payload) read as
// its two little-endian words, which troop_splat_words.comp writes one by one.
layout(set = 2, binding = 0, std430) readonly buffer Splat { uvec2 splat[]; };

layout(location = 0) out vec4 out_color;
layout(location = 1) out uint out_object;

void main() {
  uvec2 pixel = uvec2(gl_FragCoord.xy);
  uvec2 word = splat[pixel.y * pc.width + pixel.x];
  uint depth = word.y;
  if (depth == 0u) discard;
  uint payload = word.x;
  FarFigure f = far_figure(instances[payload & ((1u << kSplatBlockShift) - 1u)], payload >> kSplatBlockShift);
  vec2 centre = splat_pixels(pc.view_proj * vec4(f.centre, 1.0));
  vec4 texel;
  // The same test the splat passed (the same arithmetic on the same values).
  if (!far_figure_covers(f, centre, far_figure_unaxes(far_figure_axes(f, centre)), gl_FragCoord.xy, texel)) discard;
  vec3 albedo = units[f.unit].colour * 0.55;  // lying: impostor.frag's flat tint
  if (!f.lying) {
    float class_alpha = (round(texel.a * kAtlasClassSteps) - 1.0) * 0.25;
    albedo = team_colour(texel.rgb, class_alpha, f.unit, f.look, (pc.mode & kTroopPlain) != 0u);
  }
  out_object = units[f.unit].object_id;
  gl_FragDepth = uintBitsToFloat(depth);
  out_color = vec4((pc.mode & kTroopFlat) != 0u ? albedo : impostor_light(albedo, f.centre, f.normal), 1.0);
}
