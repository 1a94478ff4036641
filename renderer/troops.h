// The troop pass: every soldier of the Snapshot as GPU instances. Per frame, on the CPU, one
// pass over the soldiers culls them against the frustum and bins them by kit, figure kind and
// level of detail (LOD0 mesh, LOD1 mesh, LOD2 impostor); a second writes their 24-byte
// instances (position, heading, clip and phase, look) straight into the frame slot's mapped
// buffer, bin after bin. Then one instanced draw per bin; figures under kFarPixels are
// splatted by a compute pass instead (renderer/troop_splat.h). The
// figures are vertex-animated: troop.vert reads each vertex's position in the clip's frames
// (renderer/figure_frames.h).
// No per-soldier allocation: the bin array and buffers only grow.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "renderer/context.h"
#include "renderer/figure_frames.h"
#include "renderer/light_variants.h"
#include "renderer/pipeline.h"
#include "renderer/resources.h"
#include "renderer/troop_splat.h"
#include "renderer/troops_config.h"
#include "renderer/unique_handle.h"
#include "scene/figures/soldier_meshes.h"
#include "scene/model/camera.h"
#include "scene/model/scenario.h"
#include "scene/model/snapshot.h"
#include "scene/world/world.h"
#include "shaders/shared.h"

namespace renderer {

struct TroopOptions {
  bool cull = true;             // frustum culling; off: every soldier is drawn
  bool lod = true;              // distance LOD; off: every soldier at LOD0
  bool per_unit_draws = false;  // the naive baseline: one draw per unit, LOD0, no culling
  bool flat = false;            // flat shading (the benchmark's minimal renderer)
  bool variety = true;          // off: every man of a unit built and coloured alike (tests)
  int force_level = -1;         // 0 LOD0, 1 LOD1, 2 impostor for every figure; -1 by distance (tests)
  bool splat = true;            // figures under kFarPixels by compute splat; off: triangles
  bool splat_two_pass = false;  // the splat without 64-bit atomics even where the device has them (tests)
  unsigned threads = 0;         // CPU threads to cull, bin and write a large army; 0: one a core (up to 16)
};

struct TroopStats {
  std::uint32_t soldiers = 0;              // in the snapshot
  std::uint32_t drawn = 0;                 // after culling
  std::array<std::uint32_t, 3> per_lod{};  // drawn at LOD0, LOD1, impostor (quad, triangle or splat)
  std::uint32_t splatted = 0;              // of the impostors, drawn by the compute splat (no triangles)
  std::uint32_t splat_passes = 0;          // over them: 1 with 64-bit atomics, 2 without (troop_splat.h)
  std::uint64_t triangles = 0;             // submitted by the troop pass
  std::uint32_t draws = 0;
  double prepare_ms = 0;  // CPU: cull, bin and write instances
};

class TroopPass {
 public:
  TroopPass(Context& context, const scene::Scenario& scenario, const scene::World& world,
            VkDescriptorSetLayout scene_layout, std::uint32_t frames);
  ~TroopPass();
  TroopPass(const TroopPass&) = delete;
  TroopPass& operator=(const TroopPass&) = delete;

  TroopOptions& options() { return options_; }
  const TroopStats& stats() const { return stats_; }

  // CPU: cull, bin and write this frame's instances and unit colours into slot `slot`.
  void prepare(std::uint32_t slot, const scene::Snapshot& snapshot, const scene::Camera& camera, VkExtent2D extent);
  // Outside any rendering, after prepare() and before draw(): splats the far figures
  // (renderer/troop_splat.h) with the frame's `view_proj`. Without this call, or without the
  // device feature, draw() draws them as triangles.
  void splat(VkCommandBuffer cmd, std::uint32_t slot, const glm::mat4& view_proj);
  // Inside the scene pass; `scene_set` is set 0 (the frame uniforms).
  // `lit`: the frame has local lights (renderer/light_variants.h).
  void draw(VkCommandBuffer cmd, std::uint32_t slot, VkDescriptorSet scene_set, bool lit);

  // Draws `library` instead of the figure files' (tests: hand-made clips and variants): its
  // meshes, frames and a fresh impostor bake. At most once per pass (the pool holds two bakes).
  void use_figures(const scene::FigureLibrary& library);

