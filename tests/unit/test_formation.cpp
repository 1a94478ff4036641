#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "scene/sim/formation.h"

using namespace scene;

namespace {

constexpr Formation kAllFormations[] = {Formation::Block, Formation::Column, Formation::Line,
                                        Formation::Wedge, Formation::Camp,   Formation::Scattered};

// Smallest distance between any two points, via a coarse grid (cells of `cell` metres).
float min_distance(const std::vector<glm::vec2>& points, float cell = 4.0f) {
  std::unordered_map<long long, std::vector<size_t>> grid;
  const auto key = [&](int x, int z) { return (static_cast<long long>(x) << 32) ^ static_cast<unsigned>(z); };
  for (size_t i = 0; i < points.size(); ++i)
    grid[key(static_cast<int>(std::floor(points[i].x / cell)), static_cast<int>(std::floor(points[i].y / cell)))]
        .push_back(i);
  float best = 1e30f;
  for (size_t i = 0; i < points.size(); ++i) {
    const int cx = static_cast<int>(std::floor(points[i].x / cell));
    const int cz = static_cast<int>(std::floor(points[i].y / cell));
    for (int dx = -1; dx <= 1; ++dx)
      for (int dz = -1; dz <= 1; ++dz) {
        auto it = grid.find(key(cx + dx, cz + dz));
        if (it == grid.end()) continue;
        for (size_t j : it->second)
          if (j != i) best = std::min(best, glm::distance(points[i], points[j]));
      }
  }
  return best;
}

Unit marching_unit(Formation first, Formation second, Day change) {
  Unit unit;
  unit.id = "u";
  unit.kind = UnitKind::Infantry;
  unit.path.keys = {{0, {0, 0}}, {10, {10000, 0}}};
  unit.formation.keys = {{0, first}, {change, second}};
  unit.state.keys = {{0, UnitState::March}};
  unit.strength.keys = {{0, 1000.0f}};
  return unit;
}

std::vector<Soldier> lay_out(const Unit& unit, Day day, float strength, std::uint32_t index = 3) {
  SoldierLayout layout;
  layout.unit = &unit;
  layout.unit_index = index;
  layout.day = day;
  layout.presentation_s = 12.5;
  layout.motion = unit_motion(unit, day);
  layout.strength = strength;
  layout.base_height = 7.0f;
  std::vector<Soldier> soldiers;
  append_soldiers(layout, soldiers);
  return soldiers;
}

std::vector<glm::vec2> xz_of(const std::vector<Soldier>& soldiers) {
  std::vector<glm::vec2> out;
  for (const Soldier& s : soldiers) out.push_back({s.position.x, s.position.z});
  return out;
}

}  // namespace

TEST_CASE("every formation gives each slot its own place", "[formation]") {
  for (Formation f : kAllFormations) {
    for (UnitKind kind : {UnitKind::Infantry, UnitKind::Cavalry}) {
      for (std::uint32_t count : {1U, 2U, 7U, 64U, 999U, 2500U}) {
        INFO("formation " << static_cast<int>(f) << ", kind " << static_cast<int>(kind) << ", count " << count);
        std::vector<glm::vec2> offsets;
        glm::vec2 sum(0);
        for (std::uint32_t slot = 0; slot < count; ++slot) {
          offsets.push_back(slot_offset(f, slot, count, kind));
          sum += offsets.back();
        }
        REQUIRE(offsets.size() == count);
        if (count > 1) CHECK(min_distance(offsets) > 1.0f);
        // Centred on the unit's position; camps (men round fires) and spirals only roughly.
        const glm::vec2 mean = sum / static_cast<float>(count);
        const bool loose = f == Formation::Camp || f == Formation::Scattered;
        CHECK(glm::length(mean) < (loose ? 8.0f : 3.0f));
      }
    }
  }
}

TEST_CASE("a march column is narrow and deep, a line wide and shallow", "[formation]") {
  const auto extent = [](Formation f) {
    glm::vec2 lo(1e9f), hi(-1e9f);
    for (std::uint32_t slot = 0; slot < 600; ++slot) {
      const glm::vec2 o = slot_offset(f, slot, 600, UnitKind::Infantry);
      lo = glm::min(lo, o);
      hi = glm::max(hi, o);
    }
    return hi - lo;
  };
  CHECK(extent(Formation::Column).x < 10.0f);
  CHECK(extent(Formation::Column).y > 150.0f);
  CHECK(extent(Formation::Line).x > 200.0f);
  CHECK(extent(Formation::Line).y < 7.0f);
  const glm::vec2 block = extent(Formation::Block);
  CHECK(block.x > block.y);
  CHECK(block.x < 3.5f * block.y);
  // The wedge's point leads.
  CHECK(slot_offset(Formation::Wedge, 0, 600, UnitKind::Infantry).y >
        slot_offset(Formation::Wedge, 599, 600, UnitKind::Infantry).y);
}

