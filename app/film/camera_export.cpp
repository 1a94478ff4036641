#include "app/film/camera_export.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "common/atomic_file.h"

namespace fs = std::filesystem;

namespace app {

namespace {

// Shortest round-trip text is not needed: millimetres and micro-degrees are plenty, and fixed
// rounding keeps the file byte-identical across runs.
double round_to(double v, double unit) { return std::round(v / unit) * unit; }
nlohmann::json vec(const glm::vec3& v) { return {round_to(v.x, 1e-4), round_to(v.y, 1e-4), round_to(v.z, 1e-4)}; }

// The up a look-at is built with, as scene::view_matrix chooses it: world +y, or north (-z)
// when looking straight down.
nlohmann::json up_hint(const scene::Camera& c) {
  const bool down = std::abs(glm::normalize(c.target - c.position).y) > 0.999f;
  return down ? nlohmann::json{0, 0, -1} : nlohmann::json{0, 1, 0};
}

std::string json_text(const CameraTrack& track) {
  const double aspect = static_cast<double>(track.width) / track.height;
  nlohmann::json doc;
  doc["format"] = "siege-camera-track";
  doc["version"] = 1;
  doc["scenario"] = track.scenario;
  doc["fps"] = track.rate.text();
  doc["fps_value"] = track.rate.fps();
  doc["width"] = track.width;
  doc["height"] = track.height;
  doc["conventions"] = {
      {"units", "metres"},
      {"axes", "right-handed, y up, +x east, +z south (north is -z); origin at the city centre"},
      {"camera",
       "looks from position at target with `up` as a look-at's up: world +y (no roll), or north (-z) looking "
       "straight down; pinhole, fov is vertical in degrees"},
      {"t", "presentation seconds of the scenario shown by the frame"},
      {"frame", "0-based frame number of the film, as in --frames and the frame file names"},
      {"far", "infinite (the renderer uses reverse-Z depth)"},
  };
  nlohmann::json list = nlohmann::json::array();
  for (const CameraRecord& r : track.frames) {
    const scene::Camera& c = r.camera;
    const double vfov = c.fov_deg * M_PI / 180.0;
    const double hfov = 2.0 * std::atan(std::tan(vfov / 2.0) * aspect) * 180.0 / M_PI;
    list.push_back({{"frame", r.frame},
                    {"t", round_to(r.t, 1e-6)},
                    {"shot", r.shot},
                    {"position", vec(c.position)},
                    {"target", vec(c.target)},
                    {"up", up_hint(c)},
                    {"fov", round_to(c.fov_deg, 1e-6)},
                    {"fov_horizontal", round_to(hfov, 1e-6)},
                    {"aspect", round_to(aspect, 1e-9)},
                    {"near", round_to(c.near_m, 1e-6)}});
  }
  doc["frames"] = list;
  return doc.dump(1) + "\n";
}

void write_text(const std::string& path, const std::string& text) {
  std::string error;
  if (!common::write_file_atomically(path, text, &error, common::Temporary::PerProcess))
    throw std::runtime_error(error);
}

nlohmann::json exact(const glm::vec3& v) { return {v.x, v.y, v.z}; }
glm::vec3 exact_vec(const nlohmann::json& j) {
  return {j.at(0).get<float>(), j.at(1).get<float>(), j.at(2).get<float>()};
}

// What a slice must share with the join to be merged.
bool same_film(const nlohmann::json& doc, const CameraTrack& like) {
  return doc.value("format", "") == "siege-camera-slice" && doc.value("scenario", "") == like.scenario &&
         doc.value("fps", "") == like.rate.text() && doc.value("width", 0u) == like.width &&
         doc.value("height", 0u) == like.height;
}

}  // namespace

std::optional<CameraFormat> camera_format_of(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".json") return CameraFormat::Json;
  if (ext == ".chan") return CameraFormat::Chan;
  if (ext == ".usda") return CameraFormat::Usda;
  return std::nullopt;
}

void write_camera_file(const std::string& path, const CameraTrack& track) {
  switch (camera_format_of(path).value_or(CameraFormat::Json)) {
    case CameraFormat::Chan:
      return write_text(path, chan_text(track.frames));
    case CameraFormat::Usda:
      return write_text(path, usda_text(track.frames, track.rate, track.width, track.height, track.scenario));
    case CameraFormat::Json:
      return write_text(path, json_text(track));
  }
}

std::string camera_slice_path(const std::string& camera_out, int task, int chunks) {
  return camera_out + ".slice" + std::to_string(task) + "of" + std::to_string(chunks) + ".json";
}

void write_camera_slice(const std::string& path, const CameraTrack& track) {
  nlohmann::json doc{{"format", "siege-camera-slice"},
                     {"scenario", track.scenario},
                     {"fps", track.rate.text()},
                     {"width", track.width},
                     {"height", track.height}};
  nlohmann::json list = nlohmann::json::array();
  for (const CameraRecord& r : track.frames)
    list.push_back({{"frame", r.frame},
                    {"t", r.t},
                    {"shot", r.shot},
                    {"position", exact(r.camera.position)},
                    {"target", exact(r.camera.target)},
                    {"fov", r.camera.fov_deg},
                    {"near", r.camera.near_m}});
  doc["frames"] = list;
  write_text(path, doc.dump() + "\n");
}

CameraSlices read_camera_slices(const std::string& camera_out, const CameraTrack& like) {
  CameraSlices slices;
  const fs::path out(camera_out);
  const fs::path dir = out.parent_path().empty() ? fs::path(".") : out.parent_path();
  const std::string prefix = out.filename().string() + ".slice";
  std::map<std::int64_t, CameraRecord> by_frame;
  std::error_code ec;
  std::vector<fs::path> found;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) == 0 && name.ends_with(".json")) found.push_back(e.path());
  }
  std::sort(found.begin(), found.end());  // the same merge whatever order the directory lists
  for (const fs::path& p : found) {
    try {
      std::ifstream in(p);
      const nlohmann::json doc = nlohmann::json::parse(in);
      if (!same_film(doc, like)) {
        std::fprintf(stderr, "siege render: warning: %s is a camera slice of another film; not merged\n",
                     p.string().c_str());
        continue;
      }
      for (const nlohmann::json& f : doc.at("frames")) {
        CameraRecord r;
        r.frame = f.at("frame").get<std::int64_t>();
        r.t = f.at("t").get<double>();
        r.shot = f.at("shot").get<std::string>();
        r.camera.position = exact_vec(f.at("position"));
        r.camera.target = exact_vec(f.at("target"));
        r.camera.fov_deg = f.at("fov").get<float>();
        r.camera.near_m = f.at("near").get<float>();
        by_frame[r.frame] = r;
      }
      slices.paths.push_back(p.string());
    } catch (const std::exception& e) {
      std::fprintf(stderr, "siege render: warning: camera slice %s cannot be read (%s); not merged\n",
                   p.string().c_str(), e.what());
    }
  }
  for (auto& [frame, record] : by_frame) slices.frames.push_back(std::move(record));
  return slices;
}

}  // namespace app
