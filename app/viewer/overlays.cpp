#include "app/viewer/overlays.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/viewer/timeline.h"
#include "scene/clock.h"

namespace app {

namespace {

struct Projected {
  bool visible = false;
  ImVec2 pixel;
  float distance = 0;
};

Projected project(const ViewerState& state, glm::vec3 world) {
  const glm::vec4 clip = scene::projection_matrix(state.camera, state.viewport.x / state.viewport.y) *
                         scene::view_matrix(state.camera) * glm::vec4(world, 1.0f);
  Projected p;
  if (clip.w <= 0.1f) return p;
  const glm::vec2 ndc = glm::vec2(clip) / clip.w;
  if (std::abs(ndc.x) > 1.05f || std::abs(ndc.y) > 1.05f) return p;
  p.visible = true;
  p.pixel = ImVec2((ndc.x * 0.5f + 0.5f) * state.viewport.x, (ndc.y * 0.5f + 0.5f) * state.viewport.y);
  p.distance = glm::length(world - state.camera.position);
  return p;
}

// Fully visible up to `near`, gone beyond `far`.
float fade(float distance, float near, float far) { return std::clamp(1.0f - (distance - near) / (far - near), 0.0f, 1.0f); }

// Labels already placed this frame: a later one that would overlap them is left out, so the
// most important (placed first) stay readable.
struct Placed {
  std::vector<ImVec4> rects;
  bool free(const ImVec4& r) const {
    for (const ImVec4& o : rects)
      if (r.x < o.z && r.z > o.x && r.y < o.w && r.w > o.y) return false;
    return true;
  }
};

// A label: white text on a dark box, with a swatch of `colour` (a faction's) when given, and
// a short leader line down to the point it names.
void label(ImDrawList* draw, Placed& placed, ImVec2 at, const scene::Localized& name, ImU32 colour, float alpha, bool swatch = false) {
  if (alpha <= 0.02f) return;
  const std::string text = name.zh.empty() ? name.en : name.zh + "  " + name.en;
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  const float pad = swatch ? 14.0f : 0.0f;
  const ImVec2 top_left(at.x - (size.x + pad) * 0.5f + pad, at.y - size.y - 6);
  const ImVec4 rect(top_left.x - 5 - pad, top_left.y - 2, top_left.x + size.x + 5, top_left.y + size.y + 2);
  if (!placed.free(rect)) return;
  placed.rects.push_back(rect);
  const auto a = static_cast<ImU32>(alpha * 255);
  draw->AddRectFilled(ImVec2(rect.x, rect.y), ImVec2(rect.z, rect.w), IM_COL32(0, 0, 0, a * 150 / 255), 3);
  if (swatch) draw->AddRectFilled(ImVec2(rect.x + 4, rect.y + 5), ImVec2(rect.x + 14, rect.w - 5), (colour & 0x00FFFFFF) | (a << 24));
  draw->AddText(top_left, swatch ? IM_COL32(255, 255, 255, a) : (colour & 0x00FFFFFF) | (a << 24), text.c_str());
  draw->AddLine(ImVec2(at.x, at.y - 5), at, IM_COL32(255, 255, 255, a));
}

ImU32 faction_colour(const scene::Scenario& s, const std::string& id) {
  if (const scene::Faction* f = s.faction(id)) {
    const auto encode = [](float c) { return static_cast<int>(std::pow(std::clamp(c, 0.0f, 1.0f), 1.0f / 2.2f) * 255); };
    return IM_COL32(encode(f->color.r), encode(f->color.g), encode(f->color.b), 255);
  }
  return IM_COL32(255, 255, 255, 255);
}

void draw_labels(ViewerState& state) {
  const scene::Scenario& s = state.scenario;
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  const auto ground = [&](glm::vec2 p) { return s.ground ? s.ground->height(p) : s.terrain.base_height; };
  Placed placed;
  // Priority: the selected unit, cities and regions, other places, then units by strength.
  if (state.selected_unit >= 0 && state.snapshot.units[static_cast<size_t>(state.selected_unit)].present) {
    const size_t i = static_cast<size_t>(state.selected_unit);
    const glm::vec2 at = state.snapshot.units[i].position;
    const Projected p = project(state, {at.x, ground(at) + 12, at.y});
    if (p.visible) label(draw, placed, p.pixel, s.units[i].name, faction_colour(s, s.units[i].faction), 1.0f, true);
  }
  for (int pass = 0; pass < 2; ++pass)
    for (const scene::Place& place : s.places) {
      const bool big = place.kind == scene::PlaceKind::City || place.kind == scene::PlaceKind::Region;
      if (big != (pass == 0)) continue;
      const Projected p = project(state, {place.position.x, ground(place.position) + 20, place.position.y});
      if (!p.visible) continue;
      label(draw, placed, p.pixel, place.name, IM_COL32(255, 240, 210, 255), fade(p.distance, big ? 9000.0f : 4000.0f, big ? 20000.0f : 9000.0f));
    }
  std::vector<size_t> order;
  for (size_t i = 0; i < s.units.size(); ++i)
    if (state.snapshot.units[i].present && static_cast<int>(i) != state.selected_unit) order.push_back(i);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return state.snapshot.units[a].strength > state.snapshot.units[b].strength; });
  for (size_t i : order) {
    const scene::UnitSnapshot& u = state.snapshot.units[i];
    const Projected p = project(state, {u.position.x, ground(u.position) + 12, u.position.y});
    if (!p.visible) continue;
    label(draw, placed, p.pixel, s.units[i].name, faction_colour(s, s.units[i].faction), fade(p.distance, 2500.0f, 7000.0f), true);
  }
}

