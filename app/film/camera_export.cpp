#include "app/film/camera_export.h"

#include <cmath>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "common/atomic_file.h"

namespace app {

namespace {
// Shortest round-trip text is not needed: millimetres and micro-degrees are plenty, and fixed
// rounding keeps the file byte-identical across runs.
double round_to(double v, double unit) { return std::round(v / unit) * unit; }
nlohmann::json vec(const glm::vec3& v) { return {round_to(v.x, 1e-4), round_to(v.y, 1e-4), round_to(v.z, 1e-4)}; }
}  // namespace

void write_camera_json(const std::string& path, const scene::Scenario& scenario, const FrameRate& rate,
                       std::uint32_t width, std::uint32_t height, const std::vector<CameraRecord>& frames) {
  const double aspect = static_cast<double>(width) / height;
  nlohmann::json doc;
  doc["format"] = "siege-camera-track";
  doc["version"] = 1;
  doc["scenario"] = scenario.id;
  doc["fps"] = rate.text();
  doc["fps_value"] = rate.fps();
  doc["width"] = width;
  doc["height"] = height;
  doc["conventions"] = {
      {"units", "metres"},
      {"axes", "right-handed, y up, +x east, +z south (north is -z); origin at the city centre"},
      {"camera", "looks from position at target; up is world +y (no roll); pinhole, fov is vertical in degrees"},
      {"t", "presentation seconds of the scenario shown by the frame"},
      {"frame", "0-based frame number of the film, as in --frames and the frame file names"},
      {"far", "infinite (the renderer uses reverse-Z depth)"},
  };
  nlohmann::json list = nlohmann::json::array();
  for (const CameraRecord& r : frames) {
    const scene::Camera& c = r.camera;
    const double vfov = c.fov_deg * M_PI / 180.0;
    const double hfov = 2.0 * std::atan(std::tan(vfov / 2.0) * aspect) * 180.0 / M_PI;
    list.push_back({{"frame", r.frame},
                    {"t", round_to(r.t, 1e-6)},
                    {"shot", r.shot},
                    {"position", vec(c.position)},
                    {"target", vec(c.target)},
                    {"up", {0, 1, 0}},
                    {"fov", round_to(c.fov_deg, 1e-6)},
                    {"fov_horizontal", round_to(hfov, 1e-6)},
                    {"aspect", round_to(aspect, 1e-9)},
                    {"near", round_to(c.near_m, 1e-6)}});
  }
  doc["frames"] = list;
  std::string error;
  if (!common::write_file_atomically(path, doc.dump(1) + "\n", &error, common::Temporary::PerProcess))
    throw std::runtime_error(error);
}

}  // namespace app
