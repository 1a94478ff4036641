// Troop instances, per-unit colours, the kits' palettes and the figures' animation frames:
// shared by the troop and impostor shaders (and the impostor bake).
#ifndef SIEGE_TROOP_COMMON_GLSL
#define SIEGE_TROOP_COMMON_GLSL

layout(set = 1, binding = 0, std430) readonly buffer Instances { TroopInstance instances[]; };
layout(set = 1, binding = 1, std430) readonly buffer Units { TroopUnit units[]; };
// The vertex animation: FigureClip (shaders/shared.h) says where a clip's frames start.
layout(set = 1, binding = 3, std430) readonly buffer Frames { uvec2 frame_vertices[]; };
layout(set = 1, binding = 4, std430) readonly buffer Figures {
  KitColours kit_colours[kKits];
  FigureClip figure_clips[];  // figure * kClipCount + clip
};
// Push constants: TroopPush, or BlobPush (SplatPush) where the includer defines
// TROOP_BLOB_PUSH (TROOP_SPLAT_PUSH) first.
#if defined(TROOP_BLOB_PUSH)
layout(push_constant) uniform Push { BlobPush pc; };
#elif defined(TROOP_SPLAT_PUSH)
layout(push_constant) uniform Push { SplatPush pc; };
#else
layout(push_constant) uniform Push { TroopPush pc; };
#endif

const float kTau = 6.28318530718;

// TroopInstance::packed and ::motion (shaders/shared.h).
float instance_heading(uint packed) { return float(packed & (kHeadingSteps - 1u)) * (kTau / float(kHeadingSteps)); }
uint instance_unit(uint packed) { return packed >> kUnitShift; }
uint instance_clip(uint motion) { return (motion >> kMotionClipShift) & kMotionClipMask; }
float instance_phase(uint motion) { return float(motion & 0xffffu) / float(kMotionPhaseMax); }
// Lying on the ground: dead, or through the second half of falling.
bool instance_lying(uint motion) {
  uint clip = instance_clip(motion);
  return clip == kClipDead || (clip == kClipFall && instance_phase(motion) > 0.5);
}

// Model space (figure faces -z) to world: clockwise heading about +y.
vec3 rotate_heading(vec3 p, float heading) {
  float c = cos(heading), s = sin(heading);
  return vec3(p.x * c - p.z * s, p.y, p.x * s + p.z * c);
}

// scene::look_variant (scene/model/soldier_look.h), the same integer arithmetic.
uint look_variant(uint look, uint group, uint options) {
  return options <= 1u ? 0u : ((look >> (8u + 4u * group)) & 15u) % options;
}

// A man's build from his look's bits 0-7: (breadth, height) scale, about +-8 % and +-6 %.
vec2 look_build(uint look) {
  vec2 q = vec2(float((look >> 4) & 15u), float(look & 15u)) / 7.5 - 1.0;
  return 1.0 + q * vec2(0.08, 0.06);
}

// The colour a part's colour class asks for, times its rgb: the faction's colour (255), a dye
// of his kit's palette (192), the unit's banner (128), a skin tone of the palette (64), or its
// own albedo (0), a little brighter or darker man by man. `plain`: the palette's first dye
// and skin, own albedo as it is (every man alike).
vec3 team_colour(vec3 rgb, float class_alpha, uint unit, uint look, bool plain) {
  if (class_alpha > kClassFactionAbove) return units[unit].colour * rgb;
  if (class_alpha > kClassBannerAbove && class_alpha <= kClassGarmentAbove) return units[unit].banner * rgb;
  if (plain) look = 4u << kLookGarmentToneShift | 8u << kLookBrightShift;  // first dye and skin, mid strength
  uint kit = min(units[unit].kit, kKits - 1u);
  if (class_alpha > kClassGarmentAbove) {
    float strength = 0.85 + 0.3 * float((look >> kLookGarmentToneShift) & 7u) / 7.0;
    return kit_colours[kit].garment[(look >> kLookGarmentShift) & 7u].rgb * rgb * strength;
  }
  if (class_alpha > kClassSkinAbove) return kit_colours[kit].skin[(look >> kLookSkinShift) & 3u].rgb * rgb;
  return rgb * (0.88 + 0.24 * float((look >> kLookBrightShift) & 15u) / 15.0);
}

// One vertex of one frame (renderer/figure_frames.cpp pack_frame_vertex): position, normal.
void frame_vertex(uint at, out vec3 position, out vec3 normal) {
  uvec2 e = frame_vertices[at];
  position = vec3(unpackHalf2x16(e.x), unpackHalf2x16(e.y).x);
  vec2 o = vec2(float(int(e.y << 8) >> 24), float(int(e.y) >> 24)) / 127.0;
  vec3 n = vec3(o, 1.0 - abs(o.x) - abs(o.y));
  if (n.z < 0.0) n.xy = (1.0 - abs(n.yx)) * vec2(n.x >= 0.0 ? 1.0 : -1.0, n.y >= 0.0 ? 1.0 : -1.0);
  normal = normalize(n);
}

#endif
