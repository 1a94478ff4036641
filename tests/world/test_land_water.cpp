// The land and the water (issue 13): hills eroded into valleys and terraces, muddy banks
// without smeared bands in the coarse terrain, roads clear of the water, and water that
// flows downstream.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>

#include "scene/load/load.h"
#include "scene/model/color.h"
#include "scene/model/erosion.h"
#include "scene/model/geometry2d.h"
#include "scene/model/heightfield.h"
#include "scene/model/material.h"
#include "scene/model/scenario.h"
#include "scene/model/water.h"
#include "scene/world/terrain_chunks.h"
#include "scene/world/world.h"
#include "shipped_scenarios.h"

namespace {

using world_test::shipped;

// A range of hills like Taiyuan's Western Hills: 380 m high, 2.2 km across, running north-south.
scene::Scenario hills() {
  scene::Scenario s;
  s.terrain.min = {-8000, -8000};
  s.terrain.max = {8000, 8000};
  s.terrain.resolution = 512;
  s.terrain.base_height = 0;
  s.terrain.relief_amplitude = 5;
  s.terrain.relief_wavelength = 2200;
  s.terrain.ridges.push_back({{{-5000, -8600}, {-4700, -4000}, {-4600, 0}, {-4800, 4000}, {-5200, 8600}}, 2200, 380});
  return s;
}

// A river across a plain wide enough that the middle is clear of the terrain's faded edge.
scene::Scenario plain_with_river() {
  scene::Scenario s;
  s.terrain.min = {-5000, -5000};
  s.terrain.max = {5000, 5000};
  s.terrain.resolution = 501;  // 20 m cells, chunks of 640 m
  s.terrain.base_height = 50;
  s.terrain.relief_amplitude = 0;
  scene::River river;
  river.id = "ru";
  river.points = {{-2500, 10}, {2500, -30}};  // upstream (west) first
  river.width = 70;
  river.depth = 4;
  river.bank_width = 20;
  s.rivers.push_back(river);
  return s;
}

float luminance(glm::vec3 c) { return 0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b; }

}  // namespace

TEST_CASE("hills: tall ridges are cut by valleys, not a row of cones", "[heightfield][hills]") {
  const scene::Scenario s = hills();
  const scene::Heightfield f = scene::build_heightfield(s);
  // Along the hills' eastern flank (a line 900 m out from the crest, where a smooth ridge
  // would stand at one height) the ground rises and falls: valleys at least 15 m deep between
  // the spurs on either side, many of them over 16 km.
  std::vector<float> line;
  for (float z = -7500; z <= 7500; z += 31.3f) line.push_back(f.height({-4700 + 900, z}));
  int valleys = 0;
  for (size_t i = 1; i + 1 < line.size(); ++i) {
    if (line[i] > line[i - 1] || line[i] > line[i + 1]) continue;  // not a local minimum
    float left = line[i], right = line[i];
    for (size_t k = i; k-- > 0 && i - k < 30;) left = std::max(left, line[k]);
    for (size_t k = i + 1; k < line.size() && k - i < 30; ++k) right = std::max(right, line[k]);
    if (std::min(left, right) - line[i] > 15) ++valleys;
  }
  INFO("valleys along the flank: " << valleys);
  CHECK(valleys >= 6);

  // Water has cut into the hills: some valley floors lie tens of metres below the uneroded
  // relief, and erosion stays off the plain.
  float deepest = 0;
  for (int iz = 0; iz < f.nz; iz += 2)
    for (int ix = 0; ix < f.nx / 2; ix += 2) deepest = std::max(deepest, f.plain[iz * f.nx + ix] - f.at(ix, iz));
  const int plain_x = f.nx * 7 / 8, plain_z = f.nz / 2;  // x = 6000 m: the plain east of the hills
  const glm::vec2 plain_point = f.min + glm::vec2(plain_x, plain_z) * f.cell_size();
  CHECK(f.at(plain_x, plain_z) == Approx(scene::plain_height(s, plain_point)).margin(1e-4));
  float cut = 0;
  for (int iz = 0; iz < f.nz; iz += 2)
    for (int ix = 0; ix < f.nx / 2; ix += 2) {
      const glm::vec2 xz = f.min + glm::vec2(ix, iz) * f.cell_size();
      cut = std::max(cut, scene::plain_height(s, xz) - f.at(ix, iz));
    }
  INFO("deepest cut below the uneroded relief: " << cut << " m");
  CHECK(cut > 40);

  // Slopes face every way, as spurs and side valleys do, not all away from the crest as on
  // one long swell: on the flank a good share of the ground falls more along the range than
  // across it.
  int flank = 0, along = 0;
  for (float z = -7000; z <= 7000; z += 40)
    for (float x = -4700 + 400; x <= -4700 + 1400; x += 40) {
      const glm::vec3 n = f.normal({x, z});
      if (n.y > 0.995f) continue;  // flat
      ++flank;
      if (std::abs(n.z) > std::abs(n.x)) ++along;
    }
  INFO(along << " of " << flank << " flank samples fall along the range");
  CHECK(along > flank / 5);
  (void)deepest;
}

