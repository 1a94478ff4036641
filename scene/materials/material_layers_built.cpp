// The painters of what is built: walls, buildings and their ruins (LOOK.md §1–§2). Sizes are
// in metres; each layer's repeat (shaders/materials.h) holds a whole number of its courses,
// lifts or rows so that it tiles.
#include <algorithm>
#include <cmath>

#include "scene/materials/material_canvas.h"
#include "scene/model/hash.h"

namespace scene::materials {

namespace {

// Distance of `t` (in units) from the nearest whole number.
float from_whole(float t) { return std::abs(t - std::round(t)); }

// Rammed earth's lifts: 8–12 cm each, scaled so a whole number of them fills the repeat.
std::vector<float> lift_tops(float metres) {
  std::vector<float> tops;
  float sum = 0;
  for (std::uint32_t k = 0; sum < metres - 0.05f; ++k) {
    sum += 0.08f + 0.04f * unit_float(hash32(k, 0x11f7u));
    tops.push_back(sum);
  }
  for (float& t : tops) t *= metres / sum;
  return tops;
}

}  // namespace

// 夯土: horizontal lifts with a thin seam where each was tamped on the last, a tone per lift,
// the round pits of the tamper, soil grain and, every 1.5 m of height, a row of the voids the
// horizontal timbers left.
void paint_rammed_earth(Canvas& c) {
  const std::vector<float> tops = lift_tops(c.metres);
  const int pits_per_lift = static_cast<int>(c.metres / 0.09f);
  for (int y = 0; y < c.size; ++y) {
    const float vm = c.v(y) * c.metres;
    const auto k = static_cast<std::uint32_t>(std::upper_bound(tops.begin(), tops.end(), vm) - tops.begin());
    const float bottom = k == 0 ? 0.0f : tops[k - 1], top = tops[std::min<size_t>(k, tops.size() - 1)];
    const float t = (vm - bottom) / (top - bottom);
    const float to_seam = std::min(vm - bottom, top - vm);
    // Each lift its own earth, and each day's work (a board's height, five lifts or so) its own batch.
    const float lift_tone =
        (1.0f + 0.09f * signed_unit(hash32(k, 0x51u))) * (1.0f + 0.06f * signed_unit(hash32(k / 5u, 0x52u)));
    for (int x = 0; x < c.size; ++x) {
      const float u = c.u(x), v = c.v(y), um = u * c.metres;
      const int i = c.index(x, y);
      const float grain = fbm(u, v, 24, 4, 0xea27u) - 0.5f;
      const float seam = 1.0f - smooth(0.002f, 0.010f, to_seam);
      // Rain has stained the face in broad patches.
      const float stain = fbm(u, v, 3, 3, 0x53u) - 0.5f;
      float tone =
          lift_tone * (0.97f + 0.06f * t) * (1.0f + 0.22f * grain) * (1.0f - 0.2f * seam) * (1.0f + 0.3f * stain);
      float h = 0.0015f * grain - 0.003f * seam;
      float rough = 0.92f;
      // The tamper's pits, in a loose row along each lift.
      const float slot = u * static_cast<float>(pits_per_lift);
      for (int j = -1; j <= 1; ++j) {
        const int p = static_cast<int>(std::floor(slot)) + j;
        const std::uint32_t hp = hash32(static_cast<std::uint32_t>((p + pits_per_lift) % pits_per_lift), k, 0x7a3u);
        const float cx = (static_cast<float>(p) + 0.5f + 0.35f * signed_unit(hp)) * c.metres / pits_per_lift;
        const float cy = bottom + (top - bottom) * (0.5f + 0.25f * signed_unit(mix32(hp)));
        const float r = 0.018f + 0.012f * unit_float(hp >> 3);
        const float d2 = ((um - cx) * (um - cx) + (vm - cy) * (vm - cy)) / (r * r);
        if (d2 < 1.0f) {
          h -= 0.003f * (1.0f - d2);
          tone *= 1.0f - 0.06f * (1.0f - d2);
        }
      }
      // Voids of the horizontal timbers: every 1.5 m of height, about one a metre where the
      // timber has rotted out (others still hold their wood, flush), not quite in line.
      const float row = vm / 1.5f - 0.5f;
      const int row_index = static_cast<int>(std::round(row));
      const float slot_u = um / 1.0f;
      const int slot_i = static_cast<int>(std::round(slot_u));
      const std::uint32_t hv = hash32(static_cast<std::uint32_t>(row_index & 1),
                                      static_cast<std::uint32_t>(slot_i % static_cast<int>(c.metres)), 0x3d1u);
      const float dy = (row - static_cast<float>(row_index)) * 1.5f - 0.06f * signed_unit(hv);
      const float dx = (slot_u - static_cast<float>(slot_i)) - 0.25f * signed_unit(mix32(hv));
      const float radius = 0.05f + 0.04f * unit_float(hv >> 5);
      const float hole = (dx * dx + dy * dy) / (radius * radius);
      if ((hv & 3u) != 0u && hole < 1.0f) {
        h -= 0.05f * std::sqrt(1.0f - hole);
        tone *= 0.55f + 0.4f * hole;
        rough = 1.0f;
      }
      const float warm = 0.035f * (noise(u, v, 5, 0x1u) - 0.5f);
      c.albedo[i] = tone * glm::vec3(1.0f + warm, 1.0f, 1.0f - warm);
      c.height[i] = h;
      c.roughness[i] = rough;
    }
  }
}

// Running bond: 20 courses of 6.8 cm, 4 stretchers of 34 cm, 8 mm lime joints; each brick its
// own fired tone, worn edges and a little grain.
void paint_brick(Canvas& c) {
  constexpr int kCourses = 20, kBricks = 4;
  const float course_m = c.metres / kCourses, brick_m = c.metres / kBricks;
  for (int y = 0; y < c.size; ++y)
    for (int x = 0; x < c.size; ++x) {
      const float u = c.u(x), v = c.v(y);
      const int i = c.index(x, y);
      const float cv = v * kCourses;
      const int course = static_cast<int>(std::floor(cv));
      const float bu = u * kBricks + ((course & 1) ? 0.5f : 0.0f);
      const int brick = static_cast<int>(std::floor(bu)) % kBricks;
      const float edge = std::min(from_whole(bu) * brick_m, from_whole(cv) * course_m);
      const std::uint32_t hb = hash32(static_cast<std::uint32_t>(brick), static_cast<std::uint32_t>(course), 0xb41cu);
      const float grain = fbm(u, v, 32, 3, 0x9e1u) - 0.5f;
      if (edge < 0.004f) {  // mortar
        c.albedo[i] = glm::vec3(1.28f + 0.1f * grain);
        c.height[i] = -0.008f;
        c.roughness[i] = 0.95f;
        continue;
      }
      // Chipped arrises: the edge band worn back where the noise says.
      const float chip = smooth(0.55f, 0.8f, noise(u, v, 96, 0x4c2u)) * (1.0f - smooth(0.004f, 0.02f, edge));
      const float tone = (1.0f + 0.10f * signed_unit(hb)) * (1.0f + 0.25f * grain) * (1.0f - 0.12f * chip);
      const float hue = 0.04f * signed_unit(mix32(hb));
      c.albedo[i] = tone * glm::vec3(1.0f + hue, 1.0f, 1.0f - hue);
      c.height[i] = -0.004f * (1.0f - smooth(0.004f, 0.012f, edge)) + 0.001f * grain - 0.004f * chip;
      c.roughness[i] = 0.8f;
    }
}

// Pan-and-cover tiles (筒瓦 over 板瓦): u across the slope, v down it. Rows of half-round cover
// tiles 25 cm apart with concave pans between; the pans step down at each course's lower
// edge, the cover tiles at their joints; some tiles darker, lichen in patches.
void paint_roof_tiles(Canvas& c) {
  constexpr int kRows = 8, kPanCourses = 10, kCoverJoints = 7;
  const float row_m = c.metres / kRows, cover_r = 0.07f;
  for (int y = 0; y < c.size; ++y)
    for (int x = 0; x < c.size; ++x) {
      const float u = c.u(x), v = c.v(y);
      const int i = c.index(x, y);
      const float ru = u * kRows;
      const float d = from_whole(ru) * row_m;  // metres from the nearest cover row's axis
      const int cover_row = static_cast<int>(std::round(ru)) % kRows;
      const int pan_row = static_cast<int>(std::floor(ru));
      float h, tone;
      float rough = 0.62f;
      if (d < cover_r) {
        const float tj = v * kCoverJoints + unit_float(hash32(static_cast<std::uint32_t>(cover_row), 0xc0u));
        const int tile = static_cast<int>(std::floor(tj));
        const float joint = from_whole(tj) * c.metres / kCoverJoints;
        h = std::sqrt(cover_r * cover_r - d * d) + 0.008f * (tj - std::floor(tj));
        tone = 1.06f * (1.0f + 0.07f * signed_unit(hash32(static_cast<std::uint32_t>(cover_row),
                                                          static_cast<std::uint32_t>(tile % kCoverJoints), 0xc1u)));
        tone *= 0.80f + 0.20f * (d < cover_r * 0.85f ? 1.0f : 0.0f);  // the shadowed flank
        if (joint < 0.006f) {
          h -= 0.006f;
          tone *= 0.7f;
        }
      } else {
        const float s = (d - cover_r) / (0.5f * row_m - cover_r);  // 0 beside a cover row, 1 mid-pan
        const float tv =
            v * kPanCourses + 0.5f * unit_float(hash32(static_cast<std::uint32_t>(pan_row % kRows), 0xa0u));
        const float tt = tv - std::floor(tv);
        const int course = static_cast<int>(std::floor(tv));
        h = -0.025f * s * (2.0f - s) + 0.012f * tt;
        tone = 0.94f * (1.0f + 0.06f * signed_unit(hash32(static_cast<std::uint32_t>(pan_row % kRows),
                                                          static_cast<std::uint32_t>(course % kPanCourses), 0xa1u)));
        tone *= 0.78f + 0.22f * smooth(0.0f, 0.08f, tt);  // the lower edge of the course above
        tone *= 0.9f + 0.1f * (1.0f - s);                 // grime down the channel
        rough = 0.72f;
      }
      const float grain = fbm(u, v, 24, 3, 0x5e5u) - 0.5f;
      tone *= 1.0f + 0.12f * grain;
      glm::vec3 colour(tone);
      const float lichen = smooth(0.6f, 0.72f, fbm(u, v, 4, 3, 0x11c4u));
      colour *= glm::mix(glm::vec3(1.0f), glm::vec3(0.88f, 0.96f, 0.84f), lichen);
      c.albedo[i] = colour;
      c.height[i] = h;
      c.roughness[i] = rough + 0.2f * lichen;
    }
}

// Timber: grain along v (posts, boards, doors stand upright), rings of the figure, a few knots
// and drying checks.
void paint_timber(Canvas& c) {
  const Points knots(3, 0x73u, 0.9f);
  for (int y = 0; y < c.size; ++y)
    for (int x = 0; x < c.size; ++x) {
      const float u = c.u(x), v = c.v(y);
      const int i = c.index(x, y);
      const float streak = noise2(u, v, 96, 4, 0x71u) - 0.5f;
      const float warp = u * 14.0f + 1.2f * noise2(u, v, 6, 2, 0x72u);
      const float ring = 1.0f - smooth(0.0f, 0.18f, from_whole(warp));
      const Nearest knot = knots.nearest(u, v);
      const float knot_ring = (knot.id & 3u) == 0u ? 1.0f - smooth(0.05f, 0.13f, knot.d1) : 0.0f;
      const float check = smooth(0.93f, 0.97f, noise2(u, v, 40, 2, 0x74u));
      const float tone =
          (1.0f + 0.25f * streak) * (1.0f - 0.12f * ring) * (1.0f - 0.35f * knot_ring) * (1.0f - 0.45f * check);
      c.albedo[i] = glm::vec3(tone * 1.02f, tone, tone * 0.97f);
      c.height[i] = 0.0006f * streak - 0.0004f * ring - 0.002f * check;
      c.roughness[i] = 0.6f + 0.2f * check;
    }
}

// Straw-mud render: blotches, trowel undulation, chopped straw in it, hairline cracks.
void paint_plaster(Canvas& c) {
  const Strokes straw_strokes(40, 0x93u, 0.7f, 0.05f);  // 3.5 cm by 0.5 cm
  const Points cracks(5, 0x94u);
  for (int y = 0; y < c.size; ++y)
    for (int x = 0; x < c.size; ++x) {
      const float u = c.u(x), v = c.v(y);
      const int i = c.index(x, y);
      const float blotch = fbm(u, v, 4, 4, 0x91u) - 0.5f;
      float tone = 1.0f + 0.2f * blotch;
      float h = 0.004f * (fbm(u, v, 6, 3, 0x92u) - 0.5f);
      const float straw = straw_strokes.at(u, v) != 0u ? 1.0f : 0.0f;
      tone *= 1.0f + 0.18f * straw;
      h += 0.0008f * straw;
      const Nearest crack = cracks.nearest(u, v);
      const float hairline =
          (1.0f - smooth(0.0f, 0.025f, crack.d2 - crack.d1)) * smooth(0.55f, 0.7f, noise(u, v, 3, 0x95u));
      tone *= 1.0f - 0.3f * hairline;
      h -= 0.0015f * hairline;
      c.albedo[i] =
          glm::vec3(tone * (1.0f + 0.05f * straw), tone * (1.0f + 0.02f * straw), tone * (1.0f - 0.04f * straw));
      c.height[i] = h;
      c.roughness[i] = 0.9f;
    }
}

// Dressed stone: 4 courses of 60 cm, blocks of 50–110 cm, worn arrises, tooling and grain.
void paint_stone(Canvas& c) {
  constexpr int kCourses = 4;
  const float course_m = c.metres / kCourses;
  for (int y = 0; y < c.size; ++y) {
    const int course = static_cast<int>(std::floor(c.v(y) * kCourses));
    const int blocks = 3 + static_cast<int>(hash32(static_cast<std::uint32_t>(course), 0x5701u) % 2u);
    const float shift = unit_float(hash32(static_cast<std::uint32_t>(course), 0x5702u));
    for (int x = 0; x < c.size; ++x) {
      const float u = c.u(x), v = c.v(y);
      const int i = c.index(x, y);
      const float bu = u * static_cast<float>(blocks) + shift;
      const int block = static_cast<int>(std::floor(bu)) % blocks;
      const float edge =
          std::min(from_whole(bu) * c.metres / static_cast<float>(blocks), from_whole(v * kCourses) * course_m);
      const std::uint32_t hb = hash32(static_cast<std::uint32_t>(block), static_cast<std::uint32_t>(course), 0x5703u);
      const float grain = fbm(u, v, 32, 4, 0x5704u) - 0.5f;
      const float tooling = from_whole((u + v) * c.metres / 0.012f);
      if (edge < 0.005f) {
        c.albedo[i] = glm::vec3(0.75f + 0.1f * grain);
        c.height[i] = -0.012f;
        c.roughness[i] = 0.95f;
        continue;
      }
      const float tone = (1.0f + 0.09f * signed_unit(hb)) * (1.0f + 0.3f * grain) * (0.98f + 0.04f * tooling);
      const float hue = 0.025f * signed_unit(mix32(hb));
      c.albedo[i] = tone * glm::vec3(1.0f + hue, 1.0f, 1.0f - hue);
      c.height[i] = -0.01f * (1.0f - smooth(0.005f, 0.03f, edge)) + 0.002f * grain + 0.0005f * tooling;
      c.roughness[i] = 0.7f;
    }
  }
}

// Thatch: straw laid down the slope (v) in courses of 30 cm with ragged, shadowed butts.
void paint_thatch(Canvas& c) {
  constexpr int kCourses = 5;
  for (int y = 0; y < c.size; ++y)
    for (int x = 0; x < c.size; ++x) {
      const float u = c.u(x), v = c.v(y);
      const int i = c.index(x, y);
      const float ragged = 0.25f * (noise2(u, 0.0f, 48, 1, 0x7401u) - 0.5f);
      const float tv = v * kCourses + ragged;
      const float tt = tv - std::floor(tv);
      const int course = static_cast<int>(std::floor(tv));
      const float straw = noise2(u, v, 180, 6, 0x7402u + static_cast<std::uint32_t>(course & 7)) - 0.5f;
      const float tone =
          (1.0f + 0.06f * signed_unit(hash32(static_cast<std::uint32_t>((course + kCourses) % kCourses), 0x7403u))) *
          (1.0f + 0.45f * straw) * (0.7f + 0.3f * smooth(0.0f, 0.12f, tt));
      c.albedo[i] = glm::vec3(tone * 1.02f, tone, tone * 0.95f);
      c.height[i] = 0.03f * tt + 0.003f * straw;
      c.roughness[i] = 1.0f;
    }
}

// Rubble: broken earth, brick and stone of a breach, lumps of every size with dark gaps.
void paint_rubble(Canvas& c) {
  const Points stones(6, 0x8b01u, 0.9f), fill(20, 0x8b02u, 0.9f);
  for (int y = 0; y < c.size; ++y)
    for (int x = 0; x < c.size; ++x) {
      const float u = c.u(x), v = c.v(y);
      const int i = c.index(x, y);
      const Nearest big = stones.nearest(u, v);
      const Nearest small = fill.nearest(u, v);
      const float big_edge = big.d2 - big.d1, small_edge = small.d2 - small.d1;
      const bool in_big = big_edge > 0.12f;
      const std::uint32_t id = in_big ? big.id : small.id;
      const float edge = in_big ? big_edge : small_edge;
      float tone = (1.0f + 0.16f * signed_unit(id)) * (0.55f + 0.45f * smooth(0.0f, 0.15f, edge));
      tone *= 1.0f + 0.2f * (fbm(u, v, 32, 3, 0x8b03u) - 0.5f);
      const bool brick = (id & 7u) == 0u;  // a few broken bricks among the earth and stone
      c.albedo[i] = tone * (brick ? glm::vec3(1.12f, 0.95f, 0.88f) : glm::vec3(1.0f));
      c.height[i] = in_big ? 0.07f * smooth(0.12f, 0.5f, big_edge) : 0.02f * smooth(0.0f, 0.3f, small_edge);
      c.roughness[i] = 0.95f;
    }
}

}  // namespace scene::materials
