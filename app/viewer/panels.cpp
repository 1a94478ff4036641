#include "app/viewer/panels.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/core/actions.h"
#include "app/core/labels.h"
#include "app/core/text_fit.h"
#include "scene/model/clock.h"
#include "scene/model/geometry2d.h"
#include "scene/model/heightfield.h"

namespace app {

namespace {

ImVec4 display_colour(glm::vec3 linear, float alpha = 1) {
  const auto encode = [](float c) { return std::pow(std::clamp(c, 0.0f, 1.0f), 1.0f / 2.2f); };
  return ImVec4(encode(linear.r), encode(linear.g), encode(linear.b), alpha);
}

const char* source_mark(const scene::Scenario& s, const std::string& id) {
  for (const scene::Source& src : s.sources)
    if (src.id == id)
      return src.kind == scene::SourceKind::Brief ? "[S]" : src.kind == scene::SourceKind::Record ? "[R]" : "[~]";
  return "[?]";
}

void provenance(const scene::Scenario& s, const scene::Provenance& p) {
  if (!p.sources.empty()) {
    ImGui::TextDisabled("Sources:");
    for (const std::string& id : p.sources) {
      ImGui::SameLine();
      ImGui::TextDisabled("%s %s", source_mark(s, id), id.c_str());
      if (ImGui::IsItemHovered())
        for (const scene::Source& src : s.sources)
          if (src.id == id) ImGui::SetTooltip("%s", src.citation.c_str());
    }
  }
  if (!p.notes.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.8f, 0.65f, 1));
    ImGui::TextWrapped("Note: %s", p.notes.c_str());
    ImGui::PopStyleColor();
  }
}

const char* state_name(scene::UnitState s) {
  switch (s) {
    case scene::UnitState::March:
      return "marching";
    case scene::UnitState::Hold:
      return "holding";
    case scene::UnitState::Assault:
      return "assaulting";
    case scene::UnitState::Rout:
      return "routed";
    case scene::UnitState::Camp:
      return "in camp";
  }
  return "?";
}

const char* formation_name(scene::Formation f) {
  switch (f) {
    case scene::Formation::Block:
      return "block";
    case scene::Formation::Column:
      return "column";
    case scene::Formation::Line:
      return "line";
    case scene::Formation::Wedge:
      return "wedge";
    case scene::Formation::Camp:
      return "camp";
    case scene::Formation::Scattered:
      return "scattered";
  }
  return "?";
}

void phase_panel(ViewerState& state) {
  const scene::Scenario& s = state.scenario;
  const scene::Phase& p = s.phases[static_cast<size_t>(state.snapshot.phase)];
  if (state.fonts && state.fonts->large) ImGui::PushFont(state.fonts->large);
  ImGui::TextWrapped("%s", p.title.en.c_str());
  if (!p.title.zh.empty()) ImGui::TextWrapped("%s", p.title.zh.c_str());
  if (state.fonts && state.fonts->large) ImGui::PopFont();
  ImGui::Text("%s%s – %s%s", p.start.approximate ? "c. " : "", scene::format_day(p.start.day, s.calendar).c_str(),
              p.end.approximate ? "c. " : "", scene::format_day(p.end.day, s.calendar).c_str());
  if (!p.start.lunar.empty())
    ImGui::Text("%s%s", p.start.lunar.c_str(), p.end.lunar.empty() ? "" : (" – " + p.end.lunar).c_str());
  if (p.start.approximate || p.end.approximate) ImGui::TextDisabled("c. = approximate date");
  ImGui::Separator();
  ImGui::TextWrapped("%s", p.summary.en.c_str());
  if (!p.summary.zh.empty()) ImGui::TextWrapped("%s", p.summary.zh.c_str());
  provenance(s, p.provenance);
}

