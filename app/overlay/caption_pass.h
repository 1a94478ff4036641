// Captions for frames rendered headless (films, single frames): Dear ImGui draws the same
// captions as the viewer (app/overlay/captions) in a render pass of its own (ImGui 1.86
// predates dynamic rendering), either burnt into the tonemapped image through the renderer's
// overlay hook (`record`), or alone onto a transparent image for a caption layer
// (`render_layer`, --captions separate), without rendering the scene.
#pragma once

#include <cstdint>
#include <vector>

#include <vulkan/vulkan.h>

#include "app/core/caption_layout.h"
#include "app/overlay/fonts.h"
#include "renderer/context.h"
#include "renderer/resources.h"
#include "renderer/target.h"
#include "renderer/unique_handle.h"
#include "scene/model/scenario.h"
#include "scene/model/snapshot.h"

namespace app {

class CaptionPass {
 public:
  // `frame` (app/core/caption_layout.h: caption_frame) sizes the text and the area it keeps to,
  // in the pixels rendered.
  CaptionPass(renderer::Context& context, const scene::Scenario& scenario, const CaptionFrame& frame, bool legend);
  ~CaptionPass();
  CaptionPass(const CaptionPass&) = delete;
  CaptionPass& operator=(const CaptionPass&) = delete;

  // Burns the captions into the target's display image (the renderer's overlay hook).
  void record(VkCommandBuffer cmd, renderer::RenderTarget& target, const scene::Snapshot& snapshot);

  // The captions alone, drawn with the same blending onto transparent black: RGBA8, rows top
  // down, colour sRGB-encoded and PREMULTIPLIED by alpha (ImGui's blend accumulates it so), so
  // `layer + plate * (1 - alpha)` is the burnt-in frame. Waits for the GPU.
  std::vector<std::uint8_t> render_layer(const scene::Snapshot& snapshot, VkExtent2D extent);

 private:
  void build_draw_data(VkExtent2D extent, const scene::Snapshot& snapshot);
  VkFramebuffer framebuffer_for(VkImageView view, VkExtent2D extent);

  renderer::Context& context_;
  const scene::Scenario& scenario_;
  bool legend_;
  CaptionFrame frame_;
  renderer::Unique<VkDescriptorPool> pool_;
  renderer::Unique<VkRenderPass> render_pass_;
  renderer::Unique<VkFramebuffer> framebuffer_;
  VkImageView framebuffer_view_ = VK_NULL_HANDLE;  // what framebuffer_ was made for
  renderer::Image layer_;                          // render_layer's image and its readback
  renderer::Buffer layer_readback_;
  Fonts fonts_;
  std::vector<unsigned short> glyph_ranges_;
};

}  // namespace app
