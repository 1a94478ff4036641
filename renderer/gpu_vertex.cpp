#include "renderer/gpu_vertex.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <stdexcept>

namespace renderer {

namespace {
constexpr float kSnorm10 = 511.0f;

// Rounds half away from zero like lround, without the library call or a branch on the sign:
// this runs for every vertex of every per-frame mesh.
std::uint32_t pack_snorm10(float v) {
  const float s = std::min(std::max(v, -1.0f), 1.0f) * kSnorm10;
  const auto q = static_cast<std::int32_t>(s + std::copysign(0.5f, s));
  return static_cast<std::uint32_t>(q) & 0x3ffu;
}

float unpack_snorm10(std::uint32_t bits) {
  std::int32_t q = static_cast<std::int32_t>(bits & 0x3ffu);
  if (q & 0x200) q -= 0x400;  // sign-extend the 10-bit two's complement
  return std::max(static_cast<float>(q) / kSnorm10, -1.0f);
}
}  // namespace

std::uint32_t pack_normal(glm::vec3 normal) {
  const float length2 = glm::dot(normal, normal);
  if (!(length2 > 0.0f) || !std::isfinite(length2)) return 0;
  const glm::vec3 n = normal * (1.0f / std::sqrt(length2));
  return pack_snorm10(n.x) | pack_snorm10(n.y) << 10 | pack_snorm10(n.z) << 20;
}

glm::vec3 unpack_normal(std::uint32_t packed) {
  return {unpack_snorm10(packed), unpack_snorm10(packed >> 10), unpack_snorm10(packed >> 20)};
}

void pack_vertices(const std::vector<scene::Vertex>& vertices, GpuVertex* out) {
  for (const scene::Vertex& v : vertices) *out++ = {v.position, pack_normal(v.normal), v.color, v.object};
}

std::vector<GpuVertex> pack_vertices(const std::vector<scene::Vertex>& vertices) {
  std::vector<GpuVertex> out(vertices.size());
  pack_vertices(vertices, out.data());
  return out;
}

VkVertexInputBindingDescription gpu_vertex_binding() { return {0, sizeof(GpuVertex), VK_VERTEX_INPUT_RATE_VERTEX}; }

std::array<VkVertexInputAttributeDescription, 4> gpu_vertex_attributes() {
  return {{
      {0, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(GpuVertex, position)},
      {1, 0, kNormalFormat, offsetof(GpuVertex, normal)},
      {2, 0, VK_FORMAT_R8G8B8A8_UNORM, offsetof(GpuVertex, color)},
      {3, 0, VK_FORMAT_R32_UINT, offsetof(GpuVertex, object)},
  }};
}

void require_gpu_vertex_support(VkPhysicalDevice physical_device) {
  VkFormatProperties props{};
  vkGetPhysicalDeviceFormatProperties(physical_device, kNormalFormat, &props);
  if (!(props.bufferFeatures & VK_FORMAT_FEATURE_VERTEX_BUFFER_BIT))
    throw std::runtime_error(
        "this Vulkan device cannot read A2B10G10R10_SNORM_PACK32 vertex attributes (packed normals, "
        "renderer/gpu_vertex.h)");
}

}  // namespace renderer