TEST_CASE("soldiers are laid out deterministically and all of them are drawn", "[formation]") {
  for (Formation f : kAllFormations) {
    const Unit unit = marching_unit(f, f, 5);
    const auto a = lay_out(unit, 2.3, 1000);
    const auto b = lay_out(unit, 2.3, 1000);
    REQUIRE(a.size() == 1000);
    REQUIRE(b.size() == a.size());
    CHECK(std::memcmp(a.data(), b.data(), a.size() * sizeof(Soldier)) == 0);
    CHECK(min_distance(xz_of(a)) > 0.3f);
    for (const Soldier& s : a) {
      CHECK(s.unit == 3);
      CHECK((s.clip != Clip::Fall && s.clip != Clip::Dead));
      CHECK(s.position.y == 7.0f);  // no ground: the plain at base height
      CHECK(s.phase >= 0.0f);
      CHECK(s.phase < 1.0f);
    }
    // A different unit index moves the jitter, not the shape.
    const auto other = lay_out(unit, 2.3, 1000, 4);
    CHECK(std::memcmp(a.data(), other.data(), a.size() * sizeof(Soldier)) != 0);
  }
}

TEST_CASE("the formation faces and stands where the path says", "[formation]") {
  const Unit unit = marching_unit(Formation::Column, Formation::Column, 5);
  const UnitMotion m = unit_motion(unit, 5);
  CHECK(m.position.x == Approx(5000));
  CHECK(m.heading_deg == Approx(90));       // marching east
  CHECK(m.speed == Approx(1000.0 / 24.0));  // 1 km a day, in metres per hour
  const auto soldiers = lay_out(unit, 5, 1000);
  glm::vec2 lo(1e9f), hi(-1e9f);
  for (const Soldier& s : soldiers) {
    lo = glm::min(lo, glm::vec2(s.position.x, s.position.z));
    hi = glm::max(hi, glm::vec2(s.position.x, s.position.z));
    CHECK(std::abs(s.heading - 3.14159f / 2) < 0.2f);
  }
  CHECK(hi.x - lo.x > 200.0f);  // the column stretches east-west
  CHECK(hi.y - lo.y < 12.0f);
  CHECK((lo.x + hi.x) / 2 == Approx(5000).margin(3));

  // Standing still after the end of the path: keep facing the way it came.
  CHECK(unit_motion(unit, 20).heading_deg == Approx(90));
  CHECK(unit_motion(unit, 20).speed == 0.0f);
  // A heading track wins over the path.
  Unit turned = unit;
  turned.heading.keys = {{0, 180.0f}};
  CHECK(unit_motion(turned, 5).heading_deg == Approx(180));
}

TEST_CASE("step blends open a window around each change", "[formation]") {
  Track<Formation> track;
  track.keys = {{0, Formation::Block}, {10, Formation::Column}, {10.1, Formation::Line}, {20, Formation::Line}};
  auto b = formation_blend(track, 5);
  CHECK(b.from == Formation::Block);
  CHECK(b.to == Formation::Block);
  CHECK(b.blend == 1.0f);
  // The change at 10 is 0.1 days from the next one: its window is 0.05 days either side.
  b = formation_blend(track, 10 - 0.06);
  CHECK(b.to == Formation::Block);
  b = formation_blend(track, 10 - 0.025);
  CHECK(b.from == Formation::Block);
  CHECK(b.to == Formation::Column);
  CHECK(b.blend == Approx(0.25f));
  // The windows never overlap: just before 10.05 the first, just after it the second.
  b = formation_blend(track, 10.04);
  CHECK(b.from == Formation::Block);
  CHECK(b.to == Formation::Column);
  CHECK(b.blend > 0.5f);
  b = formation_blend(track, 10.06);
  CHECK(b.from == Formation::Column);
  CHECK(b.to == Formation::Line);
  CHECK(b.blend < 0.5f);
  // Repeated values are not changes; the run began at its first key.
  b = formation_blend(track, 20.01);
  CHECK(b.from == Formation::Line);
  CHECK(b.to == Formation::Line);
  CHECK(b.to_since == 10.1);
  // A lone change far from others gets the full window.
  Track<Formation> lone;
  lone.keys = {{0, Formation::Block}, {10, Formation::Column}};
  b = formation_blend(lone, 10 - kTransitionHalfDays / 2);
  CHECK(b.blend == Approx(0.25f));
  CHECK(formation_blend(lone, 10 + kTransitionHalfDays + 1e-9).blend == 1.0f);
  b = formation_blend(Track<Formation>{}, 3);
  CHECK(b.to == Formation::Block);
}

