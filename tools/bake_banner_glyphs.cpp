// bake_banner_glyphs: renders the characters the standards carry (宋 on the Song's, 金 on the
// Jin's) from the Noto Sans CJK font (bold: strokes about a cell wide at 16 cells) Debian ships (fonts-noto-cjk) into 16×16 one-bit
// bitmaps, and writes them as scene/figures/banner_glyphs.inc, which the figures build their
// flags' characters from (scene/figures/banner_glyph.h). Run it again only to change a glyph.
//   bake_banner_glyphs [FONT] [OUTPUT]
#include <cstdio>
#include <string>
#include <vector>

#include <ft2build.h>
#include FT_FREETYPE_H

namespace {

constexpr int kCells = 16;
struct Glyph {
  const char* name;
  char32_t code;
};
constexpr Glyph kGlyphs[] = {{"song", U'宋'}, {"jin", U'金'}};

}  // namespace

int main(int argc, char** argv) {
  const std::string font = argc > 1 ? argv[1] : "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";
  const std::string path = argc > 2 ? argv[2] : "scene/figures/banner_glyphs.inc";
  FT_Library library = nullptr;
  FT_Face face = nullptr;
  if (FT_Init_FreeType(&library) != 0 || FT_New_Face(library, font.c_str(), 0, &face) != 0) {
    std::fprintf(stderr, "bake_banner_glyphs: cannot open the font %s (install fonts-noto-cjk)\n", font.c_str());
    return 1;
  }
  // A 16-pixel em from an outline rendered at 8× and box-filtered: the cell is inked where
  // at least 30 % of it is.
  constexpr int kOver = 8;
  FT_Set_Pixel_Sizes(face, 0, kCells * kOver);
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (!f) {
    std::perror(path.c_str());
    return 1;
  }
  std::fprintf(f, "// Written by tools/bake_banner_glyphs from %s: one row a line, top first,\n", font.c_str());
  std::fprintf(f, "// bit 15 the leftmost cell. Do not edit by hand.\n");
  for (const Glyph& g : kGlyphs) {
    if (FT_Load_Char(face, g.code, FT_LOAD_RENDER) != 0) {
      std::fprintf(stderr, "bake_banner_glyphs: %s has no glyph for U+%04X\n", font.c_str(),
                   static_cast<unsigned>(g.code));
      return 1;
    }
    const FT_Bitmap& bm = face->glyph->bitmap;
    // Place the bitmap in the em box: bitmap_left from the pen, bitmap_top above the baseline;
    // the em's top is the ascender scaled to the em (0.88 em for these fonts).
    const int em = kCells * kOver;
    const int left = face->glyph->bitmap_left;
    const int top = static_cast<int>(0.88 * em) - face->glyph->bitmap_top;
    std::vector<int> ink(kCells * kCells, 0);
    for (unsigned y = 0; y < bm.rows; ++y)
      for (unsigned x = 0; x < bm.width; ++x) {
        const int cx = (static_cast<int>(x) + left) / kOver, cy = (static_cast<int>(y) + top) / kOver;
        if (cx < 0 || cy < 0 || cx >= kCells || cy >= kCells) continue;
        ink[static_cast<size_t>(cy * kCells + cx)] += bm.buffer[static_cast<size_t>(y) * bm.pitch + x];
      }
    std::fprintf(f, "inline constexpr std::uint16_t k%c%sGlyph[%d] = {\n", g.name[0] - 32, g.name + 1, kCells);
    for (int y = 0; y < kCells; ++y) {
      unsigned row = 0;
      for (int x = 0; x < kCells; ++x)
        if (ink[static_cast<size_t>(y * kCells + x)] >= 0.3 * 255 * kOver * kOver) row |= 1u << (kCells - 1 - x);
      std::fprintf(f, "    0x%04X,  // ", row);
      for (int x = 0; x < kCells; ++x) std::fputc((row >> (kCells - 1 - x)) & 1 ? '#' : '.', f);
      std::fputc('\n', f);
    }
    std::fprintf(f, "};\n");
  }
  FT_Done_Face(face);
  FT_Done_FreeType(library);
  return std::fclose(f) == 0 ? 0 : 1;
}
