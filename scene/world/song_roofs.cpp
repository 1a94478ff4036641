// The roof is built as rings, one per break in the slope's curve, from the eaves (t = 0) to
// the ridge (t = 1); faces join consecutive rings, so a hipped roof's corners and its curve
// share vertices and nothing cracks where the eaves turn up.
#include "scene/world/song_roofs.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace scene {

namespace {

// Local frame: x along the ridge, y up, z across (front = +z), as Mesh::add_box turns it.
struct Frame {
  glm::vec3 origin, right, fwd;
  glm::vec3 operator()(glm::vec3 p) const { return origin + right * p.x + glm::vec3(0, p.y, 0) + fwd * p.z; }
  glm::vec3 dir(glm::vec3 d) const { return right * d.x + glm::vec3(0, d.y, 0) + fwd * d.z; }
};

using Ring = std::array<glm::vec3, 4>;  // corners (-x,-z), (+x,-z), (+x,+z), (-x,+z)

// A tapered, inward-leaning 鸱尾 standing on the ridge's end at `foot` (local), `side` = ±1.
void add_finial(Mesh& mesh, const Frame& f, glm::vec3 foot, float side, float height, std::uint32_t colour,
                std::uint32_t object) {
  const float w = height * 0.45f, t = std::max(0.12f, height * 0.12f);
  const glm::vec3 b0 = foot + glm::vec3(side * w * 0.5f, 0, -t), b1 = foot + glm::vec3(-side * w * 0.5f, 0, -t);
  const glm::vec3 lean(-side * height * 0.25f, height, 0);
  const glm::vec3 t0 = foot + lean + glm::vec3(side * w * 0.3f, 0, -t * 0.7f),
                  t1 = foot + lean + glm::vec3(-side * w * 0.1f, 0, -t * 0.7f);
  const glm::vec3 z2(0, 0, 2 * t), z2t(0, 0, 1.4f * t);
  const auto q = [&](glm::vec3 a, glm::vec3 b, glm::vec3 c, glm::vec3 d, glm::vec3 n) {
    mesh.add_quad_facing(f(a), f(b), f(c), f(d), f.dir(n), colour, object);
  };
  q(b0, b1, t1, t0, {0, 0, -1});
  q(b0 + z2, b1 + z2, t1 + z2t, t0 + z2t, {0, 0, 1});
  q(b0, b0 + z2, t0 + z2t, t0, {side, 0.3f, 0});
  q(b1, b1 + z2, t1 + z2t, t1, {-side, 0.3f, 0});
  q(t0, t1, t1 + z2t, t0 + z2t, {0, 1, 0});
}

}  // namespace

