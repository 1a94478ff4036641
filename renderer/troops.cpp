#include "renderer/troops.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <thread>

#include "common/side_by_side.h"
#include "renderer/descriptors.h"
#include "renderer/gpu_vertex.h"
#include "renderer/target.h"
#include "renderer/upload.h"
#include "renderer/vk_check.h"
#include "scene/figures/kit_palette.h"
#include "shaders/shared.h"

namespace renderer {

namespace {

constexpr float kTau = 6.28318530718f;
constexpr VkShaderStageFlags kPushStages = VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT;

// Frustum planes (xyz normal, w offset; inside when dot(n, p) + w >= 0) of a reverse-Z,
// infinite-far projection: left, right, bottom, top, near.
struct Frustum {
  glm::vec4 planes[5];
  bool sees(glm::vec3 centre, float radius) const {
    for (const glm::vec4& p : planes)
      if (p.x * centre.x + p.y * centre.y + p.z * centre.z + p.w < -radius) return false;
    return true;
  }
};

Frustum frustum_of(const glm::mat4& m) {
  const auto row = [&](int i) { return glm::vec4(m[0][i], m[1][i], m[2][i], m[3][i]); };
  Frustum f;
  f.planes[0] = row(3) + row(0);
  f.planes[1] = row(3) - row(0);
  f.planes[2] = row(3) + row(1);
  f.planes[3] = row(3) - row(1);
  f.planes[4] = row(3) - row(2);
  for (glm::vec4& p : f.planes) p /= glm::length(glm::vec3(p));
  return f;
}

static_assert(scene::kClips == static_cast<int>(shaders::kClipCount));
static_assert(static_cast<std::uint32_t>(scene::Clip::Fall) == shaders::kClipFall);
static_assert(static_cast<std::uint32_t>(scene::Clip::Dead) == shaders::kClipDead);
static_assert(scene::kKits == static_cast<int>(shaders::kKits));
static_assert(scene::kGarmentColours == static_cast<int>(shaders::kGarmentColours));
static_assert(scene::kSkinColours == static_cast<int>(shaders::kSkinColours));

bool lying(scene::Clip clip) { return clip == scene::Clip::Dead || clip == scene::Clip::Fall; }

// The TroopInstance (shaders/shared.h) of soldier `s` of unit `unit`.
shaders::TroopInstance pack_instance(const scene::Soldier& s, std::uint32_t unit) {
  constexpr float kStepsPerRadian = static_cast<float>(shaders::kHeadingSteps) / kTau;
  const auto heading = static_cast<std::uint32_t>(static_cast<std::int32_t>(std::lround(s.heading * kStepsPerRadian))) &
                       (shaders::kHeadingSteps - 1u);
  const auto phase = static_cast<std::uint32_t>(
      std::lround(std::clamp(s.phase, 0.0f, 1.0f) * static_cast<float>(shaders::kMotionPhaseMax)));
  const std::uint32_t clip = static_cast<std::uint32_t>(s.clip) & shaders::kMotionClipMask;
  return {s.position.x,
          s.position.y,
          s.position.z,
          heading | unit << shaders::kUnitShift,
          phase | clip << shaders::kMotionClipShift,
          s.look};
}

}  // namespace

TroopPass::TroopPass(Context& context, const scene::Scenario& scenario, const scene::World& world,
                     VkDescriptorSetLayout scene_layout, std::uint32_t frames)
    : context_(context), scenario_(scenario) {
  for (const scene::Unit& unit : scenario.units) {
    unit_objects_.push_back(world.objects.id_of(scene::ObjectKind::Soldier, unit.id));
    const scene::Faction* faction = scenario.faction(unit.faction);
    unit_kits_.push_back(static_cast<std::uint8_t>(faction ? faction->kit : scene::Kit::Song));
  }
  // Every kit's figures beside the props (assets/models/figure_<kit>_<kind>*.glb), each missing
  // or broken one replaced by its built-in figure with a warning.
  upload_figures(scene::load_figure_library(scene::models_directory(scenario_)));
  VkDevice device = context_.device();
  layout_ = create_set_layout(
      device,
      {{0, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1,
        VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT | VK_SHADER_STAGE_COMPUTE_BIT, nullptr},
       {1, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, nullptr},
       {2, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1, VK_SHADER_STAGE_FRAGMENT_BIT | VK_SHADER_STAGE_COMPUTE_BIT,
        nullptr},
       {3, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, nullptr},
       {4, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, nullptr}});

  // Frame slots, plus two bakes' (load and use_figures) troop set and per-(kind, elevation)
  // uniform sets.
  const std::uint32_t bake_sets = shaders::kFigureKinds * shaders::kImpostorElevations;
  const std::uint32_t sets = frames + 2 * (1 + bake_sets);
  pool_ = create_descriptor_pool(device,
                                 {{VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 4 * (frames + 2)},
                                  {VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, frames},
                                  {VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, 2 * bake_sets}},
                                 sets);
  sampler_ = create_nearest_sampler(device);

  create_pipelines(scene_layout);
  splat_ = std::make_unique<TroopSplat>(context_, scene_layout, layout_.get(), frames);
  bake_impostors();
  write_splat_blocks();

  slots_.resize(frames);
  for (Slot& slot : slots_) {
    slot.set = allocate_set(device, pool_.get(), layout_.get());
    slot.instances =
        Buffer(context_, 1024 * sizeof(shaders::TroopInstance), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, kHostMemory);
    slot.units = Buffer(context_, std::max<std::size_t>(scenario.units.size(), 1) * sizeof(shaders::TroopUnit),
                        VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, kHostMemory);
    write_set(slot);
    fill_quads(slot);
  }
}

void TroopPass::fill_quads(Slot& slot) {
  const VkDeviceSize quads = slot.instances.size() / sizeof(shaders::TroopInstance);
  slot.quads = Buffer(context_, quads * 6 * sizeof(std::uint32_t), VK_BUFFER_USAGE_INDEX_BUFFER_BIT, kHostMemory);
  auto* out = static_cast<std::uint32_t*>(slot.quads.mapped());
  for (std::uint32_t q = 0; q < quads; ++q) {
    const std::uint32_t v = 4 * q;
    out[6 * q + 0] = v;
    out[6 * q + 1] = v + 1;
    out[6 * q + 2] = v + 2;
    out[6 * q + 3] = v;
    out[6 * q + 4] = v + 2;
    out[6 * q + 5] = v + 3;
  }
}

TroopPass::~TroopPass() { vkDeviceWaitIdle(context_.device()); }

void TroopPass::use_figures(const scene::FigureLibrary& library) {
  vkDeviceWaitIdle(context_.device());
  upload_figures(library);
  bake_impostors();
  write_splat_blocks();
  for (Slot& slot : slots_) write_set(slot);
}

void TroopPass::upload_figures(const scene::FigureLibrary& library) {
  const FigureUpload figures = pack_figures(library);
  meshes_ = figures.ranges;
  const std::vector<GpuVertex> vertices = pack_vertices(figures.mesh.vertices);
  vertices_ =
      upload_buffer(context_, vertices.data(), vertices.size() * sizeof(GpuVertex), VK_BUFFER_USAGE_VERTEX_BUFFER_BIT);
  indices_ = upload_buffer(context_, figures.mesh.indices.data(), figures.mesh.indices.size() * sizeof(std::uint32_t),
                           VK_BUFFER_USAGE_INDEX_BUFFER_BIT);
  frames_ = upload_buffer(context_, figures.frames.data(), figures.frames.size() * sizeof(glm::uvec2),
                          VK_BUFFER_USAGE_STORAGE_BUFFER_BIT);
  // The kits' palettes, then the clip table (shaders/troop_common.glsl's Figures block).
  std::vector<std::uint8_t> table(sizeof(shaders::KitColours) * scene::kKits +
                                  figures.clips.size() * sizeof(shaders::FigureClip));
  for (int k = 0; k < scene::kKits; ++k) {
    const scene::KitPalette& palette = scene::kit_palette(static_cast<scene::Kit>(k));
    shaders::KitColours colours{};
    for (int i = 0; i < scene::kGarmentColours; ++i) colours.garment[i] = glm::vec4(palette.garments[i], 1.0f);
    for (int i = 0; i < scene::kSkinColours; ++i) colours.skin[i] = glm::vec4(palette.skins[i], 1.0f);
    std::memcpy(table.data() + k * sizeof(colours), &colours, sizeof(colours));
  }
  std::memcpy(table.data() + scene::kKits * sizeof(shaders::KitColours), figures.clips.data(),
              figures.clips.size() * sizeof(shaders::FigureClip));
  figures_ = upload_buffer(context_, table.data(), table.size(), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT);
}

// The splat's copy of what the impostors' push constants say per block.
void TroopPass::write_splat_blocks() {
  std::array<shaders::SplatBlock, TroopSplat::kBlocks> blocks{};
  for (int b = 0; b < kBlocks; ++b) {
    const scene::ImpostorFrame frame = scene::impostor_frame(static_cast<scene::FigureKind>(b % scene::kFigureKinds));
    shaders::SplatBlock& out = blocks[static_cast<size_t>(b)];
    out.half_size = frame.half_size;
    out.centre_height = frame.centre_height;
    for (std::uint32_t e = 0; e < shaders::kImpostorElevations; ++e)
      out.rect[e] = impostor_rects_[static_cast<size_t>(b)][e];
  }
  splat_->set_blocks(blocks);
}

void TroopPass::create_pipelines(VkDescriptorSetLayout scene_layout) {
  PipelineDesc mesh;
  mesh.vertex_shader = "troop.vert";
  mesh.fragment_shader = "troop.frag";
  mesh.world_vertices = true;
  mesh.color_formats = {kHdrFormat, kIdFormat};
  mesh.depth_format = kDepthFormat;
  mesh.depth_test = mesh.depth_write = true;
  mesh.cull = VK_CULL_MODE_BACK_BIT;
  mesh.set_layouts = {scene_layout, layout_.get()};
  mesh.push_constant_bytes = sizeof(shaders::TroopPush);
  mesh_pipeline_ = LightVariants(context_.device(), mesh);

  PipelineDesc impostor = mesh;
  impostor.vertex_shader = "impostor.vert";
  impostor.fragment_shader = "impostor.frag";
  impostor.world_vertices = false;
  impostor.cull = VK_CULL_MODE_NONE;
  impostor_pipeline_ = LightVariants(context_.device(), impostor);

  PipelineDesc blob = impostor;
  blob.vertex_shader = "troop_blob.vert";
  blob.fragment_shader = "troop_blob.frag";
  blob.depth_write = false;
  blob.blend = true;
  blob_pipeline_ = Pipeline(context_.device(), blob);
}

void TroopPass::write_set(Slot& slot) {
  const VkDescriptorBufferInfo instances{slot.instances.handle(), 0, VK_WHOLE_SIZE};
  const VkDescriptorBufferInfo units{slot.units.handle(), 0, VK_WHOLE_SIZE};
  const VkDescriptorImageInfo atlas{sampler_.get(), atlas_.view(), VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
  const VkDescriptorBufferInfo frames{frames_.handle(), 0, VK_WHOLE_SIZE};
  const VkDescriptorBufferInfo figures{figures_.handle(), 0, VK_WHOLE_SIZE};
  const VkWriteDescriptorSet writes[] = {buffer_write(slot.set, 0, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, instances),
                                         buffer_write(slot.set, 1, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, units),
                                         image_write(slot.set, 2, atlas),
                                         buffer_write(slot.set, 3, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, frames),
                                         buffer_write(slot.set, 4, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, figures)};
  vkUpdateDescriptorSets(context_.device(), 5, writes, 0, nullptr);
}

std::uint32_t TroopPass::count_visible(const scene::Snapshot& snapshot, const scene::Camera& camera, float aspect) {
  const Frustum frustum = frustum_of(scene::projection_matrix(camera, aspect) * scene::view_matrix(camera));
  std::uint32_t n = 0;
  for (const scene::Soldier& s : snapshot.soldiers)
    n += frustum.sees(s.position + glm::vec3(0, troops::kCullCentreHeight, 0), troops::kCullRadius) ? 1 : 0;
  return n;
}

void TroopPass::prepare(std::uint32_t slot_index, const scene::Snapshot& snapshot, const scene::Camera& camera,
                        VkExtent2D extent) {
  const auto start = std::chrono::steady_clock::now();
  Slot& slot = slots_[slot_index % slots_.size()];
  stats_ = {};
  const auto soldier_count = static_cast<std::uint32_t>(snapshot.soldiers.size());
  stats_.soldiers = soldier_count;
  const size_t unit_count = std::min(snapshot.units.size(), scenario_.units.size());
  write_units(slot, snapshot, unit_count);

  const VkDeviceSize needed = std::max<VkDeviceSize>(soldier_count, 1) * sizeof(shaders::TroopInstance);
  if (slot.instances.size() < needed) {
    slot.instances = Buffer(context_, needed * 3 / 2, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, kHostMemory);
    write_set(slot);
    fill_quads(slot);
  }
  if (bin_of_.size() < soldier_count) bin_of_.resize(soldier_count);

  bin_soldiers(snapshot, camera, extent, unit_count);
  std::uint32_t offset = 0;
  for (int b = 0; b < kBins; ++b) {
    bin_first_[static_cast<size_t>(b)] = offset;
    offset += bin_count_[static_cast<size_t>(b)];
  }
  stats_.drawn = offset;
  write_instances(slot, snapshot, unit_count);
  splatted_slot_ = -1;
  splat_push_ = {};
  splat_push_.camera_position = camera.position;
  splat_push_.mode = (options_.flat ? shaders::kTroopFlat : 0u) | (options_.variety ? 0u : shaders::kTroopPlain);
  splat_push_.width = extent.width;
  splat_push_.height = extent.height;
  stats_.prepare_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// The unit table: colours, object ids, states.
void TroopPass::write_units(Slot& slot, const scene::Snapshot& snapshot, size_t unit_count) {
  auto* units = static_cast<shaders::TroopUnit*>(slot.units.mapped());
  for (size_t u = 0; u < unit_count; ++u) {
    const scene::Faction* faction = scenario_.faction(scenario_.units[u].faction);
    units[u] = {.colour = faction ? faction->color : glm::vec3(0.5f),
                .banner = faction ? faction->banner : glm::vec3(0.8f),
                .object_id = unit_objects_[u],
                .state = static_cast<std::uint32_t>(snapshot.units[u].state),
                .kit = unit_kits_[u]};
  }
}

struct TroopPass::BinParams {
  Frustum frustum;
  glm::vec3 eye{0}, forward{0, 0, -1};
  float lod0_depth = 0, lod1_depth = 0, far_depth = 0;
};

// Pass 1: culls and bins each soldier (bin_of_: (kit * kinds + kind) * kLevels + level;
// 255 = culled) and counts the bins. With many soldiers the two passes run on several threads
// over runs of soldiers: each run counts its own bins, and writes from its own cursors, which
// start where the runs before it end in each bin, so the instances are the same bytes in the
// same order as on one thread.
void TroopPass::bin_soldiers(const scene::Snapshot& snapshot, const scene::Camera& camera, VkExtent2D extent,
                             size_t unit_count) {
  const auto soldier_count = static_cast<std::uint32_t>(snapshot.soldiers.size());
  const float aspect = static_cast<float>(extent.width) / static_cast<float>(extent.height);
  const glm::mat4 view_proj = scene::projection_matrix(camera, aspect) * scene::view_matrix(camera);
  BinParams params;
  params.frustum = frustum_of(view_proj);
  params.eye = camera.position;
  params.forward = glm::normalize(camera.target - camera.position);
  // A figure of kFigureHeight metres at view depth d is kFigureHeight * scale / d pixels tall.
  const float scale = static_cast<float>(extent.height) / (2.0f * std::tan(glm::radians(camera.fov_deg) * 0.5f));
  params.lod0_depth = troops::kFigureHeight * scale / troops::kLod0Pixels;
  params.lod1_depth = troops::kFigureHeight * scale / troops::kLod1Pixels;
  params.far_depth = troops::kFigureHeight * scale / troops::kFarPixels;

  // Runs of soldiers, one per thread (per-unit draws need the serial order of pass 2).
  const unsigned wanted = options_.threads > 0 ? options_.threads : std::thread::hardware_concurrency();
  const unsigned threads =
      soldier_count < kParallelSoldiers || options_.per_unit_draws ? 1u : std::clamp(wanted, 1u, 16u);
  run_first_.assign(threads + 1, 0);
  for (unsigned r = 0; r <= threads; ++r)
    run_first_[r] = static_cast<std::uint32_t>(static_cast<std::uint64_t>(soldier_count) * r / threads);
  run_counts_.assign(threads, {});
  common::side_by_side(threads, [&](size_t r) { bin_run(snapshot, unit_count, params, static_cast<unsigned>(r)); });
  bin_count_.fill(0);
  for (const auto& counts : run_counts_)
    for (int b = 0; b < kBins; ++b) bin_count_[static_cast<size_t>(b)] += counts[static_cast<size_t>(b)];
}

// Pass 1 over the soldiers of run r: the units' soldiers that lie in [run_first_[r], run_first_[r + 1]).
void TroopPass::bin_run(const scene::Snapshot& snapshot, size_t unit_count, const BinParams& params, unsigned r) {
  const auto soldier_count = static_cast<std::uint32_t>(snapshot.soldiers.size());
  const std::uint32_t run_begin = run_first_[r], run_end = run_first_[r + 1];
  const bool cull = options_.cull && !options_.per_unit_draws;
  const bool lod = options_.lod && !options_.per_unit_draws;
  std::array<std::uint32_t, kBins>& counts = run_counts_[r];
  counts.fill(0);
  for (size_t u = 0; u < unit_count; ++u) {
    const scene::UnitSnapshot& us = snapshot.units[u];
    const std::uint32_t begin = std::max(us.first_soldier, run_begin);
    const std::uint32_t end = std::min({us.first_soldier + us.soldier_count, soldier_count, run_end});
    if (begin >= end) continue;
    const auto unit_kind = static_cast<int>(scene::figure_kind(scenario_.units[u].kind));
    const int kit_block = unit_kits_[u] * scene::kFigureKinds;
    for (std::uint32_t i = begin; i < end; ++i) {
      const scene::Soldier& s = snapshot.soldiers[i];
      const glm::vec3 centre = s.position + glm::vec3(0, troops::kCullCentreHeight, 0);
      if (cull && !params.frustum.sees(centre, troops::kCullRadius)) {
        bin_of_[i] = 255;
        continue;
      }
      int kind = unit_kind;
      if (!lying(s.clip) && (i - us.first_soldier) % scene::kStandardEvery == 0 && !options_.per_unit_draws)
        kind = static_cast<int>(scene::FigureKind::Bearer);
      int level = 0;
      if (options_.force_level >= 0) {
        level = std::min(options_.force_level, 2);
      } else if (lod) {
        const float depth = glm::dot(centre - params.eye, params.forward);
        level = depth < params.lod0_depth ? 0 : (depth < params.lod1_depth ? 1 : (depth < params.far_depth ? 2 : 3));
      }
      const int bin = (kit_block + kind) * kLevels + level;
      bin_of_[i] = static_cast<std::uint8_t>(bin);
      ++counts[static_cast<size_t>(bin)];
    }
  }
}

// Pass 2: writes the instances, bin after bin, into the slot's mapped memory.
void TroopPass::write_instances(Slot& slot, const scene::Snapshot& snapshot, size_t unit_count) {
  unit_draw_first_.assign(unit_count, 0);
  unit_draw_count_.assign(unit_count, 0);
  // Each run starts in each bin where the runs before it end.
  const size_t runs = run_counts_.size();
  std::vector<std::array<std::uint32_t, kBins>> cursors(runs);
  std::array<std::uint32_t, kBins> next = bin_first_;
  for (size_t r = 0; r < runs; ++r) {
    cursors[r] = next;
    for (int b = 0; b < kBins; ++b) next[static_cast<size_t>(b)] += run_counts_[r][static_cast<size_t>(b)];
  }
  common::side_by_side(runs, [&](size_t r) { write_run(slot, snapshot, unit_count, r, cursors[r]); });
}

void TroopPass::write_run(Slot& slot, const scene::Snapshot& snapshot, size_t unit_count, size_t r,
                          std::array<std::uint32_t, kBins>& cursor) {
  const auto soldier_count = static_cast<std::uint32_t>(snapshot.soldiers.size());
  const std::uint32_t run_begin = run_first_[r], run_end = run_first_[r + 1];
  auto* out = static_cast<shaders::TroopInstance*>(slot.instances.mapped());
  const bool serial = run_counts_.size() == 1;  // the per-unit draws' ranges, only on one thread
  for (size_t u = 0; u < unit_count; ++u) {
    const scene::UnitSnapshot& us = snapshot.units[u];
    const std::uint32_t begin = std::max(us.first_soldier, run_begin);
    const std::uint32_t end = std::min({us.first_soldier + us.soldier_count, soldier_count, run_end});
    if (serial) {
      const int block =
          unit_kits_[u] * scene::kFigureKinds + static_cast<int>(scene::figure_kind(scenario_.units[u].kind));
      unit_draw_first_[u] = cursor[static_cast<size_t>(block * kLevels)];
      unit_draw_count_[u] = end > us.first_soldier ? end - us.first_soldier : 0;
    }
    for (std::uint32_t i = begin; i < end; ++i) {
      const std::uint8_t bin = bin_of_[i];
      if (bin == 255) continue;
      out[cursor[bin]++] = pack_instance(snapshot.soldiers[i], static_cast<std::uint32_t>(u));
    }
  }
}

void TroopPass::splat(VkCommandBuffer cmd, std::uint32_t slot_index, const glm::mat4& view_proj) {
  if (!options_.splat || options_.per_unit_draws) return;
  std::array<TroopSplat::Bin, kBlocks> bins{};
  std::uint32_t count = 0;
  for (int block = 0; block < kBlocks; ++block) {
    const auto bin = static_cast<size_t>(block * kLevels + 3);
    if (bin_count_[bin] > 0) bins[count++] = {static_cast<std::uint32_t>(block), bin_first_[bin], bin_count_[bin]};
  }
  if (count == 0) return;
  splat_push_.view_proj = view_proj;
  stats_.splat_passes = splat_->record(cmd, slot_index, slots_[slot_index % slots_.size()].set, splat_push_,
                                       {bins.data(), count}, options_.splat_two_pass);
  splatted_slot_ = static_cast<int>(slot_index % slots_.size());
}

void TroopPass::draw(VkCommandBuffer cmd, std::uint32_t slot_index, VkDescriptorSet scene_set, bool lit) {
  Slot& slot = slots_[slot_index % slots_.size()];
  lit_ = lit;
  if (stats_.drawn == 0) return;
  const VkDescriptorSet sets[] = {scene_set, slot.set};
  draw_meshes(cmd, sets);
  if (options_.per_unit_draws) return;
  if (!options_.flat) draw_ground_shadows(cmd, sets);
  draw_impostors(cmd, sets, slot);
  if (splatted_slot_ == static_cast<int>(slot_index % slots_.size()))
    splat_->resolve(cmd, slot_index, sets, lit_, splat_push_);
}

// The LOD0 and LOD1 bins, one instanced draw each; or, as the baseline, a draw per unit with
// its soldiers all at LOD0.
void TroopPass::draw_meshes(VkCommandBuffer cmd, const VkDescriptorSet sets[2]) {
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, mesh_pipeline_.get(lit_).handle());
  vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, mesh_pipeline_.get(lit_).layout(), 0, 2, sets, 0,
                          nullptr);
  const VkDeviceSize zero = 0;
  const VkBuffer vb = vertices_.handle();
  vkCmdBindVertexBuffers(cmd, 0, 1, &vb, &zero);
  vkCmdBindIndexBuffer(cmd, indices_.handle(), 0, VK_INDEX_TYPE_UINT32);
  const std::uint32_t mode =
      (options_.flat ? shaders::kTroopFlat : 0u) | (options_.variety ? 0u : shaders::kTroopPlain);
  const auto draw = [&](std::uint32_t figure, std::uint32_t count, std::uint32_t first) {
    const FigureUpload::Range& mesh = meshes_[figure];
    const shaders::TroopPush push{mode, figure, 0, 0, {}};
    vkCmdPushConstants(cmd, mesh_pipeline_.get(lit_).layout(), kPushStages, 0, sizeof(push), &push);
    vkCmdDrawIndexed(cmd, mesh.index_count, count, mesh.first_index, mesh.vertex_offset, first);
    stats_.triangles += static_cast<std::uint64_t>(mesh.index_count / 3) * count;
    ++stats_.draws;
  };
  if (options_.per_unit_draws) {
    for (size_t u = 0; u < unit_draw_count_.size(); ++u) {
      if (unit_draw_count_[u] == 0) continue;
      draw(figure_index(static_cast<scene::Kit>(unit_kits_[u]), scene::figure_kind(scenario_.units[u].kind), 0),
           unit_draw_count_[u], unit_draw_first_[u]);
      stats_.per_lod[0] += unit_draw_count_[u];
    }
    return;
  }
  for (int block = 0; block < kBlocks; ++block) {
    const auto kit = static_cast<scene::Kit>(block / scene::kFigureKinds);
    const auto kind = static_cast<scene::FigureKind>(block % scene::kFigureKinds);
    for (int lod = 0; lod < scene::kFigureLods; ++lod) {
      const auto bin = static_cast<size_t>(block * kLevels + lod);
      if (bin_count_[bin] == 0) continue;
      draw(figure_index(kit, kind, lod), bin_count_[bin], bin_first_[bin]);
      stats_.per_lod[static_cast<size_t>(lod)] += bin_count_[bin];
    }
  }
}

// Soft ground shadows under the figures drawn as meshes (troop_blob.*; faded out at night).
void TroopPass::draw_ground_shadows(VkCommandBuffer cmd, const VkDescriptorSet sets[2]) {
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, blob_pipeline_.handle());
  vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, blob_pipeline_.layout(), 0, 2, sets, 0, nullptr);
  for (int block = 0; block < kBlocks; ++block) {
    const bool rider = static_cast<scene::FigureKind>(block % scene::kFigureKinds) == scene::FigureKind::Cavalry;
    const shaders::BlobPush blob{rider ? 2.4f : 1.75f, rider ? 0.55f : 0.3f};
    vkCmdPushConstants(cmd, blob_pipeline_.layout(), kPushStages, 0, sizeof(blob), &blob);
    for (int lod = 0; lod < scene::kFigureLods; ++lod) {
      const auto bin = static_cast<size_t>(block * kLevels + lod);
      if (bin_count_[bin] == 0) continue;
      vkCmdDraw(cmd, 6, bin_count_[bin], 0, bin_first_[bin]);
      stats_.triangles += 2ull * bin_count_[bin];
      ++stats_.draws;
    }
  }
}

