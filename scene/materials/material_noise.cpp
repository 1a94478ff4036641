#include <algorithm>
#include <cmath>

#include "scene/materials/material_canvas.h"
#include "scene/model/hash.h"

namespace scene::materials {

Canvas::Canvas(int size_, float metres_)
    : size(size_),
      metres(metres_),
      albedo(static_cast<size_t>(size_) * size_, glm::vec3(1.0f)),
      height(static_cast<size_t>(size_) * size_, 0.0f),
      roughness(static_cast<size_t>(size_) * size_, 0.9f) {}

namespace {

// Lattice indices stray at most a little outside 0..n-1: no division for them.
int wrap(int i, int n) {
  if (i >= 0 && i < n) return i;
  if (i < 0 && i >= -n) return i + n;
  if (i >= n && i < 2 * n) return i - n;
  return ((i % n) + n) % n;
}

float lattice(int x, int y, std::uint32_t seed) {
  return unit_float(hash32(static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(y), seed));
}

float fade(float t) { return t * t * (3.0f - 2.0f * t); }

}  // namespace

float noise2(float x, float y, int cells_x, int cells_y, std::uint32_t seed) {
  const float fx = x * static_cast<float>(cells_x), fy = y * static_cast<float>(cells_y);
  const float ix = std::floor(fx), iy = std::floor(fy);
  const int x0 = wrap(static_cast<int>(ix), cells_x), y0 = wrap(static_cast<int>(iy), cells_y);
  const int x1 = wrap(x0 + 1, cells_x), y1 = wrap(y0 + 1, cells_y);
  const float tx = fade(fx - ix), ty = fade(fy - iy);
  const float a = lattice(x0, y0, seed), b = lattice(x1, y0, seed);
  const float c = lattice(x0, y1, seed), d = lattice(x1, y1, seed);
  return (a + (b - a) * tx) + ((c + (d - c) * tx) - (a + (b - a) * tx)) * ty;
}

float noise(float x, float y, int cells, std::uint32_t seed) { return noise2(x, y, cells, cells, seed); }

float fbm(float x, float y, int cells, int octaves, std::uint32_t seed) {
  float sum = 0, weight = 0.5f, total = 0;
  for (int o = 0; o < octaves; ++o) {
    sum += weight * noise(x, y, cells << o, seed + static_cast<std::uint32_t>(o) * 0x3c6ef372u);
    total += weight;
    weight *= 0.5f;
  }
  return sum / total;
}

Points::Points(int cells, std::uint32_t seed, float jitter) : cells_(cells) {
  for (int y = 0; y < cells; ++y)
    for (int x = 0; x < cells; ++x) {
      const std::uint32_t h = hash32(static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(y), seed);
      point_.emplace_back(0.5f + 0.5f * jitter * signed_unit(h), 0.5f + 0.5f * jitter * signed_unit(mix32(h)));
      id_.push_back(h);
    }
}

Nearest Points::nearest(float x, float y) const {
  const float fx = x * static_cast<float>(cells_), fy = y * static_cast<float>(cells_);
  const int cx = static_cast<int>(std::floor(fx)), cy = static_cast<int>(std::floor(fy));
  Nearest best;
  for (int j = -1; j <= 1; ++j) {
    const int row = wrap(cy + j, cells_) * cells_;
    for (int i = -1; i <= 1; ++i) {
      const int k = row + wrap(cx + i, cells_);
      const glm::vec2 offset(fx - static_cast<float>(cx + i) - point_[k].x,
                             fy - static_cast<float>(cy + j) - point_[k].y);
      const float d = offset.x * offset.x + offset.y * offset.y;  // squared until the end
      if (d < best.d1) {
        best.d2 = best.d1;
        best.d1 = d;
        best.id = id_[k];
        best.offset = offset;
      } else if (d < best.d2) {
        best.d2 = d;
      }
    }
  }
  best.d1 = std::sqrt(best.d1);
  best.d2 = std::sqrt(best.d2);
  return best;
}

Strokes::Strokes(int cells, std::uint32_t seed, float half_len, float half_width)
    : cells_(cells), half_len_(half_len), half_width_(half_width) {
  for (int y = 0; y < cells; ++y)
    for (int x = 0; x < cells; ++x) {
      const std::uint32_t h = hash32(static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(y), seed);
      glm::vec2 dir(signed_unit(h), signed_unit(mix32(h)));
      dir /= std::max(std::sqrt(dir.x * dir.x + dir.y * dir.y), 1e-3f);
      dir_.push_back(dir);
      centre_.emplace_back(unit_float(h >> 1), unit_float(h >> 2));
      id_.push_back(h | 1u);
    }
}

std::uint32_t Strokes::at(float x, float y) const {
  const float fx = x * static_cast<float>(cells_), fy = y * static_cast<float>(cells_);
  const int cx = static_cast<int>(std::floor(fx)), cy = static_cast<int>(std::floor(fy));
  std::uint32_t hit = 0;
  for (int j = -1; j <= 1; ++j) {
    const int row = wrap(cy + j, cells_) * cells_;
    for (int i = -1; i <= 1; ++i) {
      const int k = row + wrap(cx + i, cells_);
      const float px = fx - static_cast<float>(cx + i) - centre_[k].x,
                  py = fy - static_cast<float>(cy + j) - centre_[k].y;
      const float along = px * dir_[k].x + py * dir_[k].y;
      if (std::abs(along) >= half_len_) continue;
      const float across = -px * dir_[k].y + py * dir_[k].x;
      if (std::abs(across) < half_width_ * (1.0f - 0.5f * std::abs(along) / half_len_)) hit = id_[k];
    }
  }
  return hit;
}

float signed_unit(std::uint32_t h) { return unit_float(h) * 2.0f - 1.0f; }

float smooth(float edge0, float edge1, float x) {
  const float t = glm::clamp((x - edge0) / (edge1 - edge0), 0.0f, 1.0f);
  return t * t * (3.0f - 2.0f * t);
}

}  // namespace scene::materials