TEST_CASE("hills: the same hills on every build", "[heightfield][hills]") {
  const scene::Scenario s = hills();
  CHECK(scene::build_heightfield(s).heights == scene::build_heightfield(s).heights);
}

TEST_CASE("hills: gentle lower slopes are stepped into terraces", "[heightfield][hills]") {
  // A plane rising 1.25 m every 20 m cell (a slope of 1 in 16) from 0 to 100 m.
  const int nx = 80, nz = 20;
  std::vector<float> h(static_cast<size_t>(nx) * nz), erodible(h.size(), 1.0f);
  for (int z = 0; z < nz; ++z)
    for (int x = 0; x < nx; ++x) h[static_cast<size_t>(z) * nx + x] = 1.25f * static_cast<float>(x);
  scene::terrace_slopes({nx, nz, glm::vec2(20.0f), &h, &erodible}, 0.0f, 6.0f, 90.0f, 4.5f);
  // Up the slope, most steps between neighbours are nearly flat (treads) and a few are
  // steep (risers), where the plane's were all the same 1.25 m.
  std::vector<float> rises;
  for (int z = 1; z + 1 < nz; ++z)
    for (int x = 12; x < 60; ++x)
      rises.push_back(h[static_cast<size_t>(z) * nx + x + 1] - h[static_cast<size_t>(z) * nx + x]);
  std::sort(rises.begin(), rises.end());
  const float median = rises[rises.size() / 2], steepest = rises.back();
  INFO("median rise " << median << " m, steepest " << steepest << " m");
  CHECK(median < 0.5f);
  CHECK(steepest > 3.0f);
  for (float r : rises) CHECK(r >= -1e-3f);  // still climbing, never a hollow
}

TEST_CASE("banks: the ground at the water's edge is dark mud, the fields beyond are farmland", "[terrain][banks]") {
  const scene::Scenario s = plain_with_river();
  const scene::Heightfield ground = scene::build_heightfield(s);
  const scene::Mesh mesh = scene::build_ground_mesh(s, ground, 1);
  const scene::River& river = s.rivers[0];
  float edge_lum = 0, field_lum = 0, edge_farm = 0, field_farm = 0;
  int edge = 0, field = 0;
  for (int i = 0; i < ground.nx * ground.nz; ++i) {
    const scene::Vertex& v = mesh.vertices[i];
    if (std::abs(v.position.x) > 2000) continue;
    const float d = scene::polyline_distance({v.position.x, v.position.z}, river.points) - river.width * 0.5f;
    const glm::vec4 c = scene::unpack_color(v.color);
    if (d >= -2 && d < 12) edge_lum += luminance(c), edge_farm += c.a, ++edge;
    if (d > river.bank_width + 50 && d < river.bank_width + 80) field_lum += luminance(c), field_farm += c.a, ++field;
  }
  REQUIRE(edge > 20);
  REQUIRE(field > 20);
  edge_lum /= edge, field_lum /= field, edge_farm /= edge, field_farm /= field;
  INFO("edge " << edge_lum << " (farmland " << edge_farm << "), fields " << field_lum << " (farmland " << field_farm
               << ")");
  CHECK(edge_lum < 0.6f * field_lum);
  CHECK(edge_farm < 0.2f);
  CHECK(field_farm > 0.95f);
}

