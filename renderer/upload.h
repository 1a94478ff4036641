// A device-local buffer filled once through a staging buffer: the static meshes and tables of
// the troop and tree passes.
#pragma once

#include <vulkan/vulkan.h>

#include "renderer/context.h"
#include "renderer/resources.h"

namespace renderer {

// `size` bytes from `bytes` into a new device-local buffer of `usage` (plus TRANSFER_DST);
// waits for the copy.
Buffer upload_buffer(Context& context, const void* bytes, VkDeviceSize size, VkBufferUsageFlags usage);

}  // namespace renderer
