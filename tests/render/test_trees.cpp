// Trees in the ID pass: a lone tree seen close shows as its object where it stands, at every
// level the pass draws it with; a grove's crowns cover far more of the frame in July than its
// bare boughs do in January. Lavapipe, validation on.
#include <catch2/catch.hpp>

#include "render_fixture.h"
#include "scene/model/calendar.h"
#include "scene/model/clock.h"
#include "scene/sim/evaluate.h"
#include "scene/world/tree_meshes.h"
#include "scene/world/world.h"

namespace {

constexpr std::uint32_t kWidth = 320, kHeight = 180;

scene::Snapshot on(const scene::Scenario& s, int month) {
  scene::Snapshot snapshot = scene::evaluate(s, scene::phase_start_s(s, 0));
  snapshot.day = static_cast<scene::Day>(scene::day_number({1233, month, 15}, scene::Calendar::Julian)) + 0.5;
  return snapshot;
}

// A tree with no other within 40 m (a scattered scholar tree or elm), not a reed clump.
const scene::TreeInstance& lone_tree(const scene::World& world) {
  for (const scene::TreeInstance& t : world.trees) {
    if (t.kind == scene::TreeKind::Reeds || t.kind == scene::TreeKind::FruitTree) continue;
    bool alone = true;
    for (const scene::TreeInstance& o : world.trees)
      alone = alone && (&o == &t || glm::length(glm::vec2(o.base.x - t.base.x, o.base.z - t.base.z)) > 40.0f);
    if (alone && std::abs(t.base.x) < 4000 && std::abs(t.base.z) < 4000) return t;
  }
  FAIL("no lone tree");
  throw;
}

int pixels_of(const renderer::FrameImage& frame, std::uint32_t id) {
  int n = 0;
  for (const std::uint32_t v : frame.ids) n += v == id;
  return n;
}

}  // namespace

TEST_CASE("a lone tree seen close is a tree in the ID pass, at every level", "[render][id][trees]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  const scene::TreeInstance& tree = lone_tree(r.world());
  const scene::TreeShape shape = scene::tree_shape(tree.kind);
  const glm::vec3 trunk = tree.base + glm::vec3(0, 1.2f, 0);
  const glm::vec3 crown = tree.base + glm::vec3(0, shape.crown_centre * tree.scale, 0);
  const scene::Camera camera = test::looking(tree.base + glm::vec3(22, 4, 6),
                                             tree.base + glm::vec3(0, shape.height * tree.scale * 0.45f, 0), 50);
  const auto at_trunk = test::project(camera, kWidth, kHeight, trunk);
  const auto at_crown = test::project(camera, kWidth, kHeight, crown);
  REQUIRE(at_trunk);
  REQUIRE(at_crown);
  for (int level = -1; level <= 2; ++level) {
    INFO("level " << level);
    r.trees().force_level() = level;
    const renderer::FrameImage winter = r.render(on(s, 1), camera, {kWidth, kHeight}, true);
    const renderer::FrameImage summer = r.render(on(s, 7), camera, {kWidth, kHeight}, true);
    CHECK(test::kind_near(r, winter, *at_trunk, "tree", 1));
    CHECK(test::kind_near(r, summer, *at_crown, "tree", 1));
    CHECK(summer.id_at(static_cast<std::uint32_t>(at_crown->x), static_cast<std::uint32_t>(at_crown->y)) ==
          tree.object);
    CHECK(r.last_stats().tree_triangles > 0);
  }
  r.trees().force_level() = -1;
  CHECK(test::context().validation_errors() == 0);
}

TEST_CASE("a grove is bare in January and in leaf in July", "[render][id][trees][season]") {
  const scene::Scenario& s = test::scenario("caizhou.json");
  renderer::Renderer r(test::context(), s);
  const scene::Grove* grove = nullptr;
  for (const scene::Grove& g : s.groves)
    if (g.kind == scene::GroveKind::Orchard) grove = &g;
  REQUIRE(grove);
  const std::uint32_t id = r.world().objects.id_of(scene::ObjectKind::Tree, grove->id);
  REQUIRE(id != 0);
  const glm::vec3 centre(grove->center.x, s.ground->height(grove->center), grove->center.y);
  const scene::Camera camera = test::looking(centre + glm::vec3(0, 45, 110), centre, 45);
  const renderer::FrameImage winter = r.render(on(s, 1), camera, {kWidth, kHeight}, true);
  const renderer::FrameImage summer = r.render(on(s, 7), camera, {kWidth, kHeight}, true);
  const int bare = pixels_of(winter, id), leafy = pixels_of(summer, id);
  INFO("orchard pixels: January " << bare << ", July " << leafy);
  CHECK(bare > 50);  // trunks and boughs still stand
  CHECK(leafy > 2 * bare);
  CHECK(test::context().validation_errors() == 0);
}
