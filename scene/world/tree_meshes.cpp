#include "scene/world/tree_meshes.h"

#include <cmath>

#include "scene/model/hash.h"
#include "scene/model/material.h"

namespace scene {

namespace {

constexpr float kTau = 6.28318530718f;

// A unit vector perpendicular to `d`.
glm::vec3 perpendicular(glm::vec3 d) {
  const glm::vec3 a = std::abs(d.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
  return glm::normalize(glm::cross(d, a));
}

// A tapered prism from `a` (radius ra) to `b` (rb) with `sides` faces and round normals; no caps.
void limb(Mesh& mesh, glm::vec3 a, glm::vec3 b, float ra, float rb, int sides, std::uint32_t colour) {
  const glm::vec3 axis = glm::normalize(b - a);
  const glm::vec3 u = perpendicular(axis), v = glm::cross(axis, u);
  const auto base = static_cast<std::uint32_t>(mesh.vertices.size());
  for (int i = 0; i < sides; ++i) {
    const float t = kTau * static_cast<float>(i) / static_cast<float>(sides);
    const glm::vec3 radial = u * std::cos(t) + v * std::sin(t);
    mesh.vertices.push_back({a + radial * ra, radial, colour, 0});
    mesh.vertices.push_back({b + radial * rb, radial, colour, 0});
  }
  for (int i = 0; i < sides; ++i) {
    const auto j = static_cast<std::uint32_t>((i + 1) % sides), k = static_cast<std::uint32_t>(i);
    const std::uint32_t a0 = base + 2 * k, a1 = base + 2 * k + 1, b0 = base + 2 * j, b1 = base + 2 * j + 1;
    mesh.indices.insert(mesh.indices.end(), {a0, b0, b1, a0, b1, a1});
  }
}

// A coarse clump: a hexagonal bipyramid (12 triangles), whose outline from the side is rounder
// than an octahedron's diamond.
void coarse_clump(Mesh& mesh, glm::vec3 centre, glm::vec3 radii, std::uint32_t seed, std::uint32_t colour,
                  glm::vec3 light_centre) {
  const auto base = static_cast<std::uint32_t>(mesh.vertices.size());
  const auto add = [&](glm::vec3 dir, float jitter) {
    const glm::vec3 p = centre + dir * radii * jitter;
    mesh.vertices.push_back({p, glm::normalize(glm::normalize(p - light_centre) + dir), colour, 0});
  };
  add({0, 1, 0}, 1.0f);
  add({0, -1, 0}, 0.9f);
  for (std::uint32_t i = 0; i < 6; ++i) {
    const float a = kTau * (static_cast<float>(i) + 0.5f) / 6.0f;
    add({std::cos(a), 0.15f, std::sin(a)}, 0.9f + 0.2f * unit_float(hash32(seed, i)));
  }
  for (std::uint32_t i = 0; i < 6; ++i) {
    const std::uint32_t a = base + 2 + i, b = base + 2 + (i + 1) % 6;
    mesh.indices.insert(mesh.indices.end(), {base, b, a, base + 1, a, b});
  }
}

// A lumpy ellipsoid of leaves (or a pollard's knuckle of bark): an octahedron split once (32
// triangles), its corners pushed in and out by a hash; coarse, a bipyramid. Normals lean
// towards `light_centre`'s outward direction, so clumps shade as one crown, not as balls.
void clump(Mesh& mesh, glm::vec3 centre, glm::vec3 radii, bool fine, std::uint32_t seed, std::uint32_t colour,
           glm::vec3 light_centre) {
  if (!fine) {
    coarse_clump(mesh, centre, radii, seed, colour, light_centre);
    return;
  }
  static const glm::vec3 kCorners[6] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
  static const int kFaces[8][3] = {{0, 2, 4}, {4, 2, 1}, {1, 2, 5}, {5, 2, 0},
                                   {4, 3, 0}, {1, 3, 4}, {5, 3, 1}, {0, 3, 5}};
  const auto vertex = [&](glm::vec3 dir) {
    dir = glm::normalize(dir);
    const std::uint32_t h = hash32(seed, static_cast<std::uint32_t>(std::lround(dir.x * 97 + 1000)),
                                   static_cast<std::uint32_t>(std::lround(dir.y * 89 + dir.z * 83 + 1000)));
    const glm::vec3 p = centre + dir * radii * (0.8f + 0.35f * unit_float(h));
    const glm::vec3 n = glm::normalize(glm::normalize(p - light_centre) + dir);
    mesh.vertices.push_back({p, n, colour, 0});
    return static_cast<std::uint32_t>(mesh.vertices.size() - 1);
  };
  for (const auto& f : kFaces) {
    const glm::vec3 a = kCorners[f[0]], b = kCorners[f[1]], c = kCorners[f[2]];
    const std::uint32_t ia = vertex(a), ib = vertex(b), ic = vertex(c);
    const std::uint32_t ab = vertex(a + b), bc = vertex(b + c), ca = vertex(c + a);
    mesh.indices.insert(mesh.indices.end(), {ia, ab, ca, ab, ib, bc, ca, bc, ic, ab, bc, ca});
  }
}

// A willow's hanging curtain: strips from the crown's rim falling in a bend to `bottom`.
void curtain(Mesh& mesh, glm::vec3 top_centre, float radius, float bottom, int strips, bool bent, std::uint32_t seed,
             std::uint32_t colour) {
  for (int i = 0; i < strips; ++i) {
    const std::uint32_t h = hash32(seed, static_cast<std::uint32_t>(i));
    const float a = kTau * (static_cast<float>(i) + 0.4f * unit_float(h)) / static_cast<float>(strips);
    const glm::vec3 out(std::cos(a), 0, std::sin(a)), side(-out.z, 0, out.x);
    // Narrow strips with gaps between: a curtain of hanging shoots, not a skirt.
    const float half = kTau * radius / static_cast<float>(strips) * (bent ? 0.3f : 0.42f);
    const float drop = bottom + 0.8f * unit_float(hash32(h, 1));
    const glm::vec3 p0 = top_centre + out * radius;
    const glm::vec3 p1 = glm::vec3(p0.x, glm::mix(p0.y, drop, 0.5f), p0.z) + out * 0.6f;
    const glm::vec3 p2 = glm::vec3(p0.x, drop, p0.z) + out * (bent ? 0.7f : 0.6f);
    const glm::vec3 n = glm::normalize(out + glm::vec3(0, 0.35f, 0));
    const auto base = static_cast<std::uint32_t>(mesh.vertices.size());
    const glm::vec3 rows[3] = {p0, p1, p2};
    const int count = bent ? 3 : 2;
    for (int r = 0; r < count; ++r) {
      const glm::vec3 p = bent ? rows[r] : rows[r * 2];
      const float w = half * (1.0f - 0.25f * static_cast<float>(r));
      mesh.vertices.push_back({p - side * w, n, colour, 0});
      mesh.vertices.push_back({p + side * w, n, colour, 0});
    }
    for (std::uint32_t r = 0; r + 1 < static_cast<std::uint32_t>(count); ++r) {
      const std::uint32_t a0 = base + 2 * r;
      mesh.indices.insert(mesh.indices.end(), {a0, a0 + 2, a0 + 1, a0 + 1, a0 + 2, a0 + 3});
    }
  }
}

// Boughs from the trunk's head, spread round it: each rises at `rise` (0 flat .. 1 upright) to
// `length`; near, each forks once.
void boughs(Mesh& mesh, glm::vec3 head, int count, float length, float rise, float radius, bool near,
            std::uint32_t seed, std::uint32_t colour) {
  for (int i = 0; i < count; ++i) {
    const std::uint32_t h = hash32(seed, static_cast<std::uint32_t>(i), 21);
    const float a = kTau * (static_cast<float>(i) + 0.5f * unit_float(h)) / static_cast<float>(count);
    const float r = rise * (0.8f + 0.4f * unit_float(hash32(h, 1)));
    const glm::vec3 dir = glm::normalize(glm::vec3(std::cos(a), r * 2.0f, std::sin(a)));
    const float len = length * (0.8f + 0.4f * unit_float(hash32(h, 2)));
    const glm::vec3 start = head - glm::vec3(0, 0.6f * unit_float(hash32(h, 3)), 0);
    const glm::vec3 end = start + dir * len;
    limb(mesh, start, end, radius, radius * 0.3f, 3, colour);
    if (!near) continue;
    for (int f = 0; f < 2; ++f) {
      const glm::vec3 mid = start + dir * len * (0.45f + 0.2f * static_cast<float>(f));
      const float fa = a + (f == 0 ? 0.7f : -0.7f);
      const glm::vec3 fdir = glm::normalize(glm::vec3(std::cos(fa), r * 2.4f, std::sin(fa)));
      limb(mesh, mid, mid + fdir * len * 0.5f, radius * 0.45f, radius * 0.12f, 3, colour);
    }
  }
}

// Crown clumps on an ellipsoid shell round `centre`.
void crown(Mesh& mesh, glm::vec3 centre, glm::vec3 radii, int clumps, float clump_radius, bool fine, std::uint32_t seed,
           std::uint32_t colour) {
  for (int i = 0; i < clumps; ++i) {
    const std::uint32_t h = hash32(seed, static_cast<std::uint32_t>(i), 33);
    glm::vec3 dir;
    if (i == 0) {
      dir = glm::vec3(0, 1, 0) * 0.4f;  // one on top, the rest round the sides
    } else {
      const float a = kTau * (static_cast<float>(i) + 0.3f * unit_float(h)) / static_cast<float>(clumps - 1);
      const float y = 0.6f * unit_float(hash32(h, 1)) - 0.3f;
      dir = glm::vec3(std::cos(a) * 0.55f, y, std::sin(a) * 0.55f);
    }
    const float s = clump_radius * (0.85f + 0.3f * unit_float(hash32(h, 2)));
    clump(mesh, centre + dir * radii, glm::vec3(s, s * 0.8f, s), fine, h, colour, centre);
  }
}

Mesh willow(bool near, const TreeShape& s) {
  Mesh m;
  const std::uint32_t bark = pack_material(s.bark, Material::Bark), leaves = pack_material(s.leaves, Material::Leaves);
  const glm::vec3 head(0, 2.6f, 0);
  limb(m, {0, 0, 0}, head, s.trunk_radius, s.trunk_radius * 0.8f, near ? 6 : 3, bark);
  // The pollard's knuckle: the swollen head the shoots are cut back to each year.
  if (near) clump(m, head, glm::vec3(0.5f, 0.4f, 0.5f), false, 5, bark, head);
  // Shoots: a fan of thin rods from the knuckle, all that shows in winter.
  const int shoots = near ? 12 : 4;
  for (int i = 0; i < shoots; ++i) {
    const std::uint32_t h = hash32(77, static_cast<std::uint32_t>(i));
    const float a = kTau * (static_cast<float>(i) + 0.5f * unit_float(h)) / static_cast<float>(shoots);
    const glm::vec3 dir = glm::normalize(glm::vec3(std::cos(a) * 0.55f, 1.0f, std::sin(a) * 0.55f));
    limb(m, head, head + dir * (3.0f + 1.2f * unit_float(hash32(h, 1))), near ? 0.06f : 0.12f, 0.02f, 3, bark);
  }
  const glm::vec3 centre(0, s.crown_centre, 0);
  if (near) {
    crown(m, centre, glm::vec3(s.crown_radius * 0.6f, s.crown_half_height * 0.5f, s.crown_radius * 0.6f), 4, 1.9f, true,
          9, leaves);
    curtain(m, centre + glm::vec3(0, 0.6f, 0), s.crown_radius * 0.85f, 2.7f, 16, true, 13, leaves);
  } else {
    clump(m, centre, glm::vec3(s.crown_radius * 0.8f, s.crown_half_height * 0.7f, s.crown_radius * 0.8f), false, 9,
          leaves, centre);
    curtain(m, centre + glm::vec3(0, 0.5f, 0), s.crown_radius * 0.85f, 2.9f, 8, false, 13, leaves);
  }
  return m;
}

// Elm, jujube and scholar tree: a trunk, boughs from its head, clumps of leaves over them.
Mesh broadleaf(bool near, const TreeShape& s, float trunk_height, float bough_length, float rise, int bough_count,
               int clumps, float clump_radius, std::uint32_t seed) {
  Mesh m;
  const std::uint32_t bark = pack_material(s.bark, Material::Bark), leaves = pack_material(s.leaves, Material::Leaves);
  const glm::vec3 head(0, trunk_height, 0);
  limb(m, {0, 0, 0}, head, s.trunk_radius, s.trunk_radius * 0.7f, near ? 6 : 3, bark);
  boughs(m, head, near ? bough_count : 3, bough_length, rise, s.trunk_radius * 0.6f, near, seed, bark);
  const glm::vec3 centre(0, s.crown_centre, 0);
  const glm::vec3 radii(s.crown_radius, s.crown_half_height, s.crown_radius);
  if (near) {
    crown(m, centre, radii, clumps, clump_radius, true, seed + 1, leaves);
  } else {
    crown(m, centre, radii * 0.7f, 3, clump_radius * 1.35f, false, seed + 1, leaves);
  }
  return m;
}

// A clump of reed stems: tall narrow blades leaning out from a tuft, plumes on a few.
Mesh reeds(bool near, const TreeShape& s) {
  Mesh m;
  const std::uint32_t colour = pack_material(s.leaves, Material::Reeds);
  const int blades = near ? 16 : 5;
  for (int i = 0; i < blades; ++i) {
    const std::uint32_t h = hash32(91, static_cast<std::uint32_t>(i));
    const float a = kTau * unit_float(h);
    const glm::vec3 out(std::cos(a), 0, std::sin(a));
    const glm::vec3 foot = out * (0.5f * unit_float(hash32(h, 1)));
    const float tall = s.height * (0.7f + 0.3f * unit_float(hash32(h, 2)));
    const glm::vec3 tip = foot + out * (0.3f + 0.6f * unit_float(hash32(h, 3))) + glm::vec3(0, tall, 0);
    const glm::vec3 side = glm::vec3(-out.z, 0, out.x) * (near ? 0.05f : 0.12f);
    const glm::vec3 n = glm::normalize(out + glm::vec3(0, 0.3f, 0));
    const glm::vec3 mid = glm::mix(foot, tip, 0.5f) + out * 0.05f;
    const auto base = static_cast<std::uint32_t>(m.vertices.size());
    m.vertices.push_back({foot - side, n, colour, 0});
    m.vertices.push_back({foot + side, n, colour, 0});
    m.vertices.push_back({mid - side * 0.8f, n, colour, 0});
    m.vertices.push_back({mid + side * 0.8f, n, colour, 0});
    m.vertices.push_back({tip, n, colour, 0});
    m.indices.insert(m.indices.end(),
                     {base, base + 2, base + 1, base + 1, base + 2, base + 3, base + 2, base + 4, base + 3});
  }
  return m;
}

}  // namespace

TreeShape tree_shape(TreeKind kind) {
  TreeShape s;
  switch (kind) {
    case TreeKind::Willow:  // pollarded: a short trunk, a mop of shoots and a hanging curtain
      s = {6.8f, 5.0f, 2.9f, 1.9f, 0.3f, {0.13f, 0.17f, 0.06f}, {0.11f, 0.095f, 0.075f}};
      break;
    case TreeKind::Elm:
      s = {12.5f, 8.8f, 4.0f, 3.4f, 0.33f, {0.075f, 0.11f, 0.04f}, {0.10f, 0.085f, 0.07f}};
      break;
    case TreeKind::FruitTree:  // jujube
      s = {5.2f, 3.6f, 2.2f, 1.5f, 0.16f, {0.09f, 0.12f, 0.045f}, {0.12f, 0.09f, 0.07f}};
      break;
    case TreeKind::ScholarTree:  // 槐: a broad dome on a stout trunk
      s = {10.5f, 7.2f, 4.6f, 2.9f, 0.4f, {0.07f, 0.105f, 0.045f}, {0.09f, 0.08f, 0.07f}};
      break;
    case TreeKind::Reeds:
      s = {2.4f, 1.4f, 0.8f, 1.0f, 0.0f, {0.17f, 0.19f, 0.08f}, {0.28f, 0.23f, 0.14f}};
      break;
  }
  return s;
}

Mesh build_tree_mesh(TreeKind kind, int level) {
  const bool near = level == 0;
  const TreeShape s = tree_shape(kind);
  switch (kind) {
    case TreeKind::Willow:
      return willow(near, s);
    case TreeKind::Elm:
      return broadleaf(near, s, 4.8f, 4.2f, 0.75f, 5, 6, 2.5f, 101);
    case TreeKind::FruitTree:
      return broadleaf(near, s, 1.4f, 2.2f, 0.55f, 4, 5, 1.3f, 202);
    case TreeKind::ScholarTree:
      return broadleaf(near, s, 3.2f, 4.2f, 0.45f, 5, 6, 2.6f, 303);
    case TreeKind::Reeds:
      return reeds(near, s);
  }
  return {};
}

}  // namespace scene
