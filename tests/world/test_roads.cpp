// Roads: read from the file with their defaults and errors, present in both shipped
// scenarios as marked reconstructions, and built as ribbons that hug the ground and bridge
// the water.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>

#include "load_test_support.h"
#include "scene/model/geometry2d.h"
#include "scene/model/heightfield.h"
#include "scene/world/world.h"
#include "shipped_scenarios.h"

using namespace load_test;

namespace {

// A wall with a north gate, and `roads` (the JSON array's items), all on line kExtra.
std::string with_roads(const std::string& roads) {
  return scenario({}, R"(  "walls": [{"id": "wall", "points": [[-300, -300], [300, -300], [300, 300], [-300, 300]]}], )"
                      R"("gates": [{"id": "north_gate", "wall": "wall", "position": [0, -310]}], "roads": [)" +
                          roads + "],");
}

using world_test::shipped;

// Whether carved ground (a river channel, moat or lake bed) lies within 12 m of p.
bool near_carved(const scene::Scenario& s, const scene::Heightfield& ground, glm::vec2 p) {
  for (float dz : {-12.0f, 0.0f, 12.0f})
    for (float dx : {-12.0f, 0.0f, 12.0f}) {
      const glm::vec2 q = p + glm::vec2(dx, dz);
      if (ground.height(q) < scene::plain_height(s, q) - 0.3f) return true;
    }
  return false;
}

const scene::Road& road(const scene::Scenario& s, const std::string& id) {
  for (const scene::Road& r : s.roads)
    if (r.id == id) return r;
  FAIL("no road " << id);
  throw;
}

}  // namespace

TEST_CASE("roads: read with their kinds, widths by kind, gate and path", "[load][roads]") {
  const auto r = load(with_roads(
      R"({"id": "north", "name": {"en": "North road", "zh": "北路"}, "gate": "north_gate", "path": [[0, -400], [50, -2000]], "sources": ["record"], "notes": "a reconstruction"}, )"
      R"({"id": "track", "kind": "track", "path": [[0, 400], [0, 900], [200, 1500]], "sources": ["record"]}, )"
      R"({"id": "dyke", "kind": "causeway", "width": 12.5, "path": [[400, 0], [1200, 0]], "sources": ["record"]})"));
  INFO(Catch::Detail::stringify(errors(r)));
  REQUIRE(r.scenario);
  const scene::Scenario& s = *r.scenario;
  REQUIRE(s.roads.size() == 3);
  CHECK(s.roads[0].name.zh == "北路");
  CHECK(s.roads[0].kind == scene::RoadKind::Road);
  CHECK(s.roads[0].width == 8);
  CHECK(s.roads[0].gate == "north_gate");
  CHECK(s.roads[0].path.size() == 2);
  CHECK(s.roads[0].provenance.notes == "a reconstruction");
  CHECK(s.roads[1].kind == scene::RoadKind::Track);
  CHECK(s.roads[1].width == 4);
  CHECK(s.roads[1].gate.empty());
  CHECK(s.roads[2].kind == scene::RoadKind::Causeway);
  CHECK(s.roads[2].width == 12.5f);
}

