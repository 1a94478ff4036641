// The descriptor plumbing every pass repeats: set layouts, pools, single-set allocation and
// the nearest/clamp sampler used to read attachments and atlases by texel, and a bilinear one.
#pragma once

#include <cstdint>
#include <initializer_list>

#include <vulkan/vulkan.h>

#include "renderer/unique_handle.h"

namespace renderer {

Unique<VkDescriptorSetLayout> create_set_layout(VkDevice device,
                                                std::initializer_list<VkDescriptorSetLayoutBinding> bindings);
Unique<VkDescriptorPool> create_descriptor_pool(VkDevice device, std::initializer_list<VkDescriptorPoolSize> sizes,
                                                std::uint32_t max_sets, VkDescriptorPoolCreateFlags flags = 0);
// Freed with its pool.
VkDescriptorSet allocate_set(VkDevice device, VkDescriptorPool pool, VkDescriptorSetLayout layout);

// One descriptor of `set` at `binding`, for vkUpdateDescriptorSets; `info` must outlive that call.
VkWriteDescriptorSet buffer_write(VkDescriptorSet set, std::uint32_t binding, VkDescriptorType type,
                                  const VkDescriptorBufferInfo& info);
VkWriteDescriptorSet image_write(VkDescriptorSet set, std::uint32_t binding, const VkDescriptorImageInfo& info);
Unique<VkSampler> create_nearest_sampler(VkDevice device);
// Bilinear, clamped to the edge, no mipmaps: for images read at another size (the bloom chain, the water's reflection copy).
Unique<VkSampler> create_linear_sampler(VkDevice device);

}  // namespace renderer
