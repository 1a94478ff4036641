// What each key does in the viewer, in one table: lecture clickers send PageDown/PageUp,
// arrows, B or '.', F5/Escape; keyboards have the rest. Key names are the ones scripts use.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace app {

enum class Action {
  None,
  NextPhase,
  PreviousPhase,
  JumpToPhase,  // JumpToPhase carries the phase number (1-based)
  PlayPause,
  Reverse,
  Faster,
  Slower,
  CycleLoop,
  Blank,
  TogglePresentation,
  LeavePresentation,
  FollowSelected,
  DirectorCamera,
  OrbitCentre,
  SaveBookmark,
  RecallBookmark,  // carry the bookmark number
  Screenshot,
  ScreenshotWithUi,
  ToggleUi,
  ToggleHelp,
  Quit,
};

struct KeyChord {
  std::string key;  // "PageDown", "F12", "B", "1", ...
  bool shift = false;
  bool ctrl = false;
  bool alt = false;
};

struct ActionCall {
  Action action = Action::None;
  int number = 0;  // phase or bookmark number for the actions that carry one
};

// F always asks to follow: with no unit selected the viewer says to select one first, rather
// than doing something else (it once toggled the presentation, which surprised lecturers).
ActionCall action_for(const KeyChord& chord);

struct KeyHelp {
  std::string keys;
  std::string what;
};
// For the help overlay and the README: every binding, in the order a lecturer needs them.
const std::vector<KeyHelp>& key_help();

}  // namespace app