// At the start of each phase, a documentary's lower third: the phase and its date in both
// calendars, fading in and out over its first seconds.
void draw_phase_lower_third(ViewerState& state, float& lower_third_y) {
  const scene::Scenario& s = state.scenario;
  const int phase = state.snapshot.phase;
  const scene::Phase& p = s.phases[static_cast<size_t>(phase)];
  const double since = state.playback.time() - scene::phase_start_s(s, phase);
  const double shown = std::min(6.0, p.duration_s * 0.5);
  if (since < 0 || (since > shown && state.playback.playing())) return;
  if (!state.playback.playing() && since > shown) return;
  // Paused on a phase (a lecturer stepping through): the lower third stays up.
  const double in = state.playback.playing() ? since / 0.6 : 1.0;
  const float alpha = static_cast<float>(std::clamp(std::min(in, state.playback.playing() ? (shown - since) / 0.6 : 1.0), 0.0, 1.0));
  ImFont* font = state.fonts && state.fonts->large ? state.fonts->large : ImGui::GetFont();
  std::string date = (p.start.approximate ? "c. " : "") + scene::format_day(p.start.day, s.calendar);
  if (!p.start.lunar.empty()) date += "  ·  " + p.start.lunar;
  const std::string title = p.title.en + (p.title.zh.empty() ? "" : "   " + p.title.zh);
  const ImVec2 title_size = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, title.c_str());
  const ImVec2 date_size = ImGui::CalcTextSize(date.c_str());
  const float height = title_size.y + date_size.y + 6;
  lower_third_y -= height + 18;
  const ImVec2 at(state.presentation ? 60.0f : 400.0f, lower_third_y);
  const auto a = static_cast<ImU32>(alpha * 255);
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  draw->AddRectFilled(ImVec2(at.x - 14, at.y - 10), ImVec2(at.x + std::max(title_size.x, date_size.x) + 14, at.y + height + 10),
                      IM_COL32(0, 0, 0, a * 170 / 255), 4);
  draw->AddRectFilled(ImVec2(at.x - 14, at.y - 10), ImVec2(at.x - 10, at.y + height + 10), IM_COL32(200, 160, 80, a));
  draw->AddText(font, font->FontSize, at, IM_COL32(255, 255, 255, a), title.c_str());
  draw->AddText(ImVec2(at.x, at.y + title_size.y + 6), IM_COL32(230, 210, 170, a), date.c_str());
}

