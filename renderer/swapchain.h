// A swapchain on a surface the caller made (the renderer never sees the window). Resizes,
// minimising (0×0) and OUT_OF_DATE are normal events: the owner asks for a rebuild.
#pragma once

#include <cstdint>
#include <vector>

#include <vulkan/vulkan.h>

#include "renderer/unique_handle.h"

namespace renderer {

class Context;

struct SwapchainImage {
  VkImage image = VK_NULL_HANDLE;  // the swapchain's own
  Unique<VkImageView> view;
  // Signalled when this image's frame has finished rendering; one per image, not per frame
  // in flight, because presentation may hold an image longer than a frame slot.
  Unique<VkSemaphore> render_finished;
};

class Swapchain {
 public:
  Swapchain(const Context& context, VkSurfaceKHR surface, bool vsync);
  Swapchain(const Swapchain&) = delete;
  Swapchain& operator=(const Swapchain&) = delete;

  // Rebuilds for the surface's current size. Returns false while the surface is 0×0
  // (minimised): the caller skips frames until it is not.
  bool rebuild(VkExtent2D wanted);

  VkSwapchainKHR handle() const { return swapchain_.get(); }
  VkFormat format() const { return format_; }
  VkExtent2D extent() const { return extent_; }
  std::uint32_t min_image_count() const { return min_images_; }
  const std::vector<SwapchainImage>& images() const { return images_; }
  bool can_read_back() const { return readable_; }  // images allow TRANSFER_SRC (screenshots with UI)

 private:
  const Context& context_;
  VkSurfaceKHR surface_;
  bool vsync_;
  Unique<VkSwapchainKHR> swapchain_;
  VkFormat format_ = VK_FORMAT_UNDEFINED;
  VkExtent2D extent_{};
  std::uint32_t min_images_ = 2;
  bool readable_ = false;
  std::vector<SwapchainImage> images_;  // destroyed before swapchain_
};

}  // namespace renderer
