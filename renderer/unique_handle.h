// One owner for every Vulkan handle: Unique<VkSampler> and its kind hold a handle with what it
// was made from (its device, or instance) and destroy it with the matching vkDestroy*/vkFree*
// call when they go. Move-only. Buffers and images with their memory (renderer/resources.h)
// are built from these; command buffers and descriptor sets that are never freed one by one go
// with their pool. Nothing else in the project calls vkDestroy* or vkFree*.
#pragma once

#include <type_traits>
#include <utility>

#include <vulkan/vulkan.h>

namespace renderer {

// The specialisations below tell handles apart by type, which Vulkan's non-dispatchable
// handles are only in 64-bit builds (elsewhere they are all uint64_t).
static_assert(!std::is_same_v<VkSampler, VkFence>, "renderer::Unique needs typed Vulkan handles (a 64-bit build)");

// What the instance and the device are made from: nothing to hold.
struct NoParent {};
// A command buffer goes back to the pool it came from.
struct CommandPoolOf {
  VkDevice device = VK_NULL_HANDLE;
  VkCommandPool pool = VK_NULL_HANDLE;
};

// Per handle type: its Parent, and destroy(parent, handle).
template <typename Handle>
struct Destroyer;

#define SIEGE_DESTROYED_BY(Handle, ParentType, call)                                         \
  template <>                                                                                \
  struct Destroyer<Handle> {                                                                 \
    using Parent = ParentType;                                                               \
    static void destroy(ParentType parent, Handle handle) { call(parent, handle, nullptr); } \
  };
SIEGE_DESTROYED_BY(VkBuffer, VkDevice, vkDestroyBuffer)
SIEGE_DESTROYED_BY(VkDeviceMemory, VkDevice, vkFreeMemory)  // unmaps implicitly
SIEGE_DESTROYED_BY(VkImage, VkDevice, vkDestroyImage)
SIEGE_DESTROYED_BY(VkImageView, VkDevice, vkDestroyImageView)
SIEGE_DESTROYED_BY(VkSampler, VkDevice, vkDestroySampler)
SIEGE_DESTROYED_BY(VkDescriptorSetLayout, VkDevice, vkDestroyDescriptorSetLayout)
SIEGE_DESTROYED_BY(VkDescriptorPool, VkDevice, vkDestroyDescriptorPool)  // frees its sets
SIEGE_DESTROYED_BY(VkPipelineLayout, VkDevice, vkDestroyPipelineLayout)
SIEGE_DESTROYED_BY(VkPipeline, VkDevice, vkDestroyPipeline)
SIEGE_DESTROYED_BY(VkShaderModule, VkDevice, vkDestroyShaderModule)
SIEGE_DESTROYED_BY(VkCommandPool, VkDevice, vkDestroyCommandPool)  // frees its command buffers
SIEGE_DESTROYED_BY(VkFence, VkDevice, vkDestroyFence)
SIEGE_DESTROYED_BY(VkSemaphore, VkDevice, vkDestroySemaphore)
SIEGE_DESTROYED_BY(VkRenderPass, VkDevice, vkDestroyRenderPass)
SIEGE_DESTROYED_BY(VkFramebuffer, VkDevice, vkDestroyFramebuffer)
SIEGE_DESTROYED_BY(VkSwapchainKHR, VkDevice, vkDestroySwapchainKHR)
SIEGE_DESTROYED_BY(VkSurfaceKHR, VkInstance, vkDestroySurfaceKHR)
#undef SIEGE_DESTROYED_BY

template <>
struct Destroyer<VkCommandBuffer> {
  using Parent = CommandPoolOf;
  static void destroy(CommandPoolOf parent, VkCommandBuffer handle) {
    vkFreeCommandBuffers(parent.device, parent.pool, 1, &handle);
  }
};
template <>
struct Destroyer<VkDevice> {
  using Parent = NoParent;
  static void destroy(NoParent, VkDevice handle) { vkDestroyDevice(handle, nullptr); }
};
template <>
struct Destroyer<VkInstance> {
  using Parent = NoParent;
  static void destroy(NoParent, VkInstance handle) { vkDestroyInstance(handle, nullptr); }
};
// An extension's function: looked up through the instance.
template <>
struct Destroyer<VkDebugUtilsMessengerEXT> {
  using Parent = VkInstance;
  static void destroy(VkInstance instance, VkDebugUtilsMessengerEXT handle) {
    auto destroy = reinterpret_cast<PFN_vkDestroyDebugUtilsMessengerEXT>(
        vkGetInstanceProcAddr(instance, "vkDestroyDebugUtilsMessengerEXT"));
    if (destroy) destroy(instance, handle, nullptr);
  }
};

template <typename Handle>
class Unique {
 public:
  using Parent = typename Destroyer<Handle>::Parent;

  Unique() = default;
  // Takes ownership of `handle`, made from `parent`.
  Unique(Parent parent, Handle handle) noexcept : parent_(parent), handle_(handle) {}
  explicit Unique(Handle handle) noexcept requires std::is_same_v<Parent, NoParent> : handle_(handle) {}
  ~Unique() { reset(); }
  Unique(Unique&& other) noexcept : parent_(other.parent_), handle_(std::exchange(other.handle_, VK_NULL_HANDLE)) {}
  Unique& operator=(Unique&& other) noexcept {
    if (this != &other) {
      reset();
      parent_ = other.parent_;
      handle_ = std::exchange(other.handle_, VK_NULL_HANDLE);
    }
    return *this;
  }
  Unique(const Unique&) = delete;
  Unique& operator=(const Unique&) = delete;

  Handle get() const { return handle_; }
  // For calls that take an array: one handle, still owned here.
  const Handle* address() const { return &handle_; }
  explicit operator bool() const { return handle_ != VK_NULL_HANDLE; }

  // Destroys the handle now (no-op when empty).
  void reset() {
    if (handle_ != VK_NULL_HANDLE) Destroyer<Handle>::destroy(parent_, std::exchange(handle_, VK_NULL_HANDLE));
  }

 private:
  [[no_unique_address]] Parent parent_{};
  Handle handle_ = VK_NULL_HANDLE;
};

}  // namespace renderer
