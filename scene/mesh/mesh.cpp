#include "scene/mesh/mesh.h"

#include <algorithm>
#include <cmath>

namespace scene {

void Mesh::append(const Mesh& other) {
  const auto base = static_cast<std::uint32_t>(vertices.size());
  vertices.insert(vertices.end(), other.vertices.begin(), other.vertices.end());
  indices.reserve(indices.size() + other.indices.size());
  for (std::uint32_t i : other.indices) indices.push_back(base + i);
}

void Mesh::add_quad(glm::vec3 a, glm::vec3 b, glm::vec3 c, glm::vec3 d, std::uint32_t color, std::uint32_t object) {
  glm::vec3 n = glm::cross(b - a, d - a);
  const float len = glm::length(n);
  n = len > 0 ? n / len : glm::vec3(0, 1, 0);
  const auto base = static_cast<std::uint32_t>(vertices.size());
  for (glm::vec3 p : {a, b, c, d}) vertices.push_back({p, n, color, object});
  for (std::uint32_t i : {0u, 1u, 2u, 0u, 2u, 3u}) indices.push_back(base + i);
}

void Mesh::add_quad_facing(glm::vec3 a, glm::vec3 b, glm::vec3 c, glm::vec3 d, glm::vec3 facing, std::uint32_t color,
                           std::uint32_t object) {
  if (glm::dot(glm::cross(b - a, d - a), facing) >= 0)
    add_quad(a, b, c, d, color, object);
  else
    add_quad(d, c, b, a, color, object);
}

void Mesh::add_triangle(glm::vec3 a, glm::vec3 b, glm::vec3 c, std::uint32_t color, std::uint32_t object) {
  glm::vec3 n = glm::cross(b - a, c - a);
  const float len = glm::length(n);
  n = len > 0 ? n / len : glm::vec3(0, 1, 0);
  const auto base = static_cast<std::uint32_t>(vertices.size());
  for (glm::vec3 p : {a, b, c}) vertices.push_back({p, n, color, object});
  for (std::uint32_t i : {0u, 1u, 2u}) indices.push_back(base + i);
}

void Mesh::add_box(glm::vec3 base, glm::vec3 size, float yaw, std::uint32_t color, std::uint32_t object, bool bottom) {
  const glm::vec3 right(std::cos(yaw), 0, -std::sin(yaw));
  const glm::vec3 fwd(std::sin(yaw), 0, std::cos(yaw));
  const glm::vec3 up(0, size.y, 0);
  const glm::vec3 hx = right * (size.x * 0.5f), hz = fwd * (size.z * 0.5f);
  const glm::vec3 p0 = base - hx - hz, p1 = base + hx - hz, p2 = base + hx + hz, p3 = base - hx + hz;
  // Sides (outward normals), top, optional bottom.
  add_quad(p0, p0 + up, p1 + up, p1, color, object);
  add_quad(p1, p1 + up, p2 + up, p2, color, object);
  add_quad(p2, p2 + up, p3 + up, p3, color, object);
  add_quad(p3, p3 + up, p0 + up, p0, color, object);
  add_quad(p0 + up, p3 + up, p2 + up, p1 + up, color, object);
  if (bottom) add_quad(p0, p1, p2, p3, color, object);
}

void Mesh::add_pyramid(glm::vec3 base, glm::vec2 size, float height, float yaw, std::uint32_t color,
                       std::uint32_t object) {
  const glm::vec3 right(std::cos(yaw), 0, -std::sin(yaw));
  const glm::vec3 fwd(std::sin(yaw), 0, std::cos(yaw));
  const glm::vec3 hx = right * (size.x * 0.5f), hz = fwd * (size.y * 0.5f);
  const glm::vec3 p0 = base - hx - hz, p1 = base + hx - hz, p2 = base + hx + hz, p3 = base - hx + hz;
  const glm::vec3 apex = base + glm::vec3(0, height, 0);
  add_triangle(p0, apex, p1, color, object);
  add_triangle(p1, apex, p2, color, object);
  add_triangle(p2, apex, p3, color, object);
  add_triangle(p3, apex, p0, color, object);
}

}  // namespace scene
