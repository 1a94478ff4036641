#include "renderer/context.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include "renderer/vk_check.h"

namespace renderer {

namespace {

constexpr const char* kValidationLayer = "VK_LAYER_KHRONOS_validation";

bool has_layer(const char* name) {
  std::uint32_t count = 0;
  VK_CHECK(vkEnumerateInstanceLayerProperties(&count, nullptr));
  std::vector<VkLayerProperties> layers(count);
  VK_CHECK(vkEnumerateInstanceLayerProperties(&count, layers.data()));
  return std::any_of(layers.begin(), layers.end(),
                     [&](const VkLayerProperties& l) { return std::strcmp(l.layerName, name) == 0; });
}

int type_rank(VkPhysicalDeviceType type) {
  switch (type) {
    case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU:
      return 4;
    case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU:
      return 3;
    case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU:
      return 2;
    case VK_PHYSICAL_DEVICE_TYPE_CPU:
      return 1;
    default:
      return 0;
  }
}

const char* type_name(VkPhysicalDeviceType type) {
  switch (type) {
    case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU:
      return "discrete GPU";
    case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU:
      return "integrated GPU";
    case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU:
      return "virtual GPU";
    case VK_PHYSICAL_DEVICE_TYPE_CPU:
      return "cpu";
    default:
      return "other";
  }
}

int graphics_queue_family(VkPhysicalDevice device) {
  std::uint32_t count = 0;
  vkGetPhysicalDeviceQueueFamilyProperties(device, &count, nullptr);
  std::vector<VkQueueFamilyProperties> families(count);
  vkGetPhysicalDeviceQueueFamilyProperties(device, &count, families.data());
  for (std::uint32_t i = 0; i < count; ++i)
    if ((families[i].queueFlags & VK_QUEUE_GRAPHICS_BIT) && (families[i].queueFlags & VK_QUEUE_COMPUTE_BIT))
      return static_cast<int>(i);
  return -1;
}

bool has_device_extensions(VkPhysicalDevice device, const std::vector<const char*>& wanted) {
  std::uint32_t count = 0;
  vkEnumerateDeviceExtensionProperties(device, nullptr, &count, nullptr);
  std::vector<VkExtensionProperties> extensions(count);
  vkEnumerateDeviceExtensionProperties(device, nullptr, &count, extensions.data());
  for (const char* name : wanted)
    if (std::none_of(extensions.begin(), extensions.end(),
                     [&](const VkExtensionProperties& e) { return std::strcmp(e.extensionName, name) == 0; }))
      return false;
  return true;
}

// Only what lavapipe has: Vulkan 1.3 with dynamic rendering and synchronization2, and
// independent blending (smoke blends into the HDR image while the ID image keeps its ids).
bool suitable(VkPhysicalDevice device, const std::vector<const char*>& extensions) {
  VkPhysicalDeviceProperties props;
  vkGetPhysicalDeviceProperties(device, &props);
  if (props.apiVersion < VK_API_VERSION_1_3) return false;
  VkPhysicalDeviceVulkan13Features f13{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_3_FEATURES};
  VkPhysicalDeviceFeatures2 f2{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2, &f13};
  vkGetPhysicalDeviceFeatures2(device, &f2);
  return f13.dynamicRendering && f13.synchronization2 && f2.features.independentBlend &&
         graphics_queue_family(device) >= 0 && has_device_extensions(device, extensions);
}

struct Candidate {
  VkPhysicalDevice device;
  DeviceInfo info;
};

std::vector<Candidate> candidates(VkInstance instance, const std::vector<const char*>& extensions) {
  std::uint32_t count = 0;
  VK_CHECK(vkEnumeratePhysicalDevices(instance, &count, nullptr));
  std::vector<VkPhysicalDevice> devices(count);
  VK_CHECK(vkEnumeratePhysicalDevices(instance, &count, devices.data()));
  std::vector<Candidate> out;
  for (VkPhysicalDevice d : devices) {
    if (!suitable(d, extensions)) continue;
    VkPhysicalDeviceProperties props;
    vkGetPhysicalDeviceProperties(d, &props);
    out.push_back({d, {props.deviceName, props.deviceType, props.apiVersion}});
  }
  std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    return type_rank(a.info.type) > type_rank(b.info.type);
  });
  return out;
}

}  // namespace

ContextOptions ContextOptions::from_environment() {
  ContextOptions options;
#ifndef NDEBUG
  options.validation = true;
#endif
  if (const char* v = std::getenv("SIEGE_VALIDATION")) {
    const std::string value = v;
    options.validation = value != "0" && !value.empty();
    options.sync_validation = value == "sync";
    options.require_validation = options.validation;
  }
  if (const char* d = std::getenv("SIEGE_DEVICE")) options.device = d;
  return options;
}

Context::Context(const ContextOptions& options) {
  create_instance(options);
  pick_device(options);
  create_device(options);
  if (!options.quiet) std::fprintf(stderr, "siege: Vulkan device: %s\n", describe().c_str());
}

