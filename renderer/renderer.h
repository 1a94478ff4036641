// The renderer: turns a Snapshot seen through a Camera into an image. It owns the GPU copy of
// the scenario's world and knows nothing of windows; the viewer and the exporter share it.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "common/display_lut.h"
#include "renderer/accumulation.h"
#include "renderer/atmosphere.h"
#include "renderer/bloom.h"
#include "renderer/context.h"
#include "renderer/display_lut_image.h"
#include "renderer/effects.h"
#include "renderer/kept_shadows.h"
#include "renderer/light_variants.h"
#include "renderer/linear_frame.h"
#include "renderer/material_reach.h"
#include "renderer/material_textures.h"
#include "renderer/pipeline.h"
#include "renderer/resources.h"
#include "renderer/shadows.h"
#include "renderer/sky_rows.h"
#include "renderer/still_world.h"
#include "renderer/target.h"
#include "renderer/trees.h"
#include "renderer/troops.h"
#include "renderer/unique_handle.h"
#include "scene/mesh/model_file.h"
#include "scene/model/camera.h"
#include "scene/model/scenario.h"
#include "scene/model/snapshot.h"
#include "scene/world/world.h"

namespace renderer {

// A frame read back to the host: tonemapped sRGB pixels and, if asked, object ids.
struct FrameImage {
  std::uint32_t width = 0, height = 0;
  std::vector<std::uint8_t> rgba;  // width * height * 4, top row first
  std::vector<std::uint32_t> ids;  // width * height, 0 = nothing; empty unless asked for
  std::uint32_t id_at(std::uint32_t x, std::uint32_t y) const { return ids[static_cast<size_t>(y) * width + x]; }
};

// One sub-sample of a frame (Renderer::render_samples): the scene at the sample's instant and
// the camera it is seen through (scene::sub_sample_camera: jittered, moved on the lens).
struct FrameSample {
  scene::Snapshot snapshot;
  scene::Camera camera;
};

struct FrameStats {
  std::uint64_t triangles = 0;         // submitted this frame (scene pass)
  std::uint64_t shadow_triangles = 0;  // submitted to the sun's shadow map
  double build_ms = 0;                 // CPU: dynamic meshes from the snapshot
  std::uint32_t soldiers_drawn = 0;    // figures after culling (troop pass)
  std::uint64_t troop_triangles = 0;   // of `triangles`, the troop pass's
  std::uint64_t tree_triangles = 0;    // of `triangles`, the tree pass's
  double troops_ms = 0;                // CPU: cull, LOD-bin and write troop instances and effects
  double record_ms = 0;                // CPU: uploads and command recording
  double gpu_ms = 0;                   // submit until the fence signals (the whole render on lavapipe)
  double readback_ms = 0;              // copying the pixels out of mapped memory
  std::uint32_t lights = 0;            // local lights selected for the frame (renderer/lights.h)
  std::uint32_t light_tiles = 0;       // screen tiles lit, summed over those lights
  bool bloom = false;                  // the bloom chain ran (something glowed)
  bool still_world = false;            // the opaque world was the last frame's (renderer/still_world.h)
  bool shadows_kept = false;           // the shadow map was a kept one (renderer/kept_shadows.h)
  std::uint32_t sky_rows = 0;          // rows from the top the sky pass drew (renderer/sky_rows.h)
};

// Draws over the finished (tonemapped) image: the one hook through which an application adds
// 2D overlays such as burnt-in captions. Called with target.display in
// COLOR_ATTACHMENT_OPTIMAL; must leave it so.
using OverlayHook = std::function<void(VkCommandBuffer cmd, RenderTarget& target, const scene::Snapshot& snapshot)>;

// One renderer, two budgets (DESIGN.md): the viewer's, which holds its frame rate on a CPU
// driver, and the export's, which may spend more a frame.
enum class Preset { Interactive, Film };

// Where the key light's shadow cascades end, metres from the eye, for a preset.
std::vector<float> shadow_splits(Preset preset);

// A frame's passes, in the order they are drawn (RenderOptions::skip).
enum class Pass : std::uint32_t {
  Shadows,     // the key light's shadow map
  Structures,  // walls, buildings, roads
  Works,       // siege works, engines and camps
  Trees,
  Ground,
  Water,
  Troops,
  Sky,
  Effects,  // smoke, dust, fire, falling snow or rain
  Bloom,
  Tonemap,
  Count
};
const char* to_string(Pass pass);

struct RenderOptions {
  Preset preset = Preset::Interactive;
  // With adapt_exposure (the default) the exposure follows the light of the moment
  // (atmosphere.h) and `exposure` multiplies it in the tonemap; without, `exposure` is the
  // whole exposure, the same in every frame whatever the hour.
  bool adapt_exposure = true;
  float exposure = 1.0f;
  OverlayHook overlay;  // empty: none
  bool world = true;    // false: troops only, no world or sky (the benchmark's minimal renderer)
  // Local lights (fires, torches) a frame lights the scene with, the brightest as seen from the
  // camera; at most shaders::kMaxLocalLights.
  std::uint32_t max_lights = 32;
  // By day a fire lights little beyond its own flames: a light reaches only as far as it adds
  // this share of the light in shade (the sky's on an upright face), and one that adds less
  // anywhere is not drawn (lights.h). 0: every light to its full radius.
  float light_floor = 0.01f;
  // Bloom: what is brighter than bloom_threshold (exposed luminance: radiance × exposure, where
  // the tonemap is near white) spills round it; bloom_strength of the blurred excess is added.
  float bloom_strength = 0.12f;
  float bloom_threshold = 1.5f;
  // Material detail (texture, relief) on the world close up; false: every surface its mean
  // albedo, flat, as from afar.
  bool materials = true;
  // Keep the opaque world while the camera, light and works stand still, and draw only what
  // moves over it (renderer/still_world.h): the viewer's. Off, every frame draws everything.
  bool still_world = false;
  // Keep the shadow map while the camera moves a little and the light hardly turns, and draw
  // it again only when a frame's view leaves it (renderer/kept_shadows.h): the viewer's.
  bool reuse_shadows = false;
  // Passes left out (bits 1 << Pass), for siege bench's profile: what a frame costs without
  // each. The picture is then not the scene's.
  std::uint32_t skip = 0;
};

class Renderer {
 public:
  static constexpr std::uint32_t kFramesInFlight = 2;

