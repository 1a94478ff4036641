#include "app/core/actions.h"

#include "app/core/labels.h"

namespace app {

ActionCall action_for(const KeyChord& chord) {
  const std::string& k = chord.key;
  if (k.size() == 1 && k[0] >= '1' && k[0] <= '9') {
    const int n = k[0] - '0';
    if (chord.ctrl) return {Action::SaveBookmark, n};
    if (chord.alt) return {Action::RecallBookmark, n};
    return {Action::JumpToPhase, n};
  }
  if (k == "PageDown" || k == "Right" || k == "Down") return {Action::NextPhase};
  if (k == "PageUp" || k == "Left" || k == "Up") return {Action::PreviousPhase};
  if (k == "Space") return {Action::PlayPause};
  if (k == "B" || k == "Period") return {Action::Blank};
  if (k == "F11" || k == "F5") return {Action::TogglePresentation};
  if (k == "F") return {Action::FollowSelected};
  if (k == "Escape") return {Action::LeavePresentation};
  if (k == "F12") return {chord.shift ? Action::ScreenshotWithUi : Action::Screenshot};
  if (k == "R") return {Action::Reverse};
  if (k == "Equal" || k == "KeypadAdd" || k == "RightBracket") return {Action::Faster};
  if (k == "Minus" || k == "KeypadSubtract" || k == "LeftBracket") return {Action::Slower};
  if (k == "L") return {Action::CycleLoop};
  if (k == "Home") return {Action::DirectorCamera};
  if (k == "O") return {Action::OrbitCentre};
  if (k == "Tab") return {Action::ToggleUi};
  if (k == "F1" || k == "H") return {Action::ToggleHelp};
  if (k == "Q" && chord.ctrl) return {Action::Quit};
  return {};
}

const std::vector<KeyHelp>& key_help() {
  const auto camera = [](CameraMode m, const char* what) {
    return std::string(camera_mode_label(m)) + " camera: " + what;
  };
  static const std::vector<KeyHelp> help = {
      {"PageDown / Right", "next phase (and its preset shot)"},
      {"PageUp / Left", "previous phase"},
      {"1 … 9", "jump to phase N"},
      {"Space", "play / pause"},
      {"R", "reverse playback"},
      {"+ / -", "faster / slower (¼× … 16×)"},
      {"L", "loop: off → this phase → everything"},
      {"B or .", "blank the screen (again to return)"},
      {"F11 / F5", "clean full-screen presentation"},
      {"Escape", "leave blank, the presentation or this help"},
      {"Home", camera(CameraMode::Director, "the scenario's shots")},
      {"W A S D, Q E", camera(CameraMode::Free, "fly (hold Shift to go faster)")},
      {"right-drag, wheel", "look around, move along the view (from Director: switches to Free)"},
      {"click the ground, then O",
       camera(CameraMode::Orbit,
              "around the clicked point (no click yet: the ground in the middle of the view); "
              "right-drag turns, wheel zooms")},
      {"click a soldier, then F", camera(CameraMode::Follow, "stay with his unit (no unit selected: says so)")},
      {"Ctrl+1 … 9 / Alt+1 … 9", "save / recall a camera bookmark"},
      {"F12 / Shift+F12", "screenshot without / with the interface"},
      {"Tab", "hide / show the panels"},
      {"F1 or H", "this help"},
      {"Ctrl+Q", "quit"},
  };
  return help;
}

}  // namespace app
