#include "renderer/descriptors.h"

#include <vector>

#include "renderer/vk_check.h"

namespace renderer {

Unique<VkDescriptorSetLayout> create_set_layout(VkDevice device,
                                                std::initializer_list<VkDescriptorSetLayoutBinding> bindings) {
  const std::vector<VkDescriptorSetLayoutBinding> list(bindings);
  VkDescriptorSetLayoutCreateInfo info{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO};
  info.bindingCount = static_cast<std::uint32_t>(list.size());
  info.pBindings = list.data();
  VkDescriptorSetLayout layout;
  VK_CHECK(vkCreateDescriptorSetLayout(device, &info, nullptr, &layout));
  return {device, layout};
}

Unique<VkDescriptorPool> create_descriptor_pool(VkDevice device, std::initializer_list<VkDescriptorPoolSize> sizes,
                                                std::uint32_t max_sets, VkDescriptorPoolCreateFlags flags) {
  const std::vector<VkDescriptorPoolSize> list(sizes);
  VkDescriptorPoolCreateInfo info{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
  info.flags = flags;
  info.maxSets = max_sets;
  info.poolSizeCount = static_cast<std::uint32_t>(list.size());
  info.pPoolSizes = list.data();
  VkDescriptorPool pool;
  VK_CHECK(vkCreateDescriptorPool(device, &info, nullptr, &pool));
  return {device, pool};
}

VkDescriptorSet allocate_set(VkDevice device, VkDescriptorPool pool, VkDescriptorSetLayout layout) {
  VkDescriptorSetAllocateInfo alloc{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
  alloc.descriptorPool = pool;
  alloc.descriptorSetCount = 1;
  alloc.pSetLayouts = &layout;
  VkDescriptorSet set;
  VK_CHECK(vkAllocateDescriptorSets(device, &alloc, &set));
  return set;
}

VkWriteDescriptorSet buffer_write(VkDescriptorSet set, std::uint32_t binding, VkDescriptorType type,
                                  const VkDescriptorBufferInfo& info) {
  VkWriteDescriptorSet write{VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
  write.dstSet = set;
  write.dstBinding = binding;
  write.descriptorCount = 1;
  write.descriptorType = type;
  write.pBufferInfo = &info;
  return write;
}

VkWriteDescriptorSet image_write(VkDescriptorSet set, std::uint32_t binding, const VkDescriptorImageInfo& info) {
  VkWriteDescriptorSet write{VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
  write.dstSet = set;
  write.dstBinding = binding;
  write.descriptorCount = 1;
  write.descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
  write.pImageInfo = &info;
  return write;
}

Unique<VkSampler> create_nearest_sampler(VkDevice device) {
  VkSamplerCreateInfo info{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};
  info.magFilter = info.minFilter = VK_FILTER_NEAREST;
  info.addressModeU = info.addressModeV = info.addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
  VkSampler sampler;
  VK_CHECK(vkCreateSampler(device, &info, nullptr, &sampler));
  return {device, sampler};
}

Unique<VkSampler> create_linear_sampler(VkDevice device) {
  VkSamplerCreateInfo info{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};
  info.magFilter = info.minFilter = VK_FILTER_LINEAR;
  info.mipmapMode = VK_SAMPLER_MIPMAP_MODE_NEAREST;
  info.addressModeU = info.addressModeV = info.addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
  VkSampler sampler;
  VK_CHECK(vkCreateSampler(device, &info, nullptr, &sampler));
  return {device, sampler};
}

}  // namespace renderer
