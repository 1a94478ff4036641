// City walls from data: battered rammed-earth walls with a walkway and merlons, 马面
// bastions at intervals, gate houses (with 瓮城 barbicans), and towers.
#include <cmath>

#include "scene/geometry2d.h"
#include "scene/world.h"

namespace scene {

namespace {

constexpr glm::vec3 kWallFace{0.155f, 0.145f, 0.13f};  // grey brick facing
constexpr glm::vec3 kWalkway{0.12f, 0.11f, 0.095f};
constexpr glm::vec3 kRoofTiles{0.06f, 0.06f, 0.07f};
constexpr glm::vec3 kTimber{0.30f, 0.09f, 0.05f};
constexpr glm::vec3 kGateDoor{0.05f, 0.03f, 0.02f};
constexpr float kSink = 1.5f;  // walls start below the ground so uneven terrain shows no gap

glm::vec2 left_of(glm::vec2 d) { return glm::vec2(-d.y, d.x); }
float yaw_of(glm::vec2 d) { return std::atan2(-d.y, d.x); }

// A quad whose winding is chosen so that its normal agrees with `facing`.
void add_facing_quad(Mesh& mesh, glm::vec3 a, glm::vec3 b, glm::vec3 c, glm::vec3 d, glm::vec3 facing,
                     std::uint32_t colour, std::uint32_t object) {
  if (glm::dot(glm::cross(b - a, d - a), facing) >= 0)
    mesh.add_quad(a, b, c, d, colour, object);
  else
    mesh.add_quad(d, c, b, a, colour, object);
}

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
};

std::vector<Station> stations_along(const Heightfield& ground, const std::vector<glm::vec2>& points, bool closed,
                                    float sign) {
  const std::vector<glm::vec2> path = resample(explicit_path(points, closed), 25.0f);
  std::vector<Station> out;
  const size_t n = path.size();
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
    out.push_back({path[i], miter, ground.height(path[i])});
  }
  return out;
}

}  // namespace

void add_wall(Mesh& mesh, const Heightfield& ground, const Wall& wall, std::uint32_t object) {
  if (wall.points.size() < 2) return;
  const float sign = outward_sign(wall);
  const std::vector<Station> st = stations_along(ground, wall.points, wall.closed, sign);
  const float half = wall.thickness * 0.5f;
  const float top_half = std::max(half - wall.batter * wall.height, half * 0.4f);
  const std::uint32_t face = pack_color(kWallFace), walk = pack_color(kWalkway);

  for (size_t i = 0; i + 1 < st.size(); ++i) {
    const Station& a = st[i];
    const Station& b = st[i + 1];
    const auto at = [](const Station& s, float offset, float y) { return glm::vec3(s.p.x + s.out.x * offset, y, s.p.y + s.out.y * offset); };
    const float ya0 = a.ground - kSink, yb0 = b.ground - kSink, ya1 = a.ground + wall.height, yb1 = b.ground + wall.height;
    const glm::vec2 o2 = glm::normalize(a.out + b.out);
    const glm::vec3 out(o2.x, 0, o2.y);
    add_facing_quad(mesh, at(a, half, ya0), at(b, half, yb0), at(b, top_half, yb1), at(a, top_half, ya1), out, face, object);
    add_facing_quad(mesh, at(a, -half, ya0), at(b, -half, yb0), at(b, -top_half, yb1), at(a, -top_half, ya1), -out, face, object);
    add_facing_quad(mesh, at(a, top_half, ya1), at(b, top_half, yb1), at(b, -top_half, yb1), at(a, -top_half, ya1),
                    glm::vec3(0, 1, 0), walk, object);
    if (!wall.closed && i == 0)
      add_facing_quad(mesh, at(a, half, ya0), at(a, -half, ya0), at(a, -top_half, ya1), at(a, top_half, ya1),
                      glm::vec3(-(b.p - a.p).x, 0, -(b.p - a.p).y), face, object);
    if (!wall.closed && i + 2 == st.size())
      add_facing_quad(mesh, at(b, half, yb0), at(b, -half, yb0), at(b, -top_half, yb1), at(b, top_half, yb1),
                      glm::vec3((b.p - a.p).x, 0, (b.p - a.p).y), face, object);

    if (wall.crenellated) {  // merlons along the outer parapet
      const glm::vec2 seg = b.p - a.p;
      const float len = glm::length(seg);
      const glm::vec2 dir = seg / std::max(len, 1e-3f);
      const glm::vec2 outward = glm::normalize(left_of(dir) * sign);
      for (float s = 1.6f; s < len; s += 3.4f) {
        const glm::vec2 p = a.p + dir * s + outward * (top_half - 0.4f);
        const float y = glm::mix(ya1, yb1, s / len);
        mesh.add_box(glm::vec3(p.x, y, p.y), glm::vec3(1.7f, 1.7f, 0.8f), yaw_of(dir), face, object);
      }
    }
  }

  // 马面 bastions: solid platforms projecting from the outer face at intervals.
  if (wall.bastion_spacing > 0 && wall.closed) {
    const std::vector<glm::vec2> path = explicit_path(wall.points, true);
    for (size_t i = 0; i + 1 < path.size(); ++i) {
      const glm::vec2 seg = path[i + 1] - path[i];
      const float len = glm::length(seg);
      const int count = static_cast<int>(std::floor(len / wall.bastion_spacing));
      if (count < 1) continue;
      const glm::vec2 dir = seg / len;
      const glm::vec2 outward = glm::normalize(left_of(dir) * sign);
      const float step = len / (count + 1);
      for (int k = 1; k <= count; ++k) {
        const glm::vec2 p = path[i] + dir * (step * k) + outward * (half + 5.0f);
        const float g = ground.height(p);
        mesh.add_box(glm::vec3(p.x, g - kSink, p.y), glm::vec3(14.0f, wall.height + kSink, 11.0f), yaw_of(dir), face, object);
      }
    }
  }
}

