// The camera of every exported frame as plain JSON, for Blender, Nuke or any compositing
// script (docs/EXPORT.md has the format and a Blender snippet).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/core/film_plan.h"
#include "scene/model/camera.h"
#include "scene/model/scenario.h"

namespace app {

struct CameraRecord {
  std::int64_t frame = 0;
  double t = 0;      // presentation seconds
  std::string shot;  // the shot it came from; empty for a fixed --camera
  scene::Camera camera;
};

// Written to a temporary file and renamed. Throws std::runtime_error on failure.
void write_camera_json(const std::string& path, const scene::Scenario& scenario, const FrameRate& rate,
                       std::uint32_t width, std::uint32_t height, const std::vector<CameraRecord>& frames);

}  // namespace app
