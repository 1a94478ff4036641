// Chunked terrain with levels of detail chosen by geometric error: a flat plain collapses to
// a few large triangles, carved channels and hills keep the grid where it matters.
#include "scene/world/terrain_chunks.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "scene/model/heightfield.h"
#include "scene/world/world.h"

namespace scene {

namespace {

// Grid lines from lo to hi (inclusive) every `step`, always ending on hi.
std::vector<int> samples(int lo, int hi, int step) {
  std::vector<int> out;
  for (int i = lo; i < hi; i += step) out.push_back(i);
  out.push_back(hi);
  return out;
}

// Largest vertical distance between the full grid and the coarse surface of one level, whose
// corner heights are `corner(i, j)` at grid lines xs[i], zs[j]. Where the ground is carved below
// the plain (channels, moats, lake beds) the error counts `weight` times.
constexpr float kWetWeight = 8.0f;

template <typename Corner>
float level_error(const Heightfield& g, const std::vector<float>& weight, const std::vector<int>& xs,
                  const std::vector<int>& zs, Corner corner) {
  float worst = 0;
  for (size_t j = 0; j + 1 < zs.size(); ++j) {
    for (size_t i = 0; i + 1 < xs.size(); ++i) {
      const int x0 = xs[i], x1 = xs[i + 1], z0 = zs[j], z1 = zs[j + 1];
      const float h00 = corner(i, j), h01 = corner(i + 1, j), h10 = corner(i, j + 1), h11 = corner(i + 1, j + 1);
      for (int z = z0; z <= z1; ++z) {
        for (int x = x0; x <= x1; ++x) {
          const float u = static_cast<float>(x - x0) / static_cast<float>(x1 - x0);
          const float v = static_cast<float>(z - z0) / static_cast<float>(z1 - z0);
          // The same diagonal as the index pattern below: v01-v10.
          const float h = u + v <= 1 ? h00 + u * (h01 - h00) + v * (h10 - h00)
                                     : h11 + (1 - u) * (h10 - h11) + (1 - v) * (h01 - h11);
          worst = std::max(worst, std::abs(h - g.at(x, z)) * weight[static_cast<size_t>(z) * g.nx + x]);
        }
      }
    }
  }
  return worst;
}

// The grid lines within one sample step of sample i: [xs[i-1], xs[i+1]], clamped to the chunk.
std::pair<int, int> step_window(const std::vector<int>& xs, size_t i) {
  return {xs[i > 0 ? i - 1 : i], xs[i + 1 < xs.size() ? i + 1 : i]};
}

// A coarse level of ground that holds water: each corner takes the lowest ground within one
// sample step of it (inside the chunk), so every coarse triangle lies at or below the full
// grid and can never rise through the water drawn over a channel, a moat or a lake bed.
std::vector<float> lowest_within_step(const Heightfield& g, const std::vector<int>& xs, const std::vector<int>& zs) {
  std::vector<float> out(xs.size() * zs.size());
  for (size_t j = 0; j < zs.size(); ++j)
    for (size_t i = 0; i < xs.size(); ++i) {
      const auto [xa, xb] = step_window(xs, i);
      const auto [za, zb] = step_window(zs, j);
      float lowest = 1e30f;
      for (int z = za; z <= zb; ++z)
        for (int x = xa; x <= xb; ++x) lowest = std::min(lowest, g.at(x, z));
      out[j * xs.size() + i] = lowest;
    }
  return out;
}

// Such a corner's colour and normal: the mean over the same window of the dry ground (weight
// 1) alone, or of all of it where none is dry. A coarse triangle is hundreds of metres across:
// the channel's dark bed and pale banks, a cell or two wide, would spread over all of it as a
// band along the river (and the fields' share would fade there), while the water drawn over
// the channel covers what it is meant to; what shows beside it is the fields.
Vertex mean_vertex(const std::vector<Vertex>& grid, const std::vector<float>& weight, int nx, std::pair<int, int> xr,
                   std::pair<int, int> zr) {
  glm::vec4 colour(0), any_colour(0);
  glm::vec3 normal(0), any_normal(0);
  int n = 0, dry = 0;
  for (int z = zr.first; z <= zr.second; ++z)
    for (int x = xr.first; x <= xr.second; ++x, ++n) {
      const size_t i = static_cast<size_t>(z) * nx + x;
      const glm::vec4 c = unpack_color(grid[i].color);
      any_colour += c;
      any_normal += grid[i].normal;
      if (weight[i] > 1) continue;
      colour += c;
      normal += grid[i].normal;
      ++dry;
    }
  if (dry == 0) colour = any_colour, normal = any_normal, dry = n;
  Vertex out = grid[static_cast<size_t>(zr.first) * nx + xr.first];
  colour /= static_cast<float>(dry);
  out.color = pack_color(glm::vec3(colour), colour.a);
  out.normal = glm::normalize(normal);
  return out;
}

}  // namespace

std::size_t TerrainChunks::full_triangles() const {
  std::size_t n = 0;
  for (const TerrainChunk& c : chunks) n += c.levels[0].count / 3;
  return n;
}

namespace {

// What every chunk's build reads (the ground and its weights) and appends to (the mesh, the
// index list, the chunks).
struct ChunkBuilder {
  const Heightfield& ground;
  std::vector<float> weight;       // per grid sample: kWetWeight under carved water, else 1
  std::vector<float> unit_weight;  // all 1: a wet chunk's lowered levels are measured unweighted
  TerrainChunks& out;
  std::vector<std::uint32_t>& indices;

