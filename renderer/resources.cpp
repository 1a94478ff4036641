#include "renderer/resources.h"

#include "renderer/context.h"
#include "renderer/vk_check.h"

namespace renderer {

Buffer::Buffer(const Context& context, VkDeviceSize size, VkBufferUsageFlags usage, VkMemoryPropertyFlags memory)
    : size_(size) {
  VkDevice device = context.device();
  VkBufferCreateInfo info{VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO};
  info.size = size;
  info.usage = usage;
  info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
  VkBuffer buffer;
  VK_CHECK(vkCreateBuffer(device, &info, nullptr, &buffer));
  buffer_ = Unique<VkBuffer>(device, buffer);
  VkMemoryRequirements req;
  vkGetBufferMemoryRequirements(device, buffer, &req);
  VkMemoryAllocateInfo alloc{VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
  alloc.allocationSize = req.size;
  alloc.memoryTypeIndex = context.memory_type(req.memoryTypeBits, memory);
  VkDeviceMemory allocated;
  VK_CHECK(vkAllocateMemory(device, &alloc, nullptr, &allocated));
  memory_ = Unique<VkDeviceMemory>(device, allocated);
  VK_CHECK(vkBindBufferMemory(device, buffer, allocated, 0));
  if (memory & VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT)
    VK_CHECK(vkMapMemory(device, allocated, 0, VK_WHOLE_SIZE, 0, &mapped_));
}

Buffer& Buffer::operator=(Buffer&& other) noexcept {
  if (this != &other) {
    reset();
    memory_ = std::move(other.memory_);
    buffer_ = std::move(other.buffer_);
    size_ = std::exchange(other.size_, 0);
    mapped_ = std::exchange(other.mapped_, nullptr);
  }
  return *this;
}

void Buffer::reset() {
  buffer_.reset();
  memory_.reset();
  mapped_ = nullptr;
  size_ = 0;
}

Image::Image(const Context& context, VkExtent2D extent, VkFormat format, VkImageUsageFlags usage,
             VkImageAspectFlags aspect, std::uint32_t mip_levels, std::uint32_t layers)
    : format_(format), extent_(extent), aspect_(aspect) {
  VkDevice device = context.device();
  VkImageCreateInfo info{VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO};
  info.imageType = VK_IMAGE_TYPE_2D;
  info.format = format;
  info.extent = {extent.width, extent.height, 1};
  info.mipLevels = mip_levels;
  info.arrayLayers = layers;
  info.samples = VK_SAMPLE_COUNT_1_BIT;
  info.tiling = VK_IMAGE_TILING_OPTIMAL;
  info.usage = usage;
  info.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
  VkImage image;
  VK_CHECK(vkCreateImage(device, &info, nullptr, &image));
  image_ = Unique<VkImage>(device, image);
  VkMemoryRequirements req;
  vkGetImageMemoryRequirements(device, image, &req);
  VkMemoryAllocateInfo alloc{VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
  alloc.allocationSize = req.size;
  alloc.memoryTypeIndex = context.memory_type(req.memoryTypeBits, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
  VkDeviceMemory allocated;
  VK_CHECK(vkAllocateMemory(device, &alloc, nullptr, &allocated));
  memory_ = Unique<VkDeviceMemory>(device, allocated);
  VK_CHECK(vkBindImageMemory(device, image, allocated, 0));
  VkImageViewCreateInfo view{VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO};
  view.image = image;
  view.viewType = layers > 1 ? VK_IMAGE_VIEW_TYPE_2D_ARRAY : VK_IMAGE_VIEW_TYPE_2D;
  view.format = format;
  view.subresourceRange = {aspect, 0, mip_levels, 0, layers};
  VkImageView created_view;
  VK_CHECK(vkCreateImageView(device, &view, nullptr, &created_view));
  view_ = Unique<VkImageView>(device, created_view);
}

Image& Image::operator=(Image&& other) noexcept {
  if (this != &other) {
    reset();
    memory_ = std::move(other.memory_);
    image_ = std::move(other.image_);
    view_ = std::move(other.view_);
    format_ = other.format_;
    extent_ = other.extent_;
    aspect_ = other.aspect_;
  }
  return *this;
}

void Image::reset() {
  view_.reset();
  image_.reset();
  memory_.reset();
}

void transition(VkCommandBuffer cmd, VkImage image, VkImageAspectFlags aspect, ImageState from, ImageState to) {
  VkImageMemoryBarrier2 barrier{VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER_2};
  barrier.srcStageMask = from.stage;
  barrier.srcAccessMask = from.access;
  barrier.dstStageMask = to.stage;
  barrier.dstAccessMask = to.access;
  barrier.oldLayout = from.layout;
  barrier.newLayout = to.layout;
  barrier.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
  barrier.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
  barrier.image = image;
  barrier.subresourceRange = {aspect, 0, 1, 0, 1};
  VkDependencyInfo dep{VK_STRUCTURE_TYPE_DEPENDENCY_INFO};
  dep.imageMemoryBarrierCount = 1;
  dep.pImageMemoryBarriers = &barrier;
  vkCmdPipelineBarrier2(cmd, &dep);
}

void copy_image_to_buffer(VkCommandBuffer cmd, VkImage image, VkImageAspectFlags aspect, VkExtent2D extent,
                          VkBuffer buffer) {
  VkBufferImageCopy copy{};
  copy.imageSubresource = {aspect, 0, 0, 1};
  copy.imageExtent = {extent.width, extent.height, 1};
  vkCmdCopyImageToBuffer(cmd, image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, buffer, 1, &copy);
}

void make_copies_visible_to_host(VkCommandBuffer cmd) {
  VkMemoryBarrier2 to_host{VK_STRUCTURE_TYPE_MEMORY_BARRIER_2};
  to_host.srcStageMask = VK_PIPELINE_STAGE_2_COPY_BIT;
  to_host.srcAccessMask = VK_ACCESS_2_TRANSFER_WRITE_BIT;
  to_host.dstStageMask = VK_PIPELINE_STAGE_2_HOST_BIT;
  to_host.dstAccessMask = VK_ACCESS_2_HOST_READ_BIT;
  VkDependencyInfo dependency{VK_STRUCTURE_TYPE_DEPENDENCY_INFO};
  dependency.memoryBarrierCount = 1;
  dependency.pMemoryBarriers = &to_host;
  vkCmdPipelineBarrier2(cmd, &dependency);
}

}  // namespace renderer
