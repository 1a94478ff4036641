// The packed GPU vertex (renderer/gpu_vertex.h) gives the shaders what scene::Vertex held:
// positions, colours and ids bit for bit, normals within a tenth of a degree, in the bit layout
// Vulkan's A2B10G10R10_SNORM_PACK32 fetch expects. No GPU needed.
#include <cmath>
#include <random>

#include <catch2/catch.hpp>

#include "renderer/gpu_vertex.h"

namespace {

double angle_degrees(glm::vec3 a, glm::vec3 b) {
  const double c = glm::dot(glm::normalize(a), glm::normalize(b));
  return std::acos(std::clamp(c, -1.0, 1.0)) * 180.0 / 3.14159265358979;
}

}  // namespace

TEST_CASE("packed normals use Vulkan's A2B10G10R10 snorm layout", "[gpu_vertex]") {
  CHECK(renderer::pack_normal({1, 0, 0}) == 511u);
  CHECK(renderer::pack_normal({0, 1, 0}) == 511u << 10);
  CHECK(renderer::pack_normal({0, 0, -1}) == 0x201u << 20);  // -511 in 10-bit two's complement
  CHECK(renderer::pack_normal({0, 0, 0}) == 0u);
  CHECK(renderer::pack_normal({0, 5, 0}) == 511u << 10);  // normalized before packing
  // Vulkan reads snorm c as max(c / 511, -1): -512 and -511 both mean -1.
  CHECK(renderer::unpack_normal(0x200u) == glm::vec3(-1, 0, 0));
  CHECK(renderer::unpack_normal(0x201u) == glm::vec3(-1, 0, 0));
}

TEST_CASE("packed normals come back within a tenth of a degree", "[gpu_vertex]") {
  std::mt19937 rng(1233);
  std::normal_distribution<float> gauss(0.0f, 1.0f);
  double worst = 0.0;
  for (int i = 0; i < 100000; ++i) {
    glm::vec3 n(gauss(rng), gauss(rng), gauss(rng));
    if (glm::length(n) < 1e-3f) continue;
    if (i % 3 == 0) n *= 40.0f;  // builders' normals need not be unit length
    worst = std::max(worst, angle_degrees(n, renderer::unpack_normal(renderer::pack_normal(n))));
  }
  INFO("worst angle " << worst << " degrees");
  CHECK(worst < 0.12);
  for (glm::vec3 axis : {glm::vec3(1, 0, 0), glm::vec3(0, -1, 0), glm::vec3(0, 0, 1)})
    CHECK(renderer::unpack_normal(renderer::pack_normal(axis)) == axis);
}

TEST_CASE("packed vertices keep positions, colours and ids exactly", "[gpu_vertex]") {
  scene::Mesh mesh;
  mesh.add_box({1234.5678f, 12.25f, -3210.125f}, {3.1f, 7.3f, 2.2f}, 0.7f, scene::pack_color({0.3f, 0.5f, 0.2f}, 0.75f),
               0xfedcba98u, true);
  mesh.add_pyramid({-0.001f, 0.0f, 9999.5f}, {4.0f, 5.0f}, 2.5f, 2.0f, 0x80ff0102u, 65537u);
  REQUIRE(!mesh.vertices.empty());
  const std::vector<renderer::GpuVertex> packed = renderer::pack_vertices(mesh.vertices);
  REQUIRE(packed.size() == mesh.vertices.size());
  for (std::size_t i = 0; i < packed.size(); ++i) {
    const scene::Vertex& v = mesh.vertices[i];
    CHECK(packed[i].position == v.position);
    CHECK(packed[i].color == v.color);
    CHECK(packed[i].object == v.object);
    CHECK(angle_degrees(v.normal, renderer::unpack_normal(packed[i].normal)) < 0.12);
  }
}

TEST_CASE("the vertex input describes GpuVertex as the shaders declare it", "[gpu_vertex]") {
  CHECK(renderer::gpu_vertex_binding().stride == sizeof(renderer::GpuVertex));
  const auto attributes = renderer::gpu_vertex_attributes();
  for (std::uint32_t i = 0; i < attributes.size(); ++i) {
    CHECK(attributes[i].location == i);
    CHECK(attributes[i].offset + 4 <= sizeof(renderer::GpuVertex));
  }
  CHECK(attributes[0].format == VK_FORMAT_R32G32B32_SFLOAT);  // vec3 in_position
  CHECK(attributes[1].format == renderer::kNormalFormat);     // vec3 in_normal
  CHECK(attributes[2].format == VK_FORMAT_R8G8B8A8_UNORM);    // vec4 in_color
  CHECK(attributes[3].format == VK_FORMAT_R32_UINT);          // uint in_object / in_part
}
