#include "renderer/pipeline.h"

#include <array>
#include <stdexcept>
#include <string>
#include <vector>

#include "renderer/gpu_vertex.h"
#include "renderer/vk_check.h"
#include "shaders/embedded.h"

namespace renderer {

Unique<VkShaderModule> load_shader_module(VkDevice device, std::string_view name) {
  const auto code = shaders::spirv(name);
  if (code.empty()) throw std::runtime_error("shader \"" + std::string(name) + "\" is not embedded in this build");
  VkShaderModuleCreateInfo info{VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO};
  info.codeSize = code.size_bytes();
  info.pCode = code.data();
  VkShaderModule module;
  VK_CHECK(vkCreateShaderModule(device, &info, nullptr, &module));
  return {device, module};
}

namespace {

Unique<VkPipelineLayout> create_layout(VkDevice device, const PipelineDesc& desc) {
  VkPushConstantRange push{VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, desc.push_constant_bytes};
  VkPipelineLayoutCreateInfo layout{VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO};
  layout.setLayoutCount = static_cast<std::uint32_t>(desc.set_layouts.size());
  layout.pSetLayouts = desc.set_layouts.data();
  layout.pushConstantRangeCount = desc.push_constant_bytes ? 1 : 0;
  layout.pPushConstantRanges = &push;
  VkPipelineLayout created;
  VK_CHECK(vkCreatePipelineLayout(device, &layout, nullptr, &created));
  return {device, created};
}

// desc.constants as specialization constants 0, 1, ... of both stages.
struct Specialization {
  std::vector<VkSpecializationMapEntry> entries;
  VkSpecializationInfo info{};

