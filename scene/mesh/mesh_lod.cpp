#include "scene/mesh/mesh_lod.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include <meshoptimizer.h>

namespace scene {

namespace {

// Welds identical vertices and orders the result for the vertex cache and for fetch.
Mesh weld_and_order(const Mesh& mesh) {
  Mesh out;
  if (mesh.empty()) return out;
  std::vector<unsigned> remap(mesh.vertices.size());
  const std::size_t unique = meshopt_generateVertexRemap(remap.data(), mesh.indices.data(), mesh.indices.size(),
                                                         mesh.vertices.data(), mesh.vertices.size(), sizeof(Vertex));
  out.vertices.resize(unique);
  out.indices.resize(mesh.indices.size());
  meshopt_remapVertexBuffer(out.vertices.data(), mesh.vertices.data(), mesh.vertices.size(), sizeof(Vertex),
                            remap.data());
  meshopt_remapIndexBuffer(out.indices.data(), mesh.indices.data(), mesh.indices.size(), remap.data());
  meshopt_optimizeVertexCache(out.indices.data(), out.indices.data(), out.indices.size(), out.vertices.size());
  out.vertices.resize(meshopt_optimizeVertexFetch(out.vertices.data(), out.indices.data(), out.indices.size(),
                                                  out.vertices.data(), out.vertices.size(), sizeof(Vertex)));
  return out;
}

// A flat-shaded mesh from welded corners: one vertex per triangle corner with the face normal.
Mesh flat(const std::vector<Vertex>& corners, const std::vector<unsigned>& indices) {
  Mesh out;
  for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
    const Vertex &a = corners[indices[t]], &b = corners[indices[t + 1]], &c = corners[indices[t + 2]];
    glm::vec3 n = glm::cross(b.position - a.position, c.position - a.position);
    const float len = glm::length(n);
    if (!(len > 1e-9f)) continue;  // collapsed
    n /= len;
    const auto base = static_cast<std::uint32_t>(out.vertices.size());
    for (const Vertex* v : {&a, &b, &c}) out.vertices.push_back({v->position, n, v->color, v->object});
    for (std::uint32_t k = 0; k < 3; ++k) out.indices.push_back(base + k);
  }
  return out;
}

// Welded by position, colour and object only (not the normal): a flat-shaded box becomes one
// closed surface the simplifier can collapse, while colour (material) and object boundaries
// stay seams. Returns the corners and the triangles' indices into them.
std::pair<std::vector<Vertex>, std::vector<unsigned>> weld_ignoring_normals(const Mesh& mesh) {
  std::vector<Vertex> keyed(mesh.vertices);
  for (Vertex& v : keyed) v.normal = glm::vec3(0);
  std::vector<unsigned> remap(keyed.size());
  const std::size_t unique = meshopt_generateVertexRemap(remap.data(), mesh.indices.data(), mesh.indices.size(),
                                                         keyed.data(), keyed.size(), sizeof(Vertex));
  std::vector<Vertex> corners(unique);
  std::vector<unsigned> welded(mesh.indices.size());
  meshopt_remapVertexBuffer(corners.data(), keyed.data(), keyed.size(), sizeof(Vertex), remap.data());
  meshopt_remapIndexBuffer(welded.data(), mesh.indices.data(), mesh.indices.size(), remap.data());
  return {std::move(corners), std::move(welded)};
}

struct Bounds {
  glm::vec3 min{1e30f}, max{-1e30f};
};
Bounds bounds_of(const Mesh& mesh) {
  Bounds b;
  for (std::uint32_t i : mesh.indices)
    b.min = glm::min(b.min, mesh.vertices[i].position), b.max = glm::max(b.max, mesh.vertices[i].position);
  return b;
}

}  // namespace

Mesh optimize_mesh(const Mesh& mesh) { return weld_and_order(mesh); }

