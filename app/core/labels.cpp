#include "app/core/labels.h"

namespace app {

const char* camera_mode_label(CameraMode mode) {
  switch (mode) {
    case CameraMode::Director:
      return "Director";
    case CameraMode::Free:
      return "Free";
    case CameraMode::Orbit:
      return "Orbit";
    case CameraMode::Follow:
      return "Follow";
  }
  return "?";
}

std::string camera_status(CameraMode mode) { return std::string("Camera: ") + camera_mode_label(mode); }

std::string bilingual(const scene::Localized& name) {
  if (name.zh.empty()) return name.en;
  if (name.en.empty()) return name.zh;
  return name.en + "  " + name.zh;
}

std::string follow_refusal(const scene::Scenario& scenario, const scene::Snapshot& snapshot, int selected_unit) {
  if (selected_unit < 0 || selected_unit >= static_cast<int>(scenario.units.size()))
    return "Select a unit first: click a soldier, or pick a unit in the Units panel; then F follows it";
  const auto i = static_cast<std::size_t>(selected_unit);
  if (i >= snapshot.units.size() || !snapshot.units[i].present)
    return bilingual(scenario.units[i].name) + " is not on the field now: nothing to follow";
  return {};
}

OrbitChoice choose_orbit_pivot(std::optional<glm::vec3> clicked, std::optional<glm::vec3> middle_of_view) {
  if (clicked) return {clicked, "Orbit camera: around the point you clicked (right-drag turns, wheel zooms)"};
  if (middle_of_view)
    return {middle_of_view,
            "Orbit camera: around the ground in the middle of the view (right-drag turns, wheel zooms)"};
  return {std::nullopt, "Nothing to orbit: no ground in the middle of the view; click a point on the ground, then O"};
}

}  // namespace app
