// Fonts for everything siege draws as text (the viewer's interface, captions in films):
// Noto Sans CJK from fonts-noto-cjk with only the glyphs the scenario and the interface
// use, so 蔡州, 汝河, 太原 show; a clear warning and the default font when it is missing.
#pragma once

#include <string>
#include <vector>

#include "scene/model/scenario.h"

struct ImFont;

namespace app {

struct Fonts {
  ImFont* body = nullptr;
  ImFont* large = nullptr;  // phase titles, captions
  ImFont* title = nullptr;  // title cards
  bool cjk = false;         // false: Chinese text will show as '?' (font missing)
  std::string cjk_path;
};

// Where Noto Sans CJK is on this machine, or empty.
std::string find_cjk_font();

// Adds the fonts to the current ImGui context's atlas. `glyph_ranges` must outlive the atlas
// build (the caller keeps it). `scale` multiplies every size (films at 4K want larger text).
Fonts load_fonts(const scene::Scenario& scenario, std::vector<unsigned short>& glyph_ranges, float scale = 1.0f);

}  // namespace app