// A unit in both languages: name, faction, commander, strength and what it is doing now.
void unit_tooltip(const ViewerState& state, std::size_t i) {
  const scene::Scenario& s = state.scenario;
  const scene::Unit& u = s.units[i];
  const scene::UnitSnapshot& now = state.snapshot.units[i];
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(bilingual(u.name).c_str());
  if (const scene::Faction* f = s.faction(u.faction)) ImGui::TextDisabled("%s", bilingual(f->name).c_str());
  if (!u.commander.en.empty() || !u.commander.zh.empty()) ImGui::Text("Commander: %s", bilingual(u.commander).c_str());
  if (now.present)
    ImGui::Text("%s%.0f men, %s", u.strength_estimate ? "~" : "", now.strength, state_name(now.state));
  else
    ImGui::TextDisabled("not on the field now");
  ImGui::EndTooltip();
}

void units_panel(ViewerState& state) {
  const scene::Scenario& s = state.scenario;
  for (const scene::Faction& f : s.factions) {
    ImGui::ColorButton(("##" + f.id).c_str(), display_colour(f.color), ImGuiColorEditFlags_NoTooltip, ImVec2(12, 12));
    ImGui::SameLine();
    ImGui::TextUnformatted(bilingual(f.name).c_str());
    ImGui::Indent();
    for (size_t i = 0; i < s.units.size(); ++i) {
      const scene::Unit& u = s.units[i];
      if (u.faction != f.id) continue;
      const scene::UnitSnapshot& now = state.snapshot.units[i];
      const std::string name = bilingual(u.name);
      const std::string label = (now.present ? name : "(" + name + ")") + "##unit" + std::to_string(i);
      if (ImGui::Selectable(label.c_str(), state.selected_unit == static_cast<int>(i)))
        state.selected_unit = static_cast<int>(i);
      if (ImGui::IsItemHovered()) unit_tooltip(state, i);
      if (now.present) {
        ImGui::SameLine(ImGui::GetContentRegionAvail().x - 40);
        ImGui::TextDisabled("%s%.0f", u.strength_estimate ? "~" : "", now.strength);
      }
    }
    ImGui::Unindent();
  }
}

void inspector(ViewerState& state) {
  const scene::Scenario& s = state.scenario;
  if (state.selected_unit < 0 || state.selected_unit >= static_cast<int>(s.units.size())) {
    ImGui::TextDisabled("Click a soldier in the view, or a unit above.");
    return;
  }
  const scene::Unit& u = s.units[static_cast<size_t>(state.selected_unit)];
  const scene::UnitSnapshot& now = state.snapshot.units[static_cast<size_t>(state.selected_unit)];
  const scene::Faction* f = s.faction(u.faction);
  ImGui::TextWrapped("%s", bilingual(u.name).c_str());
  if (f) {
    ImGui::ColorButton("##faction", display_colour(f->color), ImGuiColorEditFlags_NoTooltip, ImVec2(12, 12));
    ImGui::SameLine();
    ImGui::TextUnformatted(bilingual(f->name).c_str());
  }
  if (!u.commander.en.empty() || !u.commander.zh.empty())
    ImGui::TextWrapped("Commander: %s", bilingual(u.commander).c_str());
  if (now.present) {
    ImGui::Text("Strength now: %s%.0f men%s", u.strength_estimate ? "~" : "", now.strength,
                u.strength_estimate ? " (estimate)" : "");
    ImGui::Text("%s, in %s", state_name(now.state), formation_name(now.formation));
  } else {
    ImGui::TextDisabled("Not on the field at this moment.");
  }
  if (std::isfinite(u.available.from)) ImGui::Text("From %s", scene::format_day(u.available.from, s.calendar).c_str());
  if (std::isfinite(u.available.to)) ImGui::Text("Until %s", scene::format_day(u.available.to, s.calendar).c_str());
  provenance(s, u.provenance);
  const bool following = state.rig.mode() == CameraMode::Follow && state.rig.followed_unit() == state.selected_unit;
  if (ImGui::Button(following ? "Following (Home: Director)" : "Follow (F)") && !following)
    state.pending_action = ActionCall{Action::FollowSelected};
}

