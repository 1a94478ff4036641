#include "renderer/effects.h"

#include <algorithm>
#include <cstddef>
#include <cstring>

#include "renderer/descriptors.h"
#include "renderer/target.h"
#include "renderer/vk_check.h"
#include "shaders/shared.h"

namespace renderer {

namespace {
constexpr std::uint32_t kFlame = 1, kFireArrow = 4;  // scene::Particle::kind: the emissive ones
}  // namespace

// Particles are copied to the GPU as they are.
static_assert(sizeof(scene::Particle) == sizeof(shaders::EffectInstance));
static_assert(offsetof(scene::Particle, position) == offsetof(shaders::EffectInstance, x));
static_assert(offsetof(scene::Particle, size) == offsetof(shaders::EffectInstance, size));
static_assert(offsetof(scene::Particle, colour) == offsetof(shaders::EffectInstance, colour));
static_assert(offsetof(scene::Particle, kind) == offsetof(shaders::EffectInstance, kind));
static_assert(offsetof(scene::Particle, glow) == offsetof(shaders::EffectInstance, glow));
static_assert(offsetof(scene::Particle, seed) == offsetof(shaders::EffectInstance, seed));

EffectsPass::EffectsPass(Context& context, const scene::Scenario& scenario, VkDescriptorSetLayout scene_layout,
                         std::uint32_t frames)
    : context_(context), scenario_(scenario) {
  VkDevice device = context_.device();
  layout_ = create_set_layout(device, {{0, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1,
                                        VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, nullptr}});
  pool_ = create_descriptor_pool(device, {{VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, frames}}, frames);

  PipelineDesc desc;
  desc.vertex_shader = "effect.vert";
  desc.fragment_shader = "effect.frag";
  desc.color_formats = {kHdrFormat, kIdFormat};
  desc.depth_format = kDepthFormat;
  // Blended back to front over the opaque scene: soft smoke and dust rather than a screen
  // door of dots; depth is tested, not written, so particles do not cut each other.
  desc.depth_test = true;
  desc.blend = true;
  desc.set_layouts = {scene_layout, layout_.get()};
  pipeline_ = LightVariants(device, desc);

  slots_.resize(frames);
  for (Slot& slot : slots_) {
    slot.set = allocate_set(device, pool_.get(), layout_.get());
    slot.particles =
        Buffer(context_, 4096 * sizeof(shaders::EffectInstance), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, kHostMemory);
    write_set(slot);
  }
}

EffectsPass::~EffectsPass() { vkDeviceWaitIdle(context_.device()); }

void EffectsPass::write_set(Slot& slot) {
  const VkDescriptorBufferInfo buffer{slot.particles.handle(), 0, VK_WHOLE_SIZE};
  const VkWriteDescriptorSet write = buffer_write(slot.set, 0, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, buffer);
  vkUpdateDescriptorSets(context_.device(), 1, &write, 0, nullptr);
}

void EffectsPass::prepare(std::uint32_t slot_index, const scene::Snapshot& snapshot, glm::vec3 eye) {
  Slot& slot = slots_[slot_index % slots_.size()];
  particles_.clear();
  scene::append_effects(scenario_, snapshot, particles_);
  // Farthest first; ties keep their order, so every run blends the same way.
  std::stable_sort(particles_.begin(), particles_.end(), [&](const scene::Particle& a, const scene::Particle& b) {
    const glm::vec3 da = a.position - eye, db = b.position - eye;
    return glm::dot(da, da) > glm::dot(db, db);
  });
  count_ = static_cast<std::uint32_t>(particles_.size());
  emissive_ =
      static_cast<std::uint32_t>(std::count_if(particles_.begin(), particles_.end(), [](const scene::Particle& p) {
        return p.kind == kFlame || p.kind == kFireArrow;
      }));
  const VkDeviceSize bytes = particles_.size() * sizeof(scene::Particle);
  if (slot.particles.size() < bytes) {
    slot.particles = Buffer(context_, bytes * 3 / 2, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, kHostMemory);
    write_set(slot);
  }
  if (bytes) std::memcpy(slot.particles.mapped(), particles_.data(), bytes);
}

void EffectsPass::draw(VkCommandBuffer cmd, std::uint32_t slot_index, VkDescriptorSet scene_set, bool lit) {
  if (count_ == 0) return;
  Slot& slot = slots_[slot_index % slots_.size()];
  const VkDescriptorSet sets[] = {scene_set, slot.set};
  const Pipeline& pipeline = pipeline_.get(lit);
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline.handle());
  vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline.layout(), 0, 2, sets, 0, nullptr);
  vkCmdDraw(cmd, 6 * count_, 1, 0, 0);  // vertex 6i + c: corner c of particle i (effect.vert)
}

}  // namespace renderer
