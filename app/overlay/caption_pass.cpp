#include "app/overlay/caption_pass.h"

#include <cstring>

#include <imgui.h>
#include <imgui_impl_vulkan.h>

#include "app/overlay/captions.h"
#include "app/overlay/imgui_vulkan.h"
#include "renderer/vk_check.h"

namespace app {

CaptionPass::CaptionPass(renderer::Context& context, const scene::Scenario& scenario, const CaptionFrame& frame,
                         bool legend)
    : context_(context), scenario_(scenario), legend_(legend), frame_(frame) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(1, 1);
  fonts_ = load_fonts(scenario, glyph_ranges_, frame.scale);

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

VkFramebuffer CaptionPass::framebuffer_for(VkImageView view, VkExtent2D extent) {
  if (framebuffer_ && framebuffer_view_ == view) return framebuffer_.get();
  // A new target (the first frame, or a new size): the renderer waits for its frames before
  // it replaces a target, and render_layer waits for its own, so the old one is not in use.
  framebuffer_.reset();
  VkFramebufferCreateInfo info{VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO};
  info.renderPass = render_pass_.get();
  info.attachmentCount = 1;
  info.pAttachments = &view;
  info.width = extent.width;
  info.height = extent.height;
  info.layers = 1;
  VkFramebuffer framebuffer;
  VK_CHECK(vkCreateFramebuffer(context_.device(), &info, nullptr, &framebuffer));
  framebuffer_ = renderer::Unique<VkFramebuffer>(context_.device(), framebuffer);
  framebuffer_view_ = view;
  return framebuffer;
}

void CaptionPass::build_draw_data(VkExtent2D extent, const scene::Snapshot& snapshot) {
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(extent.width), static_cast<float>(extent.height));
  io.DeltaTime = 1.0f / 24.0f;  // not used for drawing; ImGui only requires it to be positive
  ImGui_ImplVulkan_NewFrame();
  ImGui::NewFrame();
  CaptionLayout layout;
  layout.viewport = glm::vec2(extent.width, extent.height);
  layout.scale = frame_.scale;
  layout.area = frame_.area;
  const float k = layout.scale;
  if (legend_ && fonts_.body)  // the captions start below the legend
    layout.area.y0 = std::max(
        layout.area.y0, 30 * k + static_cast<float>(scenario_.factions.size()) * (fonts_.body->FontSize + 10 * k));
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  if (legend_) draw_faction_legend(draw, scenario_, fonts_, layout);
  draw_captions(draw, scenario_, snapshot, fonts_, layout);
  ImGui::Render();
}

void CaptionPass::record(VkCommandBuffer cmd, renderer::RenderTarget& target, const scene::Snapshot& snapshot) {
  build_draw_data(target.extent, snapshot);
  record_imgui(cmd, render_pass_.get(), framebuffer_for(target.display.view(), target.extent), target.extent);
}

std::vector<std::uint8_t> CaptionPass::render_layer(const scene::Snapshot& snapshot, VkExtent2D extent) {
  const VkDeviceSize bytes = static_cast<VkDeviceSize>(extent.width) * extent.height * 4;
  if (!layer_ || layer_.extent().width != extent.width || layer_.extent().height != extent.height) {
    framebuffer_.reset();  // it may name the old image's view
    framebuffer_view_ = VK_NULL_HANDLE;
    layer_ = renderer::Image(
        context_, extent, renderer::kDisplayFormat,
        VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT,
        VK_IMAGE_ASPECT_COLOR_BIT);
    layer_readback_ = renderer::Buffer(context_, bytes, VK_BUFFER_USAGE_TRANSFER_DST_BIT, renderer::kHostMemory);
  }
  build_draw_data(extent, snapshot);
  const VkImage image = layer_.handle();
  const VkFramebuffer framebuffer = framebuffer_for(layer_.view(), extent);
  context_.submit_and_wait([&](VkCommandBuffer cmd) {
    renderer::transition(
        cmd, image, VK_IMAGE_ASPECT_COLOR_BIT, {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_NONE, 0},
        {VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_CLEAR_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT});
    const VkClearColorValue transparent{};
    const VkImageSubresourceRange range{VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
    vkCmdClearColorImage(cmd, image, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, &transparent, 1, &range);
    renderer::transition(
        cmd, image, VK_IMAGE_ASPECT_COLOR_BIT,
        {VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_CLEAR_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT},
        {VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
         VK_ACCESS_2_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT});
    record_imgui(cmd, render_pass_.get(), framebuffer, extent);
    renderer::transition(
        cmd, image, VK_IMAGE_ASPECT_COLOR_BIT,
        {VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
         VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT},
        {VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_READ_BIT});
    renderer::copy_image_to_buffer(cmd, image, VK_IMAGE_ASPECT_COLOR_BIT, extent, layer_readback_.handle());
    renderer::make_copies_visible_to_host(cmd);
  });
  std::vector<std::uint8_t> rgba(bytes);
  std::memcpy(rgba.data(), layer_readback_.mapped(), bytes);
  return rgba;
}

}  // namespace app
