// Roads: ribbons of packed earth draped on the ground, rutted by cart wheels, grassy at the
// verges, raised on an embankment for a causeway, and carried over rivers and moats on a flat
// timber deck.
#include <algorithm>
#include <cmath>

#include "scene/model/geometry2d.h"
#include "scene/model/heightfield.h"
#include "scene/model/material.h"
#include "scene/world/terrain_chunks.h"
#include "scene/world/world.h"

namespace scene {

namespace {

// Linear albedos: a road is lighter than the fields (trodden loess), its verges in between.
constexpr glm::vec3 kPackedEarth{0.22f, 0.175f, 0.12f};
constexpr glm::vec3 kTrackEarth{0.19f, 0.16f, 0.11f};
constexpr glm::vec3 kVerge{0.15f, 0.13f, 0.085f};
constexpr glm::vec3 kEmbankment{0.17f, 0.145f, 0.10f};
constexpr glm::vec3 kDeck{0.19f, 0.12f, 0.07f};
constexpr glm::vec3 kDeckSide{0.15f, 0.10f, 0.06f};
constexpr glm::vec3 kRutShade{0.72f, 0.70f, 0.68f};  // a rut's floor, darker and a little cooler (damp, shaded)

// Carts' wheels cut two ruts about a gauge apart down the middle of a road, with a crown of
// untrodden earth between them.
constexpr float kHalfGauge = 0.75f;
constexpr float kRutHalfWidth = 0.3f;
constexpr float kRutDepth = 0.07f;
constexpr float kCrown = 0.08f;

constexpr float kLift = 0.25f;       // metres above the ground: clear of it where the grid bends between samples
constexpr float kVergeLift = 0.08f;  // the verge's outer edge nearly meets the ground
constexpr float kMaxLodLift = 1.0f;  // most a road rises to stay above the terrain's coarser levels
constexpr float kWetDepth = 0.3f;    // ground carved this far below the plain is a channel, moat or lake bed
constexpr float kDeckAbove = 0.5f;   // a deck stands this far above the higher of its two landings
constexpr float kDeckThickness = 1.2f;
constexpr float kParapet = 0.9f;       // a bridge's railing
constexpr float kRailPostStep = 2.5f;  // metres between its posts
constexpr float kPileStep = 6.0f;      // metres between its trestles
constexpr float kCausewayHeight = 1.2f;

glm::vec2 perpendicular(glm::vec2 d) { return glm::vec2(-d.y, d.x); }

// Height of the terrain as drawn at level of detail `level` (terrain_chunks.cpp): the grid
// sampled every 2^level-th line from each chunk's first line and always on its last, cut
// into triangles along the same diagonal.
float level_height(const Heightfield& g, glm::vec2 p, int level) {
  const glm::vec2 cell = g.cell_size();
  const float gx = glm::clamp((p.x - g.min.x) / cell.x, 0.0f, static_cast<float>(g.nx - 1));
  const float gz = glm::clamp((p.y - g.min.y) / cell.y, 0.0f, static_cast<float>(g.nz - 1));
  const int step = 1 << level;
  const auto lines = [&](float at, int n, int& lo, int& hi) {
    const int last_chunk = ((n - 2) / kTerrainChunkCells) * kTerrainChunkCells;
    const int c = std::min(static_cast<int>(at) / kTerrainChunkCells * kTerrainChunkCells, last_chunk);
    const int c_hi = std::min(c + kTerrainChunkCells, n - 1);
    lo = std::min(c + static_cast<int>((at - static_cast<float>(c)) / static_cast<float>(step)) * step,
                  c + (c_hi - c - 1) / step * step);
    hi = std::min(lo + step, c_hi);
  };
  int x0, x1, z0, z1;
  lines(gx, g.nx, x0, x1);
  lines(gz, g.nz, z0, z1);
  const float u = (gx - static_cast<float>(x0)) / static_cast<float>(x1 - x0);
  const float v = (gz - static_cast<float>(z0)) / static_cast<float>(z1 - z0);
  const float h00 = g.at(x0, z0), h01 = g.at(x1, z0), h10 = g.at(x0, z1), h11 = g.at(x1, z1);
  return u + v <= 1 ? h00 + u * (h01 - h00) + v * (h10 - h00) : h11 + (1 - u) * (h10 - h11) + (1 - v) * (h01 - h11);
}

// Where a road lies: on the full-resolution ground, raised (up to kMaxLodLift) where a
// coarser level of the terrain, drawn for distant chunks, would bulge over it.
float road_ground(const Heightfield& g, glm::vec2 p) {
  const float fine = level_height(g, p, 0);
  float top = fine;
  for (int k = 1; k < TerrainChunk::kLevels; ++k) top = std::max(top, level_height(g, p, k));
  return fine + std::min(top - fine, kMaxLodLift);
}

// One column of the road's cross-section: offset from the centre line, height above the
// ground, colour.
struct Column {
  float offset;
  float lift;
  glm::vec3 colour;
  Material material = Material::PackedEarth;
};

// The middle of a road's top at `lift`, left to right: two ruts and the crown between them.
void add_rutted_top(std::vector<Column>& out, float lift, glm::vec3 top) {
  const glm::vec3 rut = top * kRutShade;
  const float g = kHalfGauge, w = kRutHalfWidth;
  for (const Column& c : std::initializer_list<Column>{{-g - w, lift, top},
                                                       {-g, lift - kRutDepth, rut},
                                                       {-g + w, lift + kCrown * 0.5f, top},
                                                       {0, lift + kCrown, top},
                                                       {g - w, lift + kCrown * 0.5f, top},
                                                       {g, lift - kRutDepth, rut},
                                                       {g + w, lift, top}})
    out.push_back(c);
}

std::vector<Column> cross_section(const Road& road) {
  const float half = road.width * 0.5f;
  const glm::vec3 top = road.kind == RoadKind::Track ? kTrackEarth : kPackedEarth;
  std::vector<Column> out;
  if (road.kind == RoadKind::Causeway) {
    const float foot = half + kCausewayHeight * 2.0f;  // sides sloping 1 in 2
    out = {{-foot, kVergeLift, kEmbankment, Material::Grass},
           {-half, kCausewayHeight, kEmbankment, Material::PackedEarth},
           {-half * 0.8f, kCausewayHeight, top, Material::PackedEarth}};
    if (half * 0.8f > kHalfGauge + kRutHalfWidth + 0.2f) add_rutted_top(out, kCausewayHeight, top);
    out.push_back({half * 0.8f, kCausewayHeight, top, Material::PackedEarth});
    out.push_back({half, kCausewayHeight, kEmbankment, Material::PackedEarth});
    out.push_back({foot, kVergeLift, kEmbankment, Material::Grass});
    return out;
  }
  const float verge = std::max(1.0f, road.width * 0.2f);
  out = {{-half - verge, kVergeLift, kVerge, Material::Grass}, {-half, kLift, top, Material::PackedEarth}};
  if (half > kHalfGauge + kRutHalfWidth + 0.2f)
    add_rutted_top(out, kLift, top);
  else
    out.push_back({0, kLift + kCrown * 0.5f, top, Material::PackedEarth});
  out.push_back({half, kLift, top, Material::PackedEarth});
  out.push_back({half + verge, kVergeLift, kVerge, Material::Grass});
  return out;
}

// Whether p is within reach of a river's channel, a moat or a lake: the only places whose
// carved ground wants a bridge (hills have hollows below the smooth plain too).
bool near_water(const Scenario& scenario, glm::vec2 p) {
  constexpr float kMargin = 15.0f;
  for (const River& river : scenario.rivers)
    if (polyline_distance(p, river.points) < river.width * 0.5f + river.bank_width + kMargin) return true;
  for (const Moat& moat : scenario.moats)
    for (const Wall& wall : scenario.walls)
      if (wall.id == moat.around &&
          polyline_distance(p, wall.points, wall.closed) < wall.thickness * 0.5f + moat.offset + moat.width + kMargin)
        return true;
  for (const Lake& lake : scenario.lakes)
    if (inside_polygon(p, lake.outline) || polyline_distance(p, lake.outline, true) < kMargin) return true;
  return false;
}

// Samples of the centre line that stand over carved ground by water (river, moat, lake bed).
std::vector<bool> wet_samples(const Scenario& scenario, const Heightfield& g, const std::vector<glm::vec2>& line,
                              const std::vector<glm::vec2>& sides, float half) {
  std::vector<bool> wet(line.size(), false);
  for (size_t i = 0; i < line.size(); ++i) {
    if (!near_water(scenario, line[i])) continue;
    for (float s : {-1.0f, 0.0f, 1.0f}) {
      const glm::vec2 p = line[i] + sides[i] * (s * half);
      if (g.height(p) < plain_height(scenario, p) - kWetDepth) wet[i] = true;
    }
  }
  return wet;
}

// Each sample's bridge deck height: every run of wet samples becomes a flat deck between the
// dry samples either side; -1e30 where the road is not bridged.
std::vector<float> deck_heights(const Heightfield& ground, const std::vector<glm::vec2>& line,
                                const std::vector<bool>& wet) {
  const size_t n = line.size();
  std::vector<float> deck(n, -1e30f);
  for (size_t i = 0; i < n;) {
    if (!wet[i]) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < n && wet[end]) ++end;
    const size_t first = i > 0 ? i - 1 : i, last = end < n ? end : n - 1;
    const float y = std::max(road_ground(ground, line[first]), road_ground(ground, line[last])) + kDeckAbove;
    for (size_t k = i; k < end; ++k) deck[k] = y;
    i = end;
  }
  return deck;
}

// A post or a pile as one upright slat `width` metres along `along` and `height` high from
// `base`, seen from either side: railings and piles are seen across the bridge, and a box's
// eight triangles for each would cost a CPU rasteriser more than their thickness shows.
void add_slat(Mesh& mesh, glm::vec3 base, glm::vec2 along, float width, float height, std::uint32_t colour,
              std::uint32_t object) {
  const glm::vec3 half(along.x * width * 0.5f, 0, along.y * width * 0.5f), up(0, height, 0);
  const glm::vec3 across(-along.y, 0, along.x);
  mesh.add_quad_facing(base - half, base + half, base + half + up, base - half + up, across, colour, object);
  mesh.add_quad_facing(base - half, base + half, base + half + up, base - half + up, -across, colour, object);
}

}  // namespace

