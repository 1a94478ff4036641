// The math under the world: cameras, the carved heightfield, 2D geometry, triangulation.
#include <cmath>

#include <catch2/catch.hpp>

#include "scene/mesh/triangulate.h"
#include "scene/model/camera.h"
#include "scene/model/geometry2d.h"
#include "scene/model/heightfield.h"
#include "scene/model/scenario.h"
#include "scene/world/world.h"

namespace {

scene::Scenario plain_with_river() {
  scene::Scenario s;
  s.terrain.min = {-2000, -2000};
  s.terrain.max = {2000, 2000};
  s.terrain.resolution = 201;  // 20 m cells
  s.terrain.base_height = 50;
  s.terrain.relief_amplitude = 0;
  scene::River river;
  river.id = "ru";
  river.points = {{-2500, 0}, {2500, 0}};  // straight, west to east along z = 0
  river.width = 70;
  river.depth = 4;
  river.bank_width = 20;
  s.rivers.push_back(river);
  return s;
}

glm::vec3 project(const scene::Camera& camera, glm::vec3 p, float aspect = 16.0f / 9.0f) {
  const glm::vec4 clip = scene::projection_matrix(camera, aspect) * scene::view_matrix(camera) * glm::vec4(p, 1);
  return glm::vec3(clip) / clip.w;
}

}  // namespace

TEST_CASE("camera: the target projects to the centre, reverse-Z depth", "[camera]") {
  scene::Camera camera;
  camera.position = {100, 500, 1000};
  camera.target = {0, 0, 0};
  camera.near_m = 2;
  const glm::vec3 centre = project(camera, camera.target);
  CHECK(centre.x == Approx(0).margin(1e-5));
  CHECK(centre.y == Approx(0).margin(1e-5));
  // Depth falls with distance: 1 at the near plane, towards 0 far away, never negative.
  const glm::vec3 dir = glm::normalize(camera.target - camera.position);
  CHECK(project(camera, camera.position + dir * 2.0f).z == Approx(1).epsilon(1e-4));
  const float mid = project(camera, camera.position + dir * 100.0f).z;
  const float far = project(camera, camera.position + dir * 100000.0f).z;
  CHECK(mid > far);
  CHECK(far > 0);
  CHECK(far < 1e-4f);
}

TEST_CASE("camera: up in the world is up on screen (Vulkan y points down)", "[camera]") {
  scene::Camera camera;
  camera.position = {0, 10, 100};
  camera.target = {0, 10, 0};
  const glm::vec3 above = project(camera, {0, 30, 0});
  CHECK(above.y < 0);  // top of the image
  const glm::vec3 east = project(camera, {20, 10, 0});
  CHECK(east.x > 0);  // looking north, east is to the right
}

TEST_CASE("camera: straight down keeps north at the top", "[camera]") {
  scene::Camera camera;
  camera.position = {0, 1000, 0};
  camera.target = {0, 0, 0};
  CHECK(project(camera, {0, 0, -100}).y < 0);  // north (-z) up
  CHECK(project(camera, {100, 0, 0}).x > 0);   // east right
}

TEST_CASE("camera: parse x,y,z:tx,ty,tz[:fov]", "[camera]") {
  scene::Camera c;
  REQUIRE(scene::parse_camera("1,2,3:4,5,6:30", c));
  CHECK(c.position == glm::vec3(1, 2, 3));
  CHECK(c.target == glm::vec3(4, 5, 6));
  CHECK(c.fov_deg == 30);
  CHECK_FALSE(scene::parse_camera("1,2,3", c));
  CHECK_FALSE(scene::parse_camera("1,2,3:4,5,6:400", c));
}

TEST_CASE("heightfield: bilinear heights, exact at samples, clamped outside", "[heightfield]") {
  scene::Heightfield f;
  f.min = {0, 0};
  f.max = {10, 10};
  f.nx = f.nz = 2;
  f.heights = {0, 10, 20, 30};  // (0,0) (10,0) (0,10) (10,10)
  CHECK(f.height({0, 0}) == Approx(0));
  CHECK(f.height({10, 10}) == Approx(30));
  CHECK(f.height({5, 5}) == Approx(15));
  CHECK(f.height({-50, -50}) == Approx(0));
  const glm::vec3 n = f.normal({5, 5});
  CHECK(n.y > 0);
  CHECK(glm::length(n) == Approx(1));
}

