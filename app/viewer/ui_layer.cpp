#include "app/viewer/ui_layer.h"

#include <algorithm>
#include <cstdio>

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_vulkan.h>

#include "app/overlay/imgui_vulkan.h"
#include "renderer/vk_check.h"

namespace app {

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

  pool_ = create_imgui_descriptor_pool(context.device());
  create_render_pass(swapchain.format());
  create_framebuffers(swapchain);
  fonts_ = load_fonts(scenario, glyph_ranges_);

  ImGui_ImplGlfw_InitForVulkan(window, true);
  init_imgui_vulkan(context, pool_.get(), render_pass_.get(), std::max(swapchain.min_image_count(), 2u),
                    static_cast<std::uint32_t>(swapchain.images().size()));
}

// The framebuffers, render pass and pool go after this, in that order.
UiLayer::~UiLayer() {
  vkDeviceWaitIdle(context_.device());
  ImGui_ImplVulkan_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
}

// The blit of the scene (transfer) must finish before the interface draws over it.
void UiLayer::create_render_pass(VkFormat format) {
  format_ = format;
  render_pass_ =
      create_overlay_render_pass(context_.device(), format, VK_IMAGE_LAYOUT_PRESENT_SRC_KHR,
                                 VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT,
                                 VK_ACCESS_TRANSFER_WRITE_BIT | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT);
}

void UiLayer::create_framebuffers(const renderer::Swapchain& swapchain) {
  for (const renderer::SwapchainImage& image : swapchain.images()) {
    VkFramebufferCreateInfo info{VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO};
    info.renderPass = render_pass_.get();
    info.attachmentCount = 1;
    info.pAttachments = image.view.address();
    info.width = swapchain.extent().width;
    info.height = swapchain.extent().height;
    info.layers = 1;
    VkFramebuffer framebuffer;
    VK_CHECK(vkCreateFramebuffer(context_.device(), &info, nullptr, &framebuffer));
    framebuffers_.emplace_back(context_.device(), framebuffer);
  }
}

void UiLayer::on_swapchain_rebuilt(const renderer::Swapchain& swapchain) {
  framebuffers_.clear();
  if (swapchain.format() != format_) {
    render_pass_.reset();
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
  record_imgui(cmd, render_pass_.get(), framebuffers_[index].get(), extent);
}

}  // namespace app