std::vector<glm::vec2> road_centre_line(const Scenario& scenario, const Road& road) {
  std::vector<glm::vec2> line;
  if (!road.gate.empty()) {
    // The gate's place on its wall, as add_gate snaps it: the road starts inside the gatehouse.
    for (const Gate& gate : scenario.gates) {
      if (gate.id != road.gate) continue;
      for (const Wall& wall : scenario.walls) {
        if (wall.id != gate.wall || wall.points.size() < 2) continue;
        const std::vector<glm::vec2> path = explicit_path(wall.points, wall.closed);
        float best = 1e30f;
        glm::vec2 at = gate.position;
        for (size_t i = 0; i + 1 < path.size(); ++i) {
          float t;
          const float d = segment_distance(gate.position, path[i], path[i + 1], &t);
          if (d < best) best = d, at = path[i] + (path[i + 1] - path[i]) * t;
        }
        line.push_back(at);
      }
    }
  }
  for (glm::vec2 p : road.path)
    if (line.empty() || glm::length(p - line.back()) > 0.5f) line.push_back(p);  // no zero-length pieces
  return line;
}

// The samples a ribbon of `m` columns per sample cannot do without: a sample is dropped where
// the straight ribbon between the samples kept either side stays within a few centimetres of
// every column it had (on the flat plain a straight road keeps its two ends), and both
// samples on either side of a change between ground and bridge stay.
template <typename Bridged>
std::vector<size_t> needed_samples(const std::vector<Vertex>& section, size_t m, Bridged bridged) {
  constexpr float kTolerance = 0.04f;  // metres
  const size_t n = section.size() / m;
  const auto at = [&](size_t i, size_t j) { return section[i * m + j].position; };
  const auto fits = [&](size_t a, size_t b) {
    for (size_t k = a + 1; k < b; ++k) {
      if (bridged(k) != bridged(a) || bridged(k) != bridged(b)) return false;
      for (size_t j = 0; j < m; ++j) {
        const glm::vec3 ab = at(b, j) - at(a, j);
        const float t = glm::clamp(glm::dot(at(k, j) - at(a, j), ab) / std::max(glm::dot(ab, ab), 1e-6f), 0.0f, 1.0f);
        if (glm::length(at(a, j) + t * ab - at(k, j)) > kTolerance) return false;
      }
    }
    return true;
  };
  std::vector<size_t> kept{0};
  for (size_t b = 2; b < n; ++b)
    if (!fits(kept.back(), b)) kept.push_back(b - 1);
  if (n > 1) kept.push_back(n - 1);
  return kept;
}