TEST_CASE("heightfield: the river's channel is carved below the plain, the plain is untouched", "[heightfield]") {
  const scene::Scenario s = plain_with_river();
  const scene::Heightfield f = scene::build_heightfield(s);
  CHECK(f.nx == 201);
  CHECK(f.height({0, 0}) == Approx(50 - 4).margin(0.01));    // centre of the channel
  CHECK(f.height({500, 0}) < 50 + s.rivers[0].water_level);  // under the water surface
  CHECK(f.height({0, 30}) < 50 + s.rivers[0].water_level);   // still under water near the edge
  CHECK(f.height({0, 300}) == Approx(50));                   // out on the plain
  CHECK(f.height({0, -300}) == Approx(50));
  // The banks rise monotonically from the channel to the plain.
  float last = f.height({0, 0});
  for (float z = 20; z <= 140; z += 20) {
    const float h = f.height({0, z});
    CHECK(h >= last - 1e-4f);
    last = h;
  }
}

TEST_CASE("heightfield: ridges raise the plain and fall off with distance", "[heightfield]") {
  scene::Scenario s = plain_with_river();
  s.rivers.clear();
  // A low rise keeps its smooth profile: full height on its line, half at half its width.
  s.terrain.ridges.push_back({{{-1000, 0}, {-1000, 1000}}, 800, 40});
  CHECK(scene::plain_height(s, {-1000, 500}) == Approx(90));
  CHECK(scene::plain_height(s, {-1400, 500}) == Approx(50 + 20).epsilon(0.01));
  CHECK(scene::plain_height(s, {1500, 500}) == Approx(50).margin(0.01));
  // Tall ridges are broken into hills and valleys, within bounds of the smooth profile.
  s.terrain.ridges = {{{{-1000, -3000}, {-1000, 3000}}, 800, 300}};
  float lowest = 1e9f, highest = -1e9f;
  for (float z = -2000; z <= 2000; z += 50) {
    const float h = scene::plain_height(s, {-1000, z}) - 50;
    lowest = std::min(lowest, h);
    highest = std::max(highest, h);
    CHECK(h >= 0.45f * 300 - 0.01f);
    CHECK(h <= 1.35f * 300 + 0.01f);
  }
  CHECK(highest - lowest > 30);  // not one smooth swell
  CHECK(scene::plain_height(s, {1500, 500}) == Approx(50).margin(0.01));
}

TEST_CASE("geometry: distances, insideness, prefixes", "[geometry]") {
  const std::vector<glm::vec2> square = {{0, 0}, {10, 0}, {10, 10}, {0, 10}};
  CHECK(scene::polyline_distance({5, -3}, square, true) == Approx(3));
  CHECK(scene::polyline_distance({-3, 5}, square, false) == Approx(std::sqrt(9.0f + 25.0f)));  // open: no closing edge
  CHECK(scene::inside_polygon({5, 5}, square));
  CHECK_FALSE(scene::inside_polygon({15, 5}, square));
  CHECK(scene::polyline_length(square, true) == Approx(40));
  const auto half = scene::path_prefix(scene::explicit_path(square, true), 0.5f);
  REQUIRE(half.size() == 3);
  CHECK(half.back() == glm::vec2(10, 10));
  CHECK(scene::path_prefix(square, 0).empty());
}

TEST_CASE("triangulate: simple polygons give n-2 triangles covering their area, facing up", "[geometry]") {
  // An L shape (concave), in both orientations.
  std::vector<glm::vec2> l = {{0, 0}, {20, 0}, {20, 10}, {10, 10}, {10, 20}, {0, 20}};
  for (int pass = 0; pass < 2; ++pass) {
    const std::vector<std::uint32_t> tris = scene::triangulate(l);
    REQUIRE(tris.size() == 3 * (l.size() - 2));
    float area = 0;
    for (size_t i = 0; i < tris.size(); i += 3) {
      const glm::vec3 a(l[tris[i]].x, 0, l[tris[i]].y), b(l[tris[i + 1]].x, 0, l[tris[i + 1]].y),
          c(l[tris[i + 2]].x, 0, l[tris[i + 2]].y);
      const glm::vec3 n = glm::cross(b - a, c - a);
      CHECK(n.y > 0);  // counter-clockwise seen from above
      area += 0.5f * n.y;
    }
    CHECK(area == Approx(300));
    std::reverse(l.begin(), l.end());
  }
}

TEST_CASE("resample: no segment longer than the step, ends kept", "[geometry]") {
  const std::vector<glm::vec2> path = {{0, 0}, {100, 0}, {100, 35}};
  const auto r = scene::resample(path, 20);
  CHECK(r.front() == path.front());
  CHECK(r.back() == path.back());
  for (size_t i = 1; i < r.size(); ++i) CHECK(glm::length(r[i] - r[i - 1]) <= 20.0f + 1e-3f);
}
