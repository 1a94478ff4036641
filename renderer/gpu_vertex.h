// What a scene::Vertex becomes on the GPU: 24 bytes instead of 32. scene::Vertex stays the
// format meshes are built in (builders, Assimp, tests); every vertex buffer holds GpuVertex,
// packed here and described to Vulkan here, so the two never disagree.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include <vulkan/vulkan.h>
#include <glm/glm.hpp>

#include "scene/mesh/mesh.h"

namespace renderer {

struct GpuVertex {
  glm::vec3 position;    // as built: positions are not quantized (the ground spans kilometres)
  std::uint32_t normal;  // kNormalFormat: x bits 0-9, y 10-19, z 20-29 (snorm10), bits 30-31 zero
  std::uint32_t color;   // RGBA8 unorm, as scene::Vertex::color
  std::uint32_t object;  // object id (world) or part code (figures), as scene::Vertex::object
};
static_assert(sizeof(GpuVertex) == 24);

// The normal as three signed 10-bit fractions: the vertex fetch hands the shader a vec3 like
// before (no decoding in GLSL), one 32-bit load with shifts and masks, ~0.1° off at worst.
inline constexpr VkFormat kNormalFormat = VK_FORMAT_A2B10G10R10_SNORM_PACK32;

std::uint32_t pack_normal(glm::vec3 normal);    // normalized first; a zero vector stays zero
glm::vec3 unpack_normal(std::uint32_t packed);  // what the vertex fetch gives the shader
std::vector<GpuVertex> pack_vertices(const std::vector<scene::Vertex>& vertices);
// The same straight into mapped memory (staging or a per-frame buffer) of vertices.size() slots.
void pack_vertices(const std::vector<scene::Vertex>& vertices, GpuVertex* out);

// Vertex input of GpuVertex at binding 0: location 0 position, 1 normal, 2 colour, 3 object.
VkVertexInputBindingDescription gpu_vertex_binding();
std::array<VkVertexInputAttributeDescription, 4> gpu_vertex_attributes();

// Throws with a clear message where the device cannot fetch kNormalFormat from a vertex buffer
// (optional in Vulkan; lavapipe and desktop drivers have it).
void require_gpu_vertex_support(VkPhysicalDevice physical_device);

}  // namespace renderer
