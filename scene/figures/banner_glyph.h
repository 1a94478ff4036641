// The character a standard carries: 宋 on the Song's, 金 on the Jin's (a reconstruction: armies
// of both states wrote the state's or the general's name on their flags; which, and in what
// colour, is not recorded for these sieges). Each glyph is a 16×16 one-bit bitmap baked from
// Debian's Noto Sans CJK by tools/bake_banner_glyphs (scene/figures/banner_glyphs.inc), drawn
// as rectangles of inked cells a few millimetres off both faces of the flag, so it reads from
// either side (mirrored on the back, as a painted silk flag does). The Mongols' standards are
// yak-tail poles (LOOK.md [37]) and carry none.
#pragma once

#include <cstdint>

#include <glm/glm.hpp>

#include "scene/mesh/mesh.h"

namespace scene::kit {

enum class BannerGlyph { Song, Jin };

inline constexpr int kGlyphCells = 16;
inline constexpr float kGlyphOffset = 0.004f;  // metres off the flag: no z-fighting at LOD0 distances

// Whether cell (x, y) of the glyph is inked; y = 0 is the top row, x = 0 the leftmost.
bool glyph_inked(BannerGlyph glyph, int x, int y);

// The glyph as a square of side `size` metres centred at `centre` on a flag whose face spans
// the unit vectors `across` (towards the fly, the glyph's left to right) and `up`; the quads
// stand `offset` metres off each face along across × up.
void banner_glyph(Mesh& m, BannerGlyph glyph, glm::vec3 centre, glm::vec3 across, glm::vec3 up, float size,
                  float offset, std::uint32_t colour);

}  // namespace scene::kit