std::vector<Mesh> build_lods(const Mesh& mesh, const std::vector<float>& ratios) {
  std::vector<Mesh> lods;
  if (ratios.empty()) return lods;
  lods.push_back(optimize_mesh(mesh));
  if (mesh.empty()) {
    lods.resize(ratios.size());
    return lods;
  }
  const auto [corners, welded] = weld_ignoring_normals(mesh);

  const Bounds full = bounds_of(mesh);
  const float size = glm::length(full.max - full.min);
  // A level may not lose a part that sticks out (a banner, a drawbridge): its bounds stay within
  // 4 % of the prop's size of the full mesh's.
  const auto keeps_shape = [&](const Mesh& m) {
    const Bounds b = bounds_of(m);
    return !m.empty() && glm::length(b.min - full.min) < 0.04f * size && glm::length(b.max - full.max) < 0.04f * size;
  };
  for (std::size_t level = 1; level < ratios.size(); ++level) {
    const Mesh& previous = lods.back();
    const float ratio = std::clamp(ratios[level], 0.0f, 1.0f);
    // Up to 2 % of the prop's size in error for the first level, more for the coarser ones.
    const float error = 0.02f * static_cast<float>(level);
    Mesh chosen = previous;
    for (float t = static_cast<float>(welded.size() / 3) * ratio; t * 3 < static_cast<float>(previous.indices.size());
         t *= 1.5f) {
      const std::size_t target = std::max<std::size_t>(1, static_cast<std::size_t>(t)) * 3;
      std::vector<unsigned> out(welded.size());
      out.resize(meshopt_simplify(out.data(), welded.data(), welded.size(), &corners[0].position.x, corners.size(),
                                  sizeof(Vertex), target, error));
      Mesh best = weld_and_order(flat(corners, out));
      if (!keeps_shape(best)) best = previous;
      // Props are many small open parts that the border-keeping simplifier cannot merge: the
      // sloppy one clusters vertices whatever the topology.
      std::vector<unsigned> sloppy(welded.size());
      sloppy.resize(meshopt_simplifySloppy(sloppy.data(), welded.data(), welded.size(), &corners[0].position.x,
                                           corners.size(), sizeof(Vertex), target, error * 2));
      Mesh clustered = weld_and_order(flat(corners, sloppy));
      if (keeps_shape(clustered) && clustered.triangle_count() < best.triangle_count()) best = std::move(clustered);
      if (best.triangle_count() < previous.triangle_count()) {
        chosen = std::move(best);
        break;
      }
    }
    lods.push_back(std::move(chosen));
  }
  return lods;
}

Mesh simplify_within(const Mesh& mesh, float error_m, float& achieved_m) {
  achieved_m = 0;
  if (mesh.empty()) return {};
  const auto [corners, welded] = weld_ignoring_normals(mesh);
  const float scale = meshopt_simplifyScale(&corners[0].position.x, corners.size(), sizeof(Vertex));
  std::vector<unsigned> out(welded.size());
  float relative = 0;
  out.resize(meshopt_simplify(out.data(), welded.data(), welded.size(), &corners[0].position.x, corners.size(),
                              sizeof(Vertex), 0, error_m / std::max(scale, 1e-6f), 0, &relative));
  achieved_m = relative * scale;
  return weld_and_order(flat(corners, out));
}

Mesh simplify_to(const Mesh& mesh, std::size_t target_triangles) {
  Mesh best = optimize_mesh(mesh);
  if (mesh.empty() || best.triangle_count() <= target_triangles) return best;
  // Welded by position only: colours and parts follow whichever corner a cluster keeps.
  std::vector<unsigned> remap(mesh.vertices.size());
  const std::size_t unique = meshopt_generateVertexRemap(remap.data(), mesh.indices.data(), mesh.indices.size(),
                                                         mesh.vertices.data(), mesh.vertices.size(), sizeof(Vertex));
  std::vector<Vertex> corners(unique);
  std::vector<unsigned> welded(mesh.indices.size());
  meshopt_remapVertexBuffer(corners.data(), mesh.vertices.data(), mesh.vertices.size(), sizeof(Vertex), remap.data());
  meshopt_remapIndexBuffer(welded.data(), mesh.indices.data(), mesh.indices.size(), remap.data());
  const Bounds full = bounds_of(mesh);
  const float size = glm::length(full.max - full.min);
  // The sloppy simplifier may overshoot below the target or drop a part that sticks out (a
  // rider, a lance): ask for more until it keeps the bounds within 10 % of the size.
  for (std::size_t target = target_triangles; target < best.triangle_count();
       target += std::max<std::size_t>(1, target / 4)) {
    std::vector<unsigned> out(welded.size());
    out.resize(meshopt_simplifySloppy(out.data(), welded.data(), welded.size(), &corners[0].position.x, corners.size(),
                                      sizeof(Vertex), target * 3, 1.0f));
    Mesh simplified = weld_and_order(flat(corners, out));
    const Bounds b = bounds_of(simplified);
    if (!simplified.empty() && simplified.triangle_count() * 10 >= target_triangles * 7 &&
        glm::length(b.min - full.min) < 0.1f * size && glm::length(b.max - full.max) < 0.1f * size)
      return simplified;
  }
  return best;
}

std::size_t choose_lod(float distance, float size, std::size_t levels) {
  if (levels <= 1) return 0;
  const float ratio = distance / std::max(size, 0.1f);
  std::size_t level = ratio < 40.0f ? 0 : ratio < 120.0f ? 1 : 2;
  return std::min(level, levels - 1);
}

}  // namespace scene
