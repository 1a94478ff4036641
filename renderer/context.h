// The Vulkan instance, the chosen device and its queue; validation messages are counted.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include <vulkan/vulkan.h>

#include "renderer/unique_handle.h"

namespace renderer {

struct ContextOptions {
  // Validation layers: on in debug builds, in tests, and with SIEGE_VALIDATION=1 (=sync adds
  // synchronization validation).
  bool validation = false;
  bool sync_validation = false;
  // Asked for by name (SIEGE_VALIDATION, --validation, a test): a missing layer is an error,
  // since "no validation errors" would otherwise pass without anything validated.
  bool require_validation = false;
  // Device override: an index into the list of suitable devices, or part of a name
  // ("llvmpipe", "NVIDIA"). Empty: prefer a discrete GPU, then integrated, then the CPU.
  std::string device;
  bool quiet = false;  // do not print the chosen device
  // Extra instance/device extensions (a window's surface and swapchain, for the viewer).
  std::vector<const char*> instance_extensions;
  std::vector<const char*> device_extensions;

  // Fills validation/sync_validation/device from SIEGE_VALIDATION and SIEGE_DEVICE.
  static ContextOptions from_environment();
};

struct DeviceInfo {
  std::string name;
  VkPhysicalDeviceType type;
  std::uint32_t api_version;
};

class Context {
 public:
  explicit Context(const ContextOptions& options);
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  VkInstance instance() const { return instance_.get(); }
  VkPhysicalDevice physical_device() const { return physical_; }
  VkDevice device() const { return device_.get(); }
  VkQueue queue() const { return queue_; }
  std::uint32_t queue_family() const { return queue_family_; }
  const DeviceInfo& info() const { return info_; }
  std::string describe() const;  // "llvmpipe (LLVM 15.0.6, 256 bits) [cpu, Vulkan 1.3.230]"

  std::uint32_t memory_type(std::uint32_t type_bits, VkMemoryPropertyFlags flags) const;

  // Records and runs one-shot commands, waiting for them to finish.
  void submit_and_wait(const std::function<void(VkCommandBuffer)>& record);

  std::uint32_t validation_errors() const { return errors_.load(); }
  bool validation_enabled() const { return static_cast<bool>(messenger_); }
  // shaderInt64 and shaderBufferInt64Atomics, enabled: the far soldiers' splat in one pass.
  bool buffer_int64_atomics() const { return buffer_int64_atomics_; }

 private:
  static VKAPI_ATTR VkBool32 VKAPI_CALL on_message(VkDebugUtilsMessageSeverityFlagBitsEXT severity,
                                                   VkDebugUtilsMessageTypeFlagsEXT types,
                                                   const VkDebugUtilsMessengerCallbackDataEXT* data, void* user);
  void create_instance(const ContextOptions& options);
  void pick_device(const ContextOptions& options);
  void create_device(const ContextOptions& options);

  // Destroyed in reverse: the upload pool, the device, the messenger (which counts into
  // errors_ until it goes), the instance.
  std::atomic<std::uint32_t> errors_{0};
  Unique<VkInstance> instance_;
  Unique<VkDebugUtilsMessengerEXT> messenger_;
  VkPhysicalDevice physical_ = VK_NULL_HANDLE;
  Unique<VkDevice> device_;
  VkQueue queue_ = VK_NULL_HANDLE;
  std::uint32_t queue_family_ = 0;
  bool buffer_int64_atomics_ = false;
  Unique<VkCommandPool> upload_pool_;
  VkPhysicalDeviceMemoryProperties memory_{};
  DeviceInfo info_;
};

}  // namespace renderer
