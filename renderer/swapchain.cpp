#include "renderer/swapchain.h"

#include <algorithm>

#include "renderer/context.h"
#include "renderer/vk_check.h"

namespace renderer {

namespace {

// The display image is already sRGB-encoded 8-bit, so a UNORM swapchain shows it as it is.
VkSurfaceFormatKHR choose_format(VkPhysicalDevice device, VkSurfaceKHR surface) {
  std::uint32_t count = 0;
  VK_CHECK(vkGetPhysicalDeviceSurfaceFormatsKHR(device, surface, &count, nullptr));
  std::vector<VkSurfaceFormatKHR> formats(count);
  VK_CHECK(vkGetPhysicalDeviceSurfaceFormatsKHR(device, surface, &count, formats.data()));
  for (VkFormat wanted : {VK_FORMAT_B8G8R8A8_UNORM, VK_FORMAT_R8G8B8A8_UNORM})
    for (const VkSurfaceFormatKHR& f : formats)
      if (f.format == wanted && f.colorSpace == VK_COLOR_SPACE_SRGB_NONLINEAR_KHR) return f;
  return formats.front();
}

VkPresentModeKHR choose_present_mode(VkPhysicalDevice device, VkSurfaceKHR surface, bool vsync) {
  if (vsync) return VK_PRESENT_MODE_FIFO_KHR;  // always available
  std::uint32_t count = 0;
  VK_CHECK(vkGetPhysicalDeviceSurfacePresentModesKHR(device, surface, &count, nullptr));
  std::vector<VkPresentModeKHR> modes(count);
  VK_CHECK(vkGetPhysicalDeviceSurfacePresentModesKHR(device, surface, &count, modes.data()));
  for (VkPresentModeKHR wanted : {VK_PRESENT_MODE_MAILBOX_KHR, VK_PRESENT_MODE_IMMEDIATE_KHR})
    if (std::find(modes.begin(), modes.end(), wanted) != modes.end()) return wanted;
  return VK_PRESENT_MODE_FIFO_KHR;
}

}  // namespace

Swapchain::Swapchain(const Context& context, VkSurfaceKHR surface, bool vsync)
    : context_(context), surface_(surface), vsync_(vsync) {
  VkBool32 supported = VK_FALSE;
  VK_CHECK(
      vkGetPhysicalDeviceSurfaceSupportKHR(context.physical_device(), context.queue_family(), surface, &supported));
  if (!supported)
    throw VulkanError("vkGetPhysicalDeviceSurfaceSupportKHR (the chosen queue cannot present to this window)",
                      VK_ERROR_INCOMPATIBLE_DISPLAY_KHR);
}

bool Swapchain::rebuild(VkExtent2D wanted) {
  VkDevice device = context_.device();
  VkSurfaceCapabilitiesKHR caps;
  VK_CHECK(vkGetPhysicalDeviceSurfaceCapabilitiesKHR(context_.physical_device(), surface_, &caps));
  // The surface's own extent wins where it has one; the window's size only where it does not.
  VkExtent2D extent = caps.currentExtent;
  if (extent.width == 0xFFFFFFFFu) {
    extent.width = std::clamp(wanted.width, caps.minImageExtent.width, caps.maxImageExtent.width);
    extent.height = std::clamp(wanted.height, caps.minImageExtent.height, caps.maxImageExtent.height);
  }
  if (extent.width == 0 || extent.height == 0) return false;

  vkDeviceWaitIdle(device);
  const VkSurfaceFormatKHR format = choose_format(context_.physical_device(), surface_);
  // Two more than the surface needs: the viewer holds one drawn image until the next frame is
  // recorded (app/viewer: present_pending) while it acquires the next.
  std::uint32_t count = std::max(caps.minImageCount + 2, 3u);
  if (caps.maxImageCount) count = std::min(count, caps.maxImageCount);
  readable_ = (caps.supportedUsageFlags & VK_IMAGE_USAGE_TRANSFER_SRC_BIT) != 0;

  VkSwapchainCreateInfoKHR info{VK_STRUCTURE_TYPE_SWAPCHAIN_CREATE_INFO_KHR};
  info.surface = surface_;
  info.minImageCount = count;
  info.imageFormat = format.format;
  info.imageColorSpace = format.colorSpace;
  info.imageExtent = extent;
  info.imageArrayLayers = 1;
  info.imageUsage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT |
                    (readable_ ? VK_IMAGE_USAGE_TRANSFER_SRC_BIT : 0);
  info.imageSharingMode = VK_SHARING_MODE_EXCLUSIVE;
  info.preTransform = caps.currentTransform;
  info.compositeAlpha = VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR;
  info.presentMode = choose_present_mode(context_.physical_device(), surface_, vsync_);
  info.clipped = VK_TRUE;
  info.oldSwapchain = swapchain_.get();
  VkSwapchainKHR created;
  VK_CHECK(vkCreateSwapchainKHR(device, &info, nullptr, &created));
  images_.clear();
  swapchain_ = Unique<VkSwapchainKHR>(device, created);
  format_ = format.format;
  extent_ = extent;
  min_images_ = caps.minImageCount;

  std::uint32_t image_count = 0;
  VK_CHECK(vkGetSwapchainImagesKHR(device, created, &image_count, nullptr));
  std::vector<VkImage> images(image_count);
  VK_CHECK(vkGetSwapchainImagesKHR(device, created, &image_count, images.data()));
  for (VkImage image : images) {
    SwapchainImage entry;
    entry.image = image;
    VkImageViewCreateInfo view{VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO};
    view.image = image;
    view.viewType = VK_IMAGE_VIEW_TYPE_2D;
    view.format = format_;
    view.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
    VkImageView created_view;
    VK_CHECK(vkCreateImageView(device, &view, nullptr, &created_view));
    entry.view = Unique<VkImageView>(device, created_view);
    VkSemaphoreCreateInfo semaphore{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
    VkSemaphore created_semaphore;
    VK_CHECK(vkCreateSemaphore(device, &semaphore, nullptr, &created_semaphore));
    entry.render_finished = Unique<VkSemaphore>(device, created_semaphore);
    images_.push_back(std::move(entry));
  }
  return true;
}

}  // namespace renderer
