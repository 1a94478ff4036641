// Far soldiers by compute splat (renderer/troop_splat.h) against the one-triangle impostors
// it replaces: the same unit at the same pixels in the ID pass, the same picture against full
// detail, the same bytes every run, and hidden behind a wall as the triangles are.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>

#include "render_fixture.h"
#include "renderer/image_compare.h"
#include "renderer/troops_config.h"
#include "scene/model/clock.h"
#include "scene/sim/evaluate.h"

namespace {

constexpr VkExtent2D kSize{320, 180};
constexpr float kFov = 30.0f;

scene::Snapshot famine(const scene::Scenario& s) {
  const auto t = scene::resolve_time(s, "famine");
  REQUIRE(t);
  return scene::evaluate(s, *t);
}

// Metres from the camera at which a figure is `pixels` tall in a kSize frame.
float depth_for(float pixels) {
  const float scale = static_cast<float>(kSize.height) / (2.0f * std::tan(glm::radians(kFov) * 0.5f));
  return renderer::troops::kFigureHeight * scale / pixels;
}

// The garrison north of the city seen obliquely from `distance` metres, `elevation_deg` up.
scene::Camera garrison_camera(const scene::Scenario& s, const scene::Snapshot& snap, float distance,
                              float elevation_deg = 25.0f) {
  size_t u = 0;
  while (u < s.units.size() && s.units[u].id != "jin_garrison_north") ++u;
  REQUIRE(u < s.units.size());
  REQUIRE(snap.units[u].present);
  const glm::vec2 centre = snap.units[u].position;
  scene::Camera c;
  c.target = {centre.x, s.ground->height(centre) + 1.0f, centre.y};
  c.position = c.target +
               distance * glm::vec3(0.0f, std::sin(glm::radians(elevation_deg)), std::cos(glm::radians(elevation_deg)));
  c.fov_deg = kFov;
  return c;
}

std::set<std::uint32_t> soldier_objects(const scene::Scenario& s, const renderer::Renderer& r) {
  std::set<std::uint32_t> out;
  for (const scene::Unit& unit : s.units) out.insert(r.world().objects.id_of(scene::ObjectKind::Soldier, unit.id));
  return out;
}

// Among the pixels either image shows a soldier at, the fraction where both show the same
// unit; `b` is read `shift` pixels to the right (a control that must score low).
struct Agreement {
  int soldier_pixels = 0;
  double fraction = 0;
};
Agreement agreement(const renderer::FrameImage& a, const renderer::FrameImage& b,
                    const std::set<std::uint32_t>& soldiers, int shift = 0) {
  Agreement out;
  int same = 0;
  for (std::uint32_t y = 0; y < a.height; ++y)
    for (std::uint32_t x = 0; x < a.width; ++x) {
      const int bx = static_cast<int>(x) + shift;
      const std::uint32_t ia = a.id_at(x, y);
      const std::uint32_t ib =
          bx >= 0 && bx < static_cast<int>(b.width) ? b.id_at(static_cast<std::uint32_t>(bx), y) : 0;
      if (!soldiers.contains(ia) && !soldiers.contains(ib)) continue;
      ++out.soldier_pixels;
      same += ia == ib ? 1 : 0;
    }
  out.fraction = out.soldier_pixels ? static_cast<double>(same) / out.soldier_pixels : 0.0;
  return out;
}

renderer::RgbaImage rgba(const renderer::FrameImage& f) { return {f.width, f.height, f.rgba}; }

}  // namespace

