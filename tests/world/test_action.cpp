// The action of an assault as pure functions of time: the trebuchet arm's pull cycle follows
// the one volley schedule the stones use, and scaling ladders stand against a wall only for
// units that carry them, while they assault there.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "load_test_support.h"
#include "scene/load/load.h"
#include "scene/mesh/model_file.h"
#include "scene/model/calendar.h"
#include "scene/model/clock.h"
#include "scene/model/geometry2d.h"
#include "scene/sim/evaluate.h"
#include "scene/sim/projectiles.h"
#include "scene/world/world.h"

using Catch::Matchers::Contains;

namespace {

const scene::Scenario& scenario(const std::string& name) {
  static std::map<std::string, scene::LoadResult> loaded;
  auto it = loaded.find(name);
  if (it == loaded.end())
    it = loaded.emplace(name, scene::load_scenario(std::string(SIEGE_SOURCE_DIR) + "/assets/scenarios/" + name)).first;
  REQUIRE(it->second.scenario);
  return *it->second.scenario;
}

double at(const scene::Scenario& s, const char* date) {
  const auto day = scene::parse_day(date, s.calendar);
  REQUIRE(day);
  return scene::presentation_at(s, *day);
}

std::size_t engine_index(const scene::Scenario& s, const std::string& id) {
  for (std::size_t i = 0; i < s.engines.size(); ++i)
    if (s.engines[i].id == id) return i;
  FAIL("no engine " << id);
  return 0;
}

std::size_t unit_index(const scene::Scenario& s, const std::string& id) {
  for (std::size_t i = 0; i < s.units.size(); ++i)
    if (s.units[i].id == id) return i;
  FAIL("no unit " << id);
  return 0;
}

const scene::Wall& wall(const scene::Scenario& s, const std::string& id) {
  for (const scene::Wall& w : s.walls)
    if (w.id == id) return w;
  FAIL("no wall " << id);
  throw;
}

// The same snapshot moved to another presentation second of the same phase: the arm reads
// only the clock, the phase and the engines, so this keeps fine time steps cheap.
scene::Snapshot moved(scene::Snapshot snap, double t) {
  snap.presentation_s = t;
  return snap;
}

}  // namespace

// ---- The trebuchet's pull cycle ----

TEST_CASE("arm: at the release angle at every launch of the volley schedule, at rest between shots",
          "[action][trebuchet]") {
  const scene::Scenario& s = scenario("taiyuan.json");
  const std::size_t e = engine_index(s, "treb_n1");
  const double start = scene::phase_start_s(s, s.phase_index("bombardment"));
  const scene::Snapshot snap = scene::evaluate(s, start + 5.0);
  const scene::VolleySchedule schedule = scene::volley_schedule(s, snap, e);
  REQUIRE(schedule.rate > 0);
  int releases = 0;
  for (std::int64_t k = 0; k < 12; ++k) {
    const double release = schedule.release_s(k), next = schedule.release_s(k + 1);
    REQUIRE(next > release);
    INFO("shot " << k << " at " << release);
    const scene::ArmPose fired = scene::trebuchet_arm(s, moved(snap, start + release), e);
    CHECK(fired.angle == Approx(scene::trebuchet::kReleaseAngle).margin(1e-3));
    CHECK(fired.pull > 0.9f);  // the crew at full heave
    // Halfway to the next shot the arm lies at rest, sling end on the ground, the crew slack.
    const scene::ArmPose between = scene::trebuchet_arm(s, moved(snap, start + 0.5 * (release + next)), e);
    CHECK(between.angle == Approx(scene::trebuchet::kRestAngle).margin(1e-4));
    CHECK(between.pull == 0.0f);
    // Shortly before the release the crew heave and the arm is on its way up.
    const scene::ArmPose heaving = scene::trebuchet_arm(s, moved(snap, start + release - 0.1 * (next - release)), e);
    CHECK(heaving.angle > scene::trebuchet::kRestAngle + 0.05f);
    CHECK(heaving.angle < scene::trebuchet::kReleaseAngle);
    CHECK(heaving.pull > 0.0f);
    ++releases;
  }
  CHECK(releases == 12);
  // At rest the sling end is on the ground behind the engine; at release high and just ahead.
  const glm::vec2 rest = scene::trebuchet_sling_end(scene::trebuchet::kRestAngle);
  CHECK(rest.x < -5.0f);
  CHECK(rest.y == Approx(0.5).margin(0.3));
  const glm::vec2 release = scene::trebuchet_sling_end(scene::trebuchet::kReleaseAngle);
  CHECK(release.y > scene::trebuchet::kAxleHeight + 8.0f);
  CHECK(release.x > 0.0f);
}