  Renderer(Context& context, const scene::Scenario& scenario);
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  const scene::World& world() const { return world_; }
  const FrameStats& last_stats() const { return stats_; }
  RenderOptions& options() { return options_; }
  TroopPass& troops() { return *troops_; }
  TreePass& trees() { return *trees_; }

  // The display transform every frame's tonemap applies (built in: filmic, sRGB). Waits for
  // the frames in flight; throws std::invalid_argument on a malformed table.
  void set_display_lut(const common::DisplayLut& lut);
  const std::string& display_description() const { return display_description_; }

  // Records a whole frame into `cmd` using the resources of frame slot `slot` (whose
  // previous use the caller has waited for). On return target.display and target.ids are in
  // TRANSFER_SRC_OPTIMAL layout, ready to be copied to a swapchain image or to the host.
  void record(VkCommandBuffer cmd, std::uint32_t slot, RenderTarget& target, const scene::Snapshot& snapshot,
              const scene::Camera& camera);

  // Hands over the owner of something a frame may still be using (a replaced render target):
  // it is kept until `slot` is recorded again, by which time the caller has waited for that
  // slot's fence and so for every frame submitted before it.
  void retire(std::uint32_t slot, std::shared_ptr<void> owner) {
    slots_[slot % kFramesInFlight].retired.push_back(std::move(owner));
  }

  // Headless: renders one frame, waits, and reads it back.
  FrameImage render(const scene::Snapshot& snapshot, const scene::Camera& camera, VkExtent2D extent, bool with_ids);

  // Headless, one frame as sub-samples (anti-aliasing, motion blur, depth of field): each is
  // drawn and submitted in turn and its linear light added up (accumulation.h); the tonemap
  // shows the average and the overlay runs once, with samples[0]'s snapshot. samples[0] is the
  // centre: the ids returned are its. With `linear`, also fills the frame in linear light.
  // Stats are summed over the samples.
  FrameImage render_samples(const std::vector<FrameSample>& samples, VkExtent2D extent, bool with_ids,
                            LinearFrame* linear = nullptr);

