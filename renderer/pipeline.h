// Graphics pipelines for dynamic rendering, built from the embedded SPIR-V.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include <vulkan/vulkan.h>

#include "renderer/unique_handle.h"

namespace renderer {

// A shader embedded in this build (shaders/embedded.h) by file name ("troop.vert"); throws
// std::runtime_error when it is not there.
Unique<VkShaderModule> load_shader_module(VkDevice device, std::string_view name);

struct PipelineDesc {
  std::string_view vertex_shader;    // e.g. "world.vert"
  std::string_view fragment_shader;  // e.g. "world.frag"
  bool world_vertices = false;       // GpuVertex (gpu_vertex.h) as vertex input; otherwise none (fullscreen)
  bool position_only = false;        // with world_vertices: only location 0, for shaders that read nothing else
  std::vector<VkFormat> color_formats;
  VkFormat depth_format = VK_FORMAT_UNDEFINED;
  bool depth_test = false;
  bool depth_write = false;
  VkCompareOp depth_compare = VK_COMPARE_OP_GREATER_OR_EQUAL;  // reverse-Z
  VkCullModeFlags cull = VK_CULL_MODE_NONE;
  std::vector<VkDescriptorSetLayout> set_layouts;
  std::uint32_t push_constant_bytes = 0;
  // Premultiplied alpha over the first colour attachment; the others (the ID image) are left
  // as they were, so what shows through keeps its id.
  bool blend = false;
  // Added to the first colour attachment (ONE, ONE), alpha too: sums over several draws.
  bool additive = false;
  // Specialization constants for both stages, constant_id 0, 1, ... in order: variants of one
  // shader without a branch per pixel (llvmpipe runs both sides of a divergent one).
  std::vector<std::uint32_t> constants;
};

class Pipeline {
 public:
  Pipeline() = default;
  Pipeline(VkDevice device, const PipelineDesc& desc);
  ~Pipeline() = default;
  Pipeline(Pipeline&& other) noexcept { *this = std::move(other); }
  Pipeline& operator=(Pipeline&& other) noexcept;
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  VkPipeline handle() const { return pipeline_.get(); }
  VkPipelineLayout layout() const { return layout_.get(); }
  void reset();

 private:
  // Destroyed in reverse: the pipeline before its layout.
  Unique<VkPipelineLayout> layout_;
  Unique<VkPipeline> pipeline_;
};

}  // namespace renderer