TEST_CASE("a formation change moves soldiers slot by slot, without teleporting", "[formation]") {
  for (Formation from : kAllFormations) {
    for (Formation to : kAllFormations) {
      if (from == to) continue;
      INFO("from " << static_cast<int>(from) << " to " << static_cast<int>(to));
      // A unit holding still, so all movement is the morph.
      Unit unit = marching_unit(from, to, 5);
      unit.path.keys = {{0, {100, 200}}};
      const double half = kTransitionHalfDays;
      const auto before = lay_out(unit, 5 - half - 1e-6, 1000);
      const auto start = lay_out(unit, 5 - half, 1000);
      const auto after = lay_out(unit, 5 + half, 1000);
      const auto settled = lay_out(unit, 6, 1000);
      REQUIRE(before.size() == 1000);
      for (size_t i = 0; i < before.size(); ++i) {
        REQUIRE(glm::distance(before[i].position, start[i].position) < 1e-3f);
        REQUIRE(glm::distance(after[i].position, settled[i].position) < 1e-3f);
      }
      // Walk through the window in small steps: nobody jumps.
      const int steps = 400;
      float worst_step = 0, longest_move = 0;
      auto previous = start;
      for (int k = 1; k <= steps; ++k) {
        const auto now = lay_out(unit, 5 - half + 2 * half * k / steps, 1000);
        for (size_t i = 0; i < now.size(); ++i)
          worst_step = std::max(worst_step, glm::distance(now[i].position, previous[i].position));
        previous = now;
      }
      for (size_t i = 0; i < start.size(); ++i)
        longest_move = std::max(longest_move, glm::distance(start[i].position, after[i].position));
      CHECK(worst_step < 0.05f * longest_move + 0.5f);
    }
  }
}

TEST_CASE("soldiers fall where they stood, and are not drawn before they arrive", "[formation]") {
  Unit unit = marching_unit(Formation::Block, Formation::Block, 100);
  unit.strength.keys = {{1, 1000.0f}, {3, 600.0f}, {6, 600.0f}, {7, 800.0f}};
  // Before any loss: everyone up.
  auto s = lay_out(unit, 0.5, 1000);
  REQUIRE(s.size() == 1000);
  CHECK(std::count_if(s.begin(), s.end(),
                      [](const Soldier& x) { return x.clip == Clip::Fall || x.clip == Clip::Dead; }) == 0);

  // Halfway through the losses: 800 standing, 200 down; count conserved.
  s = lay_out(unit, 2, unit.strength.sample(2));
  REQUIRE(s.size() == 1000);
  CHECK(std::count_if(s.begin(), s.end(),
                      [](const Soldier& x) { return x.clip == Clip::Fall || x.clip == Clip::Dead; }) == 200);

  // After: 400 down, and they lie still while the unit marches on.
  const auto at4 = lay_out(unit, 4, unit.strength.sample(4));
  const auto at5 = lay_out(unit, 5, unit.strength.sample(5));
  REQUIRE(at4.size() == 1000);
  int fallen = 0;
  for (size_t i = 0; i < at4.size(); ++i) {
    if (at4[i].clip != Clip::Fall && at4[i].clip != Clip::Dead) {
      CHECK(at5[i].position.x - at4[i].position.x == Approx(1000).margin(5));  // marching on
      continue;
    }
    ++fallen;
    CHECK((at5[i].clip == Clip::Fall || at5[i].clip == Clip::Dead));
    CHECK(at5[i].position == at4[i].position);
    CHECK(at4[i].position.x < 3000.0f + 40.0f);  // fell on the way, by day 3 at the latest
    CHECK(at4[i].position.x > 1000.0f - 40.0f);
  }
  CHECK(fallen == 400);

  // A unit that grows: the newcomers are not "fallen" before they come.
  Unit growing = marching_unit(Formation::Line, Formation::Line, 100);
  growing.strength.keys = {{1, 300.0f}, {2, 500.0f}};
  s = lay_out(growing, 0.5, 300);
  CHECK(s.size() == 300);
  CHECK(std::count_if(s.begin(), s.end(),
                      [](const Soldier& x) { return x.clip == Clip::Fall || x.clip == Clip::Dead; }) == 0);
  s = lay_out(growing, 3, 500);
  CHECK(s.size() == 500);
}

