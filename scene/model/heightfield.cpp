#include "scene/model/heightfield.h"

#include <algorithm>
#include <cmath>

#include "scene/model/erosion.h"
#include "scene/model/geometry2d.h"
#include "scene/model/hash.h"
#include "scene/model/scenario.h"
#include "scene/model/water.h"

namespace scene {

namespace {

// Deterministic lattice hash -> [0, 1): value noise must not depend on any global RNG so
// that every machine builds the same ground.
float lattice(int x, int z, std::uint32_t seed) {
  const std::uint32_t h = hash32(seed, static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(z));
  return static_cast<float>(h & 0xFFFFFF) / static_cast<float>(0x1000000);
}

float value_noise(glm::vec2 p, std::uint32_t seed) {
  const glm::vec2 cell = glm::floor(p);
  const glm::vec2 f = p - cell;
  const glm::vec2 s = f * f * (3.0f - 2.0f * f);
  const int x = static_cast<int>(cell.x), z = static_cast<int>(cell.y);
  const float a = lattice(x, z, seed), b = lattice(x + 1, z, seed);
  const float c = lattice(x, z + 1, seed), d = lattice(x + 1, z + 1, seed);
  return glm::mix(glm::mix(a, b, s.x), glm::mix(c, d, s.x), s.y) * 2.0f - 1.0f;
}

float relief(const Terrain& terrain, glm::vec2 xz) {
  if (terrain.relief_amplitude == 0 || terrain.relief_wavelength <= 0) return 0;
  float sum = 0, amplitude = 1, norm = 0;
  glm::vec2 p = xz / terrain.relief_wavelength;
  for (int octave = 0; octave < 4; ++octave) {
    sum += amplitude * value_noise(p, terrain.seed + octave * 1013u);
    norm += amplitude;
    amplitude *= 0.45f;
    p *= 2.07f;
  }
  return terrain.relief_amplitude * sum / norm;
}

// Ridged fractal noise in 0..1: sharp crests and branching valleys, as eroded hills have.
float ridged(glm::vec2 p) {
  float sum = 0, amplitude = 0.5f, norm = 0;
  for (int octave = 0; octave < 4; ++octave) {
    const float n = 1.0f - std::abs(value_noise(p, 9001u + octave * 7u));
    sum += amplitude * n * n;
    norm += amplitude;
    amplitude *= 0.5f;
    p *= 2.1f;
  }
  return sum / norm;
}

// Ridges this tall or taller are hills, broken into crests and valleys and eroded; lower
// ones are gentle rises on the plain and keep their smooth profile.
constexpr float kHillRidge = 60;

float ridge_profile(const Ridge& ridge, glm::vec2 xz) {
  const float d = polyline_distance(xz, ridge.points);
  const float half_width = std::max(ridge.width * 0.5f, 1.0f);
  return ridge.height * std::exp2(-(d / half_width) * (d / half_width));
}

// A ridge's height at a point given its smooth profile there.
float ridge_height(const Ridge& ridge, float profile, glm::vec2 xz) {
  // A low rise keeps its smooth profile, and so does the far foot of a hill (where the noise
  // would change nothing that shows, and costs most of the grid's build).
  if (ridge.height < kHillRidge || profile < 0.5f) return profile;
  // Real hills are cut by valleys and spurs: break tall ridges up so they read as hills in
  // low sun rather than one smooth swell (erosion then cuts the valleys between them).
  return profile * (0.45f + 0.9f * ridged(xz / 1100.0f));
}

// The plain's height at a point (relief and ridges), and in `hill` how much of it is hill
// country: the tall ridges' smooth profiles added up, in metres.
float relief_and_ridges(const Terrain& terrain, glm::vec2 xz, float& hill) {
  float h = terrain.base_height + relief(terrain, xz);
  hill = 0;
  for (const Ridge& ridge : terrain.ridges) {
    const float profile = ridge_profile(ridge, xz);
    h += ridge_height(ridge, profile, xz);
    if (ridge.height >= kHillRidge) hill += profile;
  }
  return h;
}

// Cross-section of a river channel, as an offset below the plain at distance d from the
// centre line. The carved channel is wider than the drawn water by `margin` so that the
// coarse ground grid never pokes through the water surface.
float river_offset(const River& river, float d, float margin) {
  const float half = river.width * 0.5f + margin;
  const float edge = river.water_level - 0.5f;  // ground just under the water at its edge
  if (d < half) {
    const float t = d / half;
    return glm::mix(-river.depth, edge, t * t);
  }
  if (d < half + river.bank_width) {
    const float t = (d - half) / river.bank_width;
    return glm::mix(edge, 0.0f, t * t * (3 - 2 * t));
  }
  return 0;
}

float lake_offset(const Lake& lake, glm::vec2 xz) {
  const float d = polyline_distance(xz, lake.outline, true);
  const bool inside = inside_polygon(xz, lake.outline);
  const float ramp = 80.0f;  // shelving shore
  if (inside) {
    const float t = glm::clamp(d / ramp, 0.0f, 1.0f);
    return -(0.5f + (lake.bed_depth - 0.5f) * t * t * (3 - 2 * t));
  }
  return d < 15.0f ? -0.5f * (1.0f - d / 15.0f) : 0.0f;
}

float moat_offset(const Moat& moat, const Wall& wall, glm::vec2 xz) {
  if (wall.closed && inside_polygon(xz, wall.points)) return 0;
  const float d = std::abs(polyline_distance(xz, wall.points, wall.closed) - moat_centre_distance(moat, wall));
  const float half = moat.width * 0.5f;
  if (d >= half + 3.0f) return 0;
  if (d >= half) return -moat.depth * 0.25f * (1.0f - (d - half) / 3.0f);
  const float t = d / half;
  return -moat.depth * (1.0f - 0.75f * t * t);
}

// The hills' weathering: where it starts and is full (metres of hill: the tall ridges' smooth profiles added up), how many
// rounds of water, and the loess terraces on the lower slopes (metres above the plain).
constexpr float kErodeFrom = 20, kErodeFull = 80;
constexpr int kErosionRounds = 4;
constexpr float kTerraceLow = 6, kTerraceHigh = 140, kTerraceStep = 4.5f;
// Erosion keeps this far (metres) from a river's bank, a lake or a moat: their water levels
// are read from the uneroded plain (plain_height).
constexpr float kWaterGuard = 300;

float hill_smoothstep(float a, float b, float x) {
  const float t = glm::clamp((x - a) / (b - a), 0.0f, 1.0f);
  return t * t * (3 - 2 * t);
}

void keep_water_uneroded(const Scenario& scenario, const Heightfield& field, const std::vector<const Wall*>& moat_walls,
                         std::vector<float>& erodible) {
  const glm::vec2 cell = field.cell_size();
  std::vector<Bounds2> river_bounds;  // each river's reach and the guard beyond: cheap to rule out
  for (const River& river : scenario.rivers) {
    Bounds2 b;
    for (glm::vec2 p : river.points) b.add(p);
    b.min -= glm::vec2(river.width * 0.5f + river.bank_width + kWaterGuard);
    b.max += glm::vec2(river.width * 0.5f + river.bank_width + kWaterGuard);
    river_bounds.push_back(b);
  }
  for (int iz = 0; iz < field.nz; ++iz)
    for (int ix = 0; ix < field.nx; ++ix) {
      float& k = erodible[static_cast<size_t>(iz) * field.nx + ix];
      if (k <= 0) continue;
      const glm::vec2 xz = field.min + glm::vec2(ix, iz) * cell;
      float nearest = 1e30f;  // metres beyond the water's reach
      for (size_t r = 0; r < scenario.rivers.size(); ++r) {
        const Bounds2& b = river_bounds[r];
        if (xz.x < b.min.x || xz.y < b.min.y || xz.x > b.max.x || xz.y > b.max.y) continue;
        const River& river = scenario.rivers[r];
        nearest = std::min(nearest, polyline_distance(xz, river.points) - river.width * 0.5f - river.bank_width);
      }
      for (const Lake& lake : scenario.lakes)
        if (lake.outline.size() >= 3)
          nearest =
              std::min(nearest, inside_polygon(xz, lake.outline) ? 0.0f : polyline_distance(xz, lake.outline, true));
      for (size_t m = 0; m < scenario.moats.size(); ++m)
        if (moat_walls[m])
          nearest =
              std::min(nearest, polyline_distance(xz, moat_walls[m]->points, moat_walls[m]->closed) -
                                    moat_centre_distance(scenario.moats[m], *moat_walls[m]) - scenario.moats[m].width);
      k *= hill_smoothstep(0.0f, kWaterGuard, nearest);
    }
}

}  // namespace

float HeightImage::sample(glm::vec2 uv) const {
  const float x = glm::clamp(uv.x, 0.0f, 1.0f) * (width - 1), y = glm::clamp(uv.y, 0.0f, 1.0f) * (height - 1);
  const int x0 = static_cast<int>(x), y0 = static_cast<int>(y);
  const int x1 = std::min(x0 + 1, width - 1), y1 = std::min(y0 + 1, height - 1);
  const auto v = [&](int i, int j) { return values[static_cast<size_t>(j) * width + i] / 65535.0f; };
  const float fx = x - x0, fy = y - y0;
  return glm::mix(glm::mix(v(x0, y0), v(x1, y0), fx), glm::mix(v(x0, y1), v(x1, y1), fx), fy);
}

float Heightfield::height(glm::vec2 xz) const {
  if (nx < 2 || nz < 2) return 0;
  const glm::vec2 grid = inv_cell.x > 0 ? (xz - min) * inv_cell : (xz - min) / cell_size();
  const glm::vec2 g = glm::clamp(grid, glm::vec2(0), glm::vec2(nx - 1, nz - 1));
  const int x0 = std::min(static_cast<int>(g.x), nx - 2), z0 = std::min(static_cast<int>(g.y), nz - 2);
  const float fx = g.x - x0, fz = g.y - z0;
  return glm::mix(glm::mix(at(x0, z0), at(x0 + 1, z0), fx), glm::mix(at(x0, z0 + 1), at(x0 + 1, z0 + 1), fx), fz);
}

glm::vec3 Heightfield::normal(glm::vec2 xz) const {
  const glm::vec2 step = cell_size();
  const float dx = height(xz + glm::vec2(step.x, 0)) - height(xz - glm::vec2(step.x, 0));
  const float dz = height(xz + glm::vec2(0, step.y)) - height(xz - glm::vec2(0, step.y));
  return glm::normalize(glm::vec3(-dx / (2 * step.x), 1.0f, -dz / (2 * step.y)));
}

bool Heightfield::intersect(glm::vec3 origin, glm::vec3 direction, float max_distance, glm::vec3& hit) const {
  if (nx < 2 || nz < 2 || glm::length(direction) == 0) return false;
  const glm::vec3 d = glm::normalize(direction);
  const float step = std::max(std::min(cell_size().x, cell_size().y) * 0.5f, 0.5f);
  float previous = 0;
  for (float t = 0; t <= max_distance; t += step) {
    const glm::vec3 p = origin + d * t;
    if (p.y <= height({p.x, p.z})) {
      // Refine between the last point above ground and this one.
      float lo = previous, hi = t;
      for (int i = 0; i < 24; ++i) {
        const float mid = 0.5f * (lo + hi);
        const glm::vec3 q = origin + d * mid;
        (q.y <= height({q.x, q.z}) ? hi : lo) = mid;
      }
      hit = origin + d * hi;
      return true;
    }
    previous = t;
  }
  return false;
}

float plain_height(const Scenario& scenario, glm::vec2 xz) {
  float hill;
  return relief_and_ridges(scenario.terrain, xz, hill);
}

float plain_at(const Scenario& scenario, const Heightfield& field, int ix, int iz) {
  if (!field.plain.empty()) return field.plain[static_cast<size_t>(iz) * field.nx + ix];
  return plain_height(scenario, field.min + glm::vec2(ix, iz) * field.cell_size());
}

Heightfield build_heightfield(const Scenario& scenario, const HeightImage* image) {
  const Terrain& terrain = scenario.terrain;
  Heightfield field;
  field.min = terrain.min;
  field.max = terrain.max;
  field.nx = field.nz = std::clamp(terrain.resolution, 2, 4096);
  field.heights.resize(static_cast<size_t>(field.nx) * field.nz);
  const glm::vec2 cell = field.cell_size();
  field.inv_cell = 1.0f / cell;
  const float margin = std::max(cell.x, cell.y);

  const bool use_image = image && terrain.heightmap;

  // Wall lookup for moats, done once.
  std::vector<const Wall*> moat_walls;
  for (const Moat& moat : scenario.moats) {
    const Wall* wall = nullptr;
    for (const Wall& w : scenario.walls)
      if (w.id == moat.around) wall = &w;
    moat_walls.push_back(wall);
  }

  // Bounds of each carving's reach, so a sample far from a river or lake skips it.
  const auto reach_bounds = [](const std::vector<glm::vec2>& points, float reach) {
    Bounds2 b;
    for (glm::vec2 p : points) b.add(p);
    b.min -= glm::vec2(reach);
    b.max += glm::vec2(reach);
    return b;
  };
  const auto contains = [](const Bounds2& b, glm::vec2 p) {
    return p.x >= b.min.x && p.y >= b.min.y && p.x <= b.max.x && p.y <= b.max.y;
  };
  std::vector<Bounds2> river_bounds, lake_bounds;
  for (const River& river : scenario.rivers)
    river_bounds.push_back(reach_bounds(river.points, river.width * 0.5f + margin + river.bank_width));
  for (const Lake& lake : scenario.lakes) lake_bounds.push_back(reach_bounds(lake.outline, 20.0f));

  // The plain before carving, and where it is hill country that weathers.
  field.plain.resize(field.heights.size());
  std::vector<float> erodible(field.heights.size(), 0.0f);
  bool hills = false;
  for (int iz = 0; iz < field.nz; ++iz) {
    for (int ix = 0; ix < field.nx; ++ix) {
      const glm::vec2 xz = field.min + glm::vec2(ix, iz) * cell;
      const size_t i = static_cast<size_t>(iz) * field.nx + ix;
      if (use_image) {
        const glm::vec2 uv = (xz - field.min) / (field.max - field.min);
        field.plain[i] = glm::mix(terrain.heightmap->min_height, terrain.heightmap->max_height, image->sample(uv));
        continue;  // a surveyed heightmap has its own valleys
      }
      float hill;
      field.plain[i] = relief_and_ridges(terrain, xz, hill);
      erodible[i] = hill_smoothstep(kErodeFrom, kErodeFull, hill);
      hills = hills || erodible[i] > 0;
    }
  }
  if (hills) {
    keep_water_uneroded(scenario, field, moat_walls, erodible);
    const ErosionGrid grid{field.nx, field.nz, cell, &field.plain, &erodible};
    erode_valleys(grid, kErosionRounds);
    terrace_slopes(grid, terrain.base_height, kTerraceLow, kTerraceHigh, kTerraceStep);
  }

  for (int iz = 0; iz < field.nz; ++iz) {
    for (int ix = 0; ix < field.nx; ++ix) {
      const glm::vec2 xz = field.min + glm::vec2(ix, iz) * cell;
      const size_t i = static_cast<size_t>(iz) * field.nx + ix;
      float offset = 0;
      for (size_t r = 0; r < scenario.rivers.size(); ++r) {
        if (!contains(river_bounds[r], xz)) continue;
        const River& river = scenario.rivers[r];
        const float reach = river.width * 0.5f + margin + river.bank_width;
        const float d = polyline_distance(xz, river.points);
        if (d < reach) offset = std::min(offset, river_offset(river, d, margin));
      }
      for (size_t l = 0; l < scenario.lakes.size(); ++l)
        if (scenario.lakes[l].outline.size() >= 3 && contains(lake_bounds[l], xz))
          offset = std::min(offset, lake_offset(scenario.lakes[l], xz));
      for (size_t m = 0; m < scenario.moats.size(); ++m)
        if (moat_walls[m]) offset = std::min(offset, moat_offset(scenario.moats[m], *moat_walls[m], xz));
      field.heights[i] = field.plain[i] + offset;
    }
  }
  return field;
}

}  // namespace scene