void camera_panel(ViewerState& state) {
  const scene::Scenario& s = state.scenario;
  ImGui::TextUnformatted(camera_status(state.rig.mode()).c_str());
  if (ImGui::Button((std::string(camera_mode_label(CameraMode::Director)) + " (Home)").c_str()))
    state.pending_action = ActionCall{Action::DirectorCamera};
  ImGui::SameLine();
  if (ImGui::Button(camera_mode_label(CameraMode::Free))) state.rig.use_free();
  ImGui::SameLine();
  if (ImGui::Button((std::string(camera_mode_label(CameraMode::Orbit)) + " (O)").c_str()))
    state.pending_action = ActionCall{Action::OrbitCentre};
  ImGui::SameLine();
  if (ImGui::Button((std::string(camera_mode_label(CameraMode::Follow)) + " (F)").c_str()))
    state.pending_action = ActionCall{Action::FollowSelected};
  ImGui::TextDisabled("Shots:");
  for (const scene::Shot& shot : s.shots) {
    const bool current = state.rig.mode() == CameraMode::Director && state.rig.shot() == shot.id;
    if (ImGui::Selectable((bilingual(shot.title) + "##" + shot.id).c_str(), current)) state.rig.use_director(shot.id);
  }
  ImGui::TextDisabled("Bookmarks (Ctrl+N saves, Alt+N recalls):");
  for (int i = 0; i < 9; ++i) {
    const bool set = state.bookmarks[static_cast<size_t>(i)].has_value();
    if (i % 5) ImGui::SameLine();
    ImGui::BeginDisabled(!set);
    if (ImGui::Button(std::to_string(i + 1).c_str(), ImVec2(28, 0)))
      state.rig.go_to(*state.bookmarks[static_cast<size_t>(i)]);
    ImGui::EndDisabled();
  }
  if (ImGui::Button("Save view as next free bookmark")) {
    for (size_t i = 0; i < state.bookmarks.size(); ++i)
      if (!state.bookmarks[i]) {
        state.bookmarks[i] = state.camera;
        save_bookmarks(state);
        state.notify("saved as bookmark " + std::to_string(i + 1));
        break;
      }
  }
  ImGui::Checkbox("Labels", &state.show_labels);
  ImGui::TextDisabled("%.1f fps · scene at %.0f%% of the window%s", state.fps, state.render_scale * 100,
                      state.auto_scale ? " (automatic)" : "");
}

