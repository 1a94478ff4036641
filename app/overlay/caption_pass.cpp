#include "app/overlay/caption_pass.h"

#include <imgui.h>
#include <imgui_impl_vulkan.h>

#include "app/overlay/captions.h"
#include "app/overlay/imgui_vulkan.h"
#include "renderer/vk_check.h"

namespace app {

CaptionPass::CaptionPass(renderer::Context& context, const scene::Scenario& scenario, std::uint32_t frame_height,
                         bool legend)
    : context_(context), scenario_(scenario), legend_(legend), scale_(std::max(1.0f, frame_height / 720.0f)) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(1, 1);
  fonts_ = load_fonts(scenario, glyph_ranges_, scale_);

  pool_ = create_imgui_descriptor_pool(context.device());
  // Draws over the tonemapped frame and leaves it a colour attachment, as the renderer expects.
  render_pass_ =
      create_overlay_render_pass(context.device(), renderer::kDisplayFormat, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                                 VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT, VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT);
  init_imgui_vulkan(context, pool_.get(), render_pass_.get(), 2, 2);
}

// The framebuffer, render pass and pool go after this, in that order.
CaptionPass::~CaptionPass() {
  vkDeviceWaitIdle(context_.device());
  ImGui_ImplVulkan_Shutdown();
  ImGui::DestroyContext();
}

VkFramebuffer CaptionPass::framebuffer_for(const renderer::RenderTarget& target) {
  if (framebuffer_ && framebuffer_view_ == target.display.view()) return framebuffer_.get();
  // A new target (the first frame, or a new size): the renderer waits for its frames before
  // it replaces a target, so the old framebuffer is no longer in use.
  framebuffer_.reset();
  const VkImageView view = target.display.view();
  VkFramebufferCreateInfo info{VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO};
  info.renderPass = render_pass_.get();
  info.attachmentCount = 1;
  info.pAttachments = &view;
  info.width = target.extent.width;
  info.height = target.extent.height;
  info.layers = 1;
  VkFramebuffer framebuffer;
  VK_CHECK(vkCreateFramebuffer(context_.device(), &info, nullptr, &framebuffer));
  framebuffer_ = renderer::Unique<VkFramebuffer>(context_.device(), framebuffer);
  framebuffer_view_ = view;
  return framebuffer;
}

void CaptionPass::record(VkCommandBuffer cmd, renderer::RenderTarget& target, const scene::Snapshot& snapshot) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(target.extent.width), static_cast<float>(target.extent.height));
  io.DeltaTime = 1.0f / 24.0f;  // not used for drawing; ImGui only requires it to be positive
  ImGui_ImplVulkan_NewFrame();
  ImGui::NewFrame();
  CaptionLayout layout;
  layout.viewport = glm::vec2(target.extent.width, target.extent.height);
  layout.scale = std::max(1.0f, static_cast<float>(target.extent.height) / 720.0f);
  const float k = layout.scale;
  // A film has no panels: the frame less a title-safe margin, and below the legend when shown.
  float top = 46 * k;
  if (legend_ && fonts_.body)
    top = std::max(top, 30 * k + static_cast<float>(scenario_.factions.size()) * (fonts_.body->FontSize + 10 * k));
  layout.area = {64 * k, top, layout.viewport.x - 64 * k, layout.viewport.y - 48 * k};
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  if (legend_) draw_faction_legend(draw, scenario_, fonts_, layout);
  draw_captions(draw, scenario_, snapshot, fonts_, layout);
  ImGui::Render();

  record_imgui(cmd, render_pass_.get(), framebuffer_for(target), target.extent);
}

}  // namespace app