// The impostor bins: near ones as quads, the farthest as one triangle each.
void TroopPass::draw_impostors(VkCommandBuffer cmd, const VkDescriptorSet sets[2], const Slot& slot) {
  bool bound = false;
  for (int b = 0; b < 2 * kBlocks; ++b) {
    const int block = b % kBlocks;
    const bool far = b >= kBlocks;
    const auto bin = static_cast<size_t>(block * kLevels + (far ? 3 : 2));
    if (bin_count_[bin] == 0) continue;
    if (far && splatted_slot_ >= 0) {  // splatted (renderer/troop_splat.h): resolved after the draws
      stats_.per_lod[2] += bin_count_[bin];
      stats_.splatted += bin_count_[bin];
      continue;
    }
    if (!bound) {
      vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, impostor_pipeline_.get(lit_).handle());
      vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, impostor_pipeline_.get(lit_).layout(), 0, 2, sets,
                              0, nullptr);
      vkCmdBindIndexBuffer(cmd, slot.quads.handle(), 0, VK_INDEX_TYPE_UINT32);
      bound = true;
    }
    const scene::ImpostorFrame frame =
        scene::impostor_frame(static_cast<scene::FigureKind>(block % scene::kFigureKinds));
    shaders::TroopPush push{};
    push.figure = static_cast<std::uint32_t>(block);
    push.mode = (options_.flat ? shaders::kTroopFlat : 0u) | (far ? shaders::kTroopFarTriangle : 0u) |
                (options_.variety ? 0u : shaders::kTroopPlain);
    push.half_size = frame.half_size;
    push.centre_height = frame.centre_height;
    for (std::uint32_t e = 0; e < shaders::kImpostorElevations; ++e)
      push.rect[e] = impostor_rects_[static_cast<size_t>(block)][e];
    vkCmdPushConstants(cmd, impostor_pipeline_.get(lit_).layout(), kPushStages, 0, sizeof(push), &push);
    // Not instanced: lavapipe pays its vertex pipeline's setup once per instance. Figures
    // under kFarPixels: one triangle each (3 vertices, no index), enclosing the quad.
    if (far) {
      vkCmdDraw(cmd, 3 * bin_count_[bin], 1, 3 * bin_first_[bin], 0);
      stats_.triangles += bin_count_[bin];
    } else {
      vkCmdDrawIndexed(cmd, 6 * bin_count_[bin], 1, 0, static_cast<std::int32_t>(4 * bin_first_[bin]), 0);
      stats_.triangles += 2ull * bin_count_[bin];
    }
    stats_.per_lod[2] += bin_count_[bin];
    ++stats_.draws;
  }
}

}  // namespace renderer
