#include "app/viewer/ui_layer.h"

#include <cstdio>

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_vulkan.h>

#include "renderer/vk_check.h"

namespace app {

namespace {

void check_imgui_result(VkResult result) {
  if (result != VK_SUCCESS) throw renderer::VulkanError("ImGui Vulkan backend", result);
}

}  // namespace

UiLayer::UiLayer(renderer::Context& context, GLFWwindow* window, const renderer::Swapchain& swapchain,
                 const scene::Scenario& scenario)
    : context_(context) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the layout is the program's, not a file's left behind in the cwd
  ImGui::StyleColorsDark();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 4;
  style.FrameRounding = 3;
  style.WindowBorderSize = 0;
  style.Colors[ImGuiCol_WindowBg].w = 0.86f;

  const VkDescriptorPoolSize sizes[] = {{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 16}};
  VkDescriptorPoolCreateInfo pool{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
  pool.flags = VK_DESCRIPTOR_POOL_CREATE_FREE_DESCRIPTOR_SET_BIT;
  pool.maxSets = 16;
  pool.poolSizeCount = 1;
  pool.pPoolSizes = sizes;
  VK_CHECK(vkCreateDescriptorPool(context.device(), &pool, nullptr, &pool_));

  create_render_pass(swapchain.format());
  create_framebuffers(swapchain);
  fonts_ = load_fonts(scenario, glyph_ranges_);

  ImGui_ImplGlfw_InitForVulkan(window, true);
  ImGui_ImplVulkan_InitInfo info{};
  info.Instance = context.instance();
  info.PhysicalDevice = context.physical_device();
  info.Device = context.device();
  info.QueueFamily = context.queue_family();
  info.Queue = context.queue();
  info.DescriptorPool = pool_;
  info.MinImageCount = std::max(swapchain.min_image_count(), 2u);
  info.ImageCount = static_cast<std::uint32_t>(swapchain.images().size());
  info.MSAASamples = VK_SAMPLE_COUNT_1_BIT;
  info.CheckVkResultFn = &check_imgui_result;
  ImGui_ImplVulkan_Init(&info, render_pass_);
  context.submit_and_wait([](VkCommandBuffer cmd) { ImGui_ImplVulkan_CreateFontsTexture(cmd); });
  ImGui_ImplVulkan_DestroyFontUploadObjects();
}

UiLayer::~UiLayer() {
  vkDeviceWaitIdle(context_.device());
  ImGui_ImplVulkan_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  destroy_framebuffers();
  vkDestroyRenderPass(context_.device(), render_pass_, nullptr);
  vkDestroyDescriptorPool(context_.device(), pool_, nullptr);
}

void UiLayer::create_render_pass(VkFormat format) {
  format_ = format;
  VkAttachmentDescription colour{};
  colour.format = format;
  colour.samples = VK_SAMPLE_COUNT_1_BIT;
  colour.loadOp = VK_ATTACHMENT_LOAD_OP_LOAD;  // the scene is already there
  colour.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
  colour.stencilLoadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
  colour.stencilStoreOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
  colour.initialLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
  colour.finalLayout = VK_IMAGE_LAYOUT_PRESENT_SRC_KHR;
  VkAttachmentReference ref{0, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL};
  VkSubpassDescription subpass{};
  subpass.pipelineBindPoint = VK_PIPELINE_BIND_POINT_GRAPHICS;
  subpass.colorAttachmentCount = 1;
  subpass.pColorAttachments = &ref;
  // The blit into the image (transfer) must finish before the UI draws over it.
  VkSubpassDependency dependency{};
  dependency.srcSubpass = VK_SUBPASS_EXTERNAL;
  dependency.dstSubpass = 0;
  dependency.srcStageMask = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT;
  dependency.srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
  dependency.dstStageMask = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT;
  dependency.dstAccessMask = VK_ACCESS_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
  VkRenderPassCreateInfo info{VK_STRUCTURE_TYPE_RENDER_PASS_CREATE_INFO};
  info.attachmentCount = 1;
  info.pAttachments = &colour;
  info.subpassCount = 1;
  info.pSubpasses = &subpass;
  info.dependencyCount = 1;
  info.pDependencies = &dependency;
  VK_CHECK(vkCreateRenderPass(context_.device(), &info, nullptr, &render_pass_));
}

void UiLayer::create_framebuffers(const renderer::Swapchain& swapchain) {
  for (const renderer::SwapchainImage& image : swapchain.images()) {
    VkFramebufferCreateInfo info{VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO};
    info.renderPass = render_pass_;
    info.attachmentCount = 1;
    info.pAttachments = &image.view;
    info.width = swapchain.extent().width;
    info.height = swapchain.extent().height;
    info.layers = 1;
    VkFramebuffer framebuffer;
    VK_CHECK(vkCreateFramebuffer(context_.device(), &info, nullptr, &framebuffer));
    framebuffers_.push_back(framebuffer);
  }
}

void UiLayer::destroy_framebuffers() {
  for (VkFramebuffer f : framebuffers_) vkDestroyFramebuffer(context_.device(), f, nullptr);
  framebuffers_.clear();
}

void UiLayer::on_swapchain_rebuilt(const renderer::Swapchain& swapchain) {
  destroy_framebuffers();
  if (swapchain.format() != format_) {
    vkDestroyRenderPass(context_.device(), render_pass_, nullptr);
    create_render_pass(swapchain.format());
  }
  create_framebuffers(swapchain);
  ImGui_ImplVulkan_SetMinImageCount(std::max(swapchain.min_image_count(), 2u));
}

void UiLayer::new_frame() {
  ImGui_ImplVulkan_NewFrame();
  ImGui_ImplGlfw_NewFrame();
}

void UiLayer::record(VkCommandBuffer cmd, std::uint32_t index, VkExtent2D extent) {
  VkRenderPassBeginInfo begin{VK_STRUCTURE_TYPE_RENDER_PASS_BEGIN_INFO};
  begin.renderPass = render_pass_;
  begin.framebuffer = framebuffers_[index];
  begin.renderArea = {{0, 0}, extent};
  vkCmdBeginRenderPass(cmd, &begin, VK_SUBPASS_CONTENTS_INLINE);
  ImGui_ImplVulkan_RenderDrawData(ImGui::GetDrawData(), cmd);
  vkCmdEndRenderPass(cmd);
}

}  // namespace app