TEST_CASE("casualty order is a permutation that thins the whole formation", "[formation]") {
  for (std::uint32_t count : {1U, 2U, 3U, 17U, 1000U, 4097U}) {
    std::vector<int> seen(count, 0);
    for (std::uint32_t slot = 0; slot < count; ++slot) {
      const std::uint32_t rank = casualty_rank(9, slot, count);
      REQUIRE(rank < count);
      ++seen[rank];
    }
    CHECK(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; }));
  }
  // The first hundred to fall are spread over the formation, not one rank.
  std::uint32_t lowest = 1000, highest = 0;
  for (std::uint32_t slot = 0; slot < 1000; ++slot)
    if (casualty_rank(9, slot, 1000) >= 900) {
      lowest = std::min(lowest, slot);
      highest = std::max(highest, slot);
    }
  CHECK(lowest < 100);
  CHECK(highest > 900);
}

TEST_CASE("fall_time finds when the strength crossed a level", "[formation]") {
  Track<float> strength;
  strength.keys = {{0, 100.0f}, {10, 0.0f}};
  CHECK(fall_time(strength, 5, 80) == Approx(2.0));
  CHECK_FALSE(fall_time(strength, 1, 80));  // still standing
  strength.interp = Interp::Step;
  CHECK(fall_time(strength, 12, 80) == Approx(10.0));
  strength.keys = {{0, 50.0f}, {10, 100.0f}};
  CHECK_FALSE(fall_time(strength, 5, 90));  // never reached: a reinforcement, not a casualty
}

TEST_CASE("a rout scatters outward, a camp gathers round fires", "[formation]") {
  Unit unit = marching_unit(Formation::Block, Formation::Block, 100);
  unit.path.keys = {{0, {0, 0}}};
  unit.state.keys = {{0, UnitState::Hold}, {5, UnitState::Rout}, {8, UnitState::Camp}};
  const auto spread = [](const std::vector<Soldier>& s) {
    double sum = 0;
    for (const Soldier& x : s) sum += glm::length(glm::vec2(x.position.x, x.position.z));
    return sum / static_cast<double>(s.size());
  };
  const double holding = spread(lay_out(unit, 4, 1000));
  const double early = spread(lay_out(unit, 5 + 1.0 / 24, 1000));
  const double late = spread(lay_out(unit, 5 + 6.0 / 24, 1000));
  CHECK(early > holding * 1.2);
  CHECK(late > early);
  const auto routing = lay_out(unit, 5 + 6.0 / 24, 1000);
  CHECK(std::all_of(routing.begin(), routing.end(), [](const Soldier& s) { return s.clip == Clip::Run; }));
  // Continuous as the rout begins.
  const auto a = lay_out(unit, 5 - 1e-7, 1000), b = lay_out(unit, 5 + 1e-7, 1000);
  for (size_t i = 0; i < a.size(); ++i) REQUIRE(glm::distance(a[i].position, b[i].position) < 0.01f);

  const auto camp = lay_out(unit, 9, 1000);
  const double camp_spread = spread(camp);
  CHECK(camp_spread < late);
  CHECK(camp_spread > holding);  // fires are spaced out more than a block's ranks
  CHECK(min_distance(xz_of(camp)) > 0.3f);
  // The first mess sits round the fire at the unit's centre, each man facing it.
  for (size_t i = 0; i < 8; ++i) {
    const glm::vec2 to_fire = -glm::vec2(camp[i].position.x, camp[i].position.z);
    const float facing_fire = std::atan2(to_fire.x, -to_fire.y);  // clockwise from north
    const float off = std::remainder(camp[i].heading - facing_fire, 2 * 3.14159265f);
    CHECK(std::abs(off) < 0.5f);
  }
}
