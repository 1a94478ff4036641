// A swapchain on a surface the caller made (the renderer never sees the window). Resizes,
// minimising (0×0) and OUT_OF_DATE are normal events: the owner asks for a rebuild.
#pragma once

#include <cstdint>
#include <vector>

#include <vulkan/vulkan.h>

namespace renderer {

class Context;

struct SwapchainImage {
  VkImage image = VK_NULL_HANDLE;
  VkImageView view = VK_NULL_HANDLE;
  // Signalled when this image's frame has finished rendering; one per image, not per frame
  // in flight, because presentation may hold an image longer than a frame slot.
  VkSemaphore render_finished = VK_NULL_HANDLE;
};

class Swapchain {
 public:
  Swapchain(const Context& context, VkSurfaceKHR surface, bool vsync);
  ~Swapchain();
  Swapchain(const Swapchain&) = delete;
  Swapchain& operator=(const Swapchain&) = delete;

  // Rebuilds for the surface's current size. Returns false while the surface is 0×0
  // (minimised): the caller skips frames until it is not.
  bool rebuild(VkExtent2D wanted);
  void set_vsync(bool vsync) { vsync_ = vsync; }
  bool vsync() const { return vsync_; }

  VkSwapchainKHR handle() const { return swapchain_; }
  VkFormat format() const { return format_; }
  VkExtent2D extent() const { return extent_; }
  std::uint32_t min_image_count() const { return min_images_; }
  const std::vector<SwapchainImage>& images() const { return images_; }
  bool can_read_back() const { return readable_; }  // images allow TRANSFER_SRC (screenshots with UI)

 private:
  void destroy_images();

  const Context& context_;
  VkSurfaceKHR surface_;
  bool vsync_;
  VkSwapchainKHR swapchain_ = VK_NULL_HANDLE;
  VkFormat format_ = VK_FORMAT_UNDEFINED;
  VkExtent2D extent_{};
  std::uint32_t min_images_ = 2;
  bool readable_ = false;
  std::vector<SwapchainImage> images_;
};

}  // namespace renderer
