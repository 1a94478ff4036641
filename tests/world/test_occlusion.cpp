// Baked ambient occlusion: the foot of an upright face is darker than its top, faces turned to
// the sky are untouched, and in the shipped Caizhou the walls darken towards the ground.
#include <catch2/catch.hpp>

#include <filesystem>

#include "load_test_support.h"
#include "scene/world/occlusion.h"
#include "scene/world/world.h"

TEST_CASE("Occlusion darkens the foot of an upright face, not its top nor a face turned up", "[world][occlusion]") {
  CHECK(scene::ground_occlusion(0.0f, 0.0f) == Approx(1.0f - scene::kFootOcclusion));
  CHECK(scene::ground_occlusion(scene::kOcclusionHeight, 0.0f) == Approx(1.0f));
  CHECK(scene::ground_occlusion(0.0f, 1.0f) == Approx(1.0f));
  CHECK(scene::ground_occlusion(2.0f, 0.0f) < scene::ground_occlusion(4.0f, 0.0f));
}

TEST_CASE("Caizhou's walls are darker at their feet than at their tops", "[world][occlusion]") {
  auto r = scene::load_scenario(std::filesystem::path(SIEGE_SOURCE_DIR) / "assets/scenarios/caizhou.json");
  REQUIRE(r.scenario);
  const scene::World world = scene::build_world(*r.scenario);
  // Mean brightness of upright wall vertices near the ground and near the wall-walk.
  const std::uint32_t wall = world.objects.id_of(scene::ObjectKind::Wall, "outer_wall");
  REQUIRE(wall != 0);
  double low = 0, high = 0;
  int n_low = 0, n_high = 0;
  for (const scene::Vertex& v : world.structures.vertices) {
    if (v.object != wall || v.normal.y > 0.3f) continue;
    const float h = v.position.y - world.heightfield->height({v.position.x, v.position.z});
    const double grey = ((v.color & 0xFF) + ((v.color >> 8) & 0xFF) + ((v.color >> 16) & 0xFF)) / 3.0;
    if (h < 0.5f) low += grey, ++n_low;
    if (h > 8.0f) high += grey, ++n_high;
  }
  REQUIRE(n_low > 20);
  REQUIRE(n_high > 20);
  INFO("foot " << low / n_low << ", top " << high / n_high);
  CHECK(low / n_low < 0.75 * (high / n_high));
}
