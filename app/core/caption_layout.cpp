#include "app/core/caption_layout.h"

#include <algorithm>
#include <cmath>

namespace app {

float caption_wrap_width(const Rect& area, float max_width, const CaptionSpacing& spacing) {
  return std::max(0.0f, std::min(area.width() - 2 * spacing.pad, max_width));
}

std::vector<PlacedCaption> place_captions(const Rect& area, const std::vector<CaptionBlock>& blocks,
                                          const CaptionSpacing& sp) {
  std::vector<PlacedCaption> out(blocks.size());
  const float centre_x = (area.x0 + area.x1) * 0.5f;
  // Text x range: lower thirds flush left, the rest centred; never wider than the area.
  const auto across = [&](const CaptionBlock& b, Rect& r) {
    const float w = std::min(b.text_size.x, area.width() - 2 * sp.pad);
    r.x0 = b.style == scene::CaptionStyle::LowerThird ? area.x0 + sp.pad : centre_x - w * 0.5f;
    r.x1 = r.x0 + w;
  };
  // Cuts a block to the room between `top` and `bottom` (box edges); false when no line fits.
  const auto fit = [&](const CaptionBlock& b, float top, float bottom, bool from_bottom, PlacedCaption& p) {
    const float room = bottom - top - 2 * sp.pad;
    const float h = std::min(b.text_size.y, room);
    across(b, p.text);
    p.text.y0 = from_bottom ? bottom - sp.pad - h : top + sp.pad;
    if (from_bottom && h < b.text_size.y) p.text.y0 = top + sp.pad;  // cut: keep the first lines
    p.text.y1 = p.text.y0 + h;
    p.shown = h > 0 && h >= std::min(b.first_line > 0 ? b.first_line : sp.line, b.text_size.y);
  };
  float bottom = area.y1, top = area.y0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const scene::CaptionStyle s = blocks[i].style;
    if (s != scene::CaptionStyle::LowerThird && s != scene::CaptionStyle::Quote) continue;
    fit(blocks[i], top, bottom, true, out[i]);
    if (out[i].shown) bottom = out[i].text.y0 - sp.pad - sp.gap;
  }
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].style != scene::CaptionStyle::Note) continue;
    fit(blocks[i], top, bottom, false, out[i]);
    if (out[i].shown) top = out[i].text.y1 + sp.pad + sp.gap;
  }
  // A title card: at 38 % of the area's height when there is room, else in the middle of
  // what the stacks leave.
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].style != scene::CaptionStyle::Title) continue;
    const float h = blocks[i].text_size.y + 2 * sp.pad;
    float y0 = area.y0 + area.height() * 0.38f - h * 0.5f;
    if (y0 < top || y0 + h > bottom) y0 = (top + bottom) * 0.5f - h * 0.5f;
    fit(blocks[i], std::max(top, y0), bottom, false, out[i]);
    if (out[i].shown) top = out[i].text.y1 + sp.pad + sp.gap;
  }
  return out;
}

namespace {
// The frame's margins at scale 1: title-safe at the sides and the bottom, room for a legend's
// first row at the top (a film has no panels).
constexpr float kSide = 64, kTop = 46, kBottom = 48, kPad = 14, kGap = 8, kBody = 17, kCaption = 26;

// The smallest frame (output pixels) in which captions at `scale` still fit.
float minimum_width(float scale) { return std::ceil(scale * (2 * kSide + 2 * kPad + kCaptionMinEms * kCaption)); }
float minimum_height(float scale) {
  return std::ceil(scale * (kTop + kBottom + 2 * kPad + kCaptionMinLines * kCaption));
}
}  // namespace

CaptionFrame caption_frame(std::uint32_t width, std::uint32_t height, std::uint32_t supersample) {
  CaptionFrame f;
  const float out_scale = std::max(kCaptionMinScale, static_cast<float>(height) / 720.0f);
  const float need_w = minimum_width(out_scale), min_h = minimum_height(kCaptionMinScale);
  if (static_cast<float>(width) < need_w || static_cast<float>(height) < min_h) {
    f.fits = false;
    f.reason = "captions cannot fit a " + std::to_string(width) + "x" + std::to_string(height) +
               " frame: at the smallest legible size (body text 10 px) they need at least " +
               std::to_string(static_cast<int>(need_w)) + "x" + std::to_string(static_cast<int>(min_h)) +
               " (a line of " + std::to_string(static_cast<int>(kCaptionMinEms)) + " characters, " +
               std::to_string(static_cast<int>(kCaptionMinLines)) + " lines); use a larger --size or --captions off";
  }
  const float k = out_scale * static_cast<float>(supersample);
  const float w = static_cast<float>(width * supersample), h = static_cast<float>(height * supersample);
  f.scale = k;
  f.area = {kSide * k, kTop * k, w - kSide * k, h - kBottom * k};
  f.spacing = {kPad * k, kGap * k, kBody * k};
  return f;
}

}  // namespace app
