// CPU meshes of the procedural world, in world space, ready to upload as they are.
#pragma once

#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

#include "scene/model/color.h"

namespace scene {

// The CPU building format, 32 bytes; uploads pack it into renderer/gpu_vertex.h's GpuVertex.
struct Vertex {
  glm::vec3 position;
  glm::vec3 normal;
  std::uint32_t color;   // RGBA8: linear albedo; alpha = how much is farmland (the shader draws the plots)
  std::uint32_t object;  // object id for the ID pass and picking
};
static_assert(sizeof(Vertex) == 32);

struct Mesh {
  std::vector<Vertex> vertices;
  std::vector<std::uint32_t> indices;

  bool empty() const { return indices.empty(); }
  std::size_t triangle_count() const { return indices.size() / 3; }
  void append(const Mesh& other);

  // A flat-shaded quad a-b-c-d (counter-clockwise seen from the side the normal points to).
  void add_quad(glm::vec3 a, glm::vec3 b, glm::vec3 c, glm::vec3 d, std::uint32_t color, std::uint32_t object);
  // The same quad wound so that its normal agrees with `facing` (for builders that know which
  // way a face should look but not the order of its corners).
  void add_quad_facing(glm::vec3 a, glm::vec3 b, glm::vec3 c, glm::vec3 d, glm::vec3 facing, std::uint32_t color,
                       std::uint32_t object);
  void add_triangle(glm::vec3 a, glm::vec3 b, glm::vec3 c, std::uint32_t color, std::uint32_t object);
  // An axis-aligned-in-plan box rotated by `yaw` (radians about +y), base centre at `base`.
  void add_box(glm::vec3 base, glm::vec3 size, float yaw, std::uint32_t color, std::uint32_t object,
               bool bottom = false);
  // A four-sided pyramid roof over a box footprint.
  void add_pyramid(glm::vec3 base, glm::vec2 size, float height, float yaw, std::uint32_t color, std::uint32_t object);
};

}  // namespace scene