 private:
  struct GpuMesh {
    Buffer vertices, indices;
    std::uint32_t index_count = 0;
  };
  struct FrameSlot {
    std::vector<std::shared_ptr<void>> retired;  // let go when this slot is next recorded, after its fence
    Buffer uniforms;
    Buffer sky_view;                // the sky table, rewritten when the atmosphere's changes
    std::uint64_t sky_version = 0;  // the atmosphere's version it holds (0: none yet)
    Buffer lights;                  // shaders::LightUniforms
    GpuMesh dynamic_solids, dynamic_water;
    VkDescriptorSet scene_set = VK_NULL_HANDLE;
    VkDescriptorSet tonemap_set = VK_NULL_HANDLE;
  };

  enum class Surface { Standing, Ground };  // world.frag's kTerrain: the fields' code or none
  LightVariants& world_variants(Surface surface, bool shadowed, MaterialDetail detail);
  VkPipelineLayout scene_pipeline_layout() const;
  // What the tonemap multiplies by: the user's multiplier on an adapted exposure, else 1 (the
  // scene shaders applied the whole fixed exposure already).
  float tonemap_exposure() const { return options_.adapt_exposure ? options_.exposure : 1.0f; }
  GpuMesh upload_static(const scene::Mesh& mesh);
  void upload_dynamic(GpuMesh& gpu, const scene::Mesh& mesh);
  void bind(VkCommandBuffer cmd, const GpuMesh& mesh);  // its vertex and index buffers
  void draw(VkCommandBuffer cmd, const GpuMesh& mesh);
  // The camps occupied in this snapshot, from camps_.
  void draw_camps(VkCommandBuffer cmd, const scene::Snapshot& snapshot);
  // The terrain chunks in view at their level of detail: those a shadow can reach
  // (`shadowed`, per chunk) with the world pipeline, the rest without the shadow lookup.
  void draw_terrain(VkCommandBuffer cmd, const scene::Camera& camera, const glm::mat4& view_proj, float pixel_angle,
                    const std::vector<std::uint8_t>& shadowed);
  // What never moves, chunk by chunk at the levels of detail structure_levels_ holds for this
  // frame; `view_proj`: skip the chunks outside it (the camera's, or a shadow cascade's box,
  // which reaches past every caster towards the light). `shadow_texel_m`: drawing into a
  // shadow map whose texels span that much, where a coarser level's error cannot show.
  // `detail`: only the chunks drawn with that much material detail (structure_detail_).
  void draw_structures(VkCommandBuffer cmd, const glm::mat4* view_proj, float shadow_texel_m = 0,
                       std::optional<MaterialDetail> detail = std::nullopt);
  void create_descriptors();
  void create_pipelines();
  // record()'s steps.
  void write_tonemap_set(FrameSlot& slot, const RenderTarget& target);
  void record_shadow_pass(VkCommandBuffer cmd, FrameSlot& slot, const scene::Snapshot& snapshot,
                          const ShadowFit& shadow);
  // What the scene pass does with the opaque world: draws it, draws and keeps it, or restores
  // the kept one (renderer/still_world.h).
  enum class WorldLayer { Draw, DrawAndKeep, Restore };
  void record_opaque_world(VkCommandBuffer cmd, std::uint32_t slot_index, const RenderTarget& target,
                           const scene::Camera& camera, const glm::mat4& view_proj,
                           const std::vector<std::uint8_t>& shadowed, const scene::Snapshot& snapshot);
  void record_scene_pass(VkCommandBuffer cmd, std::uint32_t slot_index, const RenderTarget& target,
                         const scene::Snapshot& snapshot, const scene::Camera& camera, const glm::mat4& view_proj,
                         const std::vector<std::uint8_t>& shadowed, WorldLayer world_layer,
                         const StillWorldInputs& still);
  bool record_hdr(VkCommandBuffer cmd, std::uint32_t slot_index, RenderTarget& target, const scene::Snapshot& snapshot,
                  const scene::Camera& lens_camera);
  bool drawn(Pass pass) const { return (options_.skip & (1u << static_cast<std::uint32_t>(pass))) == 0; }
  void record_tonemap_pass(VkCommandBuffer cmd, const FrameSlot& slot, const RenderTarget& target, bool bloom,
                           float exposure);
  // The headless path's steps.
  void ensure_offscreen(VkExtent2D extent, bool linear = false);
  VkCommandBuffer begin_headless();
  double submit_headless();
  // render_samples()'s: one sample's commands after the scene, and the last, shared pass.
  void record_sample_tail(VkCommandBuffer cmd, bool bloom, bool first, bool copy_ids, bool copy_depth);
  void record_average(VkCommandBuffer cmd, std::uint32_t count, const scene::Snapshot& centre, bool linear);

