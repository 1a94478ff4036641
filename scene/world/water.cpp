// Water surfaces: ribbons along rivers, flat polygons for lakes at their current level.
#include <cmath>

#include <algorithm>

#include "scene/mesh/triangulate.h"
#include "scene/model/geometry2d.h"
#include "scene/world/world.h"

namespace scene {

namespace {
constexpr glm::vec3 kWaterTint{0.05f, 0.09f, 0.10f};  // the shader adds sky reflection on top
// Surface speeds mid-stream, metres a second: a lowland river runs, a moat barely moves.
constexpr float kRiverSpeed = 0.9f;
constexpr float kMoatSpeed = 0.06f;

glm::vec2 perpendicular(glm::vec2 d) { return glm::vec2(-d.y, d.x); }

// What water.frag reads from a water vertex: the normal's x and z are the surface's flow
// (metres a second, downstream), its y stays 1; the colour's alpha is how far into the
// stream the vertex lies (0 at the bank, 1 mid-stream), for the current's profile and the
// turbid line along the banks.
Vertex water_vertex(glm::vec2 p, float y, glm::vec2 flow, float midstream, std::uint32_t object) {
  return {glm::vec3(p.x, y, p.y), glm::vec3(flow.x, 1.0f, flow.y), pack_color(kWaterTint, midstream), object};
}

// A ribbon of water along `path` (upstream first), three vertices across: both banks and the
// middle of the stream, flowing at `speed` down the path.
void add_ribbon(Mesh& mesh, const Scenario& scenario, const std::vector<glm::vec2>& points, float width,
                float water_level, float speed, std::uint32_t object) {
  const std::vector<glm::vec2> path = resample(points, 20.0f);
  if (path.size() < 2) return;
  const auto base = static_cast<std::uint32_t>(mesh.vertices.size());
  for (size_t i = 0; i < path.size(); ++i) {
    // Average the directions of the two neighbouring segments so corners do not pinch.
    const glm::vec2 prev = path[i > 0 ? i - 1 : i], next = path[i + 1 < path.size() ? i + 1 : i];
    const glm::vec2 along = glm::normalize(next - prev);
    const glm::vec2 side = glm::normalize(perpendicular(along)) * (width * 0.5f);
    const float y = plain_height(scenario, path[i]) + water_level;
    const glm::vec2 flow = along * speed;
    mesh.vertices.push_back(water_vertex(path[i] + side, y, flow, 0.0f, object));
    mesh.vertices.push_back(water_vertex(path[i], y, flow, 1.0f, object));
    mesh.vertices.push_back(water_vertex(path[i] - side, y, flow, 0.0f, object));
  }
  for (std::uint32_t i = 0; i + 1 < path.size(); ++i)
    for (std::uint32_t k = 0; k < 2; ++k) {
      const std::uint32_t a = base + 3 * i + k, b = a + 1, c = a + 3, d = a + 4;
      // Wind each quad so it faces up whichever way the river turns.
      const glm::vec3 pa = mesh.vertices[a].position, pb = mesh.vertices[b].position, pc = mesh.vertices[c].position;
      if (glm::cross(pb - pa, pc - pa).y > 0)
        mesh.indices.insert(mesh.indices.end(), {a, b, c, c, b, d});
      else
        mesh.indices.insert(mesh.indices.end(), {a, c, b, c, d, b});
    }
}
}  // namespace

std::vector<glm::vec2> resample(const std::vector<glm::vec2>& path, float step) {
  std::vector<glm::vec2> out;
  if (path.empty()) return out;
  out.push_back(path[0]);
  for (size_t i = 1; i < path.size(); ++i) {
    const glm::vec2 a = path[i - 1], b = path[i];
    const int pieces = std::max(1, static_cast<int>(std::ceil(glm::length(b - a) / step)));
    for (int k = 1; k <= pieces; ++k) out.push_back(a + (b - a) * (static_cast<float>(k) / pieces));
  }
  return out;
}

void add_river_water(Mesh& mesh, const Scenario& scenario, const River& river, std::uint32_t object) {
  add_ribbon(mesh, scenario, river.points, river.width, river.water_level, kRiverSpeed, object);
}

void add_moat_water(Mesh& mesh, const Scenario& scenario, const Moat& moat, const Wall& wall, std::uint32_t object) {
  if (wall.points.size() < 3 || !wall.closed) return;
  // The moat's centre line: the wall's outline pushed out by the moat's offset.
  const glm::vec2 probe =
      (wall.points[0] + wall.points[1]) * 0.5f + glm::normalize(perpendicular(wall.points[1] - wall.points[0]));
  const float sign = inside_polygon(probe, wall.points) ? 1.0f : -1.0f;  // +1: perpendicular points inwards
  const float centre = wall.thickness * 0.5f + moat.offset + moat.width * 0.5f;
  std::vector<glm::vec2> line;
  const size_t n = wall.points.size();
  for (size_t i = 0; i < n; ++i) {
    const glm::vec2 prev = wall.points[(i + n - 1) % n], here = wall.points[i], next = wall.points[(i + 1) % n];
    const glm::vec2 n0 = glm::normalize(perpendicular(here - prev)), n1 = glm::normalize(perpendicular(next - here));
    glm::vec2 miter = glm::normalize(n0 + n1);
    miter /= std::max(glm::dot(miter, n1), 0.5f);
    line.push_back(here - miter * centre * sign);
  }
  line.push_back(line.front());
  add_ribbon(mesh, scenario, line, moat.width * 0.8f, -moat.depth * 0.45f, kMoatSpeed, object);
}

void add_lake_water(Mesh& mesh, const Scenario& scenario, const Lake& lake, float level, std::uint32_t object) {
  // A drained lake has no surface left; the shelving bed then shows as mud.
  if (lake.outline.size() < 3 || level <= -(lake.bed_depth - 0.15f)) return;
  Bounds2 bounds;
  for (glm::vec2 p : lake.outline) bounds.add(p);
  // One flat surface: the bed is a bowl, so a lower level shows less water where the
  // ground now stands above it.
  const float y = plain_height(scenario, bounds.center()) + level;
  // Still water, and no turbid line: the outline's vertices are all shore.
  const auto base = static_cast<std::uint32_t>(mesh.vertices.size());
  for (glm::vec2 p : lake.outline) mesh.vertices.push_back(water_vertex(p, y, glm::vec2(0), 1.0f, object));
  for (std::uint32_t i : triangulate(lake.outline)) mesh.indices.push_back(base + i);
}

}  // namespace scene
