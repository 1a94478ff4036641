// Words the viewer shows in more than one place, made in one: the camera modes' names (the
// status bar, the help, the Camera panel and docs/VIEWER.md say the same), names in both
// languages, and what F and O tell the lecturer.
#pragma once

#include <optional>
#include <string>

#include <glm/glm.hpp>

#include "app/core/camera_rig.h"
#include "scene/model/scenario.h"
#include "scene/model/snapshot.h"

namespace app {

// "Director", "Free", "Orbit", "Follow": the names docs/VIEWER.md uses.
const char* camera_mode_label(CameraMode mode);
// The status bar's camera button: "Camera: Orbit".
std::string camera_status(CameraMode mode);

// "Song vanguard  宋军前锋"; the English alone when there is no Chinese, and the reverse.
std::string bilingual(const scene::Localized& name);

// Why F cannot follow now ("" when it can): nothing selected, or the unit is not on the field.
std::string follow_refusal(const scene::Scenario& scenario, const scene::Snapshot& snapshot, int selected_unit);

// What O orbits: the ground point last clicked, else the ground at the middle of the window;
// with the message the viewer shows either way.
struct OrbitChoice {
  std::optional<glm::vec3> pivot;
  std::string message;
};
OrbitChoice choose_orbit_pivot(std::optional<glm::vec3> clicked, std::optional<glm::vec3> middle_of_view);

}  // namespace app
