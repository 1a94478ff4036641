// What the viewer's panels read and change: the playhead, the cameras, the selection, the
// lecture-mode switches. One struct so that each panel file stays a plain function of it.
#pragma once

#include <array>
#include <optional>
#include <string>

#include <glm/glm.hpp>

#include "app/core/actions.h"
#include "app/core/camera_rig.h"
#include "app/core/playback.h"
#include "app/core/screen_layout.h"
#include "app/core/time_spec.h"
#include "app/core/timeline_markers.h"
#include "app/viewer/ui_layer.h"
#include "scene/model/scenario.h"
#include "scene/model/snapshot.h"
#include "scene/world/objects.h"

namespace app {

struct TimelineView {
  double start = 0;  // visible presentation seconds
  double end = 0;
  bool scrubbing = false;
};

struct ViewerState {
  explicit ViewerState(const scene::Scenario& s) : scenario(s), playback(s) {}

  const scene::Scenario& scenario;
  const scene::ObjectRegistry* objects = nullptr;
  const Fonts* fonts = nullptr;
  Playback playback;
  HourHold hour_hold;  // a date-time seek's hour, while the playhead stays there
  CameraRig rig;
  scene::Snapshot snapshot;
  scene::Camera camera;  // what was rendered this frame
  glm::vec2 viewport{1280, 720};
  ScreenLayout layout;  // this frame's panels and scene area (app/core/screen_layout)

  FlyInput fly;  // this frame's camera input

  int selected_unit = -1;                 // index into scenario.units
  std::uint32_t selected_object = 0;      // any picked object
  std::optional<glm::vec3> picked_point;  // ground point of the last click, for orbiting

  bool presentation = false;  // clean full-screen: captions and a slim timeline only
  bool blank = false;         // the lecturer blanked the screen
  bool show_ui = true;        // panels (Tab)
  bool show_help = false;
  bool show_labels = true;
  std::array<std::optional<scene::Camera>, 9> bookmarks;
  TimelineView timeline;
  std::vector<Marker> markers;  // computed once: the scenario does not change

  // Requests to the frame loop.
  std::optional<glm::ivec2> pending_pick;    // window pixel whose object id to read back
  std::string pending_ui_screenshot;         // path for a screenshot with the interface
  std::optional<ActionCall> pending_action;  // a panel's button: the same action as its key

  double clock = 0;        // real seconds since start (for transient messages)
  float fps = 0;           // smoothed frames per second
  float render_scale = 1;  // fraction of the window's pixels the scene renders at
  bool auto_scale = true;
  std::string message;
  double message_until = 0;
  void notify(std::string text, double seconds = 3.0) {
    message = std::move(text);
    message_until = clock + seconds;
  }
};

// What a click picked: a soldier selects his unit, anything else is shown by name.
void select_object(ViewerState& state, std::uint32_t id);
// Bookmarks persist per scenario (app/core/bookmarks.h).
void save_bookmarks(ViewerState& state);
void load_bookmarks(ViewerState& state);

}  // namespace app
