#include "renderer/light_variants.h"

#include <algorithm>

namespace renderer {

namespace {
PipelineDesc with_lights(PipelineDesc desc, bool lit) {
  desc.constants.resize(std::max<std::size_t>(desc.constants.size(), kLocalLightsConstant + 1), 0);
  desc.constants[kLocalLightsConstant] = lit ? 1 : 0;
  return desc;
}
}  // namespace

LightVariants::LightVariants(VkDevice device, const PipelineDesc& desc)
    : device_(device), desc_(desc), unlit_(device, with_lights(desc, false)) {}

const Pipeline& LightVariants::get(bool lit) {
  if (!lit) return unlit_;
  if (!lit_.handle()) lit_ = Pipeline(device_, with_lights(desc_, true));
  return lit_;
}

}  // namespace renderer