  Context& context_;
  const scene::Scenario& scenario_;
  scene::World world_;
  RenderOptions options_;
  FrameStats stats_;
  bool lit_ = false;  // this frame has local lights: the scene pipelines that add them

  GpuMesh ground_, water_, structures_;           // structures_: world_.structure_chunks' mesh
  std::vector<std::uint8_t> structure_levels_;    // per structure chunk: its level this frame
  std::vector<MaterialDetail> structure_detail_;  // per structure chunk: its material detail this frame
  std::vector<MaterialDetail> terrain_detail_;    // per terrain chunk: the same (textures, patches, none)
  GpuMesh camps_;                                 // every camp, built once, uploaded once; drawn while occupied
  std::vector<scene::IndexRange> camp_ranges_;    // per scenario camp: its indices in camps_
  std::vector<scene::Bounds> camp_bounds_;        // per scenario camp
  std::array<FrameSlot, kFramesInFlight> slots_;

  Atmosphere atmosphere_;
  Unique<VkDescriptorSetLayout> scene_layout_;
  Unique<VkDescriptorSetLayout> tonemap_layout_;
  Unique<VkDescriptorPool> pool_;  // the slots' sets
  Unique<VkSampler> sampler_;
  Unique<VkSampler> linear_sampler_;  // the water's reads of the reflection copy
  ShadowMap shadows_;
  KeptShadows kept_shadows_;  // what shadows_ holds, when RenderOptions::reuse_shadows
  StillWorld still_world_;
  bool shadows_as_kept_ = false;  // the shadow map is the one drawn with the kept world
  MaterialTextures materials_;    // scene set bindings 5 and 6
  LightVariants water_pipeline_;
  // world.frag's builds by [ground][shadowed][weathered][detail] (world_variants): what stands
  // or the ground, with or without the shadow lookup, snow, frost and wet ground, and the
  // material detail (MaterialDetail); each built the first time a frame needs it.
  std::optional<LightVariants> world_variants_[2][2][2][3];
  PipelineDesc world_desc_;
  bool weathered_ = false;                              // this frame's weather lies on the ground
  MaterialReach material_reach_;                        // this frame's, for the chunks' material detail
  GroundCover ground_cover_;                            // where the ground hides the sky (sky_rows.h)
  std::uint32_t sky_rows_ = 0;                          // this frame's rows the sky pass draws
  glm::vec3 empty_colour_{0};                           // what the scene pass clears its HDR image to
  MaterialDetail works_detail_ = MaterialDetail::None;  // this frame's for the siege works
  MaterialDetail camps_detail_ = MaterialDetail::None;  // for the camps standing
  LightVariants water_sky_only_pipeline_;               // water.frag without the reflections' march (interactive)
  // sky.frag's builds by [stars][moon][clouds], for what this frame's sky shows (sky_shows_);
  // each built the first time a frame needs it.
  std::optional<Pipeline> sky_variants_[2][2][2];
  PipelineDesc sky_desc_;
  std::array<bool, 3> sky_shows_{};  // stars, the moon's disc in view, broken cloud
  const Pipeline& sky_pipeline();
  Pipeline tonemap_pipeline_, precipitation_pipeline_;
  Pipeline tonemap_bloom_pipeline_;  // tonemap.frag adding the bloom (tonemap_pipeline_ adds none)
  std::unique_ptr<TroopPass> troops_;
  std::unique_ptr<TreePass> trees_;  // trees and reeds (renderer/trees.h)
  std::unique_ptr<EffectsPass> effects_;
  std::unique_ptr<BloomPass> bloom_;
  DisplayLutImage display_lut_;
  std::string display_description_ = "built-in filmic, sRGB";

  // Headless path: its own target, command buffer, fence and readback buffers.
  std::unique_ptr<RenderTarget> offscreen_;
  Unique<VkCommandPool> command_pool_;
  VkCommandBuffer command_buffer_ = VK_NULL_HANDLE;  // from command_pool_
  Unique<VkFence> fence_;
  Buffer readback_rgba_, readback_ids_;
  Buffer readback_depth_, readback_sum_;        // the linear frame's (render_samples)
  std::unique_ptr<Accumulation> accumulation_;  // made by the first render_samples()
};

}  // namespace renderer