  explicit Specialization(const std::vector<std::uint32_t>& constants) {
    for (std::uint32_t i = 0; i < constants.size(); ++i)
      entries.push_back({i, static_cast<std::uint32_t>(i * sizeof(std::uint32_t)), sizeof(std::uint32_t)});
    info = {static_cast<std::uint32_t>(entries.size()), entries.data(), constants.size() * sizeof(std::uint32_t),
            constants.data()};
  }
  Specialization(const Specialization&) = delete;  // info points into entries
  const VkSpecializationInfo* get() const { return entries.empty() ? nullptr : &info; }
};

VkPipelineVertexInputStateCreateInfo vertex_input_state(
    const PipelineDesc& desc, const VkVertexInputBindingDescription& binding,
    const std::array<VkVertexInputAttributeDescription, 4>& attributes) {
  VkPipelineVertexInputStateCreateInfo vertex_input{VK_STRUCTURE_TYPE_PIPELINE_VERTEX_INPUT_STATE_CREATE_INFO};
  if (desc.world_vertices) {
    vertex_input.vertexBindingDescriptionCount = 1;
    vertex_input.pVertexBindingDescriptions = &binding;
    // Location 0 alone where the vertex shader reads nothing else: attributes it does not
    // consume would be fetched for nothing (and the validation layers warn).
    vertex_input.vertexAttributeDescriptionCount =
        desc.position_only ? 1 : static_cast<std::uint32_t>(attributes.size());
    vertex_input.pVertexAttributeDescriptions = attributes.data();
  }
  return vertex_input;
}

VkPipelineRasterizationStateCreateInfo rasterization_state(const PipelineDesc& desc) {
  VkPipelineRasterizationStateCreateInfo raster{VK_STRUCTURE_TYPE_PIPELINE_RASTERIZATION_STATE_CREATE_INFO};
  raster.polygonMode = VK_POLYGON_MODE_FILL;
  raster.cullMode = desc.cull;
  raster.frontFace = VK_FRONT_FACE_COUNTER_CLOCKWISE;
  raster.lineWidth = 1.0f;
  return raster;
}

VkPipelineDepthStencilStateCreateInfo depth_state(const PipelineDesc& desc) {
  VkPipelineDepthStencilStateCreateInfo depth{VK_STRUCTURE_TYPE_PIPELINE_DEPTH_STENCIL_STATE_CREATE_INFO};
  depth.depthTestEnable = desc.depth_test;
  depth.depthWriteEnable = desc.depth_write;
  depth.depthCompareOp = desc.depth_compare;
  return depth;
}

// One per colour attachment: written as is, or with desc.blend premultiplied alpha over the
// first and the others (the ID image) left as they were, or with desc.additive added to the first.
std::vector<VkPipelineColorBlendAttachmentState> colour_blends(const PipelineDesc& desc) {
  std::vector<VkPipelineColorBlendAttachmentState> blends(desc.color_formats.size());
  for (auto& b : blends)
    b.colorWriteMask =
        VK_COLOR_COMPONENT_R_BIT | VK_COLOR_COMPONENT_G_BIT | VK_COLOR_COMPONENT_B_BIT | VK_COLOR_COMPONENT_A_BIT;
  if (desc.blend && !blends.empty()) {
    blends[0].blendEnable = VK_TRUE;
    blends[0].srcColorBlendFactor = VK_BLEND_FACTOR_ONE;
    blends[0].dstColorBlendFactor = VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA;
    blends[0].colorBlendOp = VK_BLEND_OP_ADD;
    blends[0].srcAlphaBlendFactor = VK_BLEND_FACTOR_ONE;
    blends[0].dstAlphaBlendFactor = VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA;
    blends[0].alphaBlendOp = VK_BLEND_OP_ADD;
    for (size_t i = 1; i < blends.size(); ++i) blends[i].colorWriteMask = 0;
  }
  if (desc.additive && !blends.empty()) {
    blends[0].blendEnable = VK_TRUE;
    blends[0].srcColorBlendFactor = blends[0].dstColorBlendFactor = VK_BLEND_FACTOR_ONE;
    blends[0].srcAlphaBlendFactor = blends[0].dstAlphaBlendFactor = VK_BLEND_FACTOR_ONE;
    blends[0].colorBlendOp = blends[0].alphaBlendOp = VK_BLEND_OP_ADD;
  }
  return blends;
}

}  // namespace

Pipeline::Pipeline(VkDevice device, const PipelineDesc& desc) : layout_(create_layout(device, desc)) {
  const Unique<VkShaderModule> vs = load_shader_module(device, desc.vertex_shader);
  const Unique<VkShaderModule> fs = load_shader_module(device, desc.fragment_shader);
  const Specialization constants(desc.constants);
  const VkPipelineShaderStageCreateInfo stages[2] = {{VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO, nullptr, 0,
                                                      VK_SHADER_STAGE_VERTEX_BIT, vs.get(), "main", constants.get()},
                                                     {VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO, nullptr, 0,
                                                      VK_SHADER_STAGE_FRAGMENT_BIT, fs.get(), "main", constants.get()}};

  const VkVertexInputBindingDescription binding = gpu_vertex_binding();
  const auto attributes = gpu_vertex_attributes();
  const VkPipelineVertexInputStateCreateInfo vertex_input = vertex_input_state(desc, binding, attributes);
  VkPipelineInputAssemblyStateCreateInfo assembly{VK_STRUCTURE_TYPE_PIPELINE_INPUT_ASSEMBLY_STATE_CREATE_INFO};
  assembly.topology = VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST;
  VkPipelineViewportStateCreateInfo viewport{VK_STRUCTURE_TYPE_PIPELINE_VIEWPORT_STATE_CREATE_INFO};
  viewport.viewportCount = 1;
  viewport.scissorCount = 1;
  const VkPipelineRasterizationStateCreateInfo raster = rasterization_state(desc);
  VkPipelineMultisampleStateCreateInfo multisample{VK_STRUCTURE_TYPE_PIPELINE_MULTISAMPLE_STATE_CREATE_INFO};
  multisample.rasterizationSamples = VK_SAMPLE_COUNT_1_BIT;
  const VkPipelineDepthStencilStateCreateInfo depth = depth_state(desc);
  const std::vector<VkPipelineColorBlendAttachmentState> blends = colour_blends(desc);
  VkPipelineColorBlendStateCreateInfo blend{VK_STRUCTURE_TYPE_PIPELINE_COLOR_BLEND_STATE_CREATE_INFO};
  blend.attachmentCount = static_cast<std::uint32_t>(blends.size());
  blend.pAttachments = blends.data();
  const VkDynamicState dynamic_states[] = {VK_DYNAMIC_STATE_VIEWPORT, VK_DYNAMIC_STATE_SCISSOR};
  VkPipelineDynamicStateCreateInfo dynamic{VK_STRUCTURE_TYPE_PIPELINE_DYNAMIC_STATE_CREATE_INFO};
  dynamic.dynamicStateCount = 2;
  dynamic.pDynamicStates = dynamic_states;
  VkPipelineRenderingCreateInfo rendering{VK_STRUCTURE_TYPE_PIPELINE_RENDERING_CREATE_INFO};
  rendering.colorAttachmentCount = static_cast<std::uint32_t>(desc.color_formats.size());
  rendering.pColorAttachmentFormats = desc.color_formats.data();
  rendering.depthAttachmentFormat = desc.depth_format;

  VkGraphicsPipelineCreateInfo info{VK_STRUCTURE_TYPE_GRAPHICS_PIPELINE_CREATE_INFO};
  info.pNext = &rendering;
  info.stageCount = 2;
  info.pStages = stages;
  info.pVertexInputState = &vertex_input;
  info.pInputAssemblyState = &assembly;
  info.pViewportState = &viewport;
  info.pRasterizationState = &raster;
  info.pMultisampleState = &multisample;
  info.pDepthStencilState = &depth;
  info.pColorBlendState = &blend;
  info.pDynamicState = &dynamic;
  info.layout = layout_.get();
  VkPipeline created;
  const VkResult result = vkCreateGraphicsPipelines(device, VK_NULL_HANDLE, 1, &info, nullptr, &created);
  if (result != VK_SUCCESS) throw VulkanError("vkCreateGraphicsPipelines", result);
  pipeline_ = Unique<VkPipeline>(device, created);
}

Pipeline& Pipeline::operator=(Pipeline&& other) noexcept {
  if (this != &other) {
    reset();
    layout_ = std::move(other.layout_);
    pipeline_ = std::move(other.pipeline_);
  }
  return *this;
}

void Pipeline::reset() {
  pipeline_.reset();
  layout_.reset();
}

}  // namespace renderer
