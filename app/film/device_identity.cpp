#include "app/film/device_identity.h"

#include <cstdio>

#include "renderer/context.h"

namespace app {

DeviceIdentity identify_device(const RenderArgs& args) {
  renderer::ContextOptions options = renderer::ContextOptions::from_environment();
  if (!args.device.empty()) options.device = args.device;
  options.validation = options.sync_validation = options.require_validation = false;  // not needed to ask
  options.quiet = true;
  const renderer::Context context(options);

  VkPhysicalDeviceDriverProperties driver{};
  driver.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_DRIVER_PROPERTIES;
  VkPhysicalDeviceProperties2 properties{};
  properties.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2;
  properties.pNext = &driver;
  vkGetPhysicalDeviceProperties2(context.physical_device(), &properties);
  char version[32];
  std::snprintf(version, sizeof version, "version 0x%08x", properties.properties.driverVersion);
  return {properties.properties.deviceName, std::string(driver.driverName) + " " + driver.driverInfo + ", " + version};
}

}  // namespace app