  std::uint32_t grid(int x, int z) const { return static_cast<std::uint32_t>(z * ground.nx + x); }

  // Each level's worst height error (never less than the finer level's); a wet chunk's coarse
  // levels get their lowered corner heights in `lowered_levels`.
  std::array<float, TerrainChunk::kLevels> level_errors(
      bool wet, int cx, int x_hi, int cz, int z_hi,
      std::array<std::vector<float>, TerrainChunk::kLevels>& lowered_levels) const {
    std::array<float, TerrainChunk::kLevels> error{};
    for (int k = 1; k < TerrainChunk::kLevels; ++k) {
      const std::vector<int> xs = samples(cx, x_hi, 1 << k), zs = samples(cz, z_hi, 1 << k);
      float e = 0;
      if (wet) {
        lowered_levels[k] = lowest_within_step(ground, xs, zs);
        const std::vector<float>& h = lowered_levels[k];
        e = level_error(ground, unit_weight, xs, zs, [&](size_t i, size_t j) { return h[j * xs.size() + i]; });
      } else {
        e = level_error(ground, weight, xs, zs, [&](size_t i, size_t j) { return ground.at(xs[i], zs[j]); });
      }
      error[k] = std::max(error[k - 1], e);
    }
    return error;
  }

  // The chunk of kTerrainChunkCells cells from (cx, cz): its lowest and highest ground, and
  // whether carved water lies over any of it.
  struct Extent {
    float lo = 1e30f, hi = -1e30f;
    bool wet = false;
  };
  Extent scan_extent(int cx, int cz) const {
    Extent e;
    const int x_hi = std::min(cx + kTerrainChunkCells, ground.nx - 1),
              z_hi = std::min(cz + kTerrainChunkCells, ground.nz - 1);
    for (int z = cz; z <= z_hi; ++z)
      for (int x = cx; x <= x_hi; ++x) {
        e.lo = std::min(e.lo, ground.at(x, z));
        e.hi = std::max(e.hi, ground.at(x, z));
        e.wet = e.wet || weight[grid(x, z)] > 1;
      }
    return e;
  }
  // Every chunk's extent, once: each chunk reads its own and its four neighbours'.
  std::vector<Extent> extents;  // in out's chunk order
  void measure_extents() {
    for (int cz = 0; cz + 1 < ground.nz; cz += kTerrainChunkCells)
      for (int cx = 0; cx + 1 < ground.nx; cx += kTerrainChunkCells) extents.push_back(scan_extent(cx, cz));
  }
  // The extent of the chunk from (cx, cz); off the grid, an empty one that is not wet.
  Extent extent(int cx, int cz) const {
    if (cx < 0 || cz < 0 || cx + 1 >= ground.nx || cz + 1 >= ground.nz) return {};
    return extents[static_cast<std::size_t>(cz / kTerrainChunkCells * out.chunks_x + cx / kTerrainChunkCells)];
  }

