// A scene pipeline in two builds: without local lights (shaders/lights.glsl's kLocalLights
// specialized to 0, so local_light() compiles to nothing) and with them. A CPU driver runs
// both sides of a branch, so even a loop over no lights costs every pixel; frames without
// lights use the first. The lit build is made the first time a frame has lights.
#pragma once

#include <vulkan/vulkan.h>

#include "renderer/pipeline.h"

namespace renderer {

// lights.glsl's specialization constant: constant_id 1 (world.frag's 0 is its shadow switch).
constexpr std::uint32_t kLocalLightsConstant = 1;

class LightVariants {
 public:
  LightVariants() = default;
  // Builds the unlit pipeline now. `desc.constants` gets the lights' entry; constants before it
  // that desc leaves out become 0, so a shader whose defaults differ must list them.
  LightVariants(VkDevice device, const PipelineDesc& desc);

  const Pipeline& get(bool lit);
  const Pipeline& unlit() const { return unlit_; }

 private:
  VkDevice device_ = VK_NULL_HANDLE;
  PipelineDesc desc_;
  Pipeline unlit_, lit_;
};

}  // namespace renderer
