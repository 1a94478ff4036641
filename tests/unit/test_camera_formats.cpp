// Cameras written for Nuke (.chan) and USD (.usda): the rotation convention, the lens from
// the field of view, the exact frame rate. tests/export/test_cameras.sh checks them in Blender.
#include <catch2/catch.hpp>

#include <cmath>
#include <sstream>

#include "app/core/camera_formats.h"

using Catch::Matchers::WithinAbs;

namespace {

// Ry(y)·Rx(x)·Rz(z), Nuke's ZXY order, from angles in degrees: written out independently of
// the code under test.
glm::dmat3 zxy(const glm::dvec3& deg) {
  const glm::dvec3 r = deg * (M_PI / 180.0);
  const glm::dmat3 rx(1, 0, 0, 0, std::cos(r.x), std::sin(r.x), 0, -std::sin(r.x), std::cos(r.x));
  const glm::dmat3 ry(std::cos(r.y), 0, -std::sin(r.y), 0, 1, 0, std::sin(r.y), 0, std::cos(r.y));
  const glm::dmat3 rz(std::cos(r.z), std::sin(r.z), 0, -std::sin(r.z), std::cos(r.z), 0, 0, 0, 1);
  return ry * rx * rz;
}

app::CameraRecord record(std::int64_t frame, glm::vec3 from, glm::vec3 to, float fov) {
  app::CameraRecord r;
  r.frame = frame;
  r.camera.position = from;
  r.camera.target = to;
  r.camera.fov_deg = fov;
  return r;
}

}  // namespace

TEST_CASE("cameras: ZXY Euler angles rebuild the camera's forward direction", "[camera-export]") {
  const glm::vec3 from(120, 340, 900);
  for (const glm::vec3 to : {glm::vec3(0, 0, 0), glm::vec3(500, 10, 950), glm::vec3(100, 400, 200),
                             glm::vec3(-800, 0, 2000), glm::vec3(120.5f, 0, 900)}) {
    scene::Camera c;
    c.position = from;
    c.target = to;
    const glm::dmat4 m = app::camera_to_world(c);
    const glm::dvec3 angles = app::euler_zxy_degrees(m);
    const glm::dvec3 expected = glm::normalize(glm::dvec3(to) - glm::dvec3(from));
    // No roll, except looking (nearly) straight down, where the renderer's up is north.
    if (std::abs(expected.y) < 0.999) CHECK_THAT(angles.z, WithinAbs(0, 1e-6));
    const glm::dvec3 forward = zxy(angles) * glm::dvec3(0, 0, -1);
    CHECK(glm::length(forward - expected) < 1e-9);
    const glm::dvec3 up = zxy(angles) * glm::dvec3(0, 1, 0);
    CHECK(glm::length(up - glm::dvec3(m[1])) < 1e-9);
  }
  // A camera looking east has turned -90° about y; one looking down 30° has x = -30.
  scene::Camera east;
  east.position = {0, 0, 0};
  east.target = {10, 0, 0};
  CHECK_THAT(app::euler_zxy_degrees(app::camera_to_world(east)).y, WithinAbs(-90, 1e-9));
  scene::Camera down;
  down.position = {0, 10, 0};
  down.target = {0, 10 - std::tan(M_PI / 6), -1};
  CHECK_THAT(app::euler_zxy_degrees(app::camera_to_world(down)).x, WithinAbs(-30, 1e-4));
}

TEST_CASE("cameras: the lens gives back the field of view on its film back", "[camera-export]") {
  scene::Camera c;
  c.fov_deg = 40;
  const app::Lens lens = app::lens_for(c, 16.0 / 9.0);
  CHECK_THAT(lens.aperture_w_mm, WithinAbs(36, 1e-12));
  CHECK_THAT(lens.aperture_h_mm, WithinAbs(20.25, 1e-12));
  CHECK_THAT(2 * std::atan(lens.aperture_h_mm / (2 * lens.focal_mm)) * 180 / M_PI, WithinAbs(40, 1e-9));
  CHECK_THAT(lens.focal_mm, WithinAbs(27.818, 1e-3));
}

TEST_CASE("cameras: .chan has one line per frame, frame tx ty tz rx ry rz vfov", "[camera-export]") {
  const std::string text =
      app::chan_text({record(3, {1, 2, 3}, {1, 2, -7}, 45), record(4, {0, 100, 0}, {100, 100, 0}, 30.5f)});
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);
  CHECK(line == "3 1.000000 2.000000 3.000000 0.000000 0.000000 0.000000 45.000000");
  std::getline(in, line);
  CHECK(line == "4 0.000000 100.000000 0.000000 0.000000 -90.000000 0.000000 30.500000");
  CHECK_FALSE(std::getline(in, line));
}

TEST_CASE("cameras: .usda says Y up, metres, the exact rate, lens in tenths of a metre", "[camera-export]") {
  app::FrameRate rate{24000, 1001};
  CHECK(app::exact_fps_text(rate) == "23.976023976023978");
  const std::string text = app::usda_text({record(10, {5, 6, 7}, {5, 6, 0}, 40), record(11, {5, 6, 8}, {5, 6, 0}, 40)},
                                          rate, 1920, 1080, "caizhou");
  CHECK(text.rfind("#usda 1.0\n", 0) == 0);
  for (const char* expected :
       {"upAxis = \"Y\"", "metersPerUnit = 1\n", "timeCodesPerSecond = 23.976023976023978",
        "framesPerSecond = 23.976023976023978", "startTimeCode = 10", "endTimeCode = 11", "def Camera \"Camera\"",
        "float horizontalAperture = 0.360000000", "float verticalAperture = 0.202500000", "10: 0.27818",
        "10: ((1.000000000, 0.000000000, 0.000000000, 0.000000000), (0.000000000, 1.000000000, 0.000000000, "
        "0.000000000), (0.000000000, 0.000000000, 1.000000000, 0.000000000), (5.000000000, 6.000000000, "
        "7.000000000, 1.000000000)),",
        "uniform token[] xformOpOrder = [\"xformOp:transform\"]"}) {
    INFO(expected);
    CHECK(text.find(expected) != std::string::npos);
  }
}