  // One chunk of kTerrainChunkCells cells from (cx, cz): its levels, skirts and bounds.
  void add_chunk(int cx, int cz) {
    const int x_hi = std::min(cx + kTerrainChunkCells, ground.nx - 1),
              z_hi = std::min(cz + kTerrainChunkCells, ground.nz - 1);
    TerrainChunk chunk;
    const Extent own = extent(cx, cz);
    const float lo = own.lo, hi = own.hi;
    chunk.wet = own.wet;
    // Wet chunks' coarse levels are lowered (lowest_within_step): their own corner heights.
    std::array<std::vector<float>, TerrainChunk::kLevels> lowered_levels;
    const std::array<float, TerrainChunk::kLevels> error = level_errors(chunk.wet, cx, x_hi, cz, z_hi, lowered_levels);
    // Deep enough to hide a crack beside any neighbour's level. A wet chunk's lowered level
    // may sit anywhere between its lowest and highest ground, below the border it shares with
    // a neighbour, so the neighbour's skirt must reach that far down too: else a ray over the
    // neighbour's edge passes above the wet chunk's and through the ground.
    float below = chunk.wet ? hi - lo : std::min(error.back(), hi - lo);
    for (const glm::ivec2 step : {glm::ivec2(-1, 0), glm::ivec2(1, 0), glm::ivec2(0, -1), glm::ivec2(0, 1)})
      if (const Extent e = extent(cx + step.x * kTerrainChunkCells, cz + step.y * kTerrainChunkCells); e.wet)
        below = std::max(below, e.hi - e.lo);
    const float skirt = below + 1.0f;

    // This chunk's own lowered copies of its border vertices.
    std::vector<std::uint32_t> lowered(static_cast<size_t>(x_hi - cx + 1) * (z_hi - cz + 1), 0);
    const auto low = [&](int x, int z) -> std::uint32_t& {
      return lowered[static_cast<size_t>(z - cz) * (x_hi - cx + 1) + (x - cx)];
    };
    for (int z = cz; z <= z_hi; ++z)
      for (int x = cx; x <= x_hi; ++x)
        if (x == cx || x == x_hi || z == cz || z == z_hi) {
          Vertex v = out.mesh.vertices[grid(x, z)];
          v.position.y -= skirt;
          low(x, z) = static_cast<std::uint32_t>(out.mesh.vertices.size());
          out.mesh.vertices.push_back(v);
        }

    for (int k = 0; k < TerrainChunk::kLevels; ++k) {
      const std::vector<int> xs = samples(cx, x_hi, 1 << k), zs = samples(cz, z_hi, 1 << k);
      // The level's corners: the full grid's vertices, or a wet level's own lowered copies.
      std::vector<std::uint32_t> corner(xs.size() * zs.size());
      for (size_t j = 0; j < zs.size(); ++j)
        for (size_t i = 0; i < xs.size(); ++i) {
          std::uint32_t& c = corner[j * xs.size() + i];
          c = grid(xs[i], zs[j]);
          if (lowered_levels[k].empty()) continue;
          Vertex v = mean_vertex(out.mesh.vertices, weight, ground.nx, step_window(xs, i), step_window(zs, j));
          v.position = glm::vec3(out.mesh.vertices[c].position.x, lowered_levels[k][j * xs.size() + i],
                                 out.mesh.vertices[c].position.z);
          c = static_cast<std::uint32_t>(out.mesh.vertices.size());
          out.mesh.vertices.push_back(v);
        }
      const auto at = [&](size_t i, size_t j) { return corner[j * xs.size() + i]; };
      const auto first = static_cast<std::uint32_t>(indices.size());
      for (size_t j = 0; j + 1 < zs.size(); ++j)
        for (size_t i = 0; i + 1 < xs.size(); ++i) {
          const std::uint32_t v00 = at(i, j), v01 = at(i + 1, j);
          const std::uint32_t v10 = at(i, j + 1), v11 = at(i + 1, j + 1);
          indices.insert(indices.end(), {v00, v10, v01, v01, v10, v11});
        }
      // Skirts along the four borders, both windings so either side hides a crack.
      // `point(s)`: the s-th corner along a border, as sample indices (i, j).
      const auto skirt_edge = [&](auto point, size_t n) {
        for (size_t s = 0; s + 1 < n; ++s) {
          const auto [ia, ja] = point(s);
          const auto [ib, jb] = point(s + 1);
          const std::uint32_t a = at(ia, ja), b = at(ib, jb), la = low(xs[ia], zs[ja]), lb = low(xs[ib], zs[jb]);
          indices.insert(indices.end(), {a, la, b, b, la, lb, a, b, la, b, lb, la});
        }
      };
      const size_t last_i = xs.size() - 1, last_j = zs.size() - 1;
      skirt_edge([&](size_t s) { return std::pair{s, size_t{0}}; }, xs.size());
      skirt_edge([&](size_t s) { return std::pair{s, last_j}; }, xs.size());
      skirt_edge([&](size_t s) { return std::pair{size_t{0}, s}; }, zs.size());
      skirt_edge([&](size_t s) { return std::pair{last_i, s}; }, zs.size());
      chunk.levels[k] = {first, static_cast<std::uint32_t>(indices.size()) - first};
    }
    const glm::vec2 a = ground.min + glm::vec2(cx, cz) * ground.cell_size();
    const glm::vec2 b = ground.min + glm::vec2(x_hi, z_hi) * ground.cell_size();
    chunk.min = glm::vec3(a.x, lo - skirt, a.y);
    chunk.max = glm::vec3(b.x, hi, b.y);
    out.chunks.push_back(chunk);
    out.errors.push_back(error);
  }
};

}  // namespace

TerrainChunks build_terrain_chunks(const Scenario& scenario, const Heightfield& ground, std::uint32_t object) {
  TerrainChunks out;
  out.mesh = build_ground_mesh(scenario, ground, object);
  const std::size_t grid_indices = static_cast<std::size_t>(ground.nx - 1) * (ground.nz - 1) * 6;
  // Keep the horizon skirt's indices at the front; the chunks' ranges follow.
  std::vector<std::uint32_t> indices(out.mesh.indices.begin() + static_cast<std::ptrdiff_t>(grid_indices),
                                     out.mesh.indices.end());
  out.horizon = {0, static_cast<std::uint32_t>(indices.size())};
  out.cell = std::max(ground.cell_size().x, ground.cell_size().y);
  ChunkBuilder builder{ground, std::vector<float>(ground.heights.size(), 1.0f),
                       std::vector<float>(ground.heights.size(), 1.0f), out, indices};
  for (int z = 0; z < ground.nz; ++z)
    for (int x = 0; x < ground.nx; ++x) {
      if (ground.at(x, z) < plain_at(scenario, ground, x, z) - 0.3f) builder.weight[builder.grid(x, z)] = kWetWeight;
    }
  out.origin = ground.min;
  out.chunk_size = ground.cell_size() * static_cast<float>(kTerrainChunkCells);
  out.chunks_x = (ground.nx - 2) / kTerrainChunkCells + 1;
  out.chunks_z = (ground.nz - 2) / kTerrainChunkCells + 1;
  builder.measure_extents();
  for (int cz = 0; cz + 1 < ground.nz; cz += kTerrainChunkCells)
    for (int cx = 0; cx + 1 < ground.nx; cx += kTerrainChunkCells) builder.add_chunk(cx, cz);
  out.mesh.indices = std::move(indices);
  return out;
}

int terrain_level(const TerrainChunks& terrain, std::size_t index, glm::vec3 eye, float pixel_angle, float max_error_px,
                  float max_cell_px) {
  const TerrainChunk& chunk = terrain.chunks[index];
  const glm::vec3 nearest = glm::clamp(eye, chunk.min, chunk.max);
  const float dist = std::max(glm::length(eye - nearest), 1.0f);
  const float metres_per_px = dist * pixel_angle;
  int level = 0;
  for (int k = 1; k < TerrainChunk::kLevels; ++k) {
    const float cell_px = terrain.cell * static_cast<float>(1 << k) / metres_per_px;
    if (terrain.errors[index][k] / metres_per_px > max_error_px || cell_px > max_cell_px) break;
    level = k;
  }
  return level;
}

int TerrainChunks::chunk_at(glm::vec2 xz) const {
  const glm::vec2 g = (xz - origin) / chunk_size;
  if (g.x < 0 || g.y < 0) return -1;
  const int x = static_cast<int>(g.x), z = static_cast<int>(g.y);
  if (x >= chunks_x || z >= chunks_z) return -1;
  return z * chunks_x + x;
}

bool box_in_frustum(const glm::mat4& view_proj, glm::vec3 min, glm::vec3 max) {
  const glm::mat4 m = glm::transpose(view_proj);  // rows of view_proj as columns
  const glm::vec4 planes[4] = {m[3] + m[0], m[3] - m[0], m[3] + m[1], m[3] - m[1]};
  for (const glm::vec4& p : planes) {
    // The box corner furthest along the plane's normal.
    const glm::vec3 far(p.x >= 0 ? max.x : min.x, p.y >= 0 ? max.y : min.y, p.z >= 0 ? max.z : min.z);
    if (glm::dot(glm::vec3(p), far) + p.w < 0) return false;
  }
  // Behind the camera: the w row says how far in front a point is.
  const glm::vec4 w = m[3];
  const glm::vec3 front(w.x >= 0 ? max.x : min.x, w.y >= 0 ? max.y : min.y, w.z >= 0 ? max.z : min.z);
  return glm::dot(glm::vec3(w), front) + w.w > 0;
}

}  // namespace scene