TEST_CASE("roads: errors name the place and what was wrong", "[load][roads]") {
  const auto gate = errors_of(
      with_roads(R"({"id": "n", "gate": "nort_gate", "path": [[0, -400], [0, -900]], "sources": ["record"]})"));
  REQUIRE(gate.size() == 1);
  CHECK_THAT(gate[0], Catch::Matchers::StartsWith("t.json:12:"));
  CHECK_THAT(gate[0],
             Catch::Matchers::EndsWith("/roads/0/gate: unknown gate \"nort_gate\" (did you mean \"north_gate\"?)"));

  const auto short_path = errors_of(with_roads(R"({"id": "n", "path": [[0, -400]], "sources": ["record"]})"));
  REQUIRE(short_path.size() == 1);
  CHECK_THAT(short_path[0],
             Catch::Matchers::EndsWith(
                 "/roads/0/path: expected a line of at least 2 points [[x, z], ...], found an array of 1 value"));

  const auto bad_point = errors_of(with_roads(R"({"id": "n", "path": [[0, -400], [0]], "sources": ["record"]})"));
  REQUIRE(bad_point.size() == 1);
  CHECK_THAT(bad_point[0], Catch::Matchers::Contains("/roads/0/path/1:"));

  const auto width =
      errors_of(with_roads(R"({"id": "n", "width": 0, "path": [[0, -400], [0, -900]], "sources": ["record"]})"));
  REQUIRE(width.size() == 1);
  CHECK_THAT(width[0], Catch::Matchers::EndsWith("/roads/0/width: expected a number > 0, found 0"));

  const auto kind =
      errors_of(with_roads(R"({"id": "n", "kind": "trak", "path": [[0, -400], [0, -900]], "sources": ["record"]})"));
  REQUIRE(kind.size() == 1);
  CHECK_THAT(kind[0], Catch::Matchers::EndsWith("/roads/0/kind: expected one of \"road\", \"track\", \"causeway\", "
                                                "found \"trak\" (did you mean \"track\"?)"));

  const auto unsourced = errors_of(with_roads(R"({"id": "n", "path": [[0, -400], [0, -900]]})"));
  REQUIRE(unsourced.size() == 1);
  CHECK_THAT(unsourced[0], Catch::Matchers::EndsWith("/roads/0: missing required key \"sources\" (units, phases, "
                                                     "places and roads must name at least one source)"));

  const auto duplicate = errors_of(with_roads(
      R"({"id": "n", "path": [[0, -400], [0, -900]], "sources": ["record"]}, {"id": "n", "path": [[0, 400], [0, 900]], "sources": ["record"]})"));
  REQUIRE(duplicate.size() == 1);
  CHECK_THAT(duplicate[0], Catch::Matchers::Contains("/roads/1/id: duplicate id \"n\""));

  const auto not_array = errors_of(scenario({}, R"(  "roads": {"id": "n"},)"));
  REQUIRE(not_array.size() == 1);
  CHECK_THAT(not_array[0], Catch::Matchers::Contains("/roads: expected"));
}

TEST_CASE("roads: both shipped scenarios have roads out of their gates, marked as reconstructions", "[roads]") {
  for (const char* name : {"caizhou.json", "taiyuan.json"}) {
    INFO(name);
    const scene::Scenario& s = shipped(name);
    CHECK(s.roads.size() >= 4);
    int from_gates = 0;
    for (const scene::Road& r : s.roads) {
      INFO(r.id);
      CHECK(std::find(r.provenance.sources.begin(), r.provenance.sources.end(), "reconstruction") !=
            r.provenance.sources.end());
      CHECK_FALSE(r.provenance.notes.empty());
      CHECK_FALSE(r.name.zh.empty());
      if (r.gate.empty()) continue;
      ++from_gates;
      // The centre line starts on the gate's wall, and the path leads away from the city.
      const std::vector<glm::vec2> line = scene::road_centre_line(s, r);
      REQUIRE(line.size() == r.path.size() + 1);
      const scene::Gate* gate = nullptr;
      for (const scene::Gate& g : s.gates)
        if (g.id == r.gate) gate = &g;
      REQUIRE(gate);
      for (const scene::Wall& w : s.walls)
        if (w.id == gate->wall) CHECK(scene::polyline_distance(line.front(), w.points, w.closed) < 0.01f);
      CHECK(glm::length(line.back()) > glm::length(line.front()) + 2000);
    }
    CHECK(from_gates == 4);  // one road from each of the city's four outer gates
  }
}

// The highest point of the mesh straight above ground point p, if any triangle covers it.
std::optional<float> mesh_top(const scene::Mesh& mesh, glm::vec2 p) {
  std::optional<float> top;
  for (size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const glm::vec3 a = mesh.vertices[mesh.indices[t]].position, b = mesh.vertices[mesh.indices[t + 1]].position,
                    c = mesh.vertices[mesh.indices[t + 2]].position;
    const glm::vec2 ab(b.x - a.x, b.z - a.z), ac(c.x - a.x, c.z - a.z), ap(p.x - a.x, p.y - a.z);
    const float area = ab.x * ac.y - ab.y * ac.x;
    if (std::abs(area) < 1e-4f) continue;  // a vertical side
    const float u = (ap.x * ac.y - ap.y * ac.x) / area, v = (ab.x * ap.y - ab.y * ap.x) / area;
    if (u < -1e-4f || v < -1e-4f || u + v > 1 + 1e-4f) continue;  // points on a shared edge belong to both
    const float y = a.y + u * (b.y - a.y) + v * (c.y - a.y);
    top = top ? std::max(*top, y) : y;
  }
  return top;
}

