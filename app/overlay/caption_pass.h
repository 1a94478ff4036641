// Burnt-in captions for frames rendered headless (films, single frames): Dear ImGui draws the
// same captions as the viewer (app/captions) over the tonemapped image, through the
// renderer's overlay hook, in a render pass of its own (ImGui 1.86 predates dynamic rendering).
#pragma once

#include <vector>

#include <vulkan/vulkan.h>

#include "app/overlay/fonts.h"
#include "renderer/context.h"
#include "renderer/target.h"
#include "renderer/unique_handle.h"
#include "scene/model/scenario.h"
#include "scene/model/snapshot.h"

namespace app {

class CaptionPass {
 public:
  // `frame_height` sizes the text: 720 px frames get the viewer's sizes, larger ones grow.
  CaptionPass(renderer::Context& context, const scene::Scenario& scenario, std::uint32_t frame_height, bool legend);
  ~CaptionPass();
  CaptionPass(const CaptionPass&) = delete;
  CaptionPass& operator=(const CaptionPass&) = delete;

  void record(VkCommandBuffer cmd, renderer::RenderTarget& target, const scene::Snapshot& snapshot);

 private:
  VkFramebuffer framebuffer_for(const renderer::RenderTarget& target);

  renderer::Context& context_;
  const scene::Scenario& scenario_;
  bool legend_;
  float scale_;
  renderer::Unique<VkDescriptorPool> pool_;
  renderer::Unique<VkRenderPass> render_pass_;
  renderer::Unique<VkFramebuffer> framebuffer_;
  VkImageView framebuffer_view_ = VK_NULL_HANDLE;  // what framebuffer_ was made for
  Fonts fonts_;
  std::vector<unsigned short> glyph_ranges_;
};

}  // namespace app
