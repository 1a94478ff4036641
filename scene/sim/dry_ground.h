// Keeping soldiers' feet out of the water. A formation laid out by its slots may reach into a
// river, a lake (while it holds water that day) or a moat; a man whose slot falls in water is
// moved to the bank on his unit's side of it (a lake: its nearest shore), and the deeper his
// slot lay in the water the further back from the edge he stands, so the ranks fold back
// along the bank instead of piling up on one line. The same water as water_at()
// (scene/model/water.h), so the loader's warning and the soldiers agree.
//
// Cost: the water of a day is gathered once per snapshot (DryGround); per unit, near() keeps
// the river and moat segments and lakes within reach of the unit's soldiers, which for most
// units is nothing, and only then are its men tested one by one. Nothing is allocated per man.
#pragma once

#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

#include "scene/model/scenario.h"

namespace scene {

class DryGround {
 public:
  DryGround(const Scenario& scenario, Day day);

  // The water within reach of the box [lo, hi], for one unit whose centre is `home` (which
  // side of a river or moat its men belong on). Reused between units to keep its storage.
  struct Near {
    std::vector<std::uint32_t> river_segments;  // into DryGround::rivers_
    std::vector<std::uint32_t> moat_segments;   // into DryGround::moat_segments_
    std::vector<std::uint32_t> lakes;           // into DryGround::lakes_
    std::vector<std::uint8_t> moat_outward;     // per moat: home lies beyond it
    glm::vec2 home{0};
    bool empty() const { return river_segments.empty() && moat_segments.empty() && lakes.empty(); }
  };
  void near(glm::vec2 lo, glm::vec2 hi, glm::vec2 home, Near& out) const;

  bool wet(const Near& near, glm::vec2 p) const;
  // True when no water of `near` comes within `radius` of `centre`: nobody there needs testing.
  bool clear(const Near& near, glm::vec2 centre, float radius) const;
  // p itself on dry ground, else the dry place on the bank where the man stands instead.
  glm::vec2 keep_dry(const Near& near, glm::vec2 p) const;

 private:
  struct Segment {
    glm::vec2 a{0}, b{0};
    float half = 0;           // rivers: half the water's width
    std::uint32_t owner = 0;  // moats: index into moats_
    glm::vec2 lo{0}, hi{0};   // bounds of the water this segment can make: a cheap first test per man
    bool reaches(glm::vec2 p) const { return p.x >= lo.x && p.x <= hi.x && p.y >= lo.y && p.y <= hi.y; }
  };
  struct MoatRing {
    const Wall* wall = nullptr;
    float centre = 0, half = 0;  // distance of the water's centre line from the wall's; half its width
    float face = 0;              // the wall's face: half its thickness
    float turning = 1;           // 1: the wall's points run counter-clockwise (x right, z up), -1: clockwise
  };
  struct LakeWater {
    const Lake* lake = nullptr;
    glm::vec2 lo{0}, hi{0};
  };
  // One step out of the water, or false when p is dry.
  bool step_out(const Near& near, glm::vec2& p) const;

  std::vector<Segment> rivers_;
  std::vector<Segment> moat_segments_;
  std::vector<MoatRing> moats_;
  std::vector<LakeWater> lakes_;
};

}  // namespace scene
