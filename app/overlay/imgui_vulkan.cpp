#include "app/overlay/imgui_vulkan.h"

#include <imgui.h>
#include <imgui_impl_vulkan.h>

#include "renderer/descriptors.h"
#include "renderer/vk_check.h"

namespace app {

namespace {
void check_imgui_result(VkResult result) {
  if (result != VK_SUCCESS) throw renderer::VulkanError("ImGui Vulkan backend", result);
}
}  // namespace

renderer::Unique<VkDescriptorPool> create_imgui_descriptor_pool(VkDevice device) {
  return renderer::create_descriptor_pool(device, {{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 16}}, 16,
                                          VK_DESCRIPTOR_POOL_CREATE_FREE_DESCRIPTOR_SET_BIT);
}

renderer::Unique<VkRenderPass> create_overlay_render_pass(VkDevice device, VkFormat format, VkImageLayout final_layout,
                                                          VkPipelineStageFlags after_stages,
                                                          VkAccessFlags after_access) {
  VkAttachmentDescription colour{};
  colour.format = format;
  colour.samples = VK_SAMPLE_COUNT_1_BIT;
  colour.loadOp = VK_ATTACHMENT_LOAD_OP_LOAD;  // the frame is already there
  colour.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
  colour.stencilLoadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
  colour.stencilStoreOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
  colour.initialLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
  colour.finalLayout = final_layout;
  VkAttachmentReference ref{0, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL};
  VkSubpassDescription subpass{};
  subpass.pipelineBindPoint = VK_PIPELINE_BIND_POINT_GRAPHICS;
  subpass.colorAttachmentCount = 1;
  subpass.pColorAttachments = &ref;
  VkSubpassDependency dependency{};
  dependency.srcSubpass = VK_SUBPASS_EXTERNAL;
  dependency.dstSubpass = 0;
  dependency.srcStageMask = after_stages;
  dependency.srcAccessMask = after_access;
  dependency.dstStageMask = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT;
  dependency.dstAccessMask = VK_ACCESS_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
  VkRenderPassCreateInfo info{VK_STRUCTURE_TYPE_RENDER_PASS_CREATE_INFO};
  info.attachmentCount = 1;
  info.pAttachments = &colour;
  info.subpassCount = 1;
  info.pSubpasses = &subpass;
  info.dependencyCount = 1;
  info.pDependencies = &dependency;
  VkRenderPass render_pass;
  VK_CHECK(vkCreateRenderPass(device, &info, nullptr, &render_pass));
  return {device, render_pass};
}

void init_imgui_vulkan(renderer::Context& context, VkDescriptorPool pool, VkRenderPass render_pass,
                       std::uint32_t min_images, std::uint32_t images) {
  ImGui_ImplVulkan_InitInfo info{};
  info.Instance = context.instance();
  info.PhysicalDevice = context.physical_device();
  info.Device = context.device();
  info.QueueFamily = context.queue_family();
  info.Queue = context.queue();
  info.DescriptorPool = pool;
  info.MinImageCount = min_images;
  info.ImageCount = images;
  info.MSAASamples = VK_SAMPLE_COUNT_1_BIT;
  info.CheckVkResultFn = &check_imgui_result;
  ImGui_ImplVulkan_Init(&info, render_pass);
  context.submit_and_wait([](VkCommandBuffer cmd) { ImGui_ImplVulkan_CreateFontsTexture(cmd); });
  ImGui_ImplVulkan_DestroyFontUploadObjects();
}

void record_imgui(VkCommandBuffer cmd, VkRenderPass render_pass, VkFramebuffer framebuffer, VkExtent2D extent) {
  VkRenderPassBeginInfo begin{VK_STRUCTURE_TYPE_RENDER_PASS_BEGIN_INFO};
  begin.renderPass = render_pass;
  begin.framebuffer = framebuffer;
  begin.renderArea = {{0, 0}, extent};
  vkCmdBeginRenderPass(cmd, &begin, VK_SUBPASS_CONTENTS_INLINE);
  ImGui_ImplVulkan_RenderDrawData(ImGui::GetDrawData(), cmd);
  vkCmdEndRenderPass(cmd);
}

}  // namespace app
