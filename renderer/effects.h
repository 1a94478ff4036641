// The effects pass: stones in flight, impact dust, fire arrows, flames and smoke as
// camera-facing billboards, built on the CPU by scene::append_effects (a pure function of
// the snapshot) and drawn in one instanced draw with screen-door transparency.
#pragma once

#include <cstdint>
#include <vector>

#include "renderer/context.h"
#include "renderer/light_variants.h"
#include "renderer/pipeline.h"
#include "renderer/resources.h"
#include "renderer/unique_handle.h"
#include "scene/model/scenario.h"
#include "scene/model/snapshot.h"
#include "scene/sim/projectiles.h"

namespace renderer {

class EffectsPass {
 public:
  EffectsPass(Context& context, const scene::Scenario& scenario, VkDescriptorSetLayout scene_layout,
              std::uint32_t frames);
  ~EffectsPass();
  EffectsPass(const EffectsPass&) = delete;
  EffectsPass& operator=(const EffectsPass&) = delete;

  // Sorted back to front as seen from `eye`, for blending.
  void prepare(std::uint32_t slot, const scene::Snapshot& snapshot, glm::vec3 eye);
  // `lit`: the frame has local lights, which light the smoke (renderer/light_variants.h).
  void draw(VkCommandBuffer cmd, std::uint32_t slot, VkDescriptorSet scene_set, bool lit);
  std::uint32_t count() const { return count_; }
  std::uint64_t triangles() const { return 2ull * count_; }
  std::uint32_t emissive() const { return emissive_; }  // flames and fire arrows among them: what blooms

 private:
  struct Slot {
    Buffer particles;
    VkDescriptorSet set = VK_NULL_HANDLE;
  };
  void write_set(Slot& slot);

  Context& context_;
  const scene::Scenario& scenario_;
  std::vector<scene::Particle> particles_;  // reused every frame
  std::uint32_t count_ = 0;
  std::uint32_t emissive_ = 0;
  Unique<VkDescriptorSetLayout> layout_;
  Unique<VkDescriptorPool> pool_;
  std::vector<Slot> slots_;  // sets from pool_
  LightVariants pipeline_;
};

}  // namespace renderer