TEST_CASE("far soldiers splatted answer the same unit at the same pixels as their triangles", "[render][id][troops]") {
  REQUIRE(test::context().buffer_int64_atomics());  // lavapipe and the GPUs this project runs on have it
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  const scene::Snapshot snap = famine(s);
  const scene::Camera camera = garrison_camera(s, snap, 1.6f * depth_for(renderer::troops::kFarPixels));
  const std::set<std::uint32_t> soldiers = soldier_objects(s, r);

  r.troops().options().splat = false;
  const renderer::FrameImage triangles = r.render(snap, camera, kSize, true);
  const std::uint64_t triangle_count = r.last_stats().troop_triangles;
  r.troops().options().splat = true;
  const renderer::FrameImage splat = r.render(snap, camera, kSize, true);
  INFO("splatted " << r.troops().stats().splatted << " of " << r.troops().stats().drawn << " figures; troop triangles "
                   << triangle_count << " -> " << r.last_stats().troop_triangles);
  CHECK(r.troops().stats().splatted > 400);
  CHECK(r.last_stats().troop_triangles + r.troops().stats().splatted <= triangle_count);

  const Agreement same = agreement(triangles, splat, soldiers);
  const Agreement shifted = agreement(triangles, splat, soldiers, 1);
  INFO(same.soldier_pixels << " soldier pixels: unit agrees at " << same.fraction << ", with the splat one pixel off "
                           << shifted.fraction);
  REQUIRE(same.soldier_pixels > 300);
  CHECK(same.fraction >= 0.9);
  CHECK(shifted.fraction < 0.9);  // the measure sees a misplaced splat
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("far soldiers splatted stay within the LOD PSNR of full detail", "[render][troops]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  const scene::Snapshot snap = famine(s);
  const scene::Camera camera = garrison_camera(s, snap, 2.5f * depth_for(renderer::troops::kFarPixels));

  r.troops().options().force_level = 0;
  const renderer::FrameImage full = r.render(snap, camera, kSize, false);
  r.troops().options() = {};
  r.troops().options().splat = false;
  const renderer::FrameImage triangles = r.render(snap, camera, kSize, false);
  r.troops().options().splat = true;
  const renderer::FrameImage splat = r.render(snap, camera, kSize, false);
  REQUIRE(r.troops().stats().splatted > 400);

  const double splat_db = renderer::compare(rgba(full), rgba(splat)).psnr_db;
  const double triangle_db = renderer::compare(rgba(full), rgba(triangles)).psnr_db;
  INFO("against full detail: splat " << splat_db << " dB, one-triangle impostors " << triangle_db << " dB");
  CHECK(splat_db >= 30.0);
  CHECK(splat_db >= triangle_db - 1.0);
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("a splatted frame is the same bytes on every run", "[render][troops]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  const scene::Snapshot snap = famine(s);
  // Farther still: several figures compete for most pixels, so ties and the order the
  // splats land in matter.
  const scene::Camera camera = garrison_camera(s, snap, 4.0f * depth_for(renderer::troops::kFarPixels));
  const renderer::FrameImage a = r.render(snap, camera, kSize, true);
  const renderer::FrameImage b = r.render(snap, camera, kSize, true);
  renderer::Renderer other(test::context(), s);
  const renderer::FrameImage c = other.render(snap, camera, kSize, true);
  REQUIRE(r.troops().stats().splatted > 400);
  CHECK(a.rgba == b.rgba);
  CHECK(a.ids == b.ids);
  CHECK(a.rgba == c.rgba);
  CHECK(a.ids == c.ids);
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("the splat in two 32-bit passes leaves the same bytes as one 64-bit pass", "[render][id][troops]") {
  // Devices without 64-bit buffer atomics splat depth first, then the payload at that depth:
  // the same nearest figure, ties alike, so the same frame.
  REQUIRE(test::context().buffer_int64_atomics());
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  const scene::Snapshot snap = famine(s);
  // Low over the ranks, where the men behind stand in the pixels of the men in front: which is
  // nearer decides most pixels.
  const scene::Camera camera = garrison_camera(s, snap, 1.2f * depth_for(renderer::troops::kFarPixels), 12.0f);
  const renderer::FrameImage one = r.render(snap, camera, kSize, true);
  CHECK(r.troops().stats().splat_passes == 1);
  r.troops().options().splat_two_pass = true;
  const renderer::FrameImage two = r.render(snap, camera, kSize, true);
  CHECK(r.troops().stats().splat_passes == 2);
  REQUIRE(r.troops().stats().splatted > 400);
  const std::set<std::uint32_t> soldiers = soldier_objects(s, r);
  const auto soldier_pixels =
      std::count_if(two.ids.begin(), two.ids.end(), [&](std::uint32_t id) { return soldiers.contains(id); });
  INFO(soldier_pixels << " soldier pixels");
  CHECK(soldier_pixels > 150);
  CHECK(one.rgba == two.rgba);
  CHECK(one.ids == two.ids);
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("far soldiers splatted behind a wall are hidden by it", "[render][id][troops]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  REQUIRE(!s.walls.empty());
  renderer::Renderer r(test::context(), s);
  scene::Snapshot snap = famine(s);

  // The city wall's longest side: a point on it (a third along, away from a gate in its
  // middle), the direction along it and the one outwards.
  const scene::Wall& wall = s.walls.front();
  size_t best = 0;
  float longest = 0;
  for (size_t i = 0; i + 1 < wall.points.size(); ++i) {
    const float l = glm::length(wall.points[i + 1] - wall.points[i]);
    if (l > longest) longest = l, best = i;
  }
  glm::vec2 centroid(0);
  for (glm::vec2 p : wall.points) centroid += p / static_cast<float>(wall.points.size());
  const glm::vec2 along = glm::normalize(wall.points[best + 1] - wall.points[best]);
  const glm::vec2 middle = wall.points[best] + along * (longest / 3.0f);
  REQUIRE(longest > 300.0f);
  glm::vec2 out(-along.y, along.x);
  if (glm::dot(out, middle - centroid) < 0) out = -out;

  // One unit's men in ranks of 50 from 40 m inside the wall, standing.
  const scene::UnitSnapshot& us = snap.units.front();
  REQUIRE(us.soldier_count >= 100);
  const std::uint32_t object = r.world().objects.id_of(scene::ObjectKind::Soldier, s.units.front().id);
  for (std::uint32_t i = 0; i < us.soldier_count; ++i) {
    const glm::vec2 at = middle - out * (40.0f + 1.5f * static_cast<float>(i / 50)) +
                         along * (1.5f * static_cast<float>(i % 50) - 37.5f);
    scene::Soldier& man = snap.soldiers[us.first_soldier + i];
    man.position = {at.x, s.ground->height(at), at.y};
    man.clip = scene::Clip::Idle;
  }
  const glm::vec3 centre{middle.x - out.x * 40.0f, s.ground->height(middle - out * 40.0f) + 1.0f,
                         middle.y - out.y * 40.0f};
  const float far = 1.5f * depth_for(renderer::troops::kFarPixels);
  const auto pixels_of_unit = [&](const scene::Camera& camera) {
    const renderer::FrameImage frame = r.render(snap, camera, kSize, true);
    REQUIRE(r.troops().stats().splatted > 100);
    return std::count(frame.ids.begin(), frame.ids.end(), object);
  };
  scene::Camera above;  // from high above: nothing in the way
  above.target = centre;
  above.position = centre + far * glm::vec3(out.x * 0.5f, 0.85f, out.y * 0.5f);
  above.fov_deg = kFov;
  scene::Camera level = above;  // outside the wall at a man's eye height: the wall between
  level.position = {centre.x + out.x * far, s.ground->height(glm::vec2(centre.x, centre.z) + out * far) + 1.7f,
                    centre.z + out.y * far};
  REQUIRE(test::project(level, kSize.width, kSize.height, centre));  // the men are in front of the camera
  const auto seen_above = pixels_of_unit(above);
  const auto seen_level = pixels_of_unit(level);
  INFO("the unit's pixels seen from above " << seen_above << ", from outside the wall " << seen_level);
  CHECK(seen_above > 50);
  CHECK(seen_level == 0);
  CHECK(test::context().validation_errors() == 0);
}