void add_road(Mesh& mesh, const Scenario& scenario, const Heightfield& ground, const Road& road, std::uint32_t object) {
  const glm::vec2 cell = ground.cell_size();
  // A third of a grid cell between samples, so the ribbon bends with the ground.
  const float step = glm::clamp(std::min(cell.x, cell.y) / 3.0f, 2.0f, 12.0f);
  const std::vector<glm::vec2> line = resample(road_centre_line(scenario, road), step);
  if (line.size() < 2) return;
  const std::vector<Column> columns = cross_section(road);
  const size_t n = line.size(), m = columns.size();

  std::vector<glm::vec2> sides(n);
  for (size_t i = 0; i < n; ++i) {
    // Average the neighbouring segments' directions so corners do not pinch.
    const glm::vec2 prev = line[i > 0 ? i - 1 : i], next = line[i + 1 < n ? i + 1 : i];
    sides[i] = glm::normalize(perpendicular(glm::normalize(next - prev)));
  }

  // Bridges: each run of wet samples becomes a flat deck between the dry samples either side.
  const std::vector<bool> wet = wet_samples(scenario, ground, line, sides, road.width * 0.5f);
  const std::vector<float> deck = deck_heights(ground, line, wet);
  const auto bridged = [&](size_t i) { return deck[i] > -1e29f; };

  // Every sample's cross-section, then only the samples the ribbon's shape needs.
  std::vector<Vertex> section;
  section.reserve(n * m);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < m; ++j) {
      const Column& c = columns[j];
      if (bridged(i)) {
        // The deck as wide as the road's top, edged in darker timber.
        const bool edge = j == 0 || j + 1 == m;
        const float offset = glm::clamp(c.offset, -road.width * 0.5f - 0.5f, road.width * 0.5f + 0.5f);
        const glm::vec2 p = line[i] + sides[i] * offset;
        section.push_back({glm::vec3(p.x, deck[i], p.y), glm::vec3(0, 1, 0),
                           pack_material(edge ? kDeckSide : kDeck, Material::Timber), object});
        continue;
      }
      const glm::vec2 p = line[i] + sides[i] * c.offset;
      glm::vec3 normal = ground.normal(p);
      if (road.kind == RoadKind::Causeway && (j == 0 || j + 1 == m))  // the embankment's sloping sides
        normal =
            glm::normalize(glm::vec3(sides[i].x, 0, sides[i].y) * (c.offset > 0 ? 0.45f : -0.45f) + glm::vec3(0, 1, 0));
      section.push_back(
          {glm::vec3(p.x, road_ground(ground, p) + c.lift, p.y), normal, pack_material(c.colour, c.material), object});
    }
  }
  const std::vector<size_t> kept = needed_samples(section, m, [&](size_t i) { return bridged(i); });
  const auto base = static_cast<std::uint32_t>(mesh.vertices.size());
  for (size_t i : kept)
    mesh.vertices.insert(mesh.vertices.end(), section.begin() + static_cast<std::ptrdiff_t>(i * m),
                         section.begin() + static_cast<std::ptrdiff_t>((i + 1) * m));
  for (size_t i = 0; i + 1 < kept.size(); ++i)
    for (size_t j = 0; j + 1 < m; ++j) {
      const auto a = static_cast<std::uint32_t>(base + i * m + j), b = a + 1;
      const auto c = static_cast<std::uint32_t>(a + m), d = c + 1;
      // Wind each quad to face up, whichever way the road turns.
      const glm::vec3 pa = mesh.vertices[a].position, pb = mesh.vertices[b].position, pc = mesh.vertices[c].position;
      if (glm::cross(pb - pa, pc - pa).y > 0)
        mesh.indices.insert(mesh.indices.end(), {a, b, c, c, b, d});
      else
        mesh.indices.insert(mesh.indices.end(), {a, c, b, c, d, b});
    }

  // The deck's sides: a slab face below it, seen from either side, and above it a railing of
  // posts with a top and a middle rail; under it, trestles of paired piles down into the bed.
  const std::uint32_t side = pack_material(kDeckSide, Material::Timber);
  const float half = road.width * 0.5f + 0.5f;
  float along = 0, next_post = 0, next_pile = 2.0f;
  for (size_t k = 0; k + 1 < kept.size(); ++k) {
    const size_t i = kept[k], i1 = kept[k + 1];
    if (!bridged(i) || !bridged(i1)) continue;
    for (float s : {-1.0f, 1.0f}) {
      const float offset = s * half;
      const glm::vec2 p = line[i] + sides[i] * offset, q = line[i1] + sides[i1] * offset;
      const glm::vec3 out(sides[i].x * s, 0, sides[i].y * s);
      const auto band = [&](float y0, float y1) {
        const glm::vec3 a(p.x, deck[i] + y0, p.y), b(q.x, deck[i1] + y0, q.y);
        const glm::vec3 c(q.x, deck[i1] + y1, q.y), d(p.x, deck[i] + y1, p.y);
        mesh.add_quad_facing(a, b, c, d, out, side, object);
        mesh.add_quad_facing(a, b, c, d, -out, side, object);
      };
      band(-kDeckThickness, 0.12f);
      band(kParapet - 0.12f, kParapet);
      band(kParapet * 0.45f - 0.05f, kParapet * 0.45f + 0.05f);
    }
    // Posts and piles at fixed steps of the bridge's length, whatever its samples.
    const float length = glm::length(line[i1] - line[i]);
    const glm::vec2 dir = (line[i1] - line[i]) / std::max(length, 1e-3f);
    for (; next_post <= along + length; next_post += kRailPostStep) {
      const float t = (next_post - along) / std::max(length, 1e-3f);
      const float y = glm::mix(deck[i], deck[i1], t);
      for (float s : {-1.0f, 1.0f}) {
        const glm::vec2 p =
            glm::mix(line[i], line[i1], t) + glm::normalize(glm::mix(sides[i], sides[i1], t)) * (s * half);
        add_slat(mesh, glm::vec3(p.x, y, p.y), dir, 0.24f, kParapet + 0.12f, side, object);
      }
    }
    for (; next_pile <= along + length; next_pile += kPileStep) {
      const float t = (next_pile - along) / std::max(length, 1e-3f);
      const float top = glm::mix(deck[i], deck[i1], t) - kDeckThickness;
      const glm::vec2 centre = glm::mix(line[i], line[i1], t);
      const glm::vec2 across = glm::normalize(glm::mix(sides[i], sides[i1], t));
      for (float s : {-1.0f, 1.0f}) {
        const glm::vec2 p = centre + across * (s * (half - 0.4f));
        const float bed = ground.height(p) - 0.5f;
        if (top > bed) add_slat(mesh, glm::vec3(p.x, bed, p.y), dir, 0.4f, top - bed, side, object);
      }
    }
    along += length;
  }
}

}  // namespace scene
