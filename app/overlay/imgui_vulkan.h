// What the viewer's interface and the films' caption pass both need from Dear ImGui's Vulkan
// backend: a descriptor pool, a render pass that draws over an image already there (1.86's
// backend predates dynamic rendering), initialisation with the font upload, and recording.
#pragma once

#include <cstdint>

#include <vulkan/vulkan.h>

#include "renderer/context.h"
#include "renderer/unique_handle.h"

namespace app {

renderer::Unique<VkDescriptorPool> create_imgui_descriptor_pool(VkDevice device);

// Loads the image's contents, draws over them, ends in `final_layout`. `after_stages` and
// `after_access` are the writes (a blit, a tonemap pass) the overlay must wait for.
renderer::Unique<VkRenderPass> create_overlay_render_pass(VkDevice device, VkFormat format, VkImageLayout final_layout,
                                                          VkPipelineStageFlags after_stages,
                                                          VkAccessFlags after_access);

// ImGui_ImplVulkan_Init plus the font texture upload; the ImGui context must exist with its
// fonts added.
void init_imgui_vulkan(renderer::Context& context, VkDescriptorPool pool, VkRenderPass render_pass,
                       std::uint32_t min_images, std::uint32_t images);

// Records the current ImGui draw data in `render_pass` over `framebuffer`.
void record_imgui(VkCommandBuffer cmd, VkRenderPass render_pass, VkFramebuffer framebuffer, VkExtent2D extent);

}  // namespace app
