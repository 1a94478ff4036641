#include "scene/model/geometry2d.h"

#include <limits>

namespace scene {

float polyline_distance(glm::vec2 p, const std::vector<glm::vec2>& points, bool closed) {
  if (points.empty()) return std::numeric_limits<float>::infinity();
  if (points.size() == 1) return glm::length(p - points[0]);
  float best = std::numeric_limits<float>::infinity();
  const size_t n = points.size();
  const size_t segments = closed ? n : n - 1;
  for (size_t i = 0; i < segments; ++i) best = std::min(best, segment_distance(p, points[i], points[(i + 1) % n]));
  return best;
}

bool inside_polygon(glm::vec2 p, const std::vector<glm::vec2>& polygon) {
  bool inside = false;
  const size_t n = polygon.size();
  for (size_t i = 0, j = n - 1; i < n; j = i++) {
    const glm::vec2 a = polygon[i], b = polygon[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

float polyline_length(const std::vector<glm::vec2>& points, bool closed) {
  float length = 0;
  const std::vector<glm::vec2> path = explicit_path(points, closed);
  for (size_t i = 1; i < path.size(); ++i) length += glm::length(path[i] - path[i - 1]);
  return length;
}

std::vector<glm::vec2> explicit_path(const std::vector<glm::vec2>& points, bool closed) {
  std::vector<glm::vec2> path = points;
  if (closed && points.size() > 2) path.push_back(points.front());
  return path;
}

std::vector<glm::vec2> path_prefix(const std::vector<glm::vec2>& path, float fraction) {
  std::vector<glm::vec2> out;
  if (path.size() < 2 || fraction <= 0) return out;
  float total = 0;
  for (size_t i = 1; i < path.size(); ++i) total += glm::length(path[i] - path[i - 1]);
  float remaining = glm::clamp(fraction, 0.0f, 1.0f) * total;
  out.push_back(path[0]);
  for (size_t i = 1; i < path.size(); ++i) {
    const float seg = glm::length(path[i] - path[i - 1]);
    if (seg >= remaining) {
      if (seg > 0) out.push_back(path[i - 1] + (path[i] - path[i - 1]) * (remaining / seg));
      break;
    }
    remaining -= seg;
    out.push_back(path[i]);
  }
  return out;
}

}  // namespace scene
