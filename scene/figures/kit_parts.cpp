#include "scene/figures/kit_parts.h"

#include <algorithm>
#include <cmath>

#include "scene/model/color.h"
#include "shaders/shared.h"

namespace scene::kit {

std::uint32_t faction(glm::vec3 shade) { return pack_color(shade, shaders::kClassFactionAlpha); }
std::uint32_t garment(glm::vec3 shade) { return pack_color(shade, shaders::kClassGarmentAlpha); }
std::uint32_t banner(glm::vec3 shade) { return pack_color(shade, shaders::kClassBannerAlpha); }
std::uint32_t skin(glm::vec3 shade) { return pack_color(shade, shaders::kClassSkinAlpha); }
std::uint32_t albedo(glm::vec3 linear) { return pack_color(linear, shaders::kClassAlbedoAlpha); }
std::uint32_t albedo_hex(std::uint32_t srgb_hex) { return albedo(linear_from_hex(srgb_hex)); }

glm::vec3 linear_from_hex(std::uint32_t hex) {
  const auto channel = [](std::uint32_t byte) {
    const float c = static_cast<float>(byte & 0xFFu) / 255.0f;
    return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
  };
  return {channel(hex >> 16), channel(hex >> 8), channel(hex)};
}

namespace mat {
std::uint32_t iron() { return albedo_hex(0x5A5C5E); }
std::uint32_t dark_iron() { return albedo_hex(0x3A3C3F); }
std::uint32_t lacquer() { return albedo_hex(0x2E2420); }  // pitch-lacquered leather: near black, brown cast
std::uint32_t leather() { return albedo_hex(0x5C4030); }
std::uint32_t wood() { return albedo_hex(0x6E5238); }
std::uint32_t fur() { return albedo_hex(0x6A5440); }  // fox/marmot trim: reconstruction
std::uint32_t felt() { return albedo_hex(0xCFC6B4); }
std::uint32_t hair() { return albedo_hex(0x1C1816); }
std::uint32_t horn() { return albedo_hex(0x4A3626); }
std::uint32_t string() { return albedo_hex(0xB8AE96); }
std::uint32_t straw() { return albedo_hex(0xB9A275); }  // LOOK.md §3 stubble #B9A275
std::uint32_t gold() { return albedo_hex(0xC9A13B); }
std::uint32_t ink() { return albedo_hex(0x16120E); }
}  // namespace mat

namespace {

constexpr float kPi = 3.14159265f;

// Two unit vectors across the axis d: u as near +x as the axis allows, v = d x u.
void frame(glm::vec3 d, glm::vec3& u, glm::vec3& v) {
  const glm::vec3 ref = std::abs(d.x) < 0.9f ? glm::vec3(1, 0, 0) : glm::vec3(0, 0, -1);
  u = glm::normalize(ref - d * glm::dot(ref, d));
  v = glm::cross(d, u);
}

// A point at angle t (degrees, 0 = +x, 90 = -z) on the ellipse r round the vertical at c.
glm::vec3 round_point(glm::vec3 c, float y, glm::vec2 r, float t) {
  const float a = t * kPi / 180.0f;
  return {c.x + r.x * std::cos(a), y, c.z - r.y * std::sin(a)};
}

}  // namespace

void tube(Mesh& m, glm::vec3 a, glm::vec3 b, glm::vec2 ra, glm::vec2 rb, int sides, std::uint32_t colour, bool cap_a,
          bool cap_b) {
  const glm::vec3 d = glm::normalize(b - a);
  glm::vec3 u, v;
  frame(d, u, v);
  // Four sides: faces square to u and v, the radii their half-widths.
  const float offset = sides == 4 ? kPi / 4 : 0.0f;
  const float scale = sides == 4 ? std::sqrt(2.0f) : 1.0f;
  const auto ring = [&](glm::vec3 c, glm::vec2 r, int i) {
    const float t = offset + 2 * kPi * static_cast<float>(i) / static_cast<float>(sides);
    return c + (u * (r.x * std::cos(t)) + v * (r.y * std::sin(t))) * scale;
  };
  const bool point = rb.x <= 1e-4f && rb.y <= 1e-4f;
  for (int i = 0; i < sides; ++i) {
    const glm::vec3 a0 = ring(a, ra, i), a1 = ring(a, ra, i + 1);
    const glm::vec3 out = glm::normalize(a0 + a1 - 2.0f * a);
    if (point) {
      const glm::vec3 n = glm::cross(a1 - a0, b - a0);
      if (glm::dot(n, out) >= 0)
        m.add_triangle(a0, a1, b, colour, 0);
      else
        m.add_triangle(a1, a0, b, colour, 0);
      continue;
    }
    m.add_quad_facing(a0, a1, ring(b, rb, i + 1), ring(b, rb, i), out, colour, 0);
  }
  const auto cap = [&](glm::vec3 c, glm::vec2 r, glm::vec3 facing) {
    for (int i = 1; i + 1 < sides; ++i) {
      const glm::vec3 p0 = ring(c, r, 0), p1 = ring(c, r, i), p2 = ring(c, r, i + 1);
      if (glm::dot(glm::cross(p1 - p0, p2 - p0), facing) >= 0)
        m.add_triangle(p0, p1, p2, colour, 0);
      else
        m.add_triangle(p0, p2, p1, colour, 0);
    }
  };
  if (cap_a) cap(a, ra, -d);
  if (cap_b && !point) cap(b, rb, d);
}

void band(Mesh& m, glm::vec3 c, float y0, glm::vec2 r0, float y1, glm::vec2 r1, float a0, float a1, int segments,
          std::uint32_t colour, bool two_sided) {
  for (int i = 0; i < segments; ++i) {
    const float t0 = a0 + (a1 - a0) * static_cast<float>(i) / static_cast<float>(segments);
    const float t1 = a0 + (a1 - a0) * static_cast<float>(i + 1) / static_cast<float>(segments);
    const glm::vec3 p0 = round_point(c, y0, r0, t0), p1 = round_point(c, y0, r0, t1);
    const glm::vec3 q0 = round_point(c, y1, r1, t0), q1 = round_point(c, y1, r1, t1);
    glm::vec3 out = (p0 + p1) * 0.5f - glm::vec3(c.x, y0, c.z);
    out.y = 0;
    m.add_quad_facing(p0, p1, q1, q0, out, colour, 0);
    if (two_sided) m.add_quad_facing(p0, p1, q1, q0, -out, colour, 0);
  }
}

void striped_band(Mesh& m, glm::vec3 c, float y0, glm::vec2 r0, float y1, glm::vec2 r1, int segments,
                  std::uint32_t colour, std::uint32_t stripe) {
  const float step = 360.0f / static_cast<float>(segments);
  for (int i = 0; i < segments; ++i) {
    band(m, c, y0, r0, y1, r1, step * static_cast<float>(i), step * static_cast<float>(i + 1), 1,
         i % 2 ? stripe : colour, false);
  }
}

void block(Mesh& m, glm::vec3 lo, glm::vec3 hi, std::uint32_t colour) {
  m.add_box({(lo.x + hi.x) * 0.5f, lo.y, (lo.z + hi.z) * 0.5f}, hi - lo, 0.0f, colour, 0);
}

void panel(Mesh& m, glm::vec3 a, glm::vec3 b, glm::vec3 c, glm::vec3 d, std::uint32_t colour) {
  m.add_quad(a, b, c, d, colour, 0);
  m.add_quad(d, c, b, a, colour, 0);
}

void face(Mesh& m, glm::vec3 a, glm::vec3 b, glm::vec3 c, glm::vec3 d, glm::vec3 facing, std::uint32_t colour) {
  m.add_quad_facing(a, b, c, d, facing, colour, 0);
}

void bow(Mesh& m, glm::vec3 grip, glm::vec3 along, glm::vec3 front, float half, float depth, bool recurve,
         std::uint32_t wood, std::uint32_t string) {
  // Stations along the stave, s in -1..1: the limbs bend back from the grip (towards the string).
  const auto at = [&](float s) {
    float back = depth * s * s;
    if (recurve && std::abs(s) > 0.85f) back -= depth * 3.0f * (std::abs(s) - 0.85f);  // tips flick forward
    return grip + along * (half * s) - front * back;
  };
  const float stations[] = {-1.0f, -0.85f, -0.45f, 0.0f, 0.45f, 0.85f, 1.0f};
  const int first = recurve ? 0 : 1, last = recurve ? 6 : 5;
  for (int i = first; i < last; ++i) {
    const float r = i == 2 || i == 3 ? 0.016f : 0.012f;
    tube(m, at(stations[i]), at(stations[i + 1]), {r, r}, {r, r}, 3, wood);
  }
  // The string between the nocks (the tips' inner end on a recurve).
  const glm::vec3 n0 = at(stations[first + (recurve ? 1 : 0)]), n1 = at(stations[last - (recurve ? 1 : 0)]);
  tube(m, n0, n1, {0.004f, 0.004f}, {0.004f, 0.004f}, 3, string);
}

void PartSet::variant(int group, int option) {
  group_ = static_cast<std::uint8_t>(group);
  option_ = static_cast<std::uint8_t>(group == 0 ? 0 : option);
}

Mesh& PartSet::on(Bone bone) {
  const auto key = std::make_tuple(static_cast<int>(bone), static_cast<int>(group_), static_cast<int>(option_));
  const auto found = index_.find(key);
  if (found != index_.end()) return build_.parts[found->second].mesh;
  index_[key] = build_.parts.size();
  RigPart part;
  part.bone = bone;
  part.variant_group = group_;
  part.option = option_;
  build_.parts.push_back(std::move(part));
  return build_.parts.back().mesh;
}

glm::vec3 PartSet::at(Bone bone) const { return rig_joints(build_.mounted)[static_cast<std::size_t>(bone)].pivot; }

}  // namespace scene::kit
