// Every Vulkan call is checked in every build type; a failure names the call and the VkResult.
#pragma once

#include <stdexcept>
#include <string>

#include <vulkan/vulkan.h>

namespace renderer {

const char* result_name(VkResult result);

class VulkanError : public std::runtime_error {
 public:
  VulkanError(const char* call, VkResult result)
      : std::runtime_error(std::string(call) + " failed: " + result_name(result)), result_(result) {}
  VkResult result() const { return result_; }

 private:
  VkResult result_;
};

}  // namespace renderer

// VK_CHECK(vkCreateImage(...)); throws renderer::VulkanError("vkCreateImage(...)", result).
#define VK_CHECK(call)                                                                          \
  do {                                                                                          \
    const VkResult vk_check_result_ = (call);                                                   \
    if (vk_check_result_ != VK_SUCCESS) throw ::renderer::VulkanError(#call, vk_check_result_); \
  } while (0)
