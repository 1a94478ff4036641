// Far soldiers by compute splat (issue 18; Schuetz, Kerbl and Wimmer, "Rendering Point Clouds
// with Compute Shaders", 2021). Lavapipe runs vertex work on one thread, so 100k one-triangle
// impostors cost ~40 ms; a compute shader that projects each figure of the far bins and keeps
// the nearest per pixel in a 64-bit depth|payload word costs a fraction of that. Per frame:
// outside the scene pass, the slot's screen-sized buffer is cleared and the far bins splatted
// (record); inside it, after the world and the nearer figures, a resolve over the 16-pixel
// tiles the splat flagged writes colour, object id and depth where a figure landed (resolve).
// With shaderBufferInt64Atomics (Context::buffer_int64_atomics) one atomicMax of the 64-bit word
// per pixel; without it two passes over the figures, depth then payload, which leave the same
// words (troop_splat_words.comp).
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "renderer/context.h"
#include "renderer/light_variants.h"
#include "renderer/resources.h"
#include "renderer/unique_handle.h"
#include "shaders/shared.h"

namespace renderer {

class TroopSplat {
 public:
  static constexpr std::uint32_t kBlocks = shaders::kKits * shaders::kFigureKinds;
  struct Bin {
    std::uint32_t block, first, count;  // a far bin: its (kit, kind) block and instances
  };

  // `scene_layout` and `troop_layout` are sets 0 and 1 of the resolve (the compute reads set 1).
  TroopSplat(Context& context, VkDescriptorSetLayout scene_layout, VkDescriptorSetLayout troop_layout,
             std::uint32_t frames);
  TroopSplat(const TroopSplat&) = delete;
  TroopSplat& operator=(const TroopSplat&) = delete;

  // Each block's impostor square and silhouette bounds (after every impostor bake).
  void set_blocks(const std::array<shaders::SplatBlock, kBlocks>& blocks);
  // Outside any rendering: clears slot `slot`'s buffer for a push.width x push.height frame and
  // splats `bins` into it. `troop_set` is the troop pass's set 1 for the slot. `two_pass`: in
  // two passes even where the device has 64-bit atomics (tests compare the two). Returns the
  // passes made over the figures.
  std::uint32_t record(VkCommandBuffer cmd, std::uint32_t slot, VkDescriptorSet troop_set,
                       const shaders::SplatPush& push, std::span<const Bin> bins, bool two_pass = false);
  // Inside the scene pass, after record() for the same slot: `sets` are sets 0 and 1.
  void resolve(VkCommandBuffer cmd, std::uint32_t slot, const VkDescriptorSet sets[2], bool lit,
               const shaders::SplatPush& push);

 private:
  struct Slot {
    Buffer splat;  // one uint64 per pixel: depth << 32 | payload
    Buffer tiles;  // one uint per kSplatTile square: something landed there
    VkDescriptorSet set = VK_NULL_HANDLE;
  };
  void write_set(Slot& slot);
  static std::uint32_t tile_count(const shaders::SplatPush& push);

  Context& context_;
  Unique<VkDescriptorSetLayout> layout_;
  Unique<VkDescriptorPool> pool_;
  Buffer blocks_;  // SplatBlock per block
  std::vector<Slot> slots_;
  Unique<VkPipelineLayout> compute_layout_;
  Unique<VkPipeline> atomic64_;                   // troop_splat.comp; null without 64-bit buffer atomics
  Unique<VkPipeline> depth_pass_, payload_pass_;  // troop_splat_words.comp's two passes
  LightVariants resolve_;
};

}  // namespace renderer