// A map of the scenario from above: rivers, walls, siege rings, units, and where the camera looks.
void minimap(ViewerState& state) {
  const scene::Scenario& s = state.scenario;
  const Rect& box = state.layout.map;
  const float size = box.width() - 16;
  ImGui::SetNextWindowPos(ImVec2(box.x0, box.y0));
  ImGui::SetNextWindowSize(ImVec2(box.width(), box.height()));
  ImGui::SetNextWindowBgAlpha(0.8f);
  ImGui::Begin("Map", nullptr,
               ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoScrollbar |
                   ImGuiWindowFlags_NoSavedSettings);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  // Show the middle of the terrain where the action is: the siege rings' extent plus a margin.
  scene::Bounds2 b;
  for (const scene::SiegeRing& r : s.siege_rings)
    for (glm::vec2 p : r.points) b.add(p);
  for (const scene::Wall& w : s.walls)
    for (glm::vec2 p : w.points) b.add(p);
  if (b.empty()) b = {s.terrain.min, s.terrain.max};
  const glm::vec2 centre = b.center();
  const float half = std::max(b.max.x - b.min.x, b.max.y - b.min.y) * 0.5f * 1.35f;
  const auto map = [&](glm::vec2 p) {
    const glm::vec2 q = (p - centre) / half * 0.5f + 0.5f;
    return ImVec2(o.x + q.x * size, o.y + q.y * size);
  };
  draw->AddRectFilled(o, ImVec2(o.x + size, o.y + size), IM_COL32(58, 62, 44, 255));
  draw->PushClipRect(o, ImVec2(o.x + size, o.y + size), true);
  const auto polyline = [&](const std::vector<glm::vec2>& pts, bool closed, ImU32 c, float w) {
    std::vector<ImVec2> v;
    for (glm::vec2 p : pts) v.push_back(map(p));
    draw->AddPolyline(v.data(), static_cast<int>(v.size()), c, closed ? ImDrawFlags_Closed : 0, w);
  };
  for (const scene::River& r : s.rivers)
    polyline(r.points, false, IM_COL32(70, 120, 190, 255), std::max(2.0f, r.width / half * size * 0.5f));
  for (size_t i = 0; i < s.lakes.size(); ++i) {
    std::vector<ImVec2> v;
    for (glm::vec2 p : s.lakes[i].outline) v.push_back(map(p));
    const bool drained =
        i < state.snapshot.lake_level.size() && state.snapshot.lake_level[i] <= -(s.lakes[i].bed_depth - 0.2f);
    draw->AddConvexPolyFilled(v.data(), static_cast<int>(v.size()),
                              drained ? IM_COL32(90, 80, 60, 255) : IM_COL32(70, 120, 190, 255));
  }
  for (const scene::Wall& w : s.walls) polyline(w.points, w.closed, IM_COL32(200, 200, 190, 255), 2);
  for (size_t i = 0; i < s.siege_rings.size(); ++i) {
    const float built = i < state.snapshot.ring_construction.size() ? state.snapshot.ring_construction[i] : 0;
    const auto part = scene::path_prefix(scene::explicit_path(s.siege_rings[i].points, s.siege_rings[i].closed), built);
    if (part.size() >= 2) polyline(part, false, IM_COL32(170, 120, 70, 255), 2);
  }
  for (size_t i = 0; i < s.units.size(); ++i) {
    const scene::UnitSnapshot& u = state.snapshot.units[i];
    if (!u.present) continue;
    const scene::Faction* f = s.faction(s.units[i].faction);
    const ImVec4 c = display_colour(f ? f->color : glm::vec3(1));
    const float radius = std::min(2.0f + std::sqrt(u.strength) * 0.02f, 6.0f);
    const ImVec2 at = map(u.position);
    draw->AddCircleFilled(at, radius, ImGui::ColorConvertFloat4ToU32(c));
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (ImGui::IsWindowHovered() && std::hypot(mouse.x - at.x, mouse.y - at.y) <= radius + 3) unit_tooltip(state, i);
    if (static_cast<int>(i) == state.selected_unit)
      draw->AddCircle(map(u.position), 8, IM_COL32(255, 255, 255, 255), 0, 2);
  }
  // The camera's footprint: where the corners of the view meet the ground.
  if (s.ground) {
    const glm::mat4 inv = glm::inverse(scene::projection_matrix(state.camera, state.viewport.x / state.viewport.y) *
                                       scene::view_matrix(state.camera));
    std::vector<ImVec2> footprint;
    for (glm::vec2 ndc : {glm::vec2(-1, -1), glm::vec2(1, -1), glm::vec2(1, 1), glm::vec2(-1, 1)}) {
      const glm::vec4 far_point = inv * glm::vec4(ndc, 0.5f, 1.0f);
      const glm::vec3 dir = glm::normalize(glm::vec3(far_point) / far_point.w - state.camera.position);
      glm::vec3 hit;
      // Rays above the horizon reach "far away" along their ground direction.
      if (!s.ground->intersect(state.camera.position, dir, 30000.0f, hit))
        hit = state.camera.position + glm::normalize(glm::vec3(dir.x, 0, dir.z) + glm::vec3(1e-4f)) * 30000.0f;
      footprint.push_back(map({hit.x, hit.z}));
    }
    draw->AddPolyline(footprint.data(), 4, IM_COL32(255, 255, 120, 230), ImDrawFlags_Closed, 1.5f);
    draw->AddCircleFilled(map({state.camera.position.x, state.camera.position.z}), 3, IM_COL32(255, 255, 120, 255));
  }
  draw->PopClipRect();
  ImGui::Dummy(ImVec2(size, size));
  ImGui::End();
}

