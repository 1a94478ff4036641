#include "scene/sim/dry_ground.h"

#include <algorithm>
#include <cmath>

#include "scene/model/geometry2d.h"
#include "scene/model/water.h"

namespace scene {

namespace {

constexpr float kMargin = 1.0f;    // metres of dry ground between a man and the water's edge
constexpr float kFold = 0.5f;      // a man this much of his depth in the water back from the edge
constexpr float kMaxFold = 40.0f;  // but no further than this
constexpr float kReach = 80.0f;    // how far a man may be moved: water this far beyond a unit counts
constexpr int kMaxSteps = 6;       // out of one water into another, at most this often

float fold(float depth) { return kMargin + std::min(kFold * std::max(depth, 0.0f), kMaxFold); }

glm::vec2 nearest_on_segment(glm::vec2 p, glm::vec2 a, glm::vec2 b) {
  const glm::vec2 ab = b - a;
  const float len2 = glm::dot(ab, ab);
  const float t = len2 > 0 ? glm::clamp(glm::dot(p - a, ab) / len2, 0.0f, 1.0f) : 0.0f;
  return a + ab * t;
}

bool overlaps(glm::vec2 a, glm::vec2 b, glm::vec2 lo, glm::vec2 hi, float grow) {
  return std::max(a.x, b.x) >= lo.x - grow && std::min(a.x, b.x) <= hi.x + grow && std::max(a.y, b.y) >= lo.y - grow &&
         std::min(a.y, b.y) <= hi.y + grow;
}

}  // namespace

DryGround::DryGround(const Scenario& scenario, Day day) {
  const auto bounded = [](Segment s, float reach) {
    s.lo = glm::min(s.a, s.b) - glm::vec2(reach);
    s.hi = glm::max(s.a, s.b) + glm::vec2(reach);
    return s;
  };
  for (const River& river : scenario.rivers)
    for (size_t i = 0; i + 1 < river.points.size(); ++i)
      rivers_.push_back(bounded({river.points[i], river.points[i + 1], river.width * 0.5f, 0}, river.width * 0.5f));
  for (const Lake& lake : scenario.lakes) {
    if (lake.outline.size() < 3 || !(lake.level.sample(day, 0.0f) > -lake.bed_depth + 0.5f)) continue;
    LakeWater water{&lake, lake.outline.front(), lake.outline.front()};
    for (glm::vec2 p : lake.outline) {
      water.lo = glm::min(water.lo, p);
      water.hi = glm::max(water.hi, p);
    }
    lakes_.push_back(water);
  }
  for (const Moat& moat : scenario.moats)
    for (const Wall& wall : scenario.walls) {
      if (wall.id != moat.around || wall.points.size() < 2) continue;
      const auto owner = static_cast<std::uint32_t>(moats_.size());
      float area = 0;  // twice the signed area: its sign says which way the wall turns
      for (size_t i = 0; i < wall.points.size(); ++i) {
        const glm::vec2 a = wall.points[i], b = wall.points[(i + 1) % wall.points.size()];
        area += a.x * b.y - a.y * b.x;
      }
      moats_.push_back(
          {&wall, moat_centre_distance(moat, wall), moat.width * 0.5f, wall.thickness * 0.5f, area < 0 ? -1.0f : 1.0f});
      const size_t n = wall.points.size();
      for (size_t i = 0; i + 1 < n + (wall.closed ? 1 : 0); ++i)
        moat_segments_.push_back(
            bounded({wall.points[i], wall.points[(i + 1) % n], 0, owner}, moats_.back().centre + moats_.back().half));
    }
}

void DryGround::near(glm::vec2 lo, glm::vec2 hi, glm::vec2 home, Near& out) const {
  out.river_segments.clear();
  out.moat_segments.clear();
  out.lakes.clear();
  out.moat_outward.assign(moats_.size(), 1);
  out.home = home;
  for (size_t i = 0; i < rivers_.size(); ++i)
    if (overlaps(rivers_[i].a, rivers_[i].b, lo, hi, rivers_[i].half + kReach))
      out.river_segments.push_back(static_cast<std::uint32_t>(i));
  for (size_t i = 0; i < lakes_.size(); ++i)
    if (overlaps(lakes_[i].lo, lakes_[i].hi, lo, hi, kReach)) out.lakes.push_back(static_cast<std::uint32_t>(i));
  std::vector<bool> seen;  // per unit near a moat, not per man
  for (size_t i = 0; i < moat_segments_.size(); ++i) {
    const Segment& s = moat_segments_[i];
    const MoatRing& ring = moats_[s.owner];
    if (!overlaps(s.a, s.b, lo, hi, ring.centre + ring.half + kReach)) continue;
    out.moat_segments.push_back(static_cast<std::uint32_t>(i));
    if (seen.empty()) seen.assign(moats_.size(), false);
    if (seen[s.owner]) continue;
    seen[s.owner] = true;
    // The unit's men belong beyond the moat when its centre stands beyond the water's centre
    // line; inside the walls or on the berm, on the wall's side.
    const Wall& wall = *ring.wall;
    const bool inside = wall.closed && inside_polygon(home, wall.points);
    out.moat_outward[s.owner] = !inside && polyline_distance(home, wall.points, wall.closed) > ring.centre;
  }
}

bool DryGround::step_out(const Near& near, glm::vec2& p) const {
  for (std::uint32_t i : near.river_segments) {
    const Segment& s = rivers_[i];
    if (!s.reaches(p)) continue;
    const glm::vec2 q = nearest_on_segment(p, s.a, s.b);
    if (glm::length(p - q) >= s.half) continue;
    const glm::vec2 along = s.b - s.a;
    if (glm::dot(along, along) <= 0) continue;
    const glm::vec2 dir = glm::normalize(along);
    const glm::vec2 across(-dir.y, dir.x);
    // Towards the unit's bank, unless the unit's centre is itself in this water: then the
    // nearer bank.
    const glm::vec2 home_q = nearest_on_segment(near.home, s.a, s.b);
    const bool home_wet = glm::length(near.home - home_q) < s.half;
    const float side_of = glm::dot((home_wet ? p : near.home) - q, across);
    const glm::vec2 out = side_of < 0 ? -across : across;
    const float from_centre = glm::dot(p - q, out);  // -half .. half
    const float depth = s.half - from_centre;        // how far in from the home bank
    p += out * (s.half + fold(depth) - from_centre);
    return true;
  }
  for (std::uint32_t i : near.lakes) {
    const LakeWater& w = lakes_[i];
    if (p.x < w.lo.x || p.x > w.hi.x || p.y < w.lo.y || p.y > w.hi.y) continue;
    const std::vector<glm::vec2>& outline = w.lake->outline;
    if (!inside_polygon(p, outline)) continue;
    glm::vec2 shore = outline.front();
    float best = 1e30f;
    glm::vec2 edge(1, 0);
    for (size_t k = 0; k < outline.size(); ++k) {
      const glm::vec2 a = outline[k], b = outline[(k + 1) % outline.size()];
      const glm::vec2 q = nearest_on_segment(p, a, b);
      const float d = glm::length(p - q);
      if (d < best) best = d, shore = q, edge = b - a;
    }
    glm::vec2 out = shore - p;
    if (best < 1e-4f) {  // on the shore line itself: out along the edge's normal
      out = glm::vec2(edge.y, -edge.x);
      if (inside_polygon(shore + glm::normalize(out) * 0.05f, outline)) out = -out;
    }
    p = shore + glm::normalize(out) * fold(best);
    return true;
  }
  for (std::uint32_t m = 0; m < moats_.size() && !near.moat_segments.empty(); ++m) {
    const MoatRing& ring = moats_[m];
    glm::vec2 q{0};
    float d = 1e30f;
    const Segment* nearest = nullptr;
    for (std::uint32_t i : near.moat_segments) {
      const Segment& s = moat_segments_[i];
      if (s.owner != m || !s.reaches(p)) continue;
      const glm::vec2 c = nearest_on_segment(p, s.a, s.b);
      const float dc = glm::length(p - c);
      if (dc < d) d = dc, q = c, nearest = &s;
    }
    if (std::abs(d - ring.centre) >= ring.half || d < 1e-4f) continue;
    if (ring.wall->closed) {
      // Inside the walls there is no moat. Beside the middle of a side, which side p lies on
      // tells (the interior is on the left of a counter-clockwise wall); by a corner, ask the
      // polygon.
      const glm::vec2 ab = nearest->b - nearest->a;
      const float t = glm::dot(q - nearest->a, ab) / std::max(glm::dot(ab, ab), 1e-12f);
      const float left = ab.x * (p.y - nearest->a.y) - ab.y * (p.x - nearest->a.x);
      const bool inside =
          t > 1e-3f && t < 1.0f - 1e-3f ? left * ring.turning > 0 : inside_polygon(p, ring.wall->points);
      if (inside) continue;
    }
    const glm::vec2 out = (p - q) / d;  // away from the wall
    const float to = near.moat_outward[m]
                         ? ring.centre + ring.half + fold(ring.centre + ring.half - d)
                         : std::max(ring.face + 0.5f, ring.centre - ring.half - fold(d - (ring.centre - ring.half)));
    p = q + out * to;
    return true;
  }
  return false;
}

bool DryGround::clear(const Near& near, glm::vec2 centre, float radius) const {
  for (std::uint32_t i : near.river_segments) {
    const Segment& s = rivers_[i];
    if (centre.x < s.lo.x - radius || centre.x > s.hi.x + radius || centre.y < s.lo.y - radius ||
        centre.y > s.hi.y + radius)
      continue;
    if (segment_distance(centre, s.a, s.b) < s.half + radius) return false;
  }
  for (std::uint32_t i : near.lakes) {
    const LakeWater& w = lakes_[i];
    if (centre.x < w.lo.x - radius || centre.x > w.hi.x + radius || centre.y < w.lo.y - radius ||
        centre.y > w.hi.y + radius)
      continue;
    if (inside_polygon(centre, w.lake->outline) || polyline_distance(centre, w.lake->outline, true) < radius)
      return false;
  }
  for (std::uint32_t m = 0; m < moats_.size() && !near.moat_segments.empty(); ++m) {
    float d = 1e30f;
    for (std::uint32_t i : near.moat_segments) {
      const Segment& s = moat_segments_[i];
      // A segment whose water lies beyond radius of the centre cannot bring the moat nearer.
      if (s.owner != m || centre.x < s.lo.x - radius || centre.x > s.hi.x + radius || centre.y < s.lo.y - radius ||
          centre.y > s.hi.y + radius)
        continue;
      d = std::min(d, segment_distance(centre, s.a, s.b));
    }
    if (std::abs(d - moats_[m].centre) < moats_[m].half + radius) return false;
  }
  return true;
}

bool DryGround::wet(const Near& near, glm::vec2 p) const {
  glm::vec2 moved = p;
  return step_out(near, moved);
}

glm::vec2 DryGround::keep_dry(const Near& near, glm::vec2 p) const {
  for (int step = 0; step < kMaxSteps && step_out(near, p); ++step) {}
  return p;
}

}  // namespace scene
