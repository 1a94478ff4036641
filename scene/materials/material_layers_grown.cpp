// The painters of the ground and what grows on it (LOOK.md §3). The ground's layers are seen
// from above on world axes, so nothing in them runs in one direction: furrows and strips are
// the terrain shader's, at the fields' own angle.
#include <algorithm>
#include <cmath>

#include "scene/materials/material_canvas.h"
#include "scene/model/hash.h"

namespace scene::materials {

namespace {

float from_whole(float t) { return std::abs(t - std::round(t)); }

// Clods and grain of bare earth, shared by the field, stubble and packed-earth layers.
void earth(Canvas& c, int x, int y, const Points& clods, float clod_relief, std::uint32_t seed) {
  const float u = c.u(x), v = c.v(y);
  const int i = c.index(x, y);
  const Nearest clod = clods.nearest(u, v);
  const float edge = clod.d2 - clod.d1;
  const float tone = (1.0f + 0.1f * signed_unit(clod.id)) * (0.7f + 0.3f * smooth(0.0f, 0.2f, edge)) *
                     (1.0f + 0.3f * (fbm(u, v, 8, 5, seed + 1u) - 0.5f));
  c.albedo[i] = glm::vec3(tone);
  c.height[i] = clod_relief * smooth(0.0f, 0.35f, edge) * (0.6f + 0.4f * unit_float(clod.id >> 4));
  c.roughness[i] = 1.0f;
}

}  // namespace

// Roads, lanes, courtyards, wall-walks: trodden earth with pebbles and cracks.
void paint_packed_earth(Canvas& c) {
  const Points pebbles(48, 0xe102u, 0.8f), cracks(4, 0xe103u);
  for (int y = 0; y < c.size; ++y)
    for (int x = 0; x < c.size; ++x) {
      const float u = c.u(x), v = c.v(y);
      const int i = c.index(x, y);
      const float base = fbm(u, v, 6, 5, 0xe101u) - 0.5f;
      float tone = 1.0f + 0.3f * base;
      float h = 0.004f * base;
      float rough = 0.95f;
      const Nearest pebble = pebbles.nearest(u, v);
      if ((pebble.id & 3u) != 0u && pebble.d1 < 0.22f) {
        const float dome = 1.0f - pebble.d1 / 0.22f;
        tone *= 1.15f + 0.2f * signed_unit(pebble.id);
        h += 0.004f * std::sqrt(dome);
        rough = 0.7f;
      }
      const Nearest crack = cracks.nearest(u, v);
      const float line =
          (1.0f - smooth(0.0f, 0.02f, crack.d2 - crack.d1)) * smooth(0.5f, 0.65f, noise(u, v, 3, 0xe104u));
      tone *= 1.0f - 0.35f * line;
      h -= 0.003f * line;
      c.albedo[i] = glm::vec3(tone);
      c.height[i] = h;
      c.roughness[i] = rough;
    }
}

// Bark: deep furrows up the trunk (v) between corky ridges broken across now and then.
void paint_bark(Canvas& c) {
  for (int y = 0; y < c.size; ++y)
    for (int x = 0; x < c.size; ++x) {
      const float u = c.u(x), v = c.v(y);
      const int i = c.index(x, y);
      const float w = u * 12.0f + 0.8f * (noise2(u, v, 8, 3, 0xba01u) - 0.5f);
      const float ridge = smooth(0.05f, 0.4f, from_whole(w));
      const float broken = smooth(0.6f, 0.75f, noise2(u, v, 12, 20, 0xba02u));
      const float top = ridge * (1.0f - 0.7f * broken);
      const float tone = (0.55f + 0.6f * top) * (1.0f + 0.25f * (noise2(u, v, 48, 16, 0xba03u) - 0.5f));
      c.albedo[i] = glm::vec3(tone);
      c.height[i] = 0.012f * top;
      c.roughness[i] = 1.0f;
    }
}

// A crown seen close: overlapping leaves, each its own green, dark gaps into the crown.
void paint_leaves(Canvas& c) {
  const Points leaves[2] = {Points(16, 0x1ea0u, 0.9f), Points(16, 0x1ea1u, 0.9f)};
  for (int y = 0; y < c.size; ++y)
    for (int x = 0; x < c.size; ++x) {
      const float u = c.u(x), v = c.v(y);
      const int i = c.index(x, y);
      glm::vec3 colour(0.5f);
      float h = -0.02f;
      for (std::uint32_t layer = 0; layer < 2; ++layer) {
        const Nearest leaf = leaves[layer].nearest(u, v);
        glm::vec2 dir(signed_unit(leaf.id), signed_unit(mix32(leaf.id)));
        dir /= std::max(std::sqrt(dir.x * dir.x + dir.y * dir.y), 1e-3f);
        const float along = leaf.offset.x * dir.x + leaf.offset.y * dir.y;
        const float across = -leaf.offset.x * dir.y + leaf.offset.y * dir.x;
        const float e = along * along / 0.30f + across * across / 0.07f;
        if (e < 1.0f) {
          const float shade = 0.8f + 0.5f * unit_float(leaf.id >> 5) + 0.1f * static_cast<float>(layer);
          const float yellow = 0.1f * signed_unit(leaf.id >> 9);
          colour = shade * glm::vec3(1.0f + yellow, 1.0f + 0.5f * yellow, 1.0f - yellow) * (0.85f + 0.15f * (1.0f - e));
          h = 0.01f * static_cast<float>(layer) + 0.004f * (1.0f - e);
        }
      }
      c.albedo[i] = colour;
      c.height[i] = h;
      c.roughness[i] = 0.6f;
    }
}

// Reed beds: upright stems, jointed, leaning a little, dark between.
void paint_reeds(Canvas& c) {
  constexpr int kStems = 48;
  for (int y = 0; y < c.size; ++y)
    for (int x = 0; x < c.size; ++x) {
      const float u = c.u(x), v = c.v(y);
      const int i = c.index(x, y);
      const float s = u * kStems + 1.5f * (noise2(u, v, 6, 2, 0x4e01u) - 0.5f);
      const int stem = static_cast<int>(std::floor(s));
      const std::uint32_t hs = hash32(static_cast<std::uint32_t>((stem % kStems + kStems) % kStems), 0x4e02u);
      const float across = from_whole(s - 0.5f);  // 0 on a stem's axis, 0.5 midway to the next
      const float width = 0.22f + 0.12f * unit_float(hs);
      const float node = from_whole(v * 5.0f + unit_float(hs >> 3)) * c.metres / 5.0f;
      if (across < width) {
        const float round = 1.0f - across / width;
        c.albedo[i] =
            glm::vec3((0.9f + 0.3f * signed_unit(hs)) * (0.8f + 0.2f * round) * (node < 0.006f ? 0.8f : 1.0f));
        c.height[i] = 0.004f * round;
        c.roughness[i] = 0.65f;
      } else {
        c.albedo[i] = glm::vec3(0.45f);
        c.height[i] = -0.01f;
        c.roughness[i] = 0.9f;
      }
    }
}

// Ploughed earth: clods of 12 cm and their shadows.
void paint_field_soil(Canvas& c) {
  const Points clods(24, 0xf501u, 0.9f);
  for (int y = 0; y < c.size; ++y)
    for (int x = 0; x < c.size; ++x) earth(c, x, y, clods, 0.03f, 0xf501u);
}

// Harvested fields: earth with the cut stalks standing in clumps and straw lying about.
void paint_stubble(Canvas& c) {
  const Points clods(20, 0x5b01u, 0.9f), stalks(40, 0x5b02u, 0.7f);
  const Strokes straw(48, 0x5b03u, 0.8f, 0.06f);
  for (int y = 0; y < c.size; ++y)
    for (int x = 0; x < c.size; ++x) {
      earth(c, x, y, clods, 0.015f, 0x5b01u);
      const float u = c.u(x), v = c.v(y);
      const int i = c.index(x, y);
      const Nearest stalk = stalks.nearest(u, v);
      const float straw_hit = static_cast<float>(straw.at(u, v) != 0u);
      if ((stalk.id & 1u) == 0u && stalk.d1 < 0.2f) {
        c.albedo[i] = glm::vec3(1.9f, 1.75f, 1.3f) * (0.85f + 0.15f * (1.0f - stalk.d1 / 0.2f));
        c.height[i] = 0.02f;
        c.roughness[i] = 0.8f;
      } else if (straw_hit > 0) {
        c.albedo[i] = glm::vec3(1.6f, 1.5f, 1.15f);
        c.height[i] += 0.003f;
        c.roughness[i] = 0.8f;
      }
    }
}

// Grass: blades in tufts, greener and yellower, over darker earth in the gaps.
void paint_grass(Canvas& c) {
  const Strokes blades[3] = {Strokes(64, 0x9a02u, 0.9f, 0.08f), Strokes(64, 0x9a03u, 0.9f, 0.08f),
                             Strokes(64, 0x9a04u, 0.9f, 0.08f)};
  for (int y = 0; y < c.size; ++y)
    for (int x = 0; x < c.size; ++x) {
      const float u = c.u(x), v = c.v(y);
      const int i = c.index(x, y);
      const float patch = fbm(u, v, 4, 4, 0x9a01u);
      glm::vec3 colour = glm::vec3(0.7f, 0.6f, 0.55f) * (0.9f + 0.2f * patch);  // earth between the tufts
      float h = 0.0f;
      for (std::uint32_t layer = 0; layer < 3; ++layer) {
        const std::uint32_t blade = blades[layer].at(u, v);
        if (blade != 0u && unit_float(blade >> 7) < 0.35f + 0.6f * patch) {
          const float green = 0.15f * signed_unit(blade >> 3);
          colour = (0.95f + 0.35f * unit_float(blade >> 11)) * glm::vec3(1.0f - green, 1.05f + green, 0.9f - green);
          h = 0.004f * static_cast<float>(layer + 1);
        }
      }
      c.albedo[i] = colour;
      c.height[i] = h;
      c.roughness[i] = 0.85f;
    }
}

// Lying snow: soft drifts and wind ripples, a little bluer in the hollows.
void paint_snow(Canvas& c) {
  for (int y = 0; y < c.size; ++y)
    for (int x = 0; x < c.size; ++x) {
      const float u = c.u(x), v = c.v(y);
      const int i = c.index(x, y);
      const float drift = fbm(u, v, 3, 5, 0x5a01u) - 0.5f;
      const float ripple = from_whole(v * 40.0f + 3.0f * noise(u, v, 4, 0x5a02u));
      const float h = 0.04f * drift + 0.003f * ripple;
      const float tone = 1.0f + 0.3f * drift + 0.08f * (noise(u, v, 64, 0x5a03u) - 0.5f);
      c.albedo[i] = glm::vec3(tone * (1.0f - 0.02f * drift), tone, tone * (1.0f + 0.03f * -drift));
      c.height[i] = h;
      c.roughness[i] = 0.55f;
    }
}

// Mud: wet, trodden, puddled, with hoof and foot prints.
void paint_mud(Canvas& c) {
  const Points prints(14, 0x3d03u, 0.7f);
  for (int y = 0; y < c.size; ++y)
    for (int x = 0; x < c.size; ++x) {
      const float u = c.u(x), v = c.v(y);
      const int i = c.index(x, y);
      const float base = fbm(u, v, 6, 5, 0x3d01u) - 0.5f;
      float tone = 1.0f + 0.3f * base;
      float h = 0.01f * base;
      float rough = 0.7f;
      const float wet = 1.0f - smooth(0.36f, 0.42f, fbm(u, v, 4, 3, 0x3d02u));
      tone *= 1.0f - 0.3f * wet;
      h = h * (1.0f - wet) - 0.006f * wet;
      rough = rough * (1.0f - wet) + 0.2f * wet;
      const Nearest print = prints.nearest(u, v);
      const float e = print.offset.x * print.offset.x / 0.04f + print.offset.y * print.offset.y / 0.09f;
      if ((print.id & 1u) == 0u && e < 1.0f) {
        h -= 0.02f * (1.0f - e);
        tone *= 0.85f;
      }
      c.albedo[i] = glm::vec3(tone);
      c.height[i] = h;
      c.roughness[i] = rough;
    }
}

}  // namespace scene::materials