  // How many of the snapshot's soldiers a camera sees (CPU only; the benchmark's views).
  static std::uint32_t count_visible(const scene::Snapshot& snapshot, const scene::Camera& camera, float aspect);

 private:
  struct Slot {
    Buffer instances, units;
    Buffer quads;  // impostor indices 4i + {0, 1, 2, 0, 2, 3}, as many quads as instances fit
    VkDescriptorSet set = VK_NULL_HANDLE;
  };
  static constexpr int kLevels = 4;  // LOD0 mesh, LOD1 mesh, impostor quad, impostor triangle
  static constexpr int kBlocks = scene::kKits * scene::kFigureKinds;  // (kit, kind): kit * kinds + kind
  static constexpr int kBins = kBlocks * kLevels;                     // block * kLevels + level
  static_assert(kBins < 255);

  void upload_figures(const scene::FigureLibrary& library);
  void create_pipelines(VkDescriptorSetLayout scene_layout);
  void bake_impostors();  // renderer/impostors.cpp
  void write_set(Slot& slot);
  void fill_quads(Slot& slot);
  // prepare()'s steps.
  void write_units(Slot& slot, const scene::Snapshot& snapshot, size_t unit_count);
  void bin_soldiers(const scene::Snapshot& snapshot, const scene::Camera& camera, VkExtent2D extent, size_t unit_count);
  void write_instances(Slot& slot, const scene::Snapshot& snapshot, size_t unit_count);
  struct BinParams;  // what pass 1 needs of the camera (troops.cpp)
  void bin_run(const scene::Snapshot& snapshot, size_t unit_count, const BinParams& params, unsigned r);
  void write_run(Slot& slot, const scene::Snapshot& snapshot, size_t unit_count, size_t r,
                 std::array<std::uint32_t, kBins>& cursor);
  // draw()'s steps; `sets` are set 0 (the frame's) and 1 (the slot's).
  void draw_meshes(VkCommandBuffer cmd, const VkDescriptorSet sets[2]);
  void draw_ground_shadows(VkCommandBuffer cmd, const VkDescriptorSet sets[2]);
  void draw_impostors(VkCommandBuffer cmd, const VkDescriptorSet sets[2], const Slot& slot);
  void write_splat_blocks();

  Context& context_;
  const scene::Scenario& scenario_;
  TroopOptions options_;
  TroopStats stats_;

  Buffer vertices_, indices_;
  std::array<FigureUpload::Range, kFigures> meshes_{};  // by figure_index
  Buffer frames_;                                       // the figures' animation frames (FigureUpload::frames)
  Buffer figures_;                                      // the kits' colours, then the FigureClip table
  std::vector<std::uint32_t> unit_objects_;             // object id per unit
  std::vector<std::uint8_t> unit_kits_;                 // scene::Kit per unit (its faction's)
  std::vector<std::uint8_t> bin_of_;                    // per soldier, reused every frame
  std::array<std::uint32_t, kBins> bin_first_{}, bin_count_{};
  // Below this many soldiers both passes run on the calling thread.
  static constexpr std::uint32_t kParallelSoldiers = 65536;
  std::vector<std::uint32_t> run_first_;                          // runs' first soldiers, and the end
  std::vector<std::array<std::uint32_t, kBins>> run_counts_;      // per run, its soldiers per bin
  std::vector<std::uint32_t> unit_draw_first_, unit_draw_count_;  // per_unit_draws mode

  Unique<VkDescriptorSetLayout> layout_;
  Unique<VkDescriptorPool> pool_;  // the frame slots' sets and the bake's
  Unique<VkSampler> sampler_;
  Image atlas_;
  // Per (kit, kind) block and elevation row: the silhouette bounds of the baked views (TroopPush::rect).
  std::array<std::array<glm::vec4, shaders::kImpostorElevations>, kBlocks> impostor_rects_{};
  std::vector<Slot> slots_;
  LightVariants mesh_pipeline_, impostor_pipeline_;
  bool lit_ = false;                   // this frame's draw: with local lights
  Pipeline blob_pipeline_;             // near figures' soft ground shadows
  std::unique_ptr<TroopSplat> splat_;  // the far figures: one pass or two (troop_splat.h)
  shaders::SplatPush splat_push_{};    // this frame's (prepare, splat)
  int splatted_slot_ = -1;             // the slot splat() recorded this frame; -1: far triangles
};

}  // namespace renderer
