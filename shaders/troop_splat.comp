#version 460
#extension GL_GOOGLE_include_directive : require
#extension GL_EXT_shader_explicit_arithmetic_types_int64 : require
#extension GL_EXT_shader_atomic_int64 : require
#define TROOP_SPLAT_PUSH
#include "shaders/shared.h"
#include "shaders/troop_common.glsl"
#include "shaders/troop_splat.glsl"

// Far figures by compute splat (Schuetz, Kerbl and Wimmer 2021): each figure of one bin is
// projected and written into every pixel its impostor would cover (far_figure_covers; within
// kSplatMaxSide pixels across and down) as depth | payload with a 64-bit atomicMax: the
// nearest wins, a tie goes to the larger payload, so the result does not depend on the order
// the figures run in.
layout(local_size_x = kSplatGroup) in;
layout(set = 2, binding = 0, std430) buffer Splat { uint64_t splat[]; };
layout(set = 2, binding = 2, std430) buffer Tiles { uint tiles[]; };  // per kSplatTile square: 1 if any

void main() {
  if (gl_GlobalInvocationID.x >= pc.count) return;
  uint index = pc.first + gl_GlobalInvocationID.x;
  FarFigure f = far_figure(instances[index], pc.block);
  vec4 clip = pc.view_proj * vec4(f.centre, 1.0);
  if (clip.w <= 0.0) return;
  float depth = clip.z / clip.w;
  if (depth <= 0.0 || depth > 1.0) return;
  vec2 p = splat_pixels(clip);
  mat2 axes = far_figure_axes(f, p);
  vec2 a = axes * f.rect.xy, b = axes * vec2(f.rect.z, f.rect.y);
  vec2 c = axes * vec2(f.rect.x, f.rect.w), d = axes * f.rect.zw;
  vec2 mn = p + min(min(a, b), min(c, d)), mx = p + max(max(a, b), max(c, d));
  // The pixels whose centres the quad's bounds hold.
  ivec2 lo = max(ivec2(ceil(mn - 0.5)), ivec2(0));
  ivec2 hi = min(min(ivec2(ceil(mx - 0.5)) - 1, lo + int(kSplatMaxSide) - 1), ivec2(pc.width, pc.height) - 1);
  uint64_t word = uint64_t(floatBitsToUint(depth)) << 32 | uint64_t(pc.block << kSplatBlockShift | index);
  uint tiles_across = (pc.width + kSplatTile - 1u) / kSplatTile;
  mat2 unaxes = far_figure_unaxes(axes);
  vec4 texel;
  for (int y = lo.y; y <= hi.y; ++y)
    for (int x = lo.x; x <= hi.x; ++x)
      if (far_figure_covers(f, p, unaxes, vec2(x, y) + 0.5, texel)) {
        atomicMax(splat[uint(y) * pc.width + uint(x)], word);
        atomicOr(tiles[uint(y) / kSplatTile * tiles_across + uint(x) / kSplatTile], 1u);
      }
}
