#version 460
#extension GL_GOOGLE_include_directive : require
#define TROOP_SPLAT_PUSH
#include "shaders/shared.h"
#include "shaders/troop_common.glsl"

// The splat's resolve covers only the tiles a figure landed in: two triangles per
// kSplatTile-pixel tile of the frame (6 vertices, tile gl_VertexIndex / 6), collapsed to a
// point where the splat left the tile empty.
layout(set = 2, binding = 2, std430) readonly buffer Tiles { uint tiles[]; };

void main() {
  uint tiles_across = (pc.width + kSplatTile - 1u) / kSplatTile;
  uint tile = uint(gl_VertexIndex) / 6u, corner = uint(gl_VertexIndex) % 6u;
  const uvec2 kCorners[6] = uvec2[](uvec2(0, 0), uvec2(1, 0), uvec2(1, 1), uvec2(0, 0), uvec2(1, 1), uvec2(0, 1));
  uvec2 origin = uvec2(tile % tiles_across, tile / tiles_across) * kSplatTile;
  uvec2 pixel = tiles[tile] != 0u ? min(origin + kCorners[corner] * kSplatTile, uvec2(pc.width, pc.height)) : origin;
  gl_Position = vec4(vec2(pixel) / vec2(pc.width, pc.height) * 2.0 - 1.0, 0.0, 1.0);
}
