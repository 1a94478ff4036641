#include "app/viewer/overlays.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "app/viewer/timeline.h"

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

void label(ImDrawList* draw, ImVec2 at, const scene::Localized& name, ImU32 colour, float alpha) {
  if (alpha <= 0.02f) return;
  const std::string text = name.zh.empty() ? name.en : name.zh + "  " + name.en;
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  const ImVec2 top_left(at.x - size.x * 0.5f, at.y - size.y - 6);
  const auto a = static_cast<int>(alpha * 255);
  draw->AddRectFilled(ImVec2(top_left.x - 5, top_left.y - 2), ImVec2(top_left.x + size.x + 5, top_left.y + size.y + 2),
                      IM_COL32(0, 0, 0, a * 150 / 255), 3);
  draw->AddText(top_left, (colour & 0x00FFFFFF) | (static_cast<ImU32>(a) << 24), text.c_str());
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
  for (const scene::Place& place : s.places) {
    const Projected p = project(state, {place.position.x, ground(place.position) + 20, place.position.y});
    if (!p.visible) continue;
    const bool big = place.kind == scene::PlaceKind::City || place.kind == scene::PlaceKind::Region;
    label(draw, p.pixel, place.name, IM_COL32(255, 240, 210, 255), fade(p.distance, big ? 9000.0f : 4000.0f, big ? 20000.0f : 9000.0f));
  }
  for (size_t i = 0; i < s.units.size(); ++i) {
    const scene::UnitSnapshot& u = state.snapshot.units[i];
    if (!u.present) continue;
    const Projected p = project(state, {u.position.x, ground(u.position) + 12, u.position.y});
    if (!p.visible) continue;
    const bool selected = static_cast<int>(i) == state.selected_unit;
    label(draw, p.pixel, s.units[i].name, faction_colour(s, s.units[i].faction), selected ? 1.0f : fade(p.distance, 2500.0f, 7000.0f));
  }
}

void draw_captions(ViewerState& state) {
  const scene::Scenario& s = state.scenario;
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  const float bottom = state.viewport.y - timeline_height(state.presentation) - 24;
  float lower_third_y = bottom;
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
  draw_captions(state);
}

}  // namespace app