TEST_CASE("arm: continuous through its cycles, the same for the same t", "[action][trebuchet]") {
  const scene::Scenario& s = scenario("taiyuan.json");
  const std::size_t e = engine_index(s, "treb_n1");
  const double start = scene::phase_start_s(s, s.phase_index("bombardment"));
  const scene::Snapshot snap = scene::evaluate(s, start + 5.0);
  float previous = scene::trebuchet_arm(s, moved(snap, start + 2.0), e).angle;
  float lowest = previous, highest = previous, largest_step = 0;
  for (double t = start + 2.0; t < start + 8.0; t += 0.001) {
    const float angle = scene::trebuchet_arm(s, moved(snap, t), e).angle;
    largest_step = std::max(largest_step, std::abs(angle - previous));
    lowest = std::min(lowest, angle), highest = std::max(highest, angle);
    previous = angle;
  }
  CHECK(largest_step < 0.06f);  // no jumps at 1 ms steps (the fastest swing is ~25 rad/s)
  CHECK(lowest == Approx(scene::trebuchet::kRestAngle).margin(1e-4));
  CHECK(highest == Approx(scene::trebuchet::kFollowAngle).margin(0.02));

  // Full evaluations, with others between them, give the same pose.
  const double t = start + 3.37;
  const scene::ArmPose a = scene::trebuchet_arm(s, scene::evaluate(s, t), e);
  (void)scene::trebuchet_arm(s, scene::evaluate(s, t + 1.3), e);
  const scene::ArmPose b = scene::trebuchet_arm(s, scene::evaluate(s, t), e);
  CHECK(a.angle == b.angle);
  CHECK(a.pull == b.pull);
}

TEST_CASE("arm: an engine that does not shoot stays at rest, stones leave from the sling end", "[action][trebuchet]") {
  const scene::Scenario& s = scenario("taiyuan.json");
  // Before the batteries are up (the encirclement), and a siege shed, never shoot.
  const double early = scene::phase_start_s(s, s.phase_index("encirclement")) + 3.0;
  const scene::Snapshot before = scene::evaluate(s, early);
  CHECK(scene::volley_schedule(s, before, engine_index(s, "treb_n1")).rate == 0);
  CHECK(scene::trebuchet_arm(s, before, engine_index(s, "treb_n1")).angle == scene::trebuchet::kRestAngle);
  const scene::Snapshot later = scene::evaluate(s, scene::phase_start_s(s, s.phase_index("bombardment")) + 3.0);
  CHECK(scene::trebuchet_arm(s, later, engine_index(s, "shed_n1")).angle == scene::trebuchet::kRestAngle);

  // Every stone starts where the arm's sling end is at release.
  const glm::vec2 sling = scene::trebuchet_sling_end(scene::trebuchet::kReleaseAngle);
  int stones = 0;
  for (const scene::Projectile& p : scene::projectiles_at(s, later)) {
    const glm::vec2 base = later.engine_position[p.engine];
    const glm::vec2 facing = glm::normalize(*s.engines[p.engine].target - base);
    CHECK(glm::length(glm::vec2(p.from.x, p.from.z) - (base + facing * sling.x)) < 1e-3f);
    CHECK(p.from.y == Approx(s.ground->height(base) + sling.y).margin(1e-3));
    ++stones;
  }
  CHECK(stones > 0);
}

