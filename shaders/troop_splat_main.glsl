// The splat's compute, whichever way a pixel keeps its nearest figure: each figure of one bin
// is projected and offered to every pixel its impostor would cover (far_figure_covers; within
// kSplatMaxSide pixels across and down). The including shader defines
//   bool splat_offer(uint pixel, uint depth, uint payload)
// which keeps the larger depth (reverse Z: the nearer), a tie to the larger payload, so the
// result does not depend on the order the figures run in; it says whether the pixel's tile
// is to be flagged for the resolve. Include after shaders/troop_splat.glsl.
#ifndef SIEGE_TROOP_SPLAT_MAIN_GLSL
#define SIEGE_TROOP_SPLAT_MAIN_GLSL

layout(local_size_x = kSplatGroup) in;
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
  uint depth_bits = floatBitsToUint(depth);
  uint payload = pc.block << kSplatBlockShift | index;
  uint tiles_across = (pc.width + kSplatTile - 1u) / kSplatTile;
  mat2 unaxes = far_figure_unaxes(axes);
  vec4 texel;
  for (int y = lo.y; y <= hi.y; ++y)
    for (int x = lo.x; x <= hi.x; ++x)
      if (far_figure_covers(f, p, unaxes, vec2(x, y) + 0.5, texel) &&
          splat_offer(uint(y) * pc.width + uint(x), depth_bits, payload))
        atomicOr(tiles[uint(y) / kSplatTile * tiles_across + uint(x) / kSplatTile], 1u);
}

#endif