Context::~Context() {
  if (device_) vkDeviceWaitIdle(device_.get());
}

VKAPI_ATTR VkBool32 VKAPI_CALL Context::on_message(VkDebugUtilsMessageSeverityFlagBitsEXT severity,
                                                   VkDebugUtilsMessageTypeFlagsEXT,
                                                   const VkDebugUtilsMessengerCallbackDataEXT* data, void* user) {
  auto* self = static_cast<Context*>(user);
  if (severity & VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT) {
    ++self->errors_;
    std::fprintf(stderr, "vulkan validation error: %s\n", data->pMessage);
  } else if (severity & VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT) {
    std::fprintf(stderr, "vulkan validation warning: %s\n", data->pMessage);
  }
  return VK_FALSE;
}

void Context::create_instance(const ContextOptions& options) {
  VkApplicationInfo app{VK_STRUCTURE_TYPE_APPLICATION_INFO};
  app.pApplicationName = "siege";
  app.pEngineName = "siege";
  app.apiVersion = VK_API_VERSION_1_3;

  std::vector<const char*> extensions = options.instance_extensions;
  std::vector<const char*> layers;
  const bool validation = options.validation && has_layer(kValidationLayer);
  if (options.validation && !validation) {
    const std::string message = std::string("validation requested but ") + kValidationLayer +
                                " is not installed (apt-get install vulkan-validationlayers)";
    if (options.require_validation) throw std::runtime_error(message);
    std::fprintf(stderr, "siege: warning: %s\n", message.c_str());
  }
  if (validation) {
    layers.push_back(kValidationLayer);
    extensions.push_back(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
  }

  VkDebugUtilsMessengerCreateInfoEXT messenger{VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT};
  messenger.messageSeverity =
      VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
  messenger.messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT |
                          VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT;
  messenger.pfnUserCallback = &Context::on_message;
  messenger.pUserData = this;

  const VkValidationFeatureEnableEXT sync = VK_VALIDATION_FEATURE_ENABLE_SYNCHRONIZATION_VALIDATION_EXT;
  VkValidationFeaturesEXT features{VK_STRUCTURE_TYPE_VALIDATION_FEATURES_EXT};
  features.enabledValidationFeatureCount = 1;
  features.pEnabledValidationFeatures = &sync;
  if (validation && options.sync_validation) messenger.pNext = &features;

  VkInstanceCreateInfo info{VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO};
  info.pNext = validation ? &messenger : nullptr;  // also catches instance creation messages
  info.pApplicationInfo = &app;
  info.enabledLayerCount = static_cast<std::uint32_t>(layers.size());
  info.ppEnabledLayerNames = layers.data();
  info.enabledExtensionCount = static_cast<std::uint32_t>(extensions.size());
  info.ppEnabledExtensionNames = extensions.data();
  VkInstance instance;
  VK_CHECK(vkCreateInstance(&info, nullptr, &instance));
  instance_ = Unique<VkInstance>(instance);

  if (validation) {
    auto create = reinterpret_cast<PFN_vkCreateDebugUtilsMessengerEXT>(
        vkGetInstanceProcAddr(instance, "vkCreateDebugUtilsMessengerEXT"));
    if (!create)
      throw VulkanError("vkGetInstanceProcAddr(vkCreateDebugUtilsMessengerEXT)", VK_ERROR_EXTENSION_NOT_PRESENT);
    messenger.pNext = nullptr;
    VkDebugUtilsMessengerEXT created;
    VK_CHECK(create(instance, &messenger, nullptr, &created));
    messenger_ = Unique<VkDebugUtilsMessengerEXT>(instance, created);
  }
}

void Context::pick_device(const ContextOptions& options) {
  const std::vector<Candidate> found = candidates(instance_.get(), options.device_extensions);
  if (found.empty())
    throw std::runtime_error(
        "no Vulkan 1.3 device with dynamic rendering and synchronization2 was found "
        "(on Debian: apt-get install mesa-vulkan-drivers for the CPU driver, lavapipe)");
  const Candidate* chosen = &found.front();
  if (!options.device.empty()) {
    chosen = nullptr;
    char* end = nullptr;
    const long index = std::strtol(options.device.c_str(), &end, 10);
    if (end && *end == '\0' && index >= 0 && static_cast<size_t>(index) < found.size())
      chosen = &found[static_cast<size_t>(index)];
    for (const Candidate& c : found)
      if (!chosen && c.info.name.find(options.device) != std::string::npos) chosen = &c;
    if (!chosen) {
      std::string names;
      for (size_t i = 0; i < found.size(); ++i) names += "\n  " + std::to_string(i) + ": " + found[i].info.name;
      throw std::runtime_error("no Vulkan device matches \"" + options.device + "\"; the suitable ones are:" + names);
    }
  }
  physical_ = chosen->device;
  info_ = chosen->info;
  queue_family_ = static_cast<std::uint32_t>(graphics_queue_family(physical_));
  vkGetPhysicalDeviceMemoryProperties(physical_, &memory_);
}

void Context::create_device(const ContextOptions& options) {
  const float priority = 1.0f;
  VkDeviceQueueCreateInfo queue{VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO};
  queue.queueFamilyIndex = queue_family_;
  queue.queueCount = 1;
  queue.pQueuePriorities = &priority;

  VkPhysicalDeviceVulkan12Features supported12{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES};
  VkPhysicalDeviceVulkan13Features supported{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_3_FEATURES, &supported12};
  VkPhysicalDeviceFeatures2 query{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2, &supported};
  vkGetPhysicalDeviceFeatures2(physical_, &query);
  // Far soldiers are splatted with 64-bit depth|payload atomics (renderer/troop_splat.h)
  // where the device has them; elsewhere in two passes of 32-bit ones.
  buffer_int64_atomics_ = query.features.shaderInt64 && supported12.shaderBufferInt64Atomics;
  VkPhysicalDeviceVulkan12Features f12{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES};
  f12.shaderBufferInt64Atomics = buffer_int64_atomics_ ? VK_TRUE : VK_FALSE;
  VkPhysicalDeviceVulkan13Features f13{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_3_FEATURES, &f12};
  f13.dynamicRendering = VK_TRUE;
  f13.synchronization2 = VK_TRUE;
  // Lets a fullscreen vertex shader feed fragment shaders that ignore some of its outputs.
  f13.maintenance4 = supported.maintenance4;
  VkPhysicalDeviceFeatures2 features{VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2, &f13};
  features.features.independentBlend = VK_TRUE;
  features.features.shaderInt64 = buffer_int64_atomics_ ? VK_TRUE : VK_FALSE;

  VkDeviceCreateInfo info{VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO};
  info.pNext = &features;
  info.queueCreateInfoCount = 1;
  info.pQueueCreateInfos = &queue;
  info.enabledExtensionCount = static_cast<std::uint32_t>(options.device_extensions.size());
  info.ppEnabledExtensionNames = options.device_extensions.data();
  VkDevice device;
  VK_CHECK(vkCreateDevice(physical_, &info, nullptr, &device));
  device_ = Unique<VkDevice>(device);
  vkGetDeviceQueue(device, queue_family_, 0, &queue_);

  VkCommandPoolCreateInfo pool{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
  pool.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
  pool.queueFamilyIndex = queue_family_;
  VkCommandPool upload_pool;
  VK_CHECK(vkCreateCommandPool(device, &pool, nullptr, &upload_pool));
  upload_pool_ = Unique<VkCommandPool>(device, upload_pool);
}

std::string Context::describe() const {
  const std::uint32_t v = info_.api_version;
  return info_.name + " [" + type_name(info_.type) + ", Vulkan " + std::to_string(VK_API_VERSION_MAJOR(v)) + "." +
         std::to_string(VK_API_VERSION_MINOR(v)) + "." + std::to_string(VK_API_VERSION_PATCH(v)) + "]";
}

std::uint32_t Context::memory_type(std::uint32_t type_bits, VkMemoryPropertyFlags flags) const {
  for (std::uint32_t i = 0; i < memory_.memoryTypeCount; ++i)
    if ((type_bits & (1u << i)) && (memory_.memoryTypes[i].propertyFlags & flags) == flags) return i;
  throw VulkanError("no memory type with the requested properties (vkGetPhysicalDeviceMemoryProperties)",
                    VK_ERROR_OUT_OF_DEVICE_MEMORY);
}

void Context::submit_and_wait(const std::function<void(VkCommandBuffer)>& record) {
  VkDevice device = device_.get();
  VkCommandBufferAllocateInfo alloc{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
  alloc.commandPool = upload_pool_.get();
  alloc.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
  alloc.commandBufferCount = 1;
  VkCommandBuffer allocated;
  VK_CHECK(vkAllocateCommandBuffers(device, &alloc, &allocated));
  const Unique<VkCommandBuffer> cmd({device, upload_pool_.get()}, allocated);
  VkCommandBufferBeginInfo begin{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
  begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
  VK_CHECK(vkBeginCommandBuffer(cmd.get(), &begin));
  record(cmd.get());
  VK_CHECK(vkEndCommandBuffer(cmd.get()));

  VkFenceCreateInfo fence_info{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
  VkFence created;
  VK_CHECK(vkCreateFence(device, &fence_info, nullptr, &created));
  const Unique<VkFence> fence(device, created);
  VkCommandBufferSubmitInfo cmd_info{VK_STRUCTURE_TYPE_COMMAND_BUFFER_SUBMIT_INFO};
  cmd_info.commandBuffer = cmd.get();
  VkSubmitInfo2 submit{VK_STRUCTURE_TYPE_SUBMIT_INFO_2};
  submit.commandBufferInfoCount = 1;
  submit.pCommandBufferInfos = &cmd_info;
  VK_CHECK(vkQueueSubmit2(queue_, 1, &submit, fence.get()));
  VK_CHECK(vkWaitForFences(device, 1, fence.address(), VK_TRUE, UINT64_MAX));
}

}  // namespace renderer