TEST_CASE("arm: the trebuchet prop is a frame without its arm, the arm a prop of its own", "[action][trebuchet]") {
  const scene::Mesh frame = scene::build_prop(scene::Prop::Trebuchet);
  const scene::Mesh arm = scene::build_prop(scene::Prop::TrebuchetArm);
  REQUIRE_FALSE(frame.empty());
  REQUIRE_FALSE(arm.empty());
  // The frame reaches no higher than its axle (and the banner); the arm spans short to long end.
  const scene::Bounds fb = scene::mesh_bounds(frame), ab = scene::mesh_bounds(arm);
  CHECK(fb.max.y < 9.5f);
  CHECK(ab.max.z == Approx(scene::trebuchet::kLongArm + 0.35).margin(0.1));
  CHECK(ab.min.z == Approx(-scene::trebuchet::kShortArm).margin(0.05));
  // Swung to rest, the arm's sling end touches the ground behind the engine; at release it is high.
  scene::Mesh at_rest, released;
  scene::add_trebuchet_action(at_rest, arm, {0, 0, 0}, {0, -1}, scene::trebuchet::kRestAngle, 0, 7, false);
  scene::add_trebuchet_action(released, arm, {0, 0, 0}, {0, -1}, scene::trebuchet::kReleaseAngle, 1, 7, false);
  const scene::Bounds rb = scene::mesh_bounds(at_rest), lb = scene::mesh_bounds(released);
  CHECK(rb.min.y > -0.3f);  // the pouch rests on the ground
  CHECK(rb.min.y < 0.05f);
  CHECK(rb.max.z > 6.0f);  // behind (+z: the engine faces -z here)
  CHECK(lb.max.y > scene::trebuchet::kAxleHeight + 9.0f);
  for (const scene::Vertex& v : released.vertices) CHECK(v.object == 7u);
  // The crew: a few triangles each, leaning further back (towards -z, away from the engine) as they heave.
  scene::Mesh slack, heave;
  scene::add_trebuchet_action(slack, arm, {0, 0, 0}, {0, -1}, scene::trebuchet::kRestAngle, 0, 7, true);
  scene::add_trebuchet_action(heave, arm, {0, 0, 0}, {0, -1}, scene::trebuchet::kRestAngle, 1, 7, true);
  CHECK(slack.triangle_count() - at_rest.triangle_count() <= 8 * 24);
  CHECK(scene::mesh_bounds(heave).min.z < scene::mesh_bounds(slack).min.z - 0.3f);
}

// ---- Scaling ladders ----

TEST_CASE("ladders: read from a unit, counted, and bad values rejected with where and why", "[action][ladders][load]") {
  const auto ok = scene::load_scenario_text(
      load_test::scenario(
          {{"units",
            R"([{"id": "tachar", "name": {"en": "Tachar"}, "faction": "mongol", "path": [100, 200], "strength": 30000, "ladders": 12, "ladders_estimate": false, "sources": ["record"]}])"}}),
      "ladders.json");
  INFO(Catch::Detail::stringify(ok.errors.size()));
  REQUIRE(ok.scenario);
  CHECK(ok.scenario->units[0].ladders == 12);
  CHECK_FALSE(ok.scenario->units[0].ladders_estimate);
  const auto none = scene::load_scenario_text(load_test::scenario(), "none.json");
  REQUIRE(none.scenario);
  CHECK(none.scenario->units[0].ladders == 0);
  CHECK(none.scenario->units[0].ladders_estimate);

  for (const char* bad : {"-1", "2.5", "5000", "\"many\"", "true"}) {
    INFO(bad);
    const auto r = scene::load_scenario_text(
        load_test::scenario(
            {{"units",
              std::string(
                  R"([{"id": "tachar", "name": {"en": "Tachar"}, "faction": "mongol", "path": [100, 200], "strength": 30000, "ladders": )") +
                  bad + R"(, "sources": ["record"]}])"}}),
        "bad.json");
    CHECK_FALSE(r.scenario);
    REQUIRE(r.errors.size() == 1);
    CHECK_THAT(r.errors[0].to_string(),
               Contains("bad.json:9:") && Contains("/units/0/ladders: expected an integer in 0..2000, found"));
  }
}

