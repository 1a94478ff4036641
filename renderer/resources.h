// Move-only owners of Vulkan buffers and images with their memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>

#include <vulkan/vulkan.h>

#include "renderer/unique_handle.h"

namespace renderer {

class Context;

// Memory the CPU writes every frame and the GPU reads (uniforms, instances, dynamic meshes).
constexpr VkMemoryPropertyFlags kHostMemory =
    VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;

class Buffer {
 public:
  Buffer() = default;
  // Host-visible buffers stay mapped for their whole life.
  Buffer(const Context& context, VkDeviceSize size, VkBufferUsageFlags usage, VkMemoryPropertyFlags memory);
  ~Buffer() { reset(); }
  Buffer(Buffer&& other) noexcept { *this = std::move(other); }
  Buffer& operator=(Buffer&& other) noexcept;
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;

  VkBuffer handle() const { return buffer_.get(); }
  VkDeviceSize size() const { return size_; }
  void* mapped() const { return mapped_; }
  explicit operator bool() const { return static_cast<bool>(buffer_); }
  void reset();

 private:
  // Destroyed in reverse: the buffer before its memory.
  Unique<VkDeviceMemory> memory_;
  Unique<VkBuffer> buffer_;
  VkDeviceSize size_ = 0;
  void* mapped_ = nullptr;
};

class Image {
 public:
  Image() = default;
  // Device-local; `layers` above 1 makes an array image with a 2D-array view over every layer
  // and mip.
  Image(const Context& context, VkExtent2D extent, VkFormat format, VkImageUsageFlags usage, VkImageAspectFlags aspect,
        std::uint32_t mip_levels = 1, std::uint32_t layers = 1);
  ~Image() { reset(); }
  Image(Image&& other) noexcept { *this = std::move(other); }
  Image& operator=(Image&& other) noexcept;
  Image(const Image&) = delete;
  Image& operator=(const Image&) = delete;

  VkImage handle() const { return image_.get(); }
  VkImageView view() const { return view_.get(); }
  VkFormat format() const { return format_; }
  VkExtent2D extent() const { return extent_; }
  VkImageAspectFlags aspect() const { return aspect_; }
  explicit operator bool() const { return static_cast<bool>(image_); }
  void reset();

 private:
  // Destroyed in reverse: the view, the image, then its memory.
  Unique<VkDeviceMemory> memory_;
  Unique<VkImage> image_;
  Unique<VkImageView> view_;
  VkFormat format_ = VK_FORMAT_UNDEFINED;
  VkExtent2D extent_{};
  VkImageAspectFlags aspect_ = 0;
};

// Layout transition with exact synchronization2 stage and access masks.
struct ImageState {
  VkImageLayout layout;
  VkPipelineStageFlags2 stage;
  VkAccessFlags2 access;
};
void transition(VkCommandBuffer cmd, VkImage image, VkImageAspectFlags aspect, ImageState from, ImageState to);

// States many passes share. A depth attachment that is tested and written:
inline constexpr ImageState kDepthAttachment{
    VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL,
    VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT,
    VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_READ_BIT | VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT};
// What a copy reads from and writes to.
inline constexpr ImageState kCopyRead{VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_COPY_BIT,
                                      VK_ACCESS_2_TRANSFER_READ_BIT};
inline constexpr ImageState kCopyWrite{VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_COPY_BIT,
                                       VK_ACCESS_2_TRANSFER_WRITE_BIT};

// Readback: the whole of an image (in TRANSFER_SRC_OPTIMAL) into a buffer, tightly packed; and
// the barrier that makes every such copy visible to the host once the commands' fence signals.
void copy_image_to_buffer(VkCommandBuffer cmd, VkImage image, VkImageAspectFlags aspect, VkExtent2D extent,
                          VkBuffer buffer);
void make_copies_visible_to_host(VkCommandBuffer cmd);

}  // namespace renderer
