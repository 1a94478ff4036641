#include "app/viewer/timeline.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/core/labels.h"
#include "app/core/screen_layout.h"
#include "app/core/text_fit.h"
#include "scene/model/clock.h"
#include "scene/sim/shot.h"

namespace app {

namespace {

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

ImU32 band_colour(int index, bool current) {
  static const ImU32 palette[] = {IM_COL32(88, 110, 140, 255), IM_COL32(128, 102, 72, 255), IM_COL32(92, 124, 96, 255),
                                  IM_COL32(132, 86, 86, 255),  IM_COL32(110, 96, 136, 255), IM_COL32(70, 118, 124, 255),
                                  IM_COL32(138, 120, 70, 255), IM_COL32(120, 80, 110, 255)};
  ImU32 c = palette[index % 8];
  if (!current) c = (c & 0x00FFFFFF) | (200u << 24);
  return c;
}

struct Axis {
  double start, end;  // visible presentation seconds
  float x0, x1;       // pixels
  float x(double t) const { return x0 + static_cast<float>((t - start) / (end - start)) * (x1 - x0); }
  double t(float px) const { return start + (px - x0) / (x1 - x0) * (end - start); }
};

std::string short_date(scene::Day day, scene::Calendar calendar, int step_kind) {
  const scene::CivilDate d = scene::civil_date(static_cast<std::int64_t>(std::floor(day)), calendar);
  char text[48];
  if (step_kind <= 1)
    std::snprintf(text, sizeof(text), "%d %s", d.day, kMonths[d.month - 1]);
  else if (step_kind <= 3)
    std::snprintf(text, sizeof(text), "%s %d", kMonths[d.month - 1], d.year);
  else
    std::snprintf(text, sizeof(text), "%d", d.year);
  return text;
}

// Ticks at calendar boundaries inside one phase, as dense as the phase's warp allows.
void draw_ruler_for_phase(ImDrawList* draw, const ViewerState& state, const Axis& axis, int phase, float y,
                          float& last_label_x) {
  const scene::Scenario& s = state.scenario;
  const scene::Phase& p = s.phases[static_cast<size_t>(phase)];
  const double t0 = scene::phase_start_s(s, phase), t1 = t0 + p.duration_s;
  const double days = p.end.day - p.start.day;
  if (days <= 0) return;
  const float px_per_day = static_cast<float>((axis.x(t1) - axis.x(t0)) / days);
  // Steps: day, week, month, quarter, year, 5 years, 10 years.
  const double steps[] = {1, 7, 30.44, 91.3, 365.25, 1826, 3652};
  int kind = 0;
  while (kind < 6 && steps[kind] * px_per_day < 64) ++kind;
  const scene::CivilDate first = scene::civil_date(static_cast<std::int64_t>(std::floor(p.start.day)), s.calendar);
  const auto tick_at = [&](scene::Day day) {
    if (day <= p.start.day || day >= p.end.day) return;
    const float x = axis.x(scene::presentation_at(s, day));
    if (x < axis.x0 || x > axis.x1) return;
    draw->AddLine(ImVec2(x, y + 14), ImVec2(x, y + 20), IM_COL32(200, 200, 200, 160));
    if (x - last_label_x > 58) {
      draw->AddText(ImVec2(x + 2, y), IM_COL32(220, 220, 220, 230), short_date(day, s.calendar, kind).c_str());
      last_label_x = x;
    }
  };
  if (kind <= 1) {
    const int step = kind == 0 ? 1 : 7;
    for (double d = std::ceil(p.start.day); d < p.end.day; d += step) tick_at(d);
  } else if (kind <= 3) {
    const int months = kind == 2 ? 1 : 3;
    scene::CivilDate c{first.year, first.month, 1};
    for (int guard = 0; guard < 2400; ++guard) {
      c.month += months;
      while (c.month > 12) {
        c.month -= 12;
        ++c.year;
      }
      const scene::Day d = static_cast<scene::Day>(scene::day_number(c, s.calendar));
      if (d >= p.end.day) break;
      tick_at(d);
    }
  } else {
    const int years = kind == 4 ? 1 : kind == 5 ? 5 : 10;
    for (int year = first.year + 1; year < first.year + 2000; year += years) {
      const scene::Day d = static_cast<scene::Day>(scene::day_number({year, 1, 1}, s.calendar));
      if (d >= p.end.day) break;
      tick_at(d);
    }
  }
}

void phase_tooltip(const ViewerState& state, int phase) {
  const scene::Scenario& s = state.scenario;
  const scene::Phase& p = s.phases[static_cast<size_t>(phase)];
  ImGui::BeginTooltip();
  ImGui::Text("%d. %s", phase + 1, bilingual(p.title).c_str());
  ImGui::Text("%s%s – %s%s", p.start.approximate ? "c. " : "", scene::format_day(p.start.day, s.calendar).c_str(),
              p.end.approximate ? "c. " : "", scene::format_day(p.end.day, s.calendar).c_str());
  if (!p.start.lunar.empty()) ImGui::Text("%s", p.start.lunar.c_str());
  ImGui::Text("%s shown in %.0f s", span_text(p.end.day - p.start.day).c_str(), p.duration_s);
  ImGui::EndTooltip();
}

void transport(ViewerState& state) {
  Playback& playback = state.playback;
  if (ImGui::Button("Prev")) playback.previous_phase();
  ImGui::SameLine();
  if (ImGui::Button(playback.playing() ? "Pause" : "Play", ImVec2(60, 0))) playback.toggle_play();
  ImGui::SameLine();
  if (ImGui::Button("Next")) playback.next_phase();
  ImGui::SameLine();
  bool reverse = playback.reversed();
  if (ImGui::Checkbox("Reverse", &reverse)) playback.set_reverse(reverse);
  ImGui::SameLine();
  static const char* speeds[] = {"1/4x", "1/2x", "1x", "2x", "4x", "8x", "16x"};
  int speed = playback.speed_index();
  ImGui::SetNextItemWidth(70);
  if (ImGui::Combo("##speed", &speed, speeds, IM_ARRAYSIZE(speeds))) playback.set_speed_index(speed);
  ImGui::SameLine();
  static const char* loops[] = {"Loop off", "Loop phase", "Loop all"};
  int loop = static_cast<int>(playback.loop());
  ImGui::SetNextItemWidth(110);
  if (ImGui::Combo("##loop", &loop, loops, IM_ARRAYSIZE(loops))) playback.set_loop(static_cast<Loop>(loop));
  ImGui::SameLine();
  const bool director = state.rig.mode() == CameraMode::Director;
  if (ImGui::Button(camera_status(state.rig.mode()).c_str(), ImVec2(130, 0))) {
    if (director)
      state.rig.use_free();
    else
      state.rig.use_director();
  }
  ImGui::SameLine();
  if (ImGui::Button("Fit")) {
    state.timeline.start = 0;
    state.timeline.end = playback.duration();
  }

  const scene::Scenario& s = state.scenario;
  const scene::Phase& p = s.phases[static_cast<size_t>(state.snapshot.phase)];
  ImGui::SameLine(0, 24);
  // The hour the picture shows (local solar time), so a class sees dawn or night at a glance.
  const int minutes = static_cast<int>(std::lround(state.snapshot.hour * 60.0f)) % (24 * 60);
  ImGui::Text("%s%s, %02d:%02d", p.start.approximate ? "c. " : "",
              scene::format_day(state.snapshot.day, s.calendar).c_str(), minutes / 60, minutes % 60);
  // The phase and the seconds take what room is left, the phase cut at a word if need be.
  char seconds[48];
  std::snprintf(seconds, sizeof(seconds), "%.1f / %.0f s", playback.time(), playback.duration());
  ImGui::SameLine(0, 16);
  const float seconds_w = ImGui::CalcTextSize(seconds).x + 16;
  const bool show_seconds = ImGui::GetContentRegionAvail().x > seconds_w + 160;
  const std::string phase =
      fit_words(std::to_string(state.snapshot.phase + 1) + ". " + bilingual(p.title),
                ImGui::GetContentRegionAvail().x - (show_seconds ? seconds_w : 0),
                [](std::string_view t) { return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x; });
  ImGui::TextColored(ImVec4(1, 0.85f, 0.55f, 1), "%s", phase.c_str());
  if (show_seconds) {
    ImGui::SameLine(0, 16);
    ImGui::TextDisabled("%s", seconds);
  }
}

// Where the track's rows lie this frame: the date ruler, the phase bands, the shot list and
// the markers, top to bottom (the slim strip has only the bands).
struct Layout {
  ImVec2 origin;
  Axis axis;
  float ruler_h, band_h, shot_h, marker_h;
  float y_ruler, y_band, y_shots, y_markers;
  float total_h;
};

Layout track_layout(const TimelineView& view, bool slim) {
  Layout l;
  l.origin = ImGui::GetCursorScreenPos();
  l.ruler_h = slim ? 0 : 34;
  l.band_h = slim ? 16 : 30;
  l.shot_h = slim ? 0 : 16;
  l.marker_h = slim ? 0 : 16;
  l.axis = Axis{view.start, view.end, l.origin.x + 4, l.origin.x + ImGui::GetContentRegionAvail().x - 4};
  l.y_ruler = l.origin.y;
  l.y_band = l.y_ruler + l.ruler_h;
  l.y_shots = l.y_band + l.band_h + 2;
  l.y_markers = l.y_shots + l.shot_h + 2;
  l.total_h = l.ruler_h + l.band_h + 2 + l.shot_h + 2 + l.marker_h;
  return l;
}

// What the mouse is over on the track.
struct Hover {
  bool track = false;  // the track itself
  ImVec2 mouse;
  int phase = -1;
  const scene::Shot* shot = nullptr;
  const Marker* marker = nullptr;
};

// The window along the bottom, with the transport controls above the track when not slim.
void begin_window(ViewerState& state, bool slim) {
  const float height = timeline_height(slim);
  ImGui::SetNextWindowPos(ImVec2(0, state.viewport.y - height));
  ImGui::SetNextWindowSize(ImVec2(state.viewport.x, height));
  ImGui::SetNextWindowBgAlpha(slim ? 0.45f : 0.88f);
  ImGui::Begin("##timeline", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBringToFrontOnFocus);
  if (!slim) transport(state);
}

// Phase bands, with how many days each spans: the time warp made visible. Returns the phase
// under the mouse, or -1.
int draw_phase_bands(ImDrawList* draw, const ViewerState& state, const Layout& l, const Hover& hover, bool slim) {
  const scene::Scenario& s = state.scenario;
  const Axis& axis = l.axis;
  const float y_band = l.y_band, band_h = l.band_h;
  int hovered_phase = -1;
  for (int i = 0; i < static_cast<int>(s.phases.size()); ++i) {
    const scene::Phase& p = s.phases[static_cast<size_t>(i)];
    const double t0 = scene::phase_start_s(s, i), t1 = t0 + p.duration_s;
    const float a = axis.x(t0), b = axis.x(t1);
    if (b < axis.x0 || a > axis.x1) continue;
    draw->AddRectFilled(ImVec2(a + 1, y_band), ImVec2(b - 1, y_band + band_h),
                        band_colour(i, i == state.snapshot.phase), 3);
    if (!slim) {
      // Whole words or nothing: a cut word misleads; the tooltip has the rest.
      const std::string label =
          band_title(p.title.en, p.end.day - p.start.day, std::min(b, axis.x1) - std::max(a, axis.x0) - 12,
                     [](std::string_view t) { return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x; });
      if (!label.empty())
        draw->AddText(ImVec2(std::max(a, axis.x0) + 6, y_band + (band_h - ImGui::GetFontSize()) * 0.5f),
                      IM_COL32(255, 255, 255, 235), label.c_str());
    }
    const ImVec2 mouse = hover.mouse;
    if (hover.track && mouse.x >= a && mouse.x < b && mouse.y >= y_band && mouse.y < y_band + band_h) hovered_phase = i;
  }
  return hovered_phase;
}

// The date ruler: Western dates at calendar boundaries, lunar dates where a phase has one.
void draw_date_ruler(ImDrawList* draw, const ViewerState& state, const Layout& l) {
  const scene::Scenario& s = state.scenario;
  const Axis& axis = l.axis;
  const float y_ruler = l.y_ruler;
  float last_label_x = -1e9f;
  for (int i = 0; i < static_cast<int>(s.phases.size()); ++i) {
    const scene::Phase& p = s.phases[static_cast<size_t>(i)];
    const float x = axis.x(scene::phase_start_s(s, i));
    draw->AddLine(ImVec2(x, y_ruler + 10), ImVec2(x, l.y_band), IM_COL32(255, 210, 140, 200));
    if (x - last_label_x > 58 && x >= axis.x0 - 1 && x < axis.x1) {
      std::string text = (p.start.approximate ? "c. " : "") + short_date(p.start.day, s.calendar, 0) + " " +
                         std::to_string(scene::civil_date(static_cast<std::int64_t>(p.start.day), s.calendar).year);
      draw->AddText(ImVec2(x + 2, y_ruler), IM_COL32(255, 220, 160, 255), text.c_str());
      if (!p.start.lunar.empty())
        draw->AddText(ImVec2(x + 2, y_ruler + 16), IM_COL32(255, 200, 150, 200), p.start.lunar.c_str());
      last_label_x = x + ImGui::CalcTextSize(text.c_str()).x;
    }
    draw_ruler_for_phase(draw, state, axis, i, y_ruler, last_label_x);
  }
}

// The shot list: which of the scenario's shots the director's camera uses when. Returns the
// shot under the mouse, or null.
const scene::Shot* draw_shot_list(ImDrawList* draw, const ViewerState& state, const Layout& l, const Hover& hover) {
  const scene::Scenario& s = state.scenario;
  const Axis& axis = l.axis;
  const float y_shots = l.y_shots, shot_h = l.shot_h;
  const ImVec2 mouse = hover.mouse;
  const scene::Shot* hovered_shot = nullptr;
  for (int i = 0; i < static_cast<int>(s.phases.size());) {
    const scene::Shot* shot = scene::current_shot(s, i);
    int j = i + 1;
    while (j < static_cast<int>(s.phases.size()) && scene::current_shot(s, j) == shot) ++j;  // merge repeats
    if (shot) {
      const float a = axis.x(scene::phase_start_s(s, i)),
                  b = axis.x(scene::phase_start_s(s, j - 1) + s.phases[static_cast<size_t>(j - 1)].duration_s);
      const bool live = state.rig.mode() == CameraMode::Director && state.rig.shot().empty() &&
                        state.snapshot.phase >= i && state.snapshot.phase < j;
      draw->AddRectFilled(ImVec2(a + 1, y_shots), ImVec2(b - 1, y_shots + shot_h),
                          live ? IM_COL32(70, 80, 100, 255) : IM_COL32(48, 54, 66, 255), 2);
      draw->PushClipRect(ImVec2(a + 3, y_shots), ImVec2(b - 3, y_shots + shot_h), true);
      draw->AddText(nullptr, ImGui::GetFontSize() * 0.8f, ImVec2(a + 5, y_shots + 1), IM_COL32(200, 210, 230, 230),
                    ("cam: " + shot->title.en).c_str());
      draw->PopClipRect();
      if (hover.track && mouse.x >= a && mouse.x < b && mouse.y >= y_shots && mouse.y < y_shots + shot_h)
        hovered_shot = shot;
    }
    i = j;
  }
  return hovered_shot;
}

// Markers: events, captions, keyframes. Returns the marker under the mouse (an event or a
// caption before a keyframe), or null.
const Marker* draw_markers(ImDrawList* draw, const ViewerState& state, const Layout& l, const Hover& hover) {
  const Axis& axis = l.axis;
  const float y_markers = l.y_markers;
  const ImVec2 mouse = hover.mouse;
  const Marker* hovered_marker = nullptr;
  for (const Marker& m : state.markers) {
    const float x = axis.x(m.t);
    if (x < axis.x0 || x > axis.x1) continue;
    ImU32 c = m.kind == Marker::Kind::Event     ? IM_COL32(255, 150, 60, 255)
              : m.kind == Marker::Kind::Caption ? IM_COL32(120, 190, 255, 255)
                                                : IM_COL32(170, 170, 170, 110);
    if (m.kind == Marker::Kind::Keyframe) {
      draw->AddLine(ImVec2(x, y_markers + 8), ImVec2(x, y_markers + 14), c);
    } else {
      draw->AddTriangleFilled(ImVec2(x, y_markers + 1), ImVec2(x - 4, y_markers + 9), ImVec2(x + 4, y_markers + 9), c);
    }
    if (hover.track && std::abs(mouse.x - x) <= 4 && mouse.y >= y_markers && mouse.y <= y_markers + l.marker_h &&
        (!hovered_marker || m.kind != Marker::Kind::Keyframe))
      hovered_marker = &m;
  }
  return hovered_marker;
}

void draw_playhead(ImDrawList* draw, const ViewerState& state, const Layout& l) {
  const float px = l.axis.x(state.playback.time());
  draw->AddLine(ImVec2(px, l.y_ruler), ImVec2(px, l.y_ruler + l.total_h), IM_COL32(255, 255, 255, 255), 2.0f);
  draw->AddTriangleFilled(ImVec2(px - 6, l.y_band - 1), ImVec2(px + 6, l.y_band - 1), ImVec2(px, l.y_band + 7),
                          IM_COL32(255, 255, 255, 255));
}

// Click a marker to jump; click a shot to watch it; otherwise click or drag to seek (scrub).
void seek(ViewerState& state, const Axis& axis, const Hover& hover) {
  TimelineView& view = state.timeline;
  if (ImGui::IsItemActivated() && hover.marker) {
    state.playback.seek(hover.marker->t);
  } else if (ImGui::IsItemActivated() && hover.shot) {
    state.rig.use_director();  // the shot list previews in the view: the director's camera at that moment
    state.playback.seek(axis.t(hover.mouse.x));
  } else if (ImGui::IsItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    view.scrubbing = true;
    state.playback.seek(axis.t(std::clamp(hover.mouse.x, axis.x0, axis.x1)));
  } else {
    view.scrubbing = false;
  }
}

// The wheel zooms around the mouse, shift+wheel or middle-drag pans; the view stays inside the
// scenario.
void zoom_and_pan(TimelineView& view, const Axis& axis, const Hover& hover, double duration) {
  ImGuiIO& io = ImGui::GetIO();
  const double span = view.end - view.start;
  if (hover.track && io.MouseWheel != 0) {
    if (io.KeyShift) {
      const double shift = -io.MouseWheel * span * 0.1;
      view.start += shift;
      view.end += shift;
    } else {
      const double pivot = axis.t(hover.mouse.x);
      const double scale = std::pow(0.8, io.MouseWheel);
      const double new_span = std::clamp(span * scale, 2.0, duration);
      view.start = pivot - (pivot - view.start) * new_span / span;
      view.end = view.start + new_span;
    }
  }
  if (hover.track && ImGui::IsMouseDragging(ImGuiMouseButton_Middle)) {
    const double shift = -io.MouseDelta.x / (axis.x1 - axis.x0) * span;
    view.start += shift;
    view.end += shift;
  }
  const double visible = std::min(view.end - view.start, duration);
  view.start = std::clamp(view.start, 0.0, duration - visible);
  view.end = view.start + visible;
}

// What is under the mouse: a marker's label and date, a shot's keys, or (when not scrubbing) the phase.
void tooltip(const ViewerState& state, const Hover& hover) {
  const scene::Scenario& s = state.scenario;
  if (hover.marker) {
    ImGui::BeginTooltip();
    ImGui::Text("%s", hover.marker->label.c_str());
    ImGui::TextDisabled("%s  ·  %.1f s — click to jump", scene::format_day(hover.marker->day, s.calendar).c_str(),
                        hover.marker->t);
    ImGui::EndTooltip();
  } else if (hover.shot) {
    ImGui::BeginTooltip();
    ImGui::Text("Shot: %s", bilingual(hover.shot->title).c_str());
    ImGui::TextDisabled("%zu key(s), %s%s — click to watch it", hover.shot->keys.size(),
                        hover.shot->interp == scene::Interp::Step ? "cuts" : "eased moves",
                        hover.shot->follow.empty() ? "" : (", tracking " + hover.shot->follow).c_str());
    ImGui::EndTooltip();
  } else if (hover.phase >= 0 && !state.timeline.scrubbing) {
    phase_tooltip(state, hover.phase);
  }
}

// In presentation mode the date and phase sit right above the strip.
void slim_caption(const ViewerState& state, ImVec2 origin) {
  const scene::Scenario& s = state.scenario;
  const scene::Phase& p = s.phases[static_cast<size_t>(state.snapshot.phase)];
  char text[512];
  std::snprintf(text, sizeof(text), "%s   %s", scene::format_day(state.snapshot.day, s.calendar).c_str(),
                bilingual(p.title).c_str());
  ImGui::GetForegroundDrawList()->AddText(ImVec2(origin.x + 6, origin.y - ImGui::GetFontSize() - 8),
                                          IM_COL32(255, 255, 255, 230), text);
}

}  // namespace

float timeline_height(bool slim) { return slim ? kSlimTimelineHeight : kTimelineHeight; }

void draw_timeline(ViewerState& state, bool slim) {
  if (state.scenario.phases.empty()) return;
  TimelineView& view = state.timeline;
  const double duration = state.playback.duration();
  if (view.end <= view.start) {
    view.start = 0;
    view.end = duration;
  }
  begin_window(state, slim);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const Layout l = track_layout(view, slim);
  ImGui::InvisibleButton("##track", ImVec2(l.axis.x1 - l.axis.x0 + 8, l.total_h));
  Hover hover;
  hover.track = ImGui::IsItemHovered();
  hover.mouse = ImGui::GetIO().MousePos;

  draw->PushClipRect(ImVec2(l.axis.x0, l.y_ruler), ImVec2(l.axis.x1, l.y_ruler + l.total_h), true);
  hover.phase = draw_phase_bands(draw, state, l, hover, slim);
  if (!slim) {
    draw_date_ruler(draw, state, l);
    hover.shot = draw_shot_list(draw, state, l, hover);
    hover.marker = draw_markers(draw, state, l, hover);
  }
  draw_playhead(draw, state, l);
  draw->PopClipRect();

  seek(state, l.axis, hover);  // the track is still ImGui's last item
  zoom_and_pan(view, l.axis, hover, duration);
  tooltip(state, hover);
  if (slim) slim_caption(state, l.origin);
  ImGui::End();
}

}  // namespace app