void legend(ViewerState& state) {
  const scene::Scenario& s = state.scenario;
  const Rect& r = state.layout.legend;
  ImGui::SetNextWindowPos(ImVec2(r.x0, r.y0));
  ImGui::SetNextWindowSize(ImVec2(r.width(), r.height()));
  ImGui::SetNextWindowBgAlpha(0.7f);
  ImGui::Begin("##legend", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  for (const scene::Faction& f : s.factions) {
    ImGui::ColorButton(("##legend" + f.id).c_str(), display_colour(f.color), ImGuiColorEditFlags_NoTooltip,
                       ImVec2(16, 16));
    ImGui::SameLine();
    ImGui::TextUnformatted(bilingual(f.name).c_str());
  }
  ImGui::End();
}

}  // namespace

void draw_panels(ViewerState& state) {
  const Rect& r = state.layout.side_panel;
  ImGui::SetNextWindowPos(ImVec2(r.x0, r.y0), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(r.width(), r.height()), ImGuiCond_Always);
  ImGui::Begin(state.scenario.title.en.c_str(), nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoCollapse);
  if (ImGui::CollapsingHeader("Phase", ImGuiTreeNodeFlags_DefaultOpen)) phase_panel(state);
  if (ImGui::CollapsingHeader("Units", ImGuiTreeNodeFlags_DefaultOpen)) units_panel(state);
  if (ImGui::CollapsingHeader("Selected unit", ImGuiTreeNodeFlags_DefaultOpen)) inspector(state);
  if (ImGui::CollapsingHeader("Camera")) camera_panel(state);
  ImGui::TextDisabled("F1: keys and help");
  ImGui::End();
  minimap(state);
  legend(state);
}

void draw_help(ViewerState& state) {
  ImGui::SetNextWindowPos(ImVec2(state.viewport.x * 0.5f, state.viewport.y * 0.42f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowBgAlpha(0.94f);
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(state.viewport.x - 20, state.viewport.y - 20));
  ImGui::Begin("Keys", &state.show_help,
               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse);
  if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
    for (const KeyHelp& k : key_help()) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextColored(ImVec4(1, 0.85f, 0.55f, 1), "%s", k.keys.c_str());
      ImGui::TableNextColumn();
      ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::min(520.0f, state.viewport.x * 0.45f));
      ImGui::TextUnformatted(k.what.c_str());
      ImGui::PopTextWrapPos();
    }
    ImGui::EndTable();
  }
  ImGui::End();
}

// At the top of the scene area, wrapped to it: never over the panels.
void draw_message(ViewerState& state) {
  if (state.message.empty() || state.clock > state.message_until) return;
  const Rect& area = state.layout.scene;
  ImFont* font = ImGui::GetFont();
  const MeasureText measure = [&](std::string_view s) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, s.data(), s.data() + s.size()).x;
  };
  const std::vector<std::string> lines = wrap_lines(state.message, std::max(40.0f, area.width() - 20), measure);
  float width = 0;
  for (const std::string& line : lines) width = std::max(width, measure(line));
  const float line_h = font->FontSize;
  const ImVec2 at((area.x0 + area.x1) * 0.5f - width * 0.5f, area.y0 + 8);
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  draw->AddRectFilled(ImVec2(at.x - 10, at.y - 6),
                      ImVec2(at.x + width + 10, at.y + line_h * static_cast<float>(lines.size()) + 6),
                      IM_COL32(0, 0, 0, 190), 4);
  for (std::size_t i = 0; i < lines.size(); ++i)
    draw->AddText(ImVec2(at.x, at.y + line_h * static_cast<float>(i)), IM_COL32(255, 255, 255, 255), lines[i].c_str());
}

void draw_collapsed_notice(ViewerState& state) {
  const Rect& r = state.layout.notice;
  char text[160];
  std::snprintf(text, sizeof(text), "Panels hidden: the window is under %.0f×%.0f (enlarge it to see them)",
                kPanelsMinWidth, kPanelsMinHeight);
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  const ImVec2 size = ImGui::CalcTextSize(text);
  draw->AddRectFilled(ImVec2(r.x0, r.y0), ImVec2(std::min(r.x1, r.x0 + size.x + 16), r.y1), IM_COL32(0, 0, 0, 150), 3);
  draw->AddText(ImVec2(r.x0 + 8, r.y0 + (r.height() - size.y) * 0.5f), IM_COL32(255, 225, 160, 255), text);
}

}  // namespace app
