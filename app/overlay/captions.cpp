#include "app/overlay/captions.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "app/core/caption_layout.h"
#include "app/core/text_fit.h"
#include "scene/model/clock.h"

namespace app {

namespace {

constexpr double kPhaseTitleSeconds = 6.0;  // presentation seconds a phase's lower third stays
constexpr double kFadeSeconds = 0.6;
constexpr float kMaxWrap = 900;  // longer lines are hard to read from the back of a hall

ImFont* or_default(ImFont* font) { return font ? font : ImGui::GetFont(); }

// One caption on screen: its lines already wrapped, each in its font and colour.
struct Line {
  ImFont* font;
  ImU32 rgb;
  std::string text;
  float gap_before = 0;
};
struct Block {
  scene::CaptionStyle style;
  ImU32 alpha;
  std::vector<Line> lines;
  glm::vec2 size() const {
    glm::vec2 s(0);
    for (const Line& l : lines) {
      s.x = std::max(s.x, l.font->CalcTextSizeA(l.font->FontSize, FLT_MAX, 0, l.text.c_str()).x);
      s.y += l.gap_before + l.font->FontSize;
    }
    return s;
  }
};

// Adds `text` to the block wrapped to `width`, paragraph by paragraph.
void add_wrapped(Block& block, ImFont* font, ImU32 rgb, const std::string& text, float width, float gap_before) {
  const MeasureText measure = [font](std::string_view s) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s.data(), s.data() + s.size()).x;
  };
  bool first = true;
  for (std::string& line : wrap_lines(text, width, measure)) {
    block.lines.push_back({font, rgb, std::move(line), first ? gap_before : 0});
    first = false;
  }
}

// The phase's title and date (both calendars where the source gives the lunar one), or none.
bool phase_title(const scene::Scenario& s, const scene::Snapshot& snapshot, const Fonts& fonts,
                 const CaptionLayout& layout, float wrap, Block& block) {
  if (s.phases.empty()) return false;
  const scene::Phase& p = s.phases[static_cast<size_t>(snapshot.phase)];
  const double since = snapshot.presentation_s - scene::phase_start_s(s, snapshot.phase);
  const double shown = std::min(kPhaseTitleSeconds, p.duration_s * 0.5);
  if (since < 0 || (since > shown && !layout.hold_phase_title)) return false;
  const double alpha = layout.hold_phase_title ? 1.0 : std::min(since, shown - since) / kFadeSeconds;
  block.alpha = static_cast<ImU32>(std::clamp(alpha, 0.0, 1.0) * 255);
  if (block.alpha == 0) return false;
  std::string date = (p.start.approximate ? "c. " : "") + scene::format_day(p.start.day, s.calendar);
  if (!p.start.lunar.empty()) date += "  ·  " + p.start.lunar;
  const std::string title = p.title.en + (p.title.zh.empty() ? "" : "   " + p.title.zh);
  block.style = scene::CaptionStyle::LowerThird;
  add_wrapped(block, or_default(fonts.large), IM_COL32(255, 255, 255, 0), title, wrap, 0);
  add_wrapped(block, or_default(fonts.body), IM_COL32(230, 210, 170, 0), date, wrap, 6 * layout.scale);
  return true;
}

Block caption_block(const scene::Caption& c, const scene::CaptionSnapshot& shown, const Fonts& fonts, float wrap) {
  Block block{c.style, static_cast<ImU32>(std::clamp(shown.alpha, 0.0f, 1.0f) * 255), {}};
  ImFont* font = or_default(c.style == scene::CaptionStyle::Title  ? fonts.title
                            : c.style == scene::CaptionStyle::Note ? fonts.body
                                                                   : fonts.large);
  const ImU32 white = IM_COL32(255, 255, 255, 0);
  add_wrapped(block, font, white, c.text.en, wrap, 0);
  if (!c.text.zh.empty()) add_wrapped(block, font, white, c.text.zh, wrap, 0);
  if (!c.attribution.empty()) add_wrapped(block, font, white, "— " + c.attribution, wrap, 0);
  return block;
}

void draw_block(ImDrawList* draw, const Block& block, const Rect& text, float pad, float scale) {
  const ImU32 a = block.alpha;
  const ImVec2 box0(text.x0 - pad, text.y0 - pad), box1(text.x1 + pad, text.y1 + pad);
  if (block.style == scene::CaptionStyle::LowerThird) {
    draw->AddRectFilled(box0, box1, IM_COL32(0, 0, 0, a * 170 / 255), 4 * scale);
    draw->AddRectFilled(box0, ImVec2(box0.x + 4 * scale, box1.y), IM_COL32(200, 160, 80, a));
  } else {
    draw->AddRectFilled(box0, box1, IM_COL32(0, 0, 0, a * 160 / 255), 4 * scale);
  }
  float y = text.y0;
  for (const Line& line : block.lines) {
    y += line.gap_before;
    if (y + line.font->FontSize > text.y1 + 0.5f) break;  // cut to the room the layout gave
    draw->AddText(line.font, line.font->FontSize, ImVec2(text.x0, y), line.rgb | (a << 24), line.text.c_str());
    y += line.font->FontSize;
  }
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
  const CaptionSpacing spacing{14 * k, 8 * k, or_default(fonts.body)->FontSize};
  const float wrap = caption_wrap_width(layout.area, kMaxWrap * k, spacing);
  if (wrap < 40 * k) return;  // no room to say anything readable
  std::vector<Block> blocks;
  Block title{};
  if (phase_title(s, snapshot, fonts, layout, wrap, title)) blocks.push_back(std::move(title));
  for (const scene::CaptionSnapshot& shown : snapshot.captions)
    if (shown.caption < s.captions.size() && shown.alpha > 0)
      blocks.push_back(caption_block(s.captions[shown.caption], shown, fonts, wrap));
  std::vector<CaptionBlock> sizes;
  for (const Block& b : blocks)
    sizes.push_back({b.style, b.size(), b.lines.empty() ? 0.0f : b.lines.front().font->FontSize});
  const std::vector<PlacedCaption> placed = place_captions(layout.area, sizes, spacing);
  for (std::size_t i = 0; i < blocks.size(); ++i)
    if (placed[i].shown) draw_block(draw, blocks[i], placed[i].text, spacing.pad, k);
}

}  // namespace app
