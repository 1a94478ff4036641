#include "scene/figures/banner_glyph.h"

#include <array>
#include <vector>

namespace scene::kit {

namespace {

#include "scene/figures/banner_glyphs.inc"

const std::uint16_t* rows_of(BannerGlyph glyph) { return glyph == BannerGlyph::Song ? kSongGlyph : kJinGlyph; }

// The inked cells as rectangles: each row's runs, a run carried down while the rows below
// repeat it exactly (the long strokes of 宋 and 金 are two cells thick).
struct Rect {
  int x0, x1, y0, y1;  // cells [x0, x1) × [y0, y1)
};
std::vector<Rect> rectangles(BannerGlyph glyph) {
  std::vector<Rect> done, open;
  for (int y = 0; y <= kGlyphCells; ++y) {
    std::vector<Rect> runs;
    for (int x = 0; y < kGlyphCells && x < kGlyphCells;) {
      if (!glyph_inked(glyph, x, y)) {
        ++x;
        continue;
      }
      const int x0 = x;
      while (x < kGlyphCells && glyph_inked(glyph, x, y)) ++x;
      runs.push_back({x0, x, y, y + 1});
    }
    std::vector<Rect> still;
    for (const Rect& r : open) {
      bool carried = false;
      for (Rect& run : runs)
        if (run.x0 == r.x0 && run.x1 == r.x1 && run.y0 == y) {
          run.y0 = r.y0;  // the run below continues this rectangle
          carried = true;
        }
      if (!carried) done.push_back(r);
    }
    for (Rect& run : runs) still.push_back(run);
    open = std::move(still);
  }
  return done;
}

}  // namespace

bool glyph_inked(BannerGlyph glyph, int x, int y) {
  if (x < 0 || y < 0 || x >= kGlyphCells || y >= kGlyphCells) return false;
  return (rows_of(glyph)[y] >> (kGlyphCells - 1 - x)) & 1u;
}

void banner_glyph(Mesh& m, BannerGlyph glyph, glm::vec3 centre, glm::vec3 across, glm::vec3 up, float size,
                  float offset, std::uint32_t colour) {
  const float cell = size / kGlyphCells;
  const glm::vec3 normal = glm::normalize(glm::cross(across, up));
  const glm::vec3 top_left = centre - across * (0.5f * size) + up * (0.5f * size);
  const auto at = [&](int x, int y, float side) {
    return top_left + across * (cell * static_cast<float>(x)) - up * (cell * static_cast<float>(y)) +
           normal * (side * offset);
  };
  for (const Rect& r : rectangles(glyph))
    for (const float side : {1.0f, -1.0f}) {
      // Counter-clockwise seen from the side it stands on.
      const glm::vec3 a = at(r.x0, r.y1, side), b = at(r.x1, r.y1, side), c = at(r.x1, r.y0, side),
                      d = at(r.x0, r.y0, side);
      if (side > 0)
        m.add_quad(a, b, c, d, colour, 0);
      else
        m.add_quad(d, c, b, a, colour, 0);
    }
}

}  // namespace scene::kit