TEST_CASE("banks: coarse terrain beside a river keeps the fields' colour, no band", "[terrain][banks][lod]") {
  // A coarse triangle is hundreds of metres across; were its corners the mean of the channel
  // and its banks, a pale band with less farmland would run along the river seen from afar.
  const scene::Scenario s = plain_with_river();
  const scene::Heightfield ground = scene::build_heightfield(s);
  const scene::TerrainChunks terrain = scene::build_terrain_chunks(s, ground, 1);
  const scene::River& river = s.rivers[0];
  // Plain farmland, well clear of the river.
  const glm::vec4 fields =
      scene::unpack_color(terrain.mesh.vertices[(ground.nz / 2 + 50) * ground.nx + ground.nx / 2].color);
  REQUIRE(fields.a > 0.99f);
  int corners = 0;
  for (size_t c = 0; c < terrain.chunks.size(); ++c) {
    if (!terrain.chunks[c].wet) continue;
    for (int k = 2; k < scene::TerrainChunk::kLevels; ++k) {
      const scene::IndexRange r = terrain.chunks[c].levels[k];
      for (std::uint32_t t = r.first; t + 2 < r.first + r.count; t += 3) {
        const scene::Vertex* v[3];
        for (int j = 0; j < 3; ++j) v[j] = &terrain.mesh.vertices[terrain.mesh.indices[t + j]];
        const glm::vec3 ab = v[1]->position - v[0]->position, ac = v[2]->position - v[0]->position;
        if (std::abs(ab.x * ac.z - ab.z * ac.x) < 1e-3f) continue;  // a skirt, hanging vertically
        for (const scene::Vertex* corner : v) {
          const glm::vec2 p(corner->position.x, corner->position.z);
          // Corners beside the channel and its banks, not in them (those lie under the water).
          if (std::abs(p.x) > 2500) continue;
          if (scene::polyline_distance(p, river.points) < river.width * 0.5f + river.bank_width + 25) continue;
          const glm::vec4 colour = scene::unpack_color(corner->color);
          INFO("corner at " << p.x << "," << p.y << " level " << k);
          CHECK(colour.a > 0.95f);
          CHECK(glm::length(glm::vec3(colour) - glm::vec3(fields)) < 0.02f);
          ++corners;
        }
      }
    }
  }
  CHECK(corners > 50);
}