TEST_CASE("ladders: Meng Gong's lean on the south wall on 9 February, feet on the ground, tops at the parapet",
          "[action][ladders]") {
  const scene::Scenario& s = scenario("caizhou.json");
  const std::size_t meng = unit_index(s, "song_meng_gong");
  REQUIRE(s.units[meng].ladders == 40);
  const scene::Snapshot snap = scene::evaluate(s, at(s, "1234-02-09T07:30"));
  REQUIRE(snap.units[meng].state == scene::UnitState::Assault);
  const std::vector<scene::LadderPose> ladders = scene::ladders_at(s, snap);
  REQUIRE(ladders.size() >= 10);
  CHECK(ladders.size() <= 40);
  const scene::Wall& outer = wall(s, "outer_wall");
  const float half = outer.thickness * 0.5f;
  for (const scene::LadderPose& l : ladders) {
    CHECK(l.unit == meng);  // nobody else in Caizhou carries ladders
    CHECK(l.how == scene::LadderHow::Leaning);
    REQUIRE(&s.walls[l.wall] == &outer);
    const glm::vec2 foot(l.foot.x, l.foot.z), top(l.top.x, l.top.z);
    // The foot stands on the ground outside the wall, a few metres out from its base.
    CHECK(l.foot.y == Approx(s.ground->height(foot)).margin(0.01));
    CHECK_FALSE(scene::inside_polygon(foot, outer.points));
    const float foot_out = scene::polyline_distance(foot, outer.points, true) - half;
    CHECK(foot_out > 1.0f);
    CHECK(foot_out < 6.0f);
    // The top rests on the battered face at the parapet: inside the wall's base, at its height.
    const float top_in = scene::polyline_distance(top, outer.points, true);
    CHECK(top_in < half);
    CHECK(top_in > half - outer.batter * outer.height - 0.5f);
    CHECK(l.top.y - s.ground->height(top) == Approx(outer.height + 1.0f).margin(1.0f));
    // Against the south side, either side of the gate but not in the gateway.
    CHECK(l.foot.z > 600.0f);
    CHECK(std::abs(l.foot.x) > 14.0f);
  }
  // The same t gives the same ladders.
  (void)scene::evaluate(s, at(s, "1234-02-09T12:00"));
  const std::vector<scene::LadderPose> again = scene::ladders_at(s, scene::evaluate(s, at(s, "1234-02-09T07:30")));
  REQUIRE(again.size() == ladders.size());
  for (std::size_t i = 0; i < again.size(); ++i) {
    CHECK(again[i].foot == ladders[i].foot);
    CHECK(again[i].top == ladders[i].top);
  }
}

TEST_CASE("ladders: none for units without them, nor out of the assault", "[action][ladders]") {
  const scene::Scenario& s = scenario("caizhou.json");
  const std::size_t meng = unit_index(s, "song_meng_gong");
  // Holding inside the breach in January: the ladders are not out.
  const scene::Snapshot holding = scene::evaluate(s, at(s, "1234-01-20"));
  REQUIRE(holding.units[meng].state == scene::UnitState::Hold);
  CHECK(scene::ladders_at(s, holding).empty());
  // Without "ladders" the same assault shows none: the data says where.
  scene::Scenario without = s;
  without.units[meng].ladders = 0;
  CHECK(scene::ladders_at(without, scene::evaluate(without, at(s, "1234-02-09T07:30"))).empty());
  // The Mongols assault the west wall on the same day and carry none.
  const scene::Snapshot fall = scene::evaluate(s, at(s, "1234-02-09T08:30"));
  for (const scene::LadderPose& l : scene::ladders_at(s, fall)) CHECK(s.units[l.unit].ladders > 0);
}

