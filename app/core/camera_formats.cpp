#include "app/core/camera_formats.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace app {

namespace {

constexpr double kDegrees = 180.0 / M_PI;

// Fixed-point text: the same bytes on every run and every farm slice.
std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v == 0 ? 0.0 : v);  // no "-0.000000"
  return buf;
}

std::string tuple(const glm::dvec4& v) {
  return "(" + fixed(v.x, 9) + ", " + fixed(v.y, 9) + ", " + fixed(v.z, 9) + ", " + fixed(v.w, 9) + ")";
}

}  // namespace

Lens lens_for(const scene::Camera& camera, double aspect, const FilmBack& back) {
  Lens lens;
  lens.aperture_w_mm = back.width_mm;
  lens.aperture_h_mm = back.width_mm / aspect;
  lens.focal_mm = 0.5 * lens.aperture_h_mm / std::tan(0.5 * camera.fov_deg / kDegrees);
  return lens;
}

glm::dmat4 camera_to_world(const scene::Camera& camera) {
  const glm::dvec3 eye(camera.position), forward = glm::normalize(glm::dvec3(camera.target) - eye);
  // As scene::view_matrix: looking straight down, "up" is north (-z) instead of +y.
  const glm::dvec3 up_hint = std::abs(forward.y) > 0.999 ? glm::dvec3(0, 0, -1) : glm::dvec3(0, 1, 0);
  const glm::dvec3 right = glm::normalize(glm::cross(forward, up_hint));
  const glm::dvec3 up = glm::cross(right, forward);
  return glm::dmat4(glm::dvec4(right, 0), glm::dvec4(up, 0), glm::dvec4(-forward, 0), glm::dvec4(eye, 1));
}

glm::dvec3 euler_zxy_degrees(const glm::dmat4& m) {
  // R = Ry(b)·Rx(a)·Rz(c) has R[1][2] = -sin a, R[0][2] = sin b cos a, R[2][2] = cos b cos a,
  // R[1][0] = cos a sin c, R[1][1] = cos a cos c (row, column); glm indexes [column][row].
  const double a = std::asin(std::clamp(-m[2][1], -1.0, 1.0));
  const double b = std::atan2(m[2][0], m[2][2]);
  const double c = std::atan2(m[0][1], m[1][1]);
  return glm::dvec3(a, b, c) * kDegrees;
}

std::string chan_text(const std::vector<CameraRecord>& frames) {
  std::string out;
  for (const CameraRecord& r : frames) {
    const glm::dmat4 m = camera_to_world(r.camera);
    const glm::dvec3 rot = euler_zxy_degrees(m);
    out += std::to_string(r.frame) + ' ' + fixed(m[3][0], 6) + ' ' + fixed(m[3][1], 6) + ' ' + fixed(m[3][2], 6) + ' ' +
           fixed(rot.x, 6) + ' ' + fixed(rot.y, 6) + ' ' + fixed(rot.z, 6) + ' ' + fixed(r.camera.fov_deg, 6) + '\n';
  }
  return out;
}

std::string exact_fps_text(const FrameRate& rate) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", static_cast<double>(rate.num) / static_cast<double>(rate.den));
  return buf;
}

std::string usda_text(const std::vector<CameraRecord>& frames, const FrameRate& rate, std::uint32_t width,
                      std::uint32_t height, const std::string& scenario_id, const FilmBack& back) {
  const double aspect = static_cast<double>(width) / height;
  const std::string fps = exact_fps_text(rate);
  const std::int64_t first = frames.empty() ? 0 : frames.front().frame;
  const std::int64_t last = frames.empty() ? 0 : frames.back().frame;
  const Lens lens = frames.empty() ? Lens{} : lens_for(frames.front().camera, aspect, back);
  float near_m = frames.empty() ? 1.0f : frames.front().camera.near_m;
  for (const CameraRecord& r : frames) near_m = std::min(near_m, r.camera.near_m);
  // Lens and film back in tenths of a scene unit; the scene unit is the metre.
  const auto tenths = [](double mm) { return fixed(mm / 100.0, 9); };

  std::string s = "#usda 1.0\n(\n";
  s += "    defaultPrim = \"Siege\"\n";
  s += "    doc = \"siege camera track of " + scenario_id + " at " + rate.text() + " fps, " + std::to_string(width) +
       "x" + std::to_string(height) + "; time code = 0-based film frame\"\n";
  s += "    metersPerUnit = 1\n    upAxis = \"Y\"\n";
  s += "    startTimeCode = " + std::to_string(first) + "\n    endTimeCode = " + std::to_string(last) + "\n";
  s += "    timeCodesPerSecond = " + fps + "\n    framesPerSecond = " + fps + "\n";
  s += "    customLayerData = {\n        string siege_fps = \"" + rate.text() + "\"\n    }\n)\n\n";
  s += "def Xform \"Siege\"\n{\n    def Camera \"Camera\"\n    {\n";
  s += "        token projection = \"perspective\"\n";
  s += "        float horizontalAperture = " + tenths(lens.aperture_w_mm) + "\n";
  s += "        float verticalAperture = " + tenths(lens.aperture_h_mm) + "\n";
  s += "        float2 clippingRange = (" + fixed(near_m, 6) + ", 1000000)\n";
  s += "        float focalLength.timeSamples = {\n";
  for (const CameraRecord& r : frames)
    s += "            " + std::to_string(r.frame) + ": " + tenths(lens_for(r.camera, aspect, back).focal_mm) + ",\n";
  s += "        }\n        matrix4d xformOp:transform.timeSamples = {\n";
  for (const CameraRecord& r : frames) {
    // USD writes a matrix as rows of a row-vector transform: glm's columns, in order.
    const glm::dmat4 m = camera_to_world(r.camera);
    s += "            " + std::to_string(r.frame) + ": (" + tuple(m[0]) + ", " + tuple(m[1]) + ", " + tuple(m[2]) +
         ", " + tuple(m[3]) + "),\n";
  }
  s += "        }\n        uniform token[] xformOpOrder = [\"xformOp:transform\"]\n    }\n}\n";
  return s;
}

}  // namespace app
