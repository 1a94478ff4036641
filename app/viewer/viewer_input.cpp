// The viewer's input: keys become actions (one table, app/core/actions), the mouse flies,
// orbits and picks; a scripted session feeds the same paths from its events.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "app/core/labels.h"
#include "app/viewer/viewer.h"
#include "scene/model/clock.h"

namespace app {

namespace {

// The world ray through a pixel of the current camera.
void pixel_ray(const scene::Camera& camera, glm::vec2 viewport, glm::vec2 pixel, glm::vec3& origin,
               glm::vec3& direction) {
  const glm::mat4 inverse =
      glm::inverse(scene::projection_matrix(camera, viewport.x / viewport.y) * scene::view_matrix(camera));
  const glm::vec2 ndc = pixel / viewport * 2.0f - 1.0f;
  const glm::vec4 far_point = inverse * glm::vec4(ndc, 0.5f, 1.0f);
  origin = camera.position;
  direction = glm::normalize(glm::vec3(far_point) / far_point.w - camera.position);
}

std::optional<glm::vec3> ground_under(const ViewerState& state, glm::vec2 pixel) {
  if (!state.scenario.ground) return std::nullopt;
  glm::vec3 origin, direction, hit;
  pixel_ray(state.camera, state.viewport, pixel, origin, direction);
  if (state.scenario.ground->intersect(origin, direction, 60000.0f, hit)) return hit;
  return std::nullopt;
}

}  // namespace

void Viewer::apply_script_events() {
  const Script& script = *options_.script;
  script_scroll_ = 0;
  // A click is a press on one frame and a release on the next.
  for (bool& b : script_buttons_) b = false;
  if (drag_) {
    const int step = script_frame_ - drag_->start;
    if (step <= drag_->frames) {
      script_mouse_ = glm::mix(drag_->from, drag_->to, static_cast<float>(step) / drag_->frames);
      script_buttons_[drag_->button] = true;
    } else {
      drag_.reset();
    }
  }
  while (script_next_ < script.events.size() && script.events[script_next_].frame <= script_frame_) {
    const ScriptEvent& e = script.events[script_next_++];
    switch (e.kind) {
      case ScriptEvent::Kind::Key:
        apply(action_for(e.chord));
        break;
      case ScriptEvent::Kind::Click:
        script_mouse_ = e.from;
        script_buttons_[e.button] = true;
        break;
      case ScriptEvent::Kind::Move:
        script_mouse_ = e.from;
        break;
      case ScriptEvent::Kind::Drag:
        drag_ = ActiveDrag{e.from, e.to, e.button, script_frame_, e.frames};
        script_mouse_ = e.from;
        script_buttons_[e.button] = true;
        break;
      case ScriptEvent::Kind::Scroll:
        script_mouse_ = e.from;
        script_scroll_ = e.scroll;
        break;
      case ScriptEvent::Kind::Screenshot:
        save_screenshot(e.with_ui, e.path);
        break;
      case ScriptEvent::Kind::Resize:
        if (e.size.x == 0 || e.size.y == 0) {
          glfwIconifyWindow(window_->handle());
        } else {
          glfwRestoreWindow(window_->handle());
          window_->set_size(e.size.x, e.size.y);
        }
        break;
      case ScriptEvent::Kind::Seek: {
        std::string error;
        if (const std::optional<double> t = scene::resolve_time(scenario_, e.time, &error)) {
          state_.playback.seek(*t);
          state_.hour_hold.seek(scenario_, e.time, state_.playback.time());
        } else
          std::fprintf(stderr, "siege view: script seek: %s\n", error.c_str());
        break;
      }
      case ScriptEvent::Kind::Quit:
        quit_ = true;
        break;
    }
  }
}

void Viewer::handle_input(double dt) {
  ImGuiIO& io = ImGui::GetIO();
  const std::vector<KeyEvent> keys = window_->take_key_events();
  glm::vec2 mouse;
  std::array<bool, 3> buttons{};
  if (options_.script) {
    apply_script_events();
    io.MousePos = ImVec2(script_mouse_.x, script_mouse_.y);
    for (int b = 0; b < 3; ++b) io.MouseDown[b] = script_buttons_[b];
    io.MouseWheel += script_scroll_;
    mouse = script_mouse_;
    buttons = script_buttons_;
  } else {
    mouse = window_->cursor();
    for (int b = 0; b < 3; ++b) buttons[static_cast<size_t>(b)] = window_->mouse_down(b);
  }
  // Shortcuts do not fire while the user types into a text field.
  if (!io.WantTextInput)
    for (const KeyEvent& k : keys) apply(action_for(k.chord));

  FlyInput fly;
  const bool ui_has_mouse = io.WantCaptureMouse && !right_dragging_;
  if (!io.WantCaptureKeyboard && !options_.script) {
    const auto axis = [&](int plus, int minus) {
      return (window_->key_down(plus) ? 1.0f : 0.0f) - (window_->key_down(minus) ? 1.0f : 0.0f);
    };
    fly.move = glm::vec3(axis(GLFW_KEY_D, GLFW_KEY_A), axis(GLFW_KEY_E, GLFW_KEY_Q), axis(GLFW_KEY_W, GLFW_KEY_S));
    fly.fast = window_->key_down(GLFW_KEY_LEFT_SHIFT) || window_->key_down(GLFW_KEY_RIGHT_SHIFT);
    if (glm::length(fly.move) > 0 && (state_.rig.mode() == CameraMode::Director)) state_.rig.use_free();
  }
  // Right-drag looks around (or turns the orbit); from the director's camera it takes over.
  if (buttons[1] && (right_dragging_ || !io.WantCaptureMouse)) {
    if (!right_dragging_ && state_.rig.mode() == CameraMode::Director) state_.rig.use_free();
    if (right_dragging_) fly.look = glm::vec2(mouse.x - last_cursor_.x, -(mouse.y - last_cursor_.y)) * 0.15f;
    right_dragging_ = true;
  } else {
    right_dragging_ = false;
  }
  if (!ui_has_mouse && io.MouseWheel != 0) {
    fly.zoom = io.MouseWheel;
    if (state_.rig.mode() == CameraMode::Director) state_.rig.use_free();
  }
  // A left click in the scene asks the ID pass what is there.
  const VkExtent2D fb = window_->framebuffer_size();
  const glm::vec2 scale =
      glm::vec2(fb.width, fb.height) / glm::max(glm::vec2(io.DisplaySize.x, io.DisplaySize.y), glm::vec2(1));
  if (buttons[0] && !left_down_ && !io.WantCaptureMouse) {
    const glm::vec2 pixel = mouse * scale;
    state_.pending_pick = glm::ivec2(pixel);
    state_.picked_point = ground_under(state_, pixel);
  }
  left_down_ = buttons[0];
  last_cursor_ = mouse;
  state_.fly = fly;
  (void)dt;
}

// One case per action of the key table (app/core/actions): long, but a flat switch that
// reads as the table does.
void Viewer::apply(const ActionCall& call) {
  Playback& playback = state_.playback;
  switch (call.action) {
    case Action::None:
      break;
    case Action::NextPhase:
      playback.next_phase();
      state_.rig.use_director();
      break;
    case Action::PreviousPhase:
      playback.previous_phase();
      state_.rig.use_director();
      break;
    case Action::JumpToPhase:
      if (call.number <= static_cast<int>(scenario_.phases.size())) {
        playback.jump_to_phase(call.number - 1);
        state_.rig.use_director();
      }
      break;
    case Action::PlayPause:
      playback.toggle_play();
      break;
    case Action::Reverse:
      playback.set_reverse(!playback.reversed());
      state_.notify(playback.reversed() ? "playing backwards" : "playing forwards");
      break;
    case Action::Faster:
      playback.faster();
      break;
    case Action::Slower:
      playback.slower();
      break;
    case Action::CycleLoop: {
      const Loop next = playback.loop() == Loop::None    ? Loop::Phase
                        : playback.loop() == Loop::Phase ? Loop::All
                                                         : Loop::None;
      playback.set_loop(next);
      state_.notify(next == Loop::None    ? "loop off"
                    : next == Loop::Phase ? "looping this phase"
                                          : "looping everything");
      break;
    }
    case Action::Blank:
      state_.blank = !state_.blank;
      break;
    case Action::TogglePresentation:
      state_.presentation = !state_.presentation;
      window_->set_fullscreen(state_.presentation);
      break;
    case Action::LeavePresentation:
      if (state_.blank)
        state_.blank = false;
      else if (state_.presentation) {
        state_.presentation = false;
        window_->set_fullscreen(false);
      } else if (state_.show_help)
        state_.show_help = false;
      break;
    case Action::FollowSelected: {
      const std::string refusal = follow_refusal(scenario_, state_.snapshot, state_.selected_unit);
      if (!refusal.empty()) {
        state_.notify(refusal, 5.0);
        break;
      }
      state_.rig.use_follow(state_.selected_unit);
      state_.notify(camera_status(CameraMode::Follow) + " — " +
                    bilingual(scenario_.units[static_cast<size_t>(state_.selected_unit)].name) +
                    " (Home: back to Director)");
      break;
    }
    case Action::DirectorCamera:
      state_.rig.use_director();
      break;
    case Action::OrbitCentre: {
      const OrbitChoice choice = choose_orbit_pivot(state_.picked_point, ground_under(state_, state_.viewport * 0.5f));
      if (choice.pivot) state_.rig.use_orbit(*choice.pivot);
      state_.notify(choice.message, 5.0);
      break;
    }
    case Action::SaveBookmark:
      state_.bookmarks[static_cast<size_t>(call.number - 1)] = state_.camera;
      save_bookmarks(state_);
      state_.notify("camera saved as bookmark " + std::to_string(call.number) + " (Alt+" + std::to_string(call.number) +
                    " returns to it)");
      break;
    case Action::RecallBookmark:
      if (const auto& b = state_.bookmarks[static_cast<size_t>(call.number - 1)])
        state_.rig.go_to(*b);
      else
        state_.notify("no bookmark " + std::to_string(call.number) + " yet: Ctrl+" + std::to_string(call.number) +
                      " saves one");
      break;
    case Action::Screenshot:
      save_screenshot(false, {});
      break;
    case Action::ScreenshotWithUi:
      save_screenshot(true, {});
      break;
    case Action::ToggleUi:
      state_.show_ui = !state_.show_ui;
      break;
    case Action::ToggleHelp:
      state_.show_help = !state_.show_help;
      break;
    case Action::Quit:
      window_->request_close();
      break;
  }
}

}  // namespace app
