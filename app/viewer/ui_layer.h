// Dear ImGui on top of the scene: its context, the GLFW and Vulkan backends, a small render
// pass of its own (ImGui 1.86's Vulkan backend predates dynamic rendering) and the fonts,
// with the CJK glyphs the scenario uses.
#pragma once

#include <string>
#include <vector>

#include <vulkan/vulkan.h>

#include "app/overlay/fonts.h"
#include "renderer/context.h"
#include "renderer/swapchain.h"
#include "renderer/unique_handle.h"
#include "scene/model/scenario.h"

struct GLFWwindow;

namespace app {

class UiLayer {
 public:
  UiLayer(renderer::Context& context, GLFWwindow* window, const renderer::Swapchain& swapchain,
          const scene::Scenario& scenario);
  ~UiLayer();
  UiLayer(const UiLayer&) = delete;
  UiLayer& operator=(const UiLayer&) = delete;

  // After the swapchain was rebuilt: new framebuffers for its images.
  void on_swapchain_rebuilt(const renderer::Swapchain& swapchain);
  void new_frame();
  // Draws ImGui's draw data over swapchain image `index`, which must be in
  // COLOR_ATTACHMENT_OPTIMAL; leaves it in PRESENT_SRC_KHR.
  void record(VkCommandBuffer cmd, std::uint32_t index, VkExtent2D extent);
  const Fonts& fonts() const { return fonts_; }

 private:
  void create_render_pass(VkFormat format);
  void create_framebuffers(const renderer::Swapchain& swapchain);

  renderer::Context& context_;
  renderer::Unique<VkDescriptorPool> pool_;
  renderer::Unique<VkRenderPass> render_pass_;
  VkFormat format_ = VK_FORMAT_UNDEFINED;
  std::vector<renderer::Unique<VkFramebuffer>> framebuffers_;  // per swapchain image
  Fonts fonts_;
  std::vector<unsigned short> glyph_ranges_;  // must outlive the font atlas build
};

}  // namespace app
