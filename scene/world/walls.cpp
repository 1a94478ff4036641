// City walls from data: battered rammed-earth walls with a walkway and merlons, 马面
// bastions at intervals, gate houses (with 瓮城 barbicans), and towers.
#include <algorithm>
#include <cmath>

#include "scene/model/geometry2d.h"
#include "scene/model/hash.h"
#include "scene/model/material.h"
#include "scene/world/building_palette.h"
#include "scene/world/song_roofs.h"
#include "scene/world/world.h"

namespace scene {

namespace {

constexpr glm::vec3 kWallFace = palette::kEarth;  // towers and anything without a wall's facing
constexpr glm::vec3 kWalkway{0.12f, 0.11f, 0.095f};
constexpr glm::vec3 kRoofTiles{0.06f, 0.06f, 0.07f};
constexpr glm::vec3 kTimber{0.30f, 0.09f, 0.05f};
constexpr glm::vec3 kGateDoor{0.05f, 0.03f, 0.02f};
constexpr float kSink = 1.5f;  // walls start below the ground so uneven terrain shows no gap

glm::vec2 left_of(glm::vec2 d) { return glm::vec2(-d.y, d.x); }
float yaw_of(glm::vec2 d) { return std::atan2(-d.y, d.x); }

// +1 when the left side of the wall's direction of travel is outside, -1 when it is inside.
float outward_sign(const Wall& wall) {
  if (!wall.closed || wall.points.size() < 3) return 1.0f;
  const glm::vec2 a = wall.points[0], b = wall.points[1];
  const glm::vec2 mid = (a + b) * 0.5f + glm::normalize(left_of(b - a)) * 0.5f;
  return inside_polygon(mid, wall.points) ? -1.0f : 1.0f;
}

struct Station {
  glm::vec2 p;
  glm::vec2 out;  // outward offset direction, miter-scaled
  float ground;
  float s = 0;    // arc length along the wall's explicit path
  float top = 0;  // height of the wall top above `ground` here
};

std::vector<Station> stations_along(const Heightfield& ground, const std::vector<glm::vec2>& points, bool closed,
                                    float sign) {
  const std::vector<glm::vec2> path = resample(explicit_path(points, closed), 25.0f);
  std::vector<Station> out;
  const size_t n = path.size();
  float along = 0;
  for (size_t i = 0; i < n; ++i) {
    glm::vec2 d_prev, d_next;
    if (closed) {
      // The closing point repeats the first; wrap around it for the miter.
      const glm::vec2 prev = i > 0 ? path[i - 1] : path[n - 2];
      const glm::vec2 next = i + 1 < n ? path[i + 1] : path[1];
      d_prev = glm::normalize(path[i] - prev);
      d_next = glm::normalize(next - path[i]);
    } else {
      d_next = glm::normalize(i + 1 < n ? path[i + 1] - path[i] : path[i] - path[i - 1]);
      d_prev = i > 0 ? glm::normalize(path[i] - path[i - 1]) : d_next;
    }
    const glm::vec2 n_prev = left_of(d_prev) * sign, n_next = left_of(d_next) * sign;
    glm::vec2 miter = glm::normalize(n_prev + n_next);
    const float cosine = glm::dot(miter, n_next);
    miter /= std::max(cosine, 0.5f);
    if (i > 0) along += glm::length(path[i] - path[i - 1]);
    out.push_back({path[i], miter, ground.height(path[i]), along, 0});
  }
  return out;
}

// The stations of the arc-length interval [from, to], with interpolated ends.
std::vector<Station> span_of(const Heightfield& ground, const std::vector<Station>& all, float from, float to,
                             float sign) {
  std::vector<Station> out;
  const auto at = [&](float s) {
    size_t i = 0;
    while (i + 2 < all.size() && all[i + 1].s < s) ++i;
    const Station& a = all[i];
    const Station& b = all[i + 1];
    const float t = glm::clamp((s - a.s) / std::max(b.s - a.s, 1e-3f), 0.0f, 1.0f);
    const glm::vec2 p = glm::mix(a.p, b.p, t);
    return Station{p, glm::normalize(left_of(b.p - a.p) * sign), ground.height(p), s, 0};
  };
  out.push_back(at(from));
  for (const Station& st : all)
    if (st.s > from + 0.5f && st.s < to - 0.5f) out.push_back(st);
  out.push_back(at(to));
  return out;
}

struct WallLook {
  std::uint32_t face, walk;
  bool start_cap = false, end_cap = false;
  float merlons_kept = 1;  // fraction of merlons left standing (hashed per merlon)
};

// Half the wall's width at its top: the batter narrows it, to no less than 40 % of its foot.
float top_half_width(const Wall& wall) {
  const float half = wall.thickness * 0.5f;
  return std::max(half - wall.batter * wall.height, half * 0.4f);
}

void add_wall_body(Mesh& mesh, const Wall& wall, float sign, const std::vector<Station>& st, const WallLook& look,
                   std::uint32_t salt, std::uint32_t object) {
  const float half = wall.thickness * 0.5f;
  const float top_half = top_half_width(wall);
  constexpr float kMerlonStep = 3.4f;
  for (size_t i = 0; i + 1 < st.size(); ++i) {
    const Station& a = st[i];
    const Station& b = st[i + 1];
    const auto at = [](const Station& s, float offset, float y) {
      return glm::vec3(s.p.x + s.out.x * offset, y, s.p.y + s.out.y * offset);
    };
    const float ha = a.top > 0 ? a.top : wall.height, hb = b.top > 0 ? b.top : wall.height;
    // A lower top (a broken stub) is also narrower: the batter continues up to it.
    const float tha = half - (half - top_half) * ha / wall.height, thb = half - (half - top_half) * hb / wall.height;
    const float ya0 = a.ground - kSink, yb0 = b.ground - kSink, ya1 = a.ground + ha, yb1 = b.ground + hb;
    const glm::vec2 o2 = glm::normalize(a.out + b.out);
    const glm::vec3 out(o2.x, 0, o2.y);
    mesh.add_quad_facing(at(a, half, ya0), at(b, half, yb0), at(b, thb, yb1), at(a, tha, ya1), out, look.face, object);
    mesh.add_quad_facing(at(a, -half, ya0), at(b, -half, yb0), at(b, -thb, yb1), at(a, -tha, ya1), -out, look.face,
                         object);
    mesh.add_quad_facing(at(a, tha, ya1), at(b, thb, yb1), at(b, -thb, yb1), at(a, -tha, ya1), glm::vec3(0, 1, 0),
                         look.walk, object);
    const glm::vec3 along(b.p.x - a.p.x, 0, b.p.y - a.p.y);
    if (look.start_cap && i == 0)
      mesh.add_quad_facing(at(a, half, ya0), at(a, -half, ya0), at(a, -tha, ya1), at(a, tha, ya1), -along, look.face,
                           object);
    if (look.end_cap && i + 2 == st.size())
      mesh.add_quad_facing(at(b, half, yb0), at(b, -half, yb0), at(b, -thb, yb1), at(b, thb, yb1), along, look.face,
                           object);

    if (wall.crenellated && ha >= wall.height - 0.01f && hb >= wall.height - 0.01f) {
      // The low parapet (宇墙) on the wall-walk's inner edge, so no one falls into the city.
      const float pi = -tha + 0.5f, pib = -thb + 0.5f, rail = 1.0f;
      mesh.add_quad_facing(at(a, -tha, ya1), at(b, -thb, yb1), at(b, -thb, yb1 + rail), at(a, -tha, ya1 + rail), -out,
                           look.face, object);
      mesh.add_quad_facing(at(a, pi, ya1), at(b, pib, yb1), at(b, pib, yb1 + rail), at(a, pi, ya1 + rail), out,
                           look.face, object);
      mesh.add_quad_facing(at(a, -tha, ya1 + rail), at(b, -thb, yb1 + rail), at(b, pib, yb1 + rail),
                           at(a, pi, ya1 + rail), glm::vec3(0, 1, 0), look.face, object);
      // Merlons along the outer parapet, at fixed arc lengths so a cut wall keeps its rhythm.
      const float len = b.s - a.s;
      if (len <= 1e-3f) continue;
      const glm::vec2 dir = (b.p - a.p) / glm::length(b.p - a.p);
      const glm::vec2 outward = glm::normalize(left_of(dir) * sign);
      for (float s = std::ceil((a.s - 1.6f) / kMerlonStep) * kMerlonStep + 1.6f; s < b.s; s += kMerlonStep) {
        const std::uint32_t k = static_cast<std::uint32_t>(std::lround((s - 1.6f) / kMerlonStep));
        if (look.merlons_kept < 1 && static_cast<float>(hash32(k, salt) & 0xFFFF) / 65536.0f >= look.merlons_kept)
          continue;
        const float t = (s - a.s) / len;
        const glm::vec2 p = glm::mix(a.p, b.p, t) + outward * (top_half - 0.4f);
        const float y = glm::mix(ya1, yb1, t);
        mesh.add_box(glm::vec3(p.x, y, p.y), glm::vec3(1.7f, 1.7f, 0.8f), yaw_of(dir), look.face, object);
      }
    }
  }
}

constexpr glm::vec3 kScar{0.09f, 0.075f, 0.06f};      // fresh earth core and soot-darkened brick
constexpr glm::vec3 kCharred{0.03f, 0.026f, 0.024f};  // burnt timber
constexpr glm::vec3 kRubble{0.17f, 0.14f, 0.11f};
constexpr glm::vec2 kBastionSize{14.0f, 11.0f};              // along the wall, out from it
constexpr float kGateWidth = 26.0f, kGateDoorHeight = 6.0f;  // kGateOpening: scene/model/wall_path.h
constexpr float kBarbicanHalfWidth = 34.0f;                  // along the wall, either side of the gate
constexpr float kBarbicanThickness = 0.7f;                   // of its wall's thickness

glm::vec3 scarred(float state) { return glm::mix(kWallFace, kScar, glm::clamp(state, 0.0f, 1.0f) * 0.8f); }

// A wall's face as its data says it was built: rammed earth (the north's rule before the
// Ming), or brick facing; scarred darker as damage grows.
std::uint32_t wall_face(const Wall& wall, float state = 0) {
  const bool brick = wall.facing == WallFacing::Brick;
  return pack_material(glm::mix(brick ? palette::kBrick : palette::kEarth, kScar, glm::clamp(state, 0.0f, 1.0f) * 0.8f),
                       brick ? Material::Brick : Material::RammedEarth);
}

void rubble_heap(Mesh& mesh, const Heightfield& ground, glm::vec2 p, float size, float height, float yaw,
                 std::uint32_t object) {
  mesh.add_pyramid(glm::vec3(p.x, ground.height(p) - 0.3f, p.y), glm::vec2(size, size * 0.8f), height, yaw,
                   pack_material(kRubble, Material::Rubble), object);
}

bool within(glm::vec2 span, float s) { return s >= span.x && s <= span.y; }

RoofSpec timber_roof(RoofKind kind, glm::vec2 walls, float overhang, float rise, float burn) {
  RoofSpec roof;
  roof.kind = kind;
  roof.walls = walls;
  roof.overhang = overhang;
  roof.rise = rise;
  roof.sag = 0.14f;
  roof.segments = 3;
  roof.corner_lift = kind == RoofKind::Gable ? 0 : 0.5f;
  roof.tiles = pack_material(glm::mix(palette::kTiles, kCharred, burn), Material::RoofTiles);
  roof.ridge = pack_material(glm::mix(palette::kRidge, kCharred, burn), Material::RoofTiles);
  roof.gable = pack_material(glm::mix(palette::kRedOchre, kCharred, burn), Material::Timber);
  return roof;
}

// A gate tower (城门楼) of two storeys on the gate's platform, each under a hip-and-gable roof
// turned up at the corners; `burn` blackens it as the gate is fired.
void add_gate_tower(Mesh& mesh, glm::vec3 at, float yaw, glm::vec2 size, float burn, std::uint32_t object) {
  const std::uint32_t timber = pack_material(glm::mix(palette::kRedOchre, kCharred, burn), Material::Timber);
  const std::uint32_t walls = pack_material(glm::mix(palette::kLimeWash * 0.8f, kCharred, burn), Material::Plaster);
  constexpr float kLower = 5.0f, kUpper = 4.0f, kTier = 0.7f;
  mesh.add_box(at, glm::vec3(size.x, kLower, size.y), yaw, walls, object);
  // Columns along the front and back show the five bays.
  const glm::vec3 right(std::cos(yaw), 0, -std::sin(yaw)), fwd(std::sin(yaw), 0, std::cos(yaw));
  for (float side : {-1.0f, 1.0f})
    for (int i = 0; i <= 5; ++i)
      mesh.add_box(at + right * (size.x * (static_cast<float>(i) / 5.0f - 0.5f)) + fwd * (side * size.y * 0.5f),
                   glm::vec3(0.55f, kLower, 0.55f), yaw, timber, object);
  mesh.add_box(at + glm::vec3(0, kLower, 0), glm::vec3(size.x + 0.6f, kTier, size.y + 0.6f), yaw, timber, object);
  add_roof(mesh, at + glm::vec3(0, kLower + kTier, 0), yaw, timber_roof(RoofKind::Hipped, size, 2.2f, 2.6f, burn),
           object);  // the lower eaves (腰檐)
  // The upper storey stands back from the lower eaves, which show all round it.
  const glm::vec2 upper = size - glm::vec2(6.0f, 4.0f);
  const glm::vec3 up = at + glm::vec3(0, kLower + kTier + 1.6f, 0);
  mesh.add_box(up, glm::vec3(upper.x, kUpper, upper.y), yaw, walls, object);
  mesh.add_box(up + glm::vec3(0, kUpper, 0), glm::vec3(upper.x + 0.6f, kTier, upper.y + 0.6f), yaw, timber, object);
  RoofSpec top = timber_roof(RoofKind::HipGable, upper, 2.6f, (upper.y + 5.2f) * 0.36f, burn);
  top.corner_lift = 0.8f;
  top.finials = 1.6f;
  add_roof(mesh, up + glm::vec3(0, kUpper + kTier, 0), yaw, top, object);
}

// One bastion in the state of its wall segment: intact as built; damaged with its facing
// scarred and its outer half slumped; breached fallen to a stub in its own rubble.
void add_bastion(Mesh& mesh, const Heightfield& ground, const Wall& wall, const Bastion& b, float state,
                 std::uint32_t salt, std::uint32_t object, std::uint32_t rubble_object) {
  const float g = ground.height(b.centre), yaw = yaw_of(b.along);
  const glm::vec2 out = glm::normalize(b.centre - b.foot);
  if (state <= 0) {
    mesh.add_box(glm::vec3(b.centre.x, g - kSink, b.centre.y),
                 glm::vec3(kBastionSize.x, wall.height + kSink, kBastionSize.y), yaw, wall_face(wall), object);
    return;
  }
  const std::uint32_t face = wall_face(wall, state);
  const std::uint32_t h = hash32(static_cast<std::uint32_t>(b.s), salt + 53);
  if (state >= 0.999f) {
    const float stub = wall.height * kBastionStubFraction;
    mesh.add_box(glm::vec3(b.centre.x, g - kSink, b.centre.y),
                 glm::vec3(kBastionSize.x * 0.9f, stub + kSink, kBastionSize.y * 0.8f), yaw, face, object);
    for (int k = 0; k < 3; ++k)  // its fill spilled out in front
      rubble_heap(mesh, ground,
                  b.centre + out * (kBastionSize.y * 0.5f + 2.0f) + b.along * (static_cast<float>(k - 1) * 5.0f), 6.0f,
                  stub * 0.6f, static_cast<float>((h >> (k * 4)) & 15), rubble_object);
    return;
  }
  // The inner half stands; the outer half has slumped as its facing fell away.
  const float slump = wall.height * (1.0f - 0.3f * state);
  const glm::vec2 inner = b.centre - out * (kBastionSize.y * 0.25f), outer = b.centre + out * (kBastionSize.y * 0.25f);
  mesh.add_box(glm::vec3(inner.x, g - kSink, inner.y),
               glm::vec3(kBastionSize.x, wall.height + kSink, kBastionSize.y * 0.5f), yaw, face, object);
  mesh.add_box(glm::vec3(outer.x, g - kSink, outer.y),
               glm::vec3(kBastionSize.x * 0.92f, slump + kSink, kBastionSize.y * 0.5f), yaw, face, object);
  rubble_heap(mesh, ground, b.centre + out * (kBastionSize.y * 0.5f + 3.0f), 6.0f + 2.0f * state, 1.0f + 2.0f * state,
              static_cast<float>(h & 15), rubble_object);
}

}  // namespace

std::vector<glm::vec2> gate_stations(const Scenario& scenario, const Wall& wall) {
  std::vector<glm::vec2> out;
  for (const Gate& gate : scenario.gates)
    if (gate.wall == wall.id)
      out.push_back({nearest_on_wall(wall, gate.position).s,
                     (gate.barbican ? kBarbicanHalfWidth : kGateWidth * 0.5f) + kBastionSize.x * 0.5f + 4.0f});
  return out;
}

std::vector<Bastion> bastions_of(const Wall& wall, const std::vector<glm::vec2>& gates) {
  std::vector<Bastion> out;
  if (wall.bastion_spacing <= 0 || !wall.closed || wall.points.size() < 3) return out;
  const float sign = outward_sign(wall), half = wall.thickness * 0.5f;
  const std::vector<glm::vec2> path = explicit_path(wall.points, true);
  float along = 0;
  for (size_t i = 0; i + 1 < path.size(); ++i) {
    const glm::vec2 seg = path[i + 1] - path[i];
    const float len = glm::length(seg);
    const int count = static_cast<int>(std::floor(len / wall.bastion_spacing));
    if (count >= 1) {
      const glm::vec2 dir = seg / len;
      const glm::vec2 outward = glm::normalize(left_of(dir) * sign);
      const float step = len / static_cast<float>(count + 1);
      for (int k = 1; k <= count; ++k) {
        const glm::vec2 foot = path[i] + dir * (step * static_cast<float>(k));
        const float s = along + step * static_cast<float>(k);
        if (std::any_of(gates.begin(), gates.end(), [&](glm::vec2 g) { return std::abs(s - g.x) < g.y; })) continue;
        out.push_back({foot + outward * (half + 5.0f), foot, dir, s});
      }
    }
    along += len;
  }
  return out;
}

bool damage_covers_gate(const Wall& wall, const WallDamage& damage, const Gate& gate) {
  return damage.wall == wall.id && gate.wall == wall.id &&
         within(damage_span(wall, damage), nearest_on_wall(wall, gate.position).s);
}

bool damage_covers_tower(const Wall& wall, const WallDamage& damage, const Tower& tower) {
  if (damage.wall != wall.id) return false;
  const WallPoint w = nearest_on_wall(wall, tower.position);
  return w.distance <= wall.thickness * 0.5f + tower_size(tower) && within(damage_span(wall, damage), w.s);
}

void add_wall(Mesh& mesh, const Heightfield& ground, const Wall& wall, std::uint32_t object,
              std::vector<glm::vec2> cuts, const std::vector<glm::vec2>& gates) {
  if (wall.points.size() < 2) return;
  const float sign = outward_sign(wall);
  const std::vector<Station> st = stations_along(ground, wall.points, wall.closed, sign);
  WallLook look{wall_face(wall), pack_material(kWalkway, Material::PackedEarth)};
  if (cuts.empty()) {
    look.start_cap = look.end_cap = !wall.closed;
    add_wall_body(mesh, wall, sign, st, look, 0, object);
  } else {
    // The wall between the damaged segments, which build_dynamic draws in their current state.
    std::sort(cuts.begin(), cuts.end(), [](glm::vec2 a, glm::vec2 b) { return a.x < b.x; });
    float from = 0;
    const float total = st.back().s;
    for (size_t i = 0; i <= cuts.size(); ++i) {
      const float to = i < cuts.size() ? cuts[i].x : total;
      if (to - from > 0.5f) {
        look.start_cap = !(wall.closed && from <= 0) && !(i > 0);  // a damaged span draws its own ends
        look.end_cap = !(wall.closed && to >= total) && i == cuts.size();
        add_wall_body(mesh, wall, sign, span_of(ground, st, from, to, sign), look, 0, object);
      }
      if (i < cuts.size()) from = std::max(from, cuts[i].y);
    }
  }

  // 马面 bastions: solid platforms projecting from the outer face at intervals. One whose
  // foot lies in a damaged segment is drawn with that segment, in its state of the moment.
  for (const Bastion& bastion : bastions_of(wall, gates)) {
    const bool cut = std::any_of(cuts.begin(), cuts.end(), [&](glm::vec2 c) { return within(c, bastion.s); });
    if (!cut) add_bastion(mesh, ground, wall, bastion, 0, 0, object, object);
  }
}

void add_wall_damage(Mesh& mesh, const Heightfield& ground, const Wall& wall, const WallDamage& damage, float state,
                     std::uint32_t salt, std::uint32_t wall_object, std::uint32_t rubble_object, glm::vec2 opening,
                     const std::vector<glm::vec2>& gates) {
  if (wall.points.size() < 2) return;
  const float sign = outward_sign(wall);
  const std::vector<Station> all = stations_along(ground, wall.points, wall.closed, sign);
  const glm::vec2 span = damage_span(wall, damage);
  state = glm::clamp(state, 0.0f, 1.0f);
  // The bastions standing on this segment share its fate (add_wall left them out).
  for (const Bastion& bastion : bastions_of(wall, gates))
    if (within(span, bastion.s)) add_bastion(mesh, ground, wall, bastion, state, salt, wall_object, rubble_object);
  // Scarred facing: darker and browner as the damage grows.
  WallLook look{wall_face(wall, state), pack_material(kWalkway, Material::PackedEarth)};
  look.merlons_kept = 1.0f - std::min(state * 1.6f, 1.0f);
  const std::uint32_t rubble = pack_material(kRubble, Material::Rubble);
  const auto heap = [&](glm::vec2 p, float size, float height, float yaw) {
    rubble_heap(mesh, ground, p, size, height, yaw, rubble_object);
  };

  if (state < 0.999f) {
    if (opening.y > opening.x) {  // a forced gate's passage runs through here: leave it clear
      if (opening.x - span.x > 0.5f)
        add_wall_body(mesh, wall, sign, span_of(ground, all, span.x, opening.x, sign), look, salt, wall_object);
      if (span.y - opening.y > 0.5f)
        add_wall_body(mesh, wall, sign, span_of(ground, all, opening.y, span.y, sign), look, salt, wall_object);
    } else {
      add_wall_body(mesh, wall, sign, span_of(ground, all, span.x, span.y, sign), look, salt, wall_object);
    }
    // Fallen facing at the foot of the outer face.
    const int heaps = static_cast<int>(state * damage.length / 8.0f);
    for (int k = 0; k < heaps; ++k) {
      const std::uint32_t h = hash32(static_cast<std::uint32_t>(k), salt + 17);
      const Station s =
          span_of(ground, all, span.x + (span.y - span.x) * (static_cast<float>(h & 0xFF) / 256.0f), span.y, sign)
              .front();
      heap(s.p + s.out * (wall.thickness * 0.5f + 2.0f + static_cast<float>((h >> 8) & 7)),
           5.0f + static_cast<float>((h >> 12) & 3), 1.0f + 2.0f * state, static_cast<float>(h >> 16));
    }
    return;
  }
  // Breached: broken stubs sloping down to a gap, and a rubble ramp across it.
  const BreachRamp ramp = breach_ramp(wall, span);
  const float stub = ramp.stub;
  std::vector<Station> left = span_of(ground, all, span.x, span.x + stub, sign),
                       right = span_of(ground, all, span.y - stub, span.y, sign);
  left.front().top = wall.height * 0.999f;
  left.back().top = wall.height * 0.35f;
  right.front().top = wall.height * 0.35f;
  right.back().top = wall.height * 0.999f;
  for (Station& s : left)
    if (s.top == 0) s.top = wall.height * 0.7f;
  for (Station& s : right)
    if (s.top == 0) s.top = wall.height * 0.7f;
  look.merlons_kept = 0;
  look.end_cap = true;
  add_wall_body(mesh, wall, sign, left, look, salt, wall_object);
  look.start_cap = true, look.end_cap = false;
  add_wall_body(mesh, wall, sign, right, look, salt, wall_object);
  // The ramp: a mound across the middle of the gap, longer on the outside where it fell.
  const Station mid = span_of(ground, all, (span.x + span.y) * 0.5f, span.y, sign).front();
  const glm::vec2 dir = left_of(mid.out) * -sign;  // along the wall
  const float yaw = yaw_of(dir), gap = span.y - span.x - 2 * stub;
  const float crest = ramp.crest;
  const glm::vec2 out2 = glm::normalize(mid.out);
  const float reach_out = ramp.reach_out, reach_in = ramp.reach_in;
  const glm::vec2 half_w = dir * ramp.half_length;
  const float g = mid.ground;
  const glm::vec3 c0(mid.p.x, g + crest, mid.p.y);
  const glm::vec2 o = mid.p + out2 * reach_out, n = mid.p - out2 * reach_in;
  const auto v = [&](glm::vec2 p, float y) { return glm::vec3(p.x, y, p.y); };
  const glm::vec3 cl = c0 - v(half_w, 0), cr = c0 + v(half_w, 0);
  const float foot = g + BreachRamp::kFoot;
  const glm::vec3 ol = v(o - half_w, foot), orr = v(o + half_w, foot), nl = v(n - half_w, foot),
                  nr = v(n + half_w, foot);
  // A prism lying across the wall line: two slopes and two flanks.
  mesh.add_quad_facing(ol, orr, cr, cl, glm::vec3(out2.x, 1, out2.y), rubble, rubble_object);
  mesh.add_quad_facing(nr, nl, cl, cr, glm::vec3(-out2.x, 1, -out2.y), rubble, rubble_object);
  if (glm::dot(glm::cross(nr - orr, cr - orr), glm::vec3(dir.x, 0, dir.y)) >= 0)
    mesh.add_triangle(orr, nr, cr, rubble, rubble_object);
  else
    mesh.add_triangle(orr, cr, nr, rubble, rubble_object);
  if (glm::dot(glm::cross(ol - nl, cl - nl), glm::vec3(-dir.x, 0, -dir.y)) >= 0)
    mesh.add_triangle(nl, ol, cl, rubble, rubble_object);
  else
    mesh.add_triangle(nl, cl, ol, rubble, rubble_object);
  (void)yaw;
  for (int k = 0; k < 6; ++k) {  // loose blocks at the stubs' feet
    const std::uint32_t h = hash32(static_cast<std::uint32_t>(k), salt + 31);
    const float side = (k & 1) ? 1.0f : -1.0f;
    heap(mid.p + dir * side * (gap * 0.42f) + out2 * (static_cast<float>(h & 15) - 4.0f), 6.0f, 2.5f,
         static_cast<float>(h >> 8));
  }
}

// Where a gate's door is drawn: the foot of its face's centre (`foot`, ground height `ground`),
// `along` the wall, `out` of the face, which recedes `lean` metres per metre of height.
struct DoorFace {
  glm::vec2 foot, along, out;
  float ground, lean;
};

// The passage of a prefecture's gate, shut (LOOK.md §1): not arched but trapezoidal, its
// sides lined with timber posts that lean in to a lintel, the vermilion leaves closed within
// it; `burn` blackens the timber.
void add_gate_door(Mesh& mesh, const DoorFace& face, float burn, std::uint32_t object) {
  const glm::vec3 n3 = glm::normalize(glm::vec3(face.out.x, face.lean, face.out.y));
  // A quad from (bottom left, bottom right) at y0 to (top left, top right) at y1, `proud`
  // metres in front of the face.
  const auto quad = [&](glm::vec2 bottom, glm::vec2 top, float y0, float y1, glm::vec3 colour, float proud) {
    const auto at = [&](float x, float y) {
      const glm::vec2 p = face.foot + face.along * x + face.out * (proud - face.lean * y);
      return glm::vec3(p.x, face.ground + y, p.y);
    };
    mesh.add_quad_facing(at(bottom.x, y0), at(bottom.y, y0), at(top.y, y1), at(top.x, y1), n3, pack_color(colour),
                         object);
  };
  const float bottom = kGateOpening * 0.5f, top = bottom - 0.9f, h = kGateDoorHeight;
  quad({-bottom, bottom}, {-top, top}, 0, h, kGateDoor, 0);
  const float leaf = top - 0.2f, leaf_h = h - 0.9f;
  quad({-leaf, leaf}, {-leaf, leaf}, 0, leaf_h, glm::mix(palette::kVermilion, kCharred, burn), 0.03f);
  quad({-0.06f, 0.06f}, {-0.06f, 0.06f}, 0, leaf_h, kGateDoor, 0.05f);  // where the leaves meet
  for (float band : {0.22f, 0.5f, 0.78f})                               // iron bands across the leaves
    quad({-leaf, leaf}, {-leaf, leaf}, leaf_h * band - 0.09f, leaf_h * band + 0.09f, kGateDoor, 0.05f);
  const glm::vec3 posts = glm::mix(palette::kTimber, kCharred, burn);
  for (float side : {-1.0f, 1.0f})  // the posts, shoulder to shoulder up each leaning side
    for (int k = 0; k < 3; ++k) {
      const float inset = 0.38f * static_cast<float>(k);
      const glm::vec2 b(side * (bottom + 0.35f - inset), side * (bottom - inset));
      const glm::vec2 t(side * (top + 0.35f - inset), side * (top - inset));
      quad(side < 0 ? b : glm::vec2(b.y, b.x), side < 0 ? t : glm::vec2(t.y, t.x), 0, h, posts,
           0.04f + 0.01f * static_cast<float>(k));
    }
  quad({-top - 0.8f, top + 0.8f}, {-top - 0.8f, top + 0.8f}, h, h + 0.55f, posts, 0.06f);  // the lintel
}

GateSite gate_site(const Wall& wall, const Gate& gate) {
  const WallPoint w = nearest_on_wall(wall, gate.position);
  return {w.at, w.dir, w.s, glm::vec2(w.s - kGateOpening * 0.5f, w.s + kGateOpening * 0.5f)};
}

float barbican_reach(const Scenario& scenario, const Wall& wall) {
  float reach = 45.0f;
  const float half_thickness = wall.thickness * kBarbicanThickness * 0.5f;
  for (const Moat& moat : scenario.moats)
    if (moat.around == wall.id) reach = std::min(reach, moat.offset - 6.0f - half_thickness);
  return std::max(reach, 12.0f);
}

void add_gate(Mesh& mesh, const Heightfield& ground, const Wall& wall, const Gate& gate, std::uint32_t object,
              float taken, bool wall_breached, float barbican_reach) {
  if (wall.points.size() < 2) return;
  const GateSite site = gate_site(wall, gate);
  const glm::vec2 at = site.at, dir = site.dir;
  const glm::vec2 outward = glm::normalize(left_of(dir) * outward_sign(wall));
  const float g = ground.height(at);
  const float yaw = yaw_of(dir);
  const float depth = wall.thickness + 4.0f;
  taken = glm::clamp(taken, 0.0f, 1.0f);
  // Forced, not razed: scorched by the fire set at the doors, the leaves broken open once the
  // taking is half done, and the hall burnt with half its roof fallen in at the end.
  const float burn = wall_breached ? std::min(taken, 0.45f) : taken;
  // A breach of the wall that takes the gate with it: the gatehouse falls like the wall.
  if (wall_breached && taken >= 0.999f) {
    const float stub = wall.height * kBastionStubFraction;
    for (float side : {-1.0f, 1.0f}) {
      const glm::vec2 p = at + dir * side * (kGateWidth * 0.3f);
      mesh.add_box(glm::vec3(p.x, g - kSink, p.y), glm::vec3(kGateWidth * 0.35f, stub + kSink, depth * 0.9f), yaw,
                   wall_face(wall, 1), object);
      rubble_heap(mesh, ground, p + outward * (depth * 0.5f + 3.0f), 8.0f, stub * 0.6f, yaw + side, object);
    }
  } else {
    const bool open = burn >= 0.5f, collapsed = burn >= 0.9f;
    const std::uint32_t face = wall_face(wall, burn * 0.6f);
    const float block_h = wall.height + kSink + 0.5f;
    if (!open) {
      mesh.add_box(glm::vec3(at.x, g - kSink, at.y), glm::vec3(kGateWidth, block_h, depth), yaw, face, object);
    } else {  // two piers and a lintel round the passage, which now shows through
      const float pier = (kGateWidth - kGateOpening) * 0.5f;
      for (float side : {-1.0f, 1.0f}) {
        const glm::vec2 p = at + dir * side * (kGateOpening * 0.5f + pier * 0.5f);
        mesh.add_box(glm::vec3(p.x, g - kSink, p.y), glm::vec3(pier, block_h, depth), yaw, face, object);
      }
      mesh.add_box(glm::vec3(at.x, g + kGateDoorHeight, at.y),
                   glm::vec3(kGateOpening, block_h - kSink - kGateDoorHeight, depth), yaw, face, object, true);
      // One leaf hangs swung back against the passage, the other lies burnt in front.
      const glm::vec2 hung = at + dir * (kGateOpening * 0.5f - 0.3f) + outward * (depth * 0.5f - 2.0f);
      mesh.add_box(glm::vec3(hung.x, g, hung.y), glm::vec3(0.35f, kGateDoorHeight - 0.8f, kGateOpening * 0.45f), yaw,
                   pack_color(kCharred), object);
      const glm::vec2 fallen = at - dir * 1.2f + outward * (depth * 0.5f + 3.2f);
      mesh.add_box(glm::vec3(fallen.x, g, fallen.y), glm::vec3(kGateOpening * 0.5f, 0.35f, kGateDoorHeight - 0.8f),
                   yaw + 0.35f, pack_color(kCharred), object);
    }
    const glm::vec2 face_at = at + outward * (depth * 0.5f + 0.05f);
    const glm::vec3 n3(outward.x, 0, outward.y);
    const auto on_face = [&](float from, float to, float y0, float y1, glm::vec3 colour) {
      const glm::vec2 a = face_at + dir * from, b = face_at + dir * to;
      mesh.add_quad_facing(glm::vec3(a.x, g + y0, a.y), glm::vec3(b.x, g + y0, b.y), glm::vec3(b.x, g + y1, b.y),
                           glm::vec3(a.x, g + y1, a.y), n3, pack_color(colour), object);
    };
    if (!open) add_gate_door(mesh, {face_at, dir, outward, g, 0}, burn, object);
    // Soot over the doorway, darker as the fire took hold.
    if (burn > 0)
      on_face(-kGateOpening * 0.7f, kGateOpening * 0.7f, kGateDoorHeight + 0.2f, wall.height,
              glm::mix(kWallFace, kCharred, burn));
    const float hall_y = g + wall.height + 0.5f;
    const glm::vec2 tower(18.0f, std::max(depth - 6.0f, 6.0f));
    if (!collapsed) {
      add_gate_tower(mesh, glm::vec3(at.x, hall_y, at.y), yaw, tower, burn, object);
    } else {
      // The upper storey is gone; one half of the lower stands under its eaves, the other has
      // burnt down onto the gate's top.
      const std::uint32_t hall = pack_material(kCharred, Material::Timber);
      const glm::vec2 standing = at - dir * 4.5f, fallen = at + dir * 4.5f;
      mesh.add_box(glm::vec3(standing.x, hall_y, standing.y), glm::vec3(9.0f, 5.0f, tower.y), yaw, hall, object);
      add_roof(mesh, glm::vec3(standing.x, hall_y + 5.0f, standing.y), yaw,
               timber_roof(RoofKind::Gable, glm::vec2(9.0f, tower.y), 1.2f, 2.2f, 0.7f), object);
      mesh.add_box(glm::vec3(fallen.x, hall_y, fallen.y), glm::vec3(8.0f, 1.6f, tower.y - 1.0f), yaw, hall, object);
      mesh.add_pyramid(glm::vec3(fallen.x, hall_y + 1.6f, fallen.y), glm::vec2(9.0f, tower.y + 1.0f), 1.6f, yaw + 0.12f,
                       pack_material(glm::mix(kRoofTiles, kCharred, 0.5f), Material::RoofTiles), object);
      for (int k = 0; k < 3; ++k) {  // charred beams sticking out of the fallen roof
        const glm::vec2 p = fallen + dir * (static_cast<float>(k - 1) * 2.5f);
        mesh.add_box(glm::vec3(p.x, hall_y + 1.6f + 0.4f * static_cast<float>(k), p.y),
                     glm::vec3(0.5f, 0.5f, tower.y - 2.0f), yaw + 0.25f * static_cast<float>(k - 1),
                     pack_color(kCharred), object);
      }
    }
  }

  if (gate.barbican) {  // 瓮城: a walled enclosure in front of the gate
    Wall barbican = wall;
    barbican.closed = false;
    barbican.bastion_spacing = 0;
    barbican.thickness = wall.thickness * kBarbicanThickness;
    barbican.height = wall.height * 0.9f;
    const float reach = barbican_reach, width = kBarbicanHalfWidth;
    const glm::vec2 base = at + outward * (wall.thickness * 0.5f);
    barbican.points = {base - dir * width, base - dir * width + outward * reach, base + dir * width + outward * reach,
                       base + dir * width};
    add_wall(mesh, ground, barbican, object);
    // Its own gate in the front, where the road from the main gate comes in (barbicans often
    // set it off the axis, LOOK.md §1, but the scenario's roads run straight out); it burns
    // with the main gate.
    const glm::vec2 door = base + outward * (reach + barbican.thickness * 0.5f + 0.05f);
    const float lean = (barbican.thickness * 0.5f - top_half_width(barbican)) / barbican.height;
    // Its sill at the gate's own ground, where the road's deck comes in even over a moat.
    add_gate_door(mesh, {door, dir, outward, std::max(ground.height(door), g), lean}, burn, object);
  }
}

float tower_size(const Tower& tower) { return tower.kind == TowerKind::Watch ? 6.0f : 15.0f; }

void add_tower(Mesh& mesh, const Heightfield& ground, const Tower& tower, std::uint32_t object, float state) {
  const float g = ground.height(tower.position);
  const float size = tower_size(tower);
  state = glm::clamp(state, 0.0f, 1.0f);
  const glm::vec3 base(tower.position.x, g - kSink, tower.position.y);
  if (state >= 0.999f) {  // fallen with the wall: a stub in its rubble
    const float stub = tower.height * kBastionStubFraction;
    mesh.add_box(base, glm::vec3(size * 0.85f, stub + kSink, size * 0.85f), 0,
                 pack_material(scarred(1), Material::RammedEarth), object);
    rubble_heap(mesh, ground, tower.position + glm::vec2(size * 0.6f, 0), size * 0.6f, stub * 0.6f, 0.4f, object);
    rubble_heap(mesh, ground, tower.position - glm::vec2(0, size * 0.6f), size * 0.5f, stub * 0.5f, 1.1f, object);
    return;
  }
  mesh.add_box(base, glm::vec3(size, tower.height + kSink, size), 0,
               pack_material(scarred(state), Material::RammedEarth), object);
  const glm::vec3 top(tower.position.x, g + tower.height, tower.position.y);
  const float pavilion = size * 0.72f;
  mesh.add_box(top, glm::vec3(pavilion, 4.0f, pavilion), 0,
               pack_material(glm::mix(kTimber, kCharred, state), Material::Timber), object);
  // The pavilion's roof (a corner tower's hip-and-gable, a watch tower's hipped) goes once
  // the damage is more than half done.
  if (state < 0.5f) {
    RoofSpec roof = timber_roof(tower.kind == TowerKind::Watch ? RoofKind::Hipped : RoofKind::HipGable,
                                glm::vec2(pavilion), 1.4f, pavilion * 0.42f, state);
    roof.finials = tower.kind == TowerKind::Watch ? 0 : 1.0f;
    add_roof(mesh, top + glm::vec3(0, 4.0f, 0), 0, roof, object);
  }
}

}  // namespace scene
