#include "renderer/upload.h"

#include <cstring>

namespace renderer {

Buffer upload_buffer(Context& context, const void* bytes, VkDeviceSize size, VkBufferUsageFlags usage) {
  const Buffer staging(context, size, VK_BUFFER_USAGE_TRANSFER_SRC_BIT, kHostMemory);
  std::memcpy(staging.mapped(), bytes, size);
  Buffer out(context, size, usage | VK_BUFFER_USAGE_TRANSFER_DST_BIT, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
  context.submit_and_wait([&](VkCommandBuffer cmd) {
    const VkBufferCopy copy{0, 0, size};
    vkCmdCopyBuffer(cmd, staging.handle(), out.handle(), 1, &copy);
  });
  return out;
}

}  // namespace renderer
