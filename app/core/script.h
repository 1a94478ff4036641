// Scripted viewer sessions (--script FILE): timed key, mouse and timeline events, run frame
// by frame with a fixed time step so that a session replays the same way every time.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "app/core/actions.h"

namespace app {

struct ScriptEvent {
  enum class Kind { Key, Click, Drag, Scroll, Move, Screenshot, Resize, Seek, Quit };
  Kind kind = Kind::Key;
  int frame = 0;
  KeyChord chord;            // Key
  glm::vec2 from{0}, to{0};  // Click/Move (from), Drag (from → to over `frames`), Scroll (at from)
  int button = 0;            // 0 left, 1 right, 2 middle
  int frames = 1;            // Drag duration
  float scroll = 0;          // Scroll steps
  std::string path;          // Screenshot
  bool with_ui = true;       // Screenshot
  glm::ivec2 size{0};        // Resize
  std::string time;          // Seek: seconds, phase id or date
};

struct Script {
  glm::ivec2 window{1280, 720};
  double fixed_dt = 1.0 / 30.0;     // seconds of playback clock per frame
  std::vector<ScriptEvent> events;  // sorted by frame
  int last_frame() const { return events.empty() ? 0 : events.back().frame + events.back().frames; }
};

// Parses a script file; on failure returns nullopt and a message naming the event and what is wrong.
std::optional<Script> load_script(const std::string& path, std::string& error);
std::optional<Script> parse_script(const std::string& text, const std::string& name, std::string& error);

}  // namespace app
