#include "app/caption_pass.h"

#include <imgui.h>
#include <imgui_impl_vulkan.h>

#include "app/captions.h"
#include "renderer/vk_check.h"

namespace app {

namespace {
void check_imgui_result(VkResult result) {
  if (result != VK_SUCCESS) throw renderer::VulkanError("ImGui Vulkan backend", result);
}
}  // namespace

CaptionPass::CaptionPass(renderer::Context& context, const scene::Scenario& scenario, std::uint32_t frame_height, bool legend)
    : context_(context), scenario_(scenario), legend_(legend), scale_(std::max(1.0f, frame_height / 720.0f)) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(1, 1);
  fonts_ = load_fonts(scenario, glyph_ranges_, scale_);

  const VkDescriptorPoolSize sizes[] = {{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 4}};
  VkDescriptorPoolCreateInfo pool{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
  pool.flags = VK_DESCRIPTOR_POOL_CREATE_FREE_DESCRIPTOR_SET_BIT;
  pool.maxSets = 4;
  pool.poolSizeCount = 1;
  pool.pPoolSizes = sizes;
  VK_CHECK(vkCreateDescriptorPool(context.device(), &pool, nullptr, &pool_));

  // Loads the finished frame, draws over it, and leaves it as the renderer expects.
  VkAttachmentDescription colour{};
  colour.format = renderer::kDisplayFormat;
  colour.samples = VK_SAMPLE_COUNT_1_BIT;
  colour.loadOp = VK_ATTACHMENT_LOAD_OP_LOAD;
  colour.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
  colour.stencilLoadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
  colour.stencilStoreOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
  colour.initialLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
  colour.finalLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
  VkAttachmentReference ref{0, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL};
  VkSubpassDescription subpass{};
  subpass.pipelineBindPoint = VK_PIPELINE_BIND_POINT_GRAPHICS;
  subpass.colorAttachmentCount = 1;
  subpass.pColorAttachments = &ref;
  VkSubpassDependency dependency{};  // the tonemap pass's writes before ours
  dependency.srcSubpass = VK_SUBPASS_EXTERNAL;
  dependency.dstSubpass = 0;
  dependency.srcStageMask = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT;
  dependency.srcAccessMask = VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
  dependency.dstStageMask = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT;
  dependency.dstAccessMask = VK_ACCESS_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
  VkRenderPassCreateInfo info{VK_STRUCTURE_TYPE_RENDER_PASS_CREATE_INFO};
  info.attachmentCount = 1;
  info.pAttachments = &colour;
  info.subpassCount = 1;
  info.pSubpasses = &subpass;
  info.dependencyCount = 1;
  info.pDependencies = &dependency;
  VK_CHECK(vkCreateRenderPass(context.device(), &info, nullptr, &render_pass_));

  ImGui_ImplVulkan_InitInfo init{};
  init.Instance = context.instance();
  init.PhysicalDevice = context.physical_device();
  init.Device = context.device();
  init.QueueFamily = context.queue_family();
  init.Queue = context.queue();
  init.DescriptorPool = pool_;
  init.MinImageCount = 2;
  init.ImageCount = 2;
  init.MSAASamples = VK_SAMPLE_COUNT_1_BIT;
  init.CheckVkResultFn = &check_imgui_result;
  ImGui_ImplVulkan_Init(&init, render_pass_);
  context.submit_and_wait([](VkCommandBuffer cmd) { ImGui_ImplVulkan_CreateFontsTexture(cmd); });
  ImGui_ImplVulkan_DestroyFontUploadObjects();
}

CaptionPass::~CaptionPass() {
  vkDeviceWaitIdle(context_.device());
  ImGui_ImplVulkan_Shutdown();
  ImGui::DestroyContext();
  if (framebuffer_) vkDestroyFramebuffer(context_.device(), framebuffer_, nullptr);
  vkDestroyRenderPass(context_.device(), render_pass_, nullptr);
  vkDestroyDescriptorPool(context_.device(), pool_, nullptr);
}

VkFramebuffer CaptionPass::framebuffer_for(const renderer::RenderTarget& target) {
  if (framebuffer_ && framebuffer_view_ == target.display.view()) return framebuffer_;
  // A new target (the first frame, or a new size): the renderer waits for its frames before
  // it replaces a target, so the old framebuffer is no longer in use.
  if (framebuffer_) vkDestroyFramebuffer(context_.device(), framebuffer_, nullptr);
  const VkImageView view = target.display.view();
  VkFramebufferCreateInfo info{VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO};
  info.renderPass = render_pass_;
  info.attachmentCount = 1;
  info.pAttachments = &view;
  info.width = target.extent.width;
  info.height = target.extent.height;
  info.layers = 1;
  VK_CHECK(vkCreateFramebuffer(context_.device(), &info, nullptr, &framebuffer_));
  framebuffer_view_ = view;
  return framebuffer_;
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
  layout.bottom = layout.viewport.y - 48 * layout.scale;
  layout.left = 64 * layout.scale;
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  if (legend_) draw_faction_legend(draw, scenario_, fonts_, layout);
  draw_captions(draw, scenario_, snapshot, fonts_, layout);
  ImGui::Render();

  VkRenderPassBeginInfo begin{VK_STRUCTURE_TYPE_RENDER_PASS_BEGIN_INFO};
  begin.renderPass = render_pass_;
  begin.framebuffer = framebuffer_for(target);
  begin.renderArea = {{0, 0}, target.extent};
  vkCmdBeginRenderPass(cmd, &begin, VK_SUBPASS_CONTENTS_INLINE);
  ImGui_ImplVulkan_RenderDrawData(ImGui::GetDrawData(), cmd);
  vkCmdEndRenderPass(cmd);
}

}  // namespace app
