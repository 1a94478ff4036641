#include "app/overlay/captions.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "scene/model/clock.h"

namespace app {

namespace {

constexpr double kPhaseTitleSeconds = 6.0;  // presentation seconds a phase's lower third stays
constexpr double kFadeSeconds = 0.6;

ImFont* or_default(ImFont* font) { return font ? font : ImGui::GetFont(); }

void lower_third_box(ImDrawList* draw, ImVec2 at, ImVec2 size, float s, ImU32 alpha) {
  draw->AddRectFilled(ImVec2(at.x - 14 * s, at.y - 10 * s), ImVec2(at.x + size.x + 14 * s, at.y + size.y + 10 * s),
                      IM_COL32(0, 0, 0, alpha * 170 / 255), 4 * s);
  draw->AddRectFilled(ImVec2(at.x - 14 * s, at.y - 10 * s), ImVec2(at.x - 10 * s, at.y + size.y + 10 * s),
                      IM_COL32(200, 160, 80, alpha));
}

// The phase's title and date (both calendars where the source gives the lunar one).
void draw_phase_title(ImDrawList* draw, const scene::Scenario& s, const scene::Snapshot& snapshot, const Fonts& fonts,
                      const CaptionLayout& layout, float& y) {
  if (s.phases.empty()) return;
  const scene::Phase& p = s.phases[static_cast<size_t>(snapshot.phase)];
  const double since = snapshot.presentation_s - scene::phase_start_s(s, snapshot.phase);
  const double shown = std::min(kPhaseTitleSeconds, p.duration_s * 0.5);
  if (since < 0 || (since > shown && !layout.hold_phase_title)) return;
  const double alpha = layout.hold_phase_title ? 1.0 : std::min(since, shown - since) / kFadeSeconds;
  const auto a = static_cast<ImU32>(std::clamp(alpha, 0.0, 1.0) * 255);
  if (a == 0) return;
  ImFont* large = or_default(fonts.large);
  ImFont* body = or_default(fonts.body);
  const float s_large = large->FontSize, s_body = body->FontSize;
  std::string date = (p.start.approximate ? "c. " : "") + scene::format_day(p.start.day, s.calendar);
  if (!p.start.lunar.empty()) date += "  ·  " + p.start.lunar;
  const std::string title = p.title.en + (p.title.zh.empty() ? "" : "   " + p.title.zh);
  const ImVec2 title_size = large->CalcTextSizeA(s_large, FLT_MAX, 0, title.c_str());
  const ImVec2 date_size = body->CalcTextSizeA(s_body, FLT_MAX, 0, date.c_str());
  const ImVec2 size(std::max(title_size.x, date_size.x), title_size.y + date_size.y + 6 * layout.scale);
  y -= size.y + 18 * layout.scale;
  const ImVec2 at(layout.left, y);
  lower_third_box(draw, at, size, layout.scale, a);
  draw->AddText(large, s_large, at, IM_COL32(255, 255, 255, a), title.c_str());
  draw->AddText(body, s_body, ImVec2(at.x, at.y + title_size.y + 6 * layout.scale), IM_COL32(230, 210, 170, a),
                date.c_str());
}

}  // namespace

ImU32 faction_colour(const scene::Scenario& s, const std::string& id) {
  if (const scene::Faction* f = s.faction(id)) {
    const auto encode = [](float c) {
      return static_cast<int>(std::pow(std::clamp(c, 0.0f, 1.0f), 1.0f / 2.2f) * 255);
    };
    return IM_COL32(encode(f->color.r), encode(f->color.g), encode(f->color.b), 255);
  }
  return IM_COL32(255, 255, 255, 255);
}

void draw_faction_legend(ImDrawList* draw, const scene::Scenario& s, const Fonts& fonts, const CaptionLayout& layout) {
  const float k = layout.scale;
  float y = 20 * k;
  ImFont* font = or_default(fonts.body);  // loaded at the layout's scale already
  const float size_px = font->FontSize;
  for (const scene::Faction& f : s.factions) {
    const std::string text = f.name.en + (f.name.zh.empty() ? "" : "  " + f.name.zh);
    const ImVec2 size = font->CalcTextSizeA(size_px, FLT_MAX, 0, text.c_str());
    const float x = layout.viewport.x - size.x - 40 * k;
    draw->AddRectFilled(ImVec2(x - 8 * k, y - 3 * k), ImVec2(layout.viewport.x - 12 * k, y + size.y + 3 * k),
                        IM_COL32(0, 0, 0, 110), 3 * k);
    draw->AddRectFilled(ImVec2(x, y + 3 * k), ImVec2(x + 12 * k, y + size.y - 3 * k), faction_colour(s, f.id));
    draw->AddText(font, size_px, ImVec2(x + 18 * k, y), IM_COL32(255, 255, 255, 230), text.c_str());
    y += size.y + 10 * k;
  }
}

void draw_captions(ImDrawList* draw, const scene::Scenario& s, const scene::Snapshot& snapshot, const Fonts& fonts,
                   const CaptionLayout& layout) {
  const float k = layout.scale;
  float lower_third_y = layout.bottom;
  draw_phase_title(draw, s, snapshot, fonts, layout, lower_third_y);
  for (const scene::CaptionSnapshot& shown : snapshot.captions) {
    if (shown.caption >= s.captions.size()) continue;
    const scene::Caption& c = s.captions[shown.caption];
    const auto a = static_cast<ImU32>(std::clamp(shown.alpha, 0.0f, 1.0f) * 255);
    ImFont* font = or_default(c.style == scene::CaptionStyle::Title  ? fonts.title
                              : c.style == scene::CaptionStyle::Note ? fonts.body
                                                                     : fonts.large);
    const float size = font->FontSize;
    const float wrap = std::min(layout.viewport.x * 0.7f, 900.0f * k);
    std::string text = c.text.en;
    if (!c.text.zh.empty()) text += "\n" + c.text.zh;
    if (!c.attribution.empty()) text += "\n— " + c.attribution;
    const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, wrap, text.c_str());
    ImVec2 at;
    switch (c.style) {
      case scene::CaptionStyle::Title:
        at = ImVec2((layout.viewport.x - extent.x) * 0.5f, layout.viewport.y * 0.38f - extent.y * 0.5f);
        break;
      case scene::CaptionStyle::Quote:
        at = ImVec2((layout.viewport.x - extent.x) * 0.5f, layout.bottom - extent.y - 70 * k);
        break;
      case scene::CaptionStyle::LowerThird:
        lower_third_y -= extent.y + 18 * k;
        at = ImVec2(layout.left, lower_third_y);
        break;
      case scene::CaptionStyle::Note:
        at = ImVec2((layout.viewport.x - extent.x) * 0.5f, 60 * k);
        break;
    }
    if (c.style == scene::CaptionStyle::LowerThird) {
      lower_third_box(draw, at, extent, k, a);
    } else {
      draw->AddRectFilled(ImVec2(at.x - 14 * k, at.y - 10 * k),
                          ImVec2(at.x + extent.x + 14 * k, at.y + extent.y + 10 * k), IM_COL32(0, 0, 0, a * 160 / 255),
                          4 * k);
    }
    draw->AddText(font, size, at, IM_COL32(255, 255, 255, a), text.c_str(), nullptr, wrap);
  }
}

}  // namespace app