TEST_CASE("roads: the ribbon lies just above the ground, and on a deck over the river", "[roads][world]") {
  const scene::Scenario& s = shipped("caizhou.json");
  const scene::Heightfield& ground = *s.ground;
  const scene::Road& south = road(s, "south_road");
  scene::Mesh mesh;
  scene::add_road(mesh, s, ground, south, 7);
  REQUIRE(mesh.triangle_count() > 20);
  for (const scene::Vertex& v : mesh.vertices) CHECK(v.object == 7);
  // The south road crosses the Ru; the Lian, west of the city, is another river.
  const auto ru_it = std::find_if(s.rivers.begin(), s.rivers.end(), [](const scene::River& r) { return r.id == "ru"; });
  REQUIRE(ru_it != s.rivers.end());
  const scene::River& ru = *ru_it;
  // Walk the centre line every 4 m: between the samples the ribbon keeps, too.
  const std::vector<glm::vec2> line = scene::road_centre_line(s, south);
  int on_ground = 0, on_deck = 0;
  for (size_t i = 0; i + 1 < line.size(); ++i) {
    const float length = glm::length(line[i + 1] - line[i]);
    for (float d = 0; d < length; d += 4.0f) {
      const glm::vec2 p = line[i] + (line[i + 1] - line[i]) * (d / length);
      const std::optional<float> top = mesh_top(mesh, p);
      const bool over_water = scene::polyline_distance(p, ru.points) < ru.width * 0.5f;
      INFO(p.x << "," << p.y);
      if (over_water) {
        // The deck stands clear of the water surface all the way across.
        REQUIRE(top);
        CHECK(*top > scene::plain_height(s, p) + ru.water_level + 1.0f);
        ++on_deck;
      } else if (!near_carved(s, ground, p)) {
        // Away from the river and the moat: never under the ground, never floating.
        REQUIRE(top);
        const float above = *top - ground.height(p);
        INFO("above the ground by " << above);
        CHECK(above >= 0.0f);
        CHECK(above <= 1.3f);
        ++on_ground;
      }
    }
  }
  CHECK(on_deck > 10);
  CHECK(on_ground > 500);
}

TEST_CASE("roads: a road on a plain with a gentle rise hugs it, a causeway stands on an embankment", "[roads][world]") {
  scene::Scenario s;
  s.terrain.min = {-2000, -2000};
  s.terrain.max = {2000, 2000};
  s.terrain.resolution = 201;
  s.terrain.relief_amplitude = 4;
  s.terrain.relief_wavelength = 600;
  const scene::Heightfield ground = scene::build_heightfield(s);
  scene::Road r;
  r.id = "r";
  r.path = {{-1500, -1500}, {0, 100}, {1500, 1400}};
  r.path.insert(r.path.begin() + 1, r.path[0]);  // a repeated point must not break the ribbon
  scene::Mesh flat;
  scene::add_road(flat, s, ground, r, 1);
  REQUIRE(flat.triangle_count() > 200);
  float lowest = 1e9f, highest = -1e9f, causeway_top = -1e9f;
  for (const scene::Vertex& v : flat.vertices) {
    REQUIRE(std::isfinite(v.position.y));
    const float above = v.position.y - ground.height({v.position.x, v.position.z});
    lowest = std::min(lowest, above), highest = std::max(highest, above);
  }
  CHECK(lowest >= 0.0f);
  CHECK(highest <= 1.3f);
  r.kind = scene::RoadKind::Causeway;
  scene::Mesh raised;
  scene::add_road(raised, s, ground, r, 1);
  for (const scene::Vertex& v : raised.vertices)
    causeway_top = std::max(causeway_top, v.position.y - ground.height({v.position.x, v.position.z}));
  CHECK(causeway_top > 1.0f);
}