// The factions' colours, small, for the presentation mode (the panels have their own).
void draw_presentation_legend(ViewerState& state) {
  const scene::Scenario& s = state.scenario;
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  float y = 20;
  for (const scene::Faction& f : s.factions) {
    const std::string text = f.name.en + (f.name.zh.empty() ? "" : "  " + f.name.zh);
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const float x = state.viewport.x - size.x - 40;
    draw->AddRectFilled(ImVec2(x - 8, y - 3), ImVec2(state.viewport.x - 12, y + size.y + 3), IM_COL32(0, 0, 0, 110), 3);
    draw->AddRectFilled(ImVec2(x, y + 3), ImVec2(x + 12, y + size.y - 3), faction_colour(s, f.id));
    draw->AddText(ImVec2(x + 18, y), IM_COL32(255, 255, 255, 230), text.c_str());
    y += size.y + 10;
  }
}

void draw_captions(ViewerState& state) {
  const scene::Scenario& s = state.scenario;
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  const float bottom = state.viewport.y - timeline_height(state.presentation) - 24;
  float lower_third_y = bottom;
  draw_phase_lower_third(state, lower_third_y);
  for (const scene::CaptionSnapshot& shown : state.snapshot.captions) {
    if (shown.caption >= s.captions.size()) continue;
    const scene::Caption& c = s.captions[shown.caption];
    const auto a = static_cast<ImU32>(std::clamp(shown.alpha, 0.0f, 1.0f) * 255);
    ImFont* font = state.fonts ? (c.style == scene::CaptionStyle::Title ? state.fonts->title : state.fonts->large) : nullptr;
    if (!font) font = ImGui::GetFont();
    const float size = c.style == scene::CaptionStyle::Note ? ImGui::GetFontSize() : font->FontSize;
    const float wrap = std::min(state.viewport.x * 0.7f, 900.0f);
    std::string text = c.text.en;
    if (!c.text.zh.empty()) text += "\n" + c.text.zh;
    if (!c.attribution.empty()) text += "\n— " + c.attribution;
    const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, wrap, text.c_str());
    ImVec2 at;
    switch (c.style) {
      case scene::CaptionStyle::Title: at = ImVec2((state.viewport.x - extent.x) * 0.5f, state.viewport.y * 0.38f - extent.y * 0.5f); break;
      case scene::CaptionStyle::Quote: at = ImVec2((state.viewport.x - extent.x) * 0.5f, bottom - extent.y - 70); break;
      case scene::CaptionStyle::LowerThird:
        lower_third_y -= extent.y + 18;
        at = ImVec2(state.presentation ? 60.0f : 400.0f, lower_third_y);
        break;
      case scene::CaptionStyle::Note: at = ImVec2((state.viewport.x - extent.x) * 0.5f, 60); break;
    }
    draw->AddRectFilled(ImVec2(at.x - 14, at.y - 10), ImVec2(at.x + extent.x + 14, at.y + extent.y + 10), IM_COL32(0, 0, 0, a * 160 / 255), 4);
    if (c.style == scene::CaptionStyle::LowerThird)
      draw->AddRectFilled(ImVec2(at.x - 14, at.y - 10), ImVec2(at.x - 10, at.y + extent.y + 10), IM_COL32(200, 160, 80, a));
    draw->AddText(font, size, at, IM_COL32(255, 255, 255, a), text.c_str(), nullptr, wrap);
  }
}

}  // namespace

void draw_overlays(ViewerState& state) {
  if (state.show_labels && !state.presentation) draw_labels(state);
  if (state.presentation) draw_presentation_legend(state);
  draw_captions(state);
}

}  // namespace app