TEST_CASE("ladders: carried flat at shoulder height on the march up to the wall", "[action][ladders]") {
  const scene::Scenario& s = scenario("taiyuan.json");
  const std::size_t north = unit_index(s, "jin_north");
  const scene::Snapshot snap = scene::evaluate(s, at(s, "1126-09-21T06:30"));
  REQUIRE(snap.units[north].state == scene::UnitState::March);
  int carried = 0;
  for (const scene::LadderPose& l : scene::ladders_at(s, snap)) {
    if (l.unit != north) continue;
    CHECK(l.how == scene::LadderHow::Carried);
    CHECK(l.foot.y - s.ground->height({l.foot.x, l.foot.z}) == Approx(1.45).margin(0.05));
    CHECK(l.top.y - s.ground->height({l.top.x, l.top.z}) == Approx(1.45).margin(0.05));
    CHECK(glm::distance(l.foot, l.top) > 10.0f);  // long enough for a 13 m wall
    ++carried;
  }
  CHECK(carried >= 2);
  CHECK(carried <= s.units[north].ladders);
}

TEST_CASE("ladders: thrown down on the ground when the unit routs, and they stay there", "[action][ladders]") {
  scene::Scenario s = scenario("caizhou.json");
  const std::size_t meng = unit_index(s, "song_meng_gong");
  const double rout_day = *scene::parse_day("1234-02-09T08:00", s.calendar);
  // Beaten back at 08:00 instead (a test of the rule, not of history).
  auto& keys = s.units[meng].state.keys;
  keys.erase(std::remove_if(keys.begin(), keys.end(), [&](const auto& k) { return k.t >= rout_day; }), keys.end());
  keys.push_back({rout_day, scene::UnitState::Rout});
  const std::vector<scene::LadderPose> early = scene::ladders_at(s, scene::evaluate(s, at(s, "1234-02-09T08:30")));
  const std::vector<scene::LadderPose> late = scene::ladders_at(s, scene::evaluate(s, at(s, "1234-02-09T11:00")));
  REQUIRE(early.size() >= 10);
  REQUIRE(late.size() == early.size());
  const scene::Wall& outer = wall(s, "outer_wall");
  for (std::size_t i = 0; i < early.size(); ++i) {
    const scene::LadderPose& l = early[i];
    CHECK(l.how == scene::LadderHow::Lying);
    for (const glm::vec3 end : {l.foot, l.top}) {
      CHECK(end.y - s.ground->height({end.x, end.z}) == Approx(0.12).margin(0.01));
      CHECK_FALSE(scene::inside_polygon({end.x, end.z}, outer.points));
    }
    CHECK(late[i].foot == l.foot);  // the men run, the ladders stay
    CHECK(late[i].top == l.top);
  }
}

TEST_CASE("ladders: in the world's dynamic meshes under their own object id", "[action][ladders]") {
  const scene::Scenario& s = scenario("caizhou.json");
  const scene::World world = scene::build_world(s);
  const std::uint32_t id = world.objects.id_of(scene::ObjectKind::Ladder, "song_meng_gong");
  REQUIRE(id != 0);
  CHECK(scene::to_string(world.objects.find(id)->kind) == "ladder");
  const auto count_ladder_triangles = [&](const scene::Snapshot& snap) {
    const scene::DynamicMeshes dynamic = scene::build_dynamic(s, world, snap);
    std::size_t n = 0;
    for (std::size_t i = 0; i < dynamic.solids.indices.size(); i += 3)
      n += dynamic.solids.vertices[dynamic.solids.indices[i]].object == id;
    return n;
  };
  const scene::Snapshot assault = scene::evaluate(s, at(s, "1234-02-09T07:30"));
  const std::size_t triangles = count_ladder_triangles(assault);
  const std::size_t ladders = scene::ladders_at(s, assault).size();
  CHECK(triangles > ladders * 40);
  CHECK(triangles < ladders * 300);  // a couple of hundred triangles a ladder at most
  CHECK(count_ladder_triangles(scene::evaluate(s, at(s, "1234-01-20"))) == 0);
}