void add_gate(Mesh& mesh, const Heightfield& ground, const Wall& wall, const Gate& gate, std::uint32_t object) {
  if (wall.points.size() < 2) return;
  // Snap to the nearest point of the wall and take its direction there.
  const std::vector<glm::vec2> path = explicit_path(wall.points, wall.closed);
  float best = 1e30f;
  glm::vec2 at{0}, dir{1, 0};
  for (size_t i = 0; i + 1 < path.size(); ++i) {
    float t;
    const float d = segment_distance(gate.position, path[i], path[i + 1], &t);
    if (d < best) {
      best = d;
      at = path[i] + (path[i + 1] - path[i]) * t;
      dir = glm::normalize(path[i + 1] - path[i]);
    }
  }
  const glm::vec2 outward = glm::normalize(left_of(dir) * outward_sign(wall));
  const float g = ground.height(at);
  const float yaw = yaw_of(dir);
  const float depth = wall.thickness + 4.0f;
  // The gate block, the tower hall on top with its roof, and the dark doorway outside.
  mesh.add_box(glm::vec3(at.x, g - kSink, at.y), glm::vec3(26.0f, wall.height + kSink + 0.5f, depth), yaw,
               pack_color(kWallFace), object);
  const float hall_y = g + wall.height + 0.5f;
  mesh.add_box(glm::vec3(at.x, hall_y, at.y), glm::vec3(18.0f, 6.0f, depth - 4.0f), yaw, pack_color(kTimber), object);
  mesh.add_pyramid(glm::vec3(at.x, hall_y + 6.0f, at.y), glm::vec2(23.0f, depth + 1.0f), 4.5f, yaw,
                   pack_color(kRoofTiles), object);
  const glm::vec2 face = at + outward * (depth * 0.5f + 0.05f);
  const glm::vec2 half_w = dir * 3.0f;
  const glm::vec3 n3(outward.x, 0, outward.y);
  add_facing_quad(mesh, glm::vec3(face.x - half_w.x, g, face.y - half_w.y), glm::vec3(face.x + half_w.x, g, face.y + half_w.y),
                  glm::vec3(face.x + half_w.x, g + 6.0f, face.y + half_w.y), glm::vec3(face.x - half_w.x, g + 6.0f, face.y - half_w.y),
                  n3, pack_color(kGateDoor), object);

  if (gate.barbican) {  // 瓮城: a walled enclosure in front of the gate
    Wall barbican = wall;
    barbican.closed = false;
    barbican.bastion_spacing = 0;
    barbican.thickness = wall.thickness * 0.7f;
    barbican.height = wall.height * 0.9f;
    const float reach = 45.0f, width = 34.0f;
    const glm::vec2 base = at + outward * (wall.thickness * 0.5f);
    barbican.points = {base - dir * width, base - dir * width + outward * reach, base + dir * width + outward * reach,
                       base + dir * width};
    add_wall(mesh, ground, barbican, object);
  }
}

void add_tower(Mesh& mesh, const Heightfield& ground, const Tower& tower, std::uint32_t object) {
  const float g = ground.height(tower.position);
  const float size = tower.kind == TowerKind::Watch ? 6.0f : 15.0f;
  const glm::vec3 base(tower.position.x, g - kSink, tower.position.y);
  mesh.add_box(base, glm::vec3(size, tower.height + kSink, size), 0, pack_color(kWallFace), object);
  const glm::vec3 top(tower.position.x, g + tower.height, tower.position.y);
  mesh.add_box(top, glm::vec3(size * 0.75f, 4.5f, size * 0.75f), 0, pack_color(kTimber), object);
  mesh.add_pyramid(top + glm::vec3(0, 4.5f, 0), glm::vec2(size + 2.0f), 4.0f, 0, pack_color(kRoofTiles), object);
}

}  // namespace scene
