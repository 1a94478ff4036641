// The camera of each film frame as text other tools read: Nuke's .chan and USD's .usda,
// beside siege's own JSON (app/film/camera_export.*). Pure functions of the records, so unit
// tests check the arithmetic; the film pipeline writes the files.
//
// Conventions shared by every format: metres, Y up, right-handed (+x east, +z south), the
// camera looks down its local -z with +y up and no roll, exactly as scene::view_matrix builds
// it. Frame numbers are the film's 0-based ones (as in --frames and the frame files).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "app/core/film_plan.h"
#include "scene/model/camera.h"

namespace app {

struct CameraRecord {
  std::int64_t frame = 0;
  double t = 0;      // presentation seconds
  std::string shot;  // the shot it came from; empty for a fixed --camera
  scene::Camera camera;
};

// The film back a lens is derived for: siege's cameras are pinholes given a vertical field of
// view, so a focal length only means something against a film back. The default is full-frame
// 36 mm wide, its height from the frame's aspect (36 × 20.25 mm at 16:9). A later lens model
// (scene::Camera gaining focal_length_mm / film_back_mm) would fill these instead.
struct FilmBack {
  double width_mm = 36.0;
};

struct Lens {
  double focal_mm = 0;
  double aperture_w_mm = 0, aperture_h_mm = 0;
};
// The focal length that gives `camera`'s vertical fov on `back` at this aspect (width/height).
Lens lens_for(const scene::Camera& camera, double aspect, const FilmBack& back = {});

// The camera's placement in the world (camera to world; columns: right, up, back, position),
// in double, built as scene::view_matrix builds the inverse.
glm::dmat4 camera_to_world(const scene::Camera& camera);

// Euler angles in degrees in Nuke's default rotation order ZXY: the matrix is
// Ry(y) · Rx(x) · Rz(z) acting on column vectors, so z (roll) turns first, then x (tilt), then
// y (pan). Blender's rotation_mode 'ZXY' is the same order.
glm::dvec3 euler_zxy_degrees(const glm::dmat4& camera_to_world);

// Nuke .chan: one line per frame, "frame tx ty tz rx ry rz vfov" (metres, degrees, ZXY).
std::string chan_text(const std::vector<CameraRecord>& frames);

// USD ASCII: a UsdGeom Camera at /Siege/Camera with per-frame time samples (time code = film
// frame) of xformOp:transform, focalLength and the apertures (tenths of a scene unit, as USD
// specifies: with metersPerUnit = 1 a 35 mm lens is 0.35), the exact frame rate, Y up, metres.
std::string usda_text(const std::vector<CameraRecord>& frames, const FrameRate& rate, std::uint32_t width,
                      std::uint32_t height, const std::string& scenario_id, const FilmBack& back = {});

// A rate's exact value as text with 17 significant digits (24000/1001 → 23.976023976023978).
std::string exact_fps_text(const FrameRate& rate);

}  // namespace app
