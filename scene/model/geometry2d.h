// Small 2D helpers on the ground plane ([x, z]) shared by the world builders.
#pragma once

#include <vector>

#include <glm/glm.hpp>

namespace scene {

// Distance from p to the segment ab, and the parameter (0..1) of the closest point.
inline float segment_distance(glm::vec2 p, glm::vec2 a, glm::vec2 b, float* t_out = nullptr) {
  const glm::vec2 ab = b - a;
  const float len2 = glm::dot(ab, ab);
  float t = len2 > 0 ? glm::clamp(glm::dot(p - a, ab) / len2, 0.0f, 1.0f) : 0.0f;
  if (t_out) *t_out = t;
  return glm::length(p - (a + ab * t));
}

// Distance from p to an open (or closed) polyline.
float polyline_distance(glm::vec2 p, const std::vector<glm::vec2>& points, bool closed = false);

// Even-odd point-in-polygon test.
bool inside_polygon(glm::vec2 p, const std::vector<glm::vec2>& polygon);

// Length of a polyline (including the closing segment when closed).
float polyline_length(const std::vector<glm::vec2>& points, bool closed);

// Points of a polyline, closed ones with the first point repeated at the end.
std::vector<glm::vec2> explicit_path(const std::vector<glm::vec2>& points, bool closed);

// The part of a path from its start up to a fraction (0..1) of its length.
std::vector<glm::vec2> path_prefix(const std::vector<glm::vec2>& path, float fraction);

// Axis-aligned bounds of a set of points.
struct Bounds2 {
  glm::vec2 min{1e30f}, max{-1e30f};
  void add(glm::vec2 p) {
    min = glm::min(min, p);
    max = glm::max(max, p);
  }
  bool empty() const { return min.x > max.x; }
  glm::vec2 center() const { return (min + max) * 0.5f; }
};

}  // namespace scene
