// The camera of every exported frame (--camera-out), in the format its extension names:
// .json (siege's own, with the conventions spelled out), .chan (Nuke) or .usda (USD as text);
// app/core/camera_formats.* holds the arithmetic and docs/EXPORT.md the recipes. A farm slice
// writes its frames to a slice file beside the camera file; the join merges the slices.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/core/camera_formats.h"
#include "app/core/film_plan.h"
#include "scene/model/scenario.h"

namespace app {

enum class CameraFormat { Json, Chan, Usda };
// By the path's extension (any case); nullopt for an extension none of the three has.
std::optional<CameraFormat> camera_format_of(const std::string& path);

struct CameraTrack {
  std::string scenario;
  FrameRate rate;
  std::uint32_t width = 0, height = 0;
  std::vector<CameraRecord> frames;  // ascending by frame
};

// Written to a temporary file and renamed. Throws std::runtime_error on failure.
void write_camera_file(const std::string& path, const CameraTrack& track);

// A farm slice's cameras: "<camera-out>.slice<task>of<chunks>.json", every value exact so the
// merged file has the bytes a single run writes.
std::string camera_slice_path(const std::string& camera_out, int task, int chunks);
void write_camera_slice(const std::string& path, const CameraTrack& track);
// Every slice file beside `camera_out` made for the same scenario, rate and size: their frames
// (one record per frame) and their paths, so the join can remove them once merged. A slice
// that cannot be read or was made differently is left alone with a warning on stderr.
struct CameraSlices {
  std::vector<CameraRecord> frames;
  std::vector<std::string> paths;
};
CameraSlices read_camera_slices(const std::string& camera_out, const CameraTrack& like);

}  // namespace app
