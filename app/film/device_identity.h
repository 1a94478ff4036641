// The Vulkan device and driver a film's frames are rendered with, for the manifest: frames
// from another GPU or driver version are not silently mixed with this run's.
#pragma once

#include <string>

#include "app/film/render_args.h"

namespace app {

struct DeviceIdentity {
  std::string device;  // "llvmpipe (LLVM 15.0.6, 256 bits)"
  std::string driver;  // "llvmpipe Mesa 22.3.6 (LLVM 15.0.6), version 0x05803006"
};

// The device `siege render` with these arguments renders on (--device, SIEGE_DEVICE, else the
// usual preference), found by starting Vulkan quietly. Throws as renderer::Context does.
DeviceIdentity identify_device(const RenderArgs& args);

}  // namespace app