void add_roof(Mesh& mesh, glm::vec3 eaves, float yaw, const RoofSpec& spec, std::uint32_t object) {
  const Frame f{eaves, glm::vec3(std::cos(yaw), 0, -std::sin(yaw)), glm::vec3(std::sin(yaw), 0, std::cos(yaw))};
  const float hl = spec.walls.x * 0.5f + spec.overhang, hd = spec.walls.y * 0.5f + spec.overhang;
  const int n = std::max(spec.segments, 1);
  // The ring where a hip-and-gable roof's hips stop and its gables begin; 0 for a gable roof
  // (it is gabled from the eaves up), n for a hipped one (hipped to the ridge).
  const int gable_from = spec.kind == RoofKind::Gable ? 0 : spec.kind == RoofKind::HipGable ? std::max(1, n / 2) : n;
  const bool hipped = spec.kind != RoofKind::Gable;
  const float min_half = std::max(0.15f * hl, 0.3f);
  std::vector<Ring> rings;
  for (int k = 0; k <= n; ++k) {
    const float t = static_cast<float>(k) / static_cast<float>(n);
    // 举折: the slope is flat at the eaves and steepens to the ridge.
    const float y = spec.rise * (t - 4.0f * spec.sag * t * (1.0f - t));
    const float hz = hd * (1.0f - t);
    const float t_hip = static_cast<float>(std::min(k, gable_from)) / static_cast<float>(n);
    const float hx = hipped ? std::max(hl - hd * t_hip, min_half) : hl;
    Ring r{glm::vec3(-hx, y, -hz), glm::vec3(hx, y, -hz), glm::vec3(hx, y, hz), glm::vec3(-hx, y, hz)};
    if (hipped && spec.corner_lift > 0 && k <= 1) {
      // Eaves corners sweep up and out (翼角); the next ring follows a little so the hip bends.
      const float lift = k == 0 ? spec.corner_lift : spec.corner_lift * 0.3f;
      for (glm::vec3& c : r) c += glm::vec3(glm::sign(c.x) * lift * 0.5f, lift, glm::sign(c.z) * lift * 0.5f);
    }
    rings.push_back(r);
  }
  const auto tri = [&](glm::vec3 a, glm::vec3 b, glm::vec3 c, glm::vec3 n3, std::uint32_t colour) {
    if (glm::dot(glm::cross(b - a, c - a), n3) >= 0)
      mesh.add_triangle(f(a), f(b), f(c), colour, object);
    else
      mesh.add_triangle(f(a), f(c), f(b), colour, object);
  };
  const auto quad = [&](glm::vec3 a, glm::vec3 b, glm::vec3 c, glm::vec3 d, glm::vec3 n3, std::uint32_t colour) {
    if (glm::length(c - d) < 1e-4f)
      tri(a, b, c, n3, colour);
    else
      mesh.add_quad_facing(f(a), f(b), f(c), f(d), f.dir(n3), colour, object);
  };
  const auto facing = [](const Ring& lo, const Ring& hi, int a, int b) {  // outward and up
    const glm::vec3 mid_lo = (lo[a] + lo[b]) * 0.5f, mid_hi = (hi[a] + hi[b]) * 0.5f;
    glm::vec3 out = mid_lo - mid_hi;
    out.y = 0;
    return out + glm::vec3(0, glm::length(out) + 0.01f, 0);
  };
  for (int k = 0; k < n; ++k) {
    const Ring &lo = rings[k], &hi = rings[k + 1];
    quad(lo[3], lo[2], hi[2], hi[3], facing(lo, hi, 3, 2), spec.tiles);  // front slope
    quad(lo[1], lo[0], hi[0], hi[1], facing(lo, hi, 1, 0), spec.tiles);  // back slope
    if (k < gable_from) {                                                // the hips' end slopes
      quad(lo[2], lo[1], hi[1], hi[2], facing(lo, hi, 2, 1), spec.tiles);
      quad(lo[0], lo[3], hi[3], hi[0], facing(lo, hi, 0, 3), spec.tiles);
    }
  }
  // Gable ends (悬山's barge boards, 歇山's pediments): a fan from the middle of the gable's foot.
  if (gable_from < n)
    for (float side : {-1.0f, 1.0f}) {
      const int p = side > 0 ? 2 : 3, m = side > 0 ? 1 : 0;  // front and back corners on this end
      const glm::vec3 foot = (rings[gable_from][p] + rings[gable_from][m]) * 0.5f;
      for (int k = gable_from; k < n; ++k) {
        tri(foot, rings[k][p], rings[k + 1][p], {side, 0, 0}, spec.gable);
        tri(foot, rings[k][m], rings[k + 1][m], {side, 0, 0}, spec.gable);
      }
    }
  // The underside, so eaves seen from the street are not open to the sky.
  quad(rings[0][0], rings[0][1], rings[0][2], rings[0][3], {0, -1, 0}, spec.gable);

  // The main ridge, and the 鸱尾 at its ends.
  if (!spec.ridge_beam) return;
  const Ring& top = rings[n];
  const float ridge_h = 0.25f + 0.035f * spec.walls.y, ridge_w = 0.3f + 0.02f * spec.walls.y;
  const float ridge_len = top[2].x - top[3].x + ridge_w;
  {  // a triangular ridge capping: two faces, four triangles
    const float half = ridge_len * 0.5f, y0 = top[2].y - ridge_h * 0.3f, y1 = top[2].y + ridge_h * 0.7f;
    const glm::vec3 crest_a(-half, y1, 0), crest_b(half, y1, 0);
    for (float side : {-1.0f, 1.0f}) {
      const float z = side * ridge_w * 0.5f;
      mesh.add_quad_facing(f(glm::vec3(-half, y0, z)), f(glm::vec3(half, y0, z)), f(crest_b), f(crest_a),
                           f.dir({0, 0.5f, side}), spec.ridge, object);
    }
  }
  if (spec.finials > 0)
    for (float side : {-1.0f, 1.0f})
      add_finial(mesh, f, glm::vec3(side * (ridge_len * 0.5f - spec.finials * 0.2f), top[2].y + ridge_h * 0.5f, 0),
                 side, spec.finials, spec.ridge, object);
}

}  // namespace scene
