#include "app/overlay/fonts.h"

#include <cstdio>
#include <filesystem>

#include <imgui.h>

namespace app {

namespace {

// Every string of the scenario a label, panel or caption may show.
void collect_text(const scene::Scenario& s, ImFontGlyphRangesBuilder& b) {
  const auto add = [&](const scene::Localized& t) {
    b.AddText(t.en.c_str());
    b.AddText(t.zh.c_str());
  };
  add(s.title);
  for (const auto& x : s.rivers) add(x.name);
  for (const auto& x : s.lakes) add(x.name);
  for (const auto& x : s.walls) add(x.name);
  for (const auto& x : s.gates) add(x.name);
  for (const auto& x : s.towers) add(x.name);
  for (const auto& x : s.damages) add(x.name);
  for (const auto& x : s.siege_rings) add(x.name);
  for (const auto& x : s.earthworks) add(x.name);
  for (const auto& x : s.settlements) add(x.name);
  for (const auto& x : s.camps) add(x.name);
  for (const auto& x : s.places) add(x.name);
  for (const auto& x : s.factions) add(x.name);
  for (const auto& x : s.units) {
    add(x.name);
    add(x.commander);
  }
  for (const auto& x : s.fires) add(x.name);
  for (const auto& x : s.engines) add(x.name);
  for (const auto& x : s.phases) {
    add(x.title);
    add(x.summary);
    b.AddText(x.start.lunar.c_str());
    b.AddText(x.end.lunar.c_str());
    b.AddText(x.provenance.notes.c_str());
  }
  for (const auto& x : s.captions) {
    add(x.text);
    b.AddText(x.attribution.c_str());
  }
  for (const auto& x : s.shots) add(x.title);
  for (const auto& x : s.sources) b.AddText(x.citation.c_str());
  b.AddText("年月日初十廿三正闰约前后");  // lunar date words the UI composes
}

}  // namespace

std::string find_cjk_font() {
  for (const char* path : {"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                           "/usr/share/fonts/opentype/noto/NotoSansCJK-Medium.ttc",
                           "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"})
    if (std::filesystem::exists(path)) return path;
  return {};
}

Fonts load_fonts(const scene::Scenario& scenario, std::vector<unsigned short>& glyph_ranges, float scale) {
  Fonts fonts;
  ImGuiIO& io = ImGui::GetIO();
  fonts.cjk_path = find_cjk_font();
  if (fonts.cjk_path.empty()) {
    std::fprintf(stderr,
                 "siege: warning: Noto Sans CJK not found (apt-get install fonts-noto-cjk); "
                 "Chinese labels will show as '?'\n");
    fonts.body = io.Fonts->AddFontDefault();
    fonts.large = fonts.title = fonts.body;
    return fonts;
  }
  ImFontGlyphRangesBuilder builder;
  builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
  collect_text(scenario, builder);
  builder.AddText("·—–…×¼½→←↑↓“”‘’°");
  ImVector<ImWchar> ranges;
  builder.BuildRanges(&ranges);
  glyph_ranges.assign(ranges.begin(), ranges.end());

  ImFontConfig config;
  config.FontNo = 0;  // Noto Sans CJK SC in the collection
  config.OversampleH = 1;
  config.OversampleV = 1;
  fonts.body = io.Fonts->AddFontFromFileTTF(fonts.cjk_path.c_str(), 17.0f * scale, &config, glyph_ranges.data());
  fonts.large = io.Fonts->AddFontFromFileTTF(fonts.cjk_path.c_str(), 26.0f * scale, &config, glyph_ranges.data());
  fonts.title = io.Fonts->AddFontFromFileTTF(fonts.cjk_path.c_str(), 40.0f * scale, &config, glyph_ranges.data());
  fonts.cjk = fonts.body != nullptr;
  if (!fonts.body) {
    std::fprintf(stderr, "siege: warning: %s could not be loaded; Chinese labels will show as '?'\n",
                 fonts.cjk_path.c_str());
    fonts.body = io.Fonts->AddFontDefault();
    fonts.large = fonts.title = fonts.body;
  }
  return fonts;
}

}  // namespace app
