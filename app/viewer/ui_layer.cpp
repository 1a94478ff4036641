#include "app/viewer/ui_layer.h"

#include <cstdio>
#include <filesystem>

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_vulkan.h>

#include "renderer/vk_check.h"

namespace app {

namespace {

void check_imgui_result(VkResult result) {
  if (result != VK_SUCCESS) throw renderer::VulkanError("ImGui Vulkan backend", result);
}

// Every string of the scenario a label, panel or caption may show.
void collect_text(const scene::Scenario& s, ImFontGlyphRangesBuilder& b) {
  const auto add = [&](const scene::Localized& t) {
    b.AddText(t.en.c_str());
    b.AddText(t.zh.c_str());
  };
  add(s.title);
  for (const auto& x : s.rivers) add(x.name);
  for (const auto& x : s.lakes) add(x.name);
  for (const auto& x : s.walls) add(x.name);
  for (const auto& x : s.gates) add(x.name);
  for (const auto& x : s.towers) add(x.name);
  for (const auto& x : s.damages) add(x.name);
  for (const auto& x : s.siege_rings) add(x.name);
  for (const auto& x : s.earthworks) add(x.name);
  for (const auto& x : s.settlements) add(x.name);
  for (const auto& x : s.camps) add(x.name);
  for (const auto& x : s.places) add(x.name);
  for (const auto& x : s.factions) add(x.name);
  for (const auto& x : s.units) {
    add(x.name);
    add(x.commander);
  }
  for (const auto& x : s.fires) add(x.name);
  for (const auto& x : s.engines) add(x.name);
  for (const auto& x : s.phases) {
    add(x.title);
    add(x.summary);
    b.AddText(x.start.lunar.c_str());
    b.AddText(x.end.lunar.c_str());
    b.AddText(x.provenance.notes.c_str());
  }
  for (const auto& x : s.captions) {
    add(x.text);
    b.AddText(x.attribution.c_str());
  }
  for (const auto& x : s.shots) add(x.title);
  for (const auto& x : s.sources) b.AddText(x.citation.c_str());
  b.AddText("年月日初十廿三正闰约前后");  // lunar date words the UI composes
}

}  // namespace

std::string find_cjk_font() {
  for (const char* path : {"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                           "/usr/share/fonts/opentype/noto/NotoSansCJK-Medium.ttc",
                           "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"})
    if (std::filesystem::exists(path)) return path;
  return {};
}

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
  load_fonts(scenario);

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

void UiLayer::load_fonts(const scene::Scenario& scenario) {
  ImGuiIO& io = ImGui::GetIO();
  fonts_.cjk_path = find_cjk_font();
  if (fonts_.cjk_path.empty()) {
    std::fprintf(stderr, "siege view: warning: Noto Sans CJK not found (apt-get install fonts-noto-cjk); "
                         "Chinese labels will show as '?'\n");
    fonts_.body = io.Fonts->AddFontDefault();
    fonts_.large = fonts_.title = fonts_.body;
    return;
  }
  ImFontGlyphRangesBuilder builder;
  builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
  collect_text(scenario, builder);
  builder.AddText("·—–…×¼½→←↑↓“”‘’°");
  ImVector<ImWchar> ranges;
  builder.BuildRanges(&ranges);
  glyph_ranges_.assign(ranges.begin(), ranges.end());

  ImFontConfig config;
  config.FontNo = 0;  // Noto Sans CJK SC in the collection
  config.OversampleH = 1;
  config.OversampleV = 1;
  fonts_.body = io.Fonts->AddFontFromFileTTF(fonts_.cjk_path.c_str(), 17.0f, &config, glyph_ranges_.data());
  fonts_.large = io.Fonts->AddFontFromFileTTF(fonts_.cjk_path.c_str(), 26.0f, &config, glyph_ranges_.data());
  fonts_.title = io.Fonts->AddFontFromFileTTF(fonts_.cjk_path.c_str(), 40.0f, &config, glyph_ranges_.data());
  fonts_.cjk = fonts_.body != nullptr;
  if (!fonts_.body) {
    std::fprintf(stderr, "siege view: warning: %s could not be loaded; Chinese labels will show as '?'\n", fonts_.cjk_path.c_str());
    fonts_.body = io.Fonts->AddFontDefault();
    fonts_.large = fonts_.title = fonts_.body;
  }
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