TEST_CASE("water: rivers flow downstream, fastest mid-stream, and the moat is slack", "[water]") {
  const scene::Scenario& s = shipped("caizhou.json");
  const auto ru = std::find_if(s.rivers.begin(), s.rivers.end(), [](const scene::River& r) { return r.id == "ru"; });
  REQUIRE(ru != s.rivers.end());
  scene::Mesh mesh;
  scene::add_river_water(mesh, s, *ru, 7);
  REQUIRE(mesh.vertices.size() > 30);
  int downstream = 0, mid = 0;
  for (const scene::Vertex& v : mesh.vertices) {
    const glm::vec2 p(v.position.x, v.position.z);
    // The river's own direction here: from the nearest centre-line point to the next.
    size_t nearest = 0;
    for (size_t i = 0; i + 1 < ru->points.size(); ++i)
      if (scene::segment_distance(p, ru->points[i], ru->points[i + 1]) <
          scene::segment_distance(p, ru->points[nearest], ru->points[nearest + 1]))
        nearest = i;
    const glm::vec2 down = glm::normalize(ru->points[nearest + 1] - ru->points[nearest]);
    const glm::vec2 flow(v.normal.x, v.normal.z);
    CHECK(v.normal.y == 1.0f);
    CHECK(glm::dot(flow, down) > 0.5f);  // m/s along the river, downstream
    if (glm::dot(flow, down) > 0) ++downstream;
    if (scene::unpack_color(v.color).a > 0.99f) ++mid;
  }
  CHECK(downstream == static_cast<int>(mesh.vertices.size()));
  CHECK(mid * 3 == static_cast<int>(mesh.vertices.size()));  // one mid-stream vertex in three
  // The moat barely moves.
  scene::Mesh moat;
  for (const scene::Moat& m : s.moats)
    for (const scene::Wall& w : s.walls)
      if (w.id == m.around) scene::add_moat_water(moat, s, m, w, 8);
  REQUIRE(!moat.vertices.empty());
  for (const scene::Vertex& v : moat.vertices) CHECK(glm::length(glm::vec2(v.normal.x, v.normal.z)) < 0.1f);
}

TEST_CASE(
    "roads: no road surface lies under the water but bridges stand on piles in it and roads are rutted packed earth",
    "[roads][water]") {
  for (const char* name : {"caizhou.json", "taiyuan.json"}) {
    const scene::Scenario& s = shipped(name);
    const scene::Heightfield ground = scene::build_heightfield(s);
    scene::Mesh mesh;
    for (const scene::Road& road : s.roads) scene::add_road(mesh, s, ground, road, 9);
    REQUIRE(!mesh.vertices.empty());
    int over_water = 0, packed = 0, piles_in_water = 0, surface = 0;
    for (const scene::Vertex& v : mesh.vertices) {
      const glm::vec2 p(v.position.x, v.position.z);
      for (const scene::River& river : s.rivers)
        if (scene::polyline_distance(p, river.points) < river.width * 0.5f) {
          const float water = scene::plain_height(s, p) + river.water_level;
          if (std::abs(v.normal.y) < 0.01f) {  // a bridge's pile or side, which may reach into the water
            if (v.position.y < water - 0.3f) ++piles_in_water;
            continue;
          }
          INFO(name << ": road vertex at " << p.x << "," << p.y << " over " << river.id);
          CHECK(v.position.y > water + 0.3f);
          ++over_water;
        }
      if (v.normal.y < 0.5f) continue;  // a bridge's railing and piles, not the road's surface
      ++surface;
      if (scene::material_of(v.color) == scene::Material::PackedEarth) ++packed;
    }
    INFO(name);
    CHECK((over_water == 0 || piles_in_water > 0));  // bridged roads stand on piles in the water
    // Every road's cross-section has two ruts darker than the packed earth around them.
    for (const scene::Road& road : s.roads) {
      scene::Mesh one;
      scene::add_road(one, s, ground, road, 9);
      REQUIRE(!one.vertices.empty());
      const glm::vec2 start(one.vertices.front().position.x, one.vertices.front().position.z);
      float crown = 0;
      std::vector<float> near_start;  // the first cross-section's packed earth
      for (const scene::Vertex& v : one.vertices)
        if (scene::material_of(v.color) == scene::Material::PackedEarth &&
            glm::length(glm::vec2(v.position.x, v.position.z) - start) < road.width + 2)
          near_start.push_back(luminance(glm::vec3(scene::unpack_color(v.color))));
      for (float l : near_start) crown = std::max(crown, l);
      const auto ruts = std::count_if(near_start.begin(), near_start.end(), [&](float l) { return l < 0.8f * crown; });
      INFO(name << ": road " << road.id);
      CHECK(ruts >= 2);
    }
    INFO(name << ": " << over_water << " vertices over water, " << packed << " of packed earth");
    CHECK(over_water > 0);
    CHECK(packed > surface / 2);
  }
}
