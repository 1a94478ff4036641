#include "app/viewer/overlays.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "app/core/labels.h"
#include "app/overlay/captions.h"
#include "scene/model/clock.h"
#include "scene/model/heightfield.h"

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
float fade(float distance, float near, float far) {
  return std::clamp(1.0f - (distance - near) / (far - near), 0.0f, 1.0f);
}

// Labels already placed this frame: a later one that would overlap them is left out, so the
// most important (placed first) stay readable.
struct Placed {
  Rect area;  // the scene area: a label half under a panel or the timeline is left out
  std::vector<ImVec4> rects;
  bool free(const ImVec4& r) const {
    if (!area.contains({r.x, r.y, r.z, r.w})) return false;
    for (const ImVec4& o : rects)
      if (r.x < o.z && r.z > o.x && r.y < o.w && r.w > o.y) return false;
    return true;
  }
};

// A label: white text on a dark box, with a swatch of `colour` (a faction's) when given, and
// a short leader line down to the point it names.
void label(ImDrawList* draw, Placed& placed, ImVec2 at, const scene::Localized& name, ImU32 colour, float alpha,
           bool swatch = false) {
  if (alpha <= 0.02f) return;
  const std::string text = bilingual(name);
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  const float pad = swatch ? 14.0f : 0.0f;
  const ImVec2 top_left(at.x - (size.x + pad) * 0.5f + pad, at.y - size.y - 6);
  const ImVec4 rect(top_left.x - 5 - pad, top_left.y - 2, top_left.x + size.x + 5, top_left.y + size.y + 2);
  if (!placed.free(rect)) return;
  placed.rects.push_back(rect);
  const auto a = static_cast<ImU32>(alpha * 255);
  draw->AddRectFilled(ImVec2(rect.x, rect.y), ImVec2(rect.z, rect.w), IM_COL32(0, 0, 0, a * 150 / 255), 3);
  if (swatch)
    draw->AddRectFilled(ImVec2(rect.x + 4, rect.y + 5), ImVec2(rect.x + 14, rect.w - 5),
                        (colour & 0x00FFFFFF) | (a << 24));
  draw->AddText(top_left, swatch ? IM_COL32(255, 255, 255, a) : (colour & 0x00FFFFFF) | (a << 24), text.c_str());
  draw->AddLine(ImVec2(at.x, at.y - 5), at, IM_COL32(255, 255, 255, a));
}

void draw_labels(ViewerState& state) {
  const scene::Scenario& s = state.scenario;
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  const auto ground = [&](glm::vec2 p) { return s.ground ? s.ground->height(p) : s.terrain.base_height; };
  Placed placed;
  placed.area = state.layout.scene;
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
      label(draw, placed, p.pixel, place.name, IM_COL32(255, 240, 210, 255),
            fade(p.distance, big ? 9000.0f : 4000.0f, big ? 20000.0f : 9000.0f));
    }
  std::vector<size_t> order;
  for (size_t i = 0; i < s.units.size(); ++i)
    if (state.snapshot.units[i].present && static_cast<int>(i) != state.selected_unit) order.push_back(i);
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return state.snapshot.units[a].strength > state.snapshot.units[b].strength; });
  for (size_t i : order) {
    const scene::UnitSnapshot& u = state.snapshot.units[i];
    const Projected p = project(state, {u.position.x, ground(u.position) + 12, u.position.y});
    if (!p.visible) continue;
    label(draw, placed, p.pixel, s.units[i].name, faction_colour(s, s.units[i].faction),
          fade(p.distance, 2500.0f, 7000.0f), true);
  }
}

}  // namespace

void draw_overlays(ViewerState& state) {
  if (state.show_labels && !state.presentation) draw_labels(state);
  CaptionLayout layout;
  layout.viewport = state.viewport;
  layout.area = state.layout.scene;
  layout.hold_phase_title = !state.playback.playing();  // a lecturer paused on a phase keeps its title up
  // Behind every window: the scene area keeps captions off the panels, and what opens over
  // the scene (help, drop-downs, tooltips) covers them rather than the reverse.
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  if (!state.fonts) return;
  if (state.presentation) draw_faction_legend(draw, state.scenario, *state.fonts, layout);
  draw_captions(draw, state.scenario, state.snapshot, *state.fonts, layout);
}

}  // namespace app
