#include "renderer/renderer.h"

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstring>

#include "renderer/atmosphere.h"
#include "renderer/descriptors.h"
#include "renderer/gpu_vertex.h"
#include "renderer/lights.h"
#include "renderer/vk_check.h"
#include "shaders/materials.h"

namespace renderer {

namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

constexpr VkBufferUsageFlags kVertexUsage = VK_BUFFER_USAGE_VERTEX_BUFFER_BIT;
constexpr VkBufferUsageFlags kIndexUsage = VK_BUFFER_USAGE_INDEX_BUFFER_BIT;

void set_viewport(VkCommandBuffer cmd, VkExtent2D extent) {
  const VkViewport viewport{0, 0, static_cast<float>(extent.width), static_cast<float>(extent.height), 0, 1};
  const VkRect2D scissor{{0, 0}, extent};
  vkCmdSetViewport(cmd, 0, 1, &viewport);
  vkCmdSetScissor(cmd, 0, 1, &scissor);
}

VkRenderingAttachmentInfo colour_attachment(VkImageView view, VkClearColorValue clear) {
  VkRenderingAttachmentInfo info{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
  info.imageView = view;
  info.imageLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
  info.loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
  info.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
  info.clearValue.color = clear;
  return info;
}

// A target image at the start of a frame: its contents are not needed (UNDEFINED), but the
// frame before it on the queue may still be reading it (the tonemap samples the HDR image, a
// readback, pick or the viewer's blit copies the id and display images) or writing it. Waiting
// on those stages, and making their writes available, keeps frame N+1 from overwriting an
// image frame N still uses: a GPU runs the two at once, which a CPU driver never showed.
const ImageState kReusedColour{VK_IMAGE_LAYOUT_UNDEFINED,
                               VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT |
                                   VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT | VK_PIPELINE_STAGE_2_COPY_BIT |
                                   VK_PIPELINE_STAGE_2_BLIT_BIT,
                               VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT};
const ImageState kReusedDepth{
    VK_IMAGE_LAYOUT_UNDEFINED,
    VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT,
    VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT};
const ImageState kColourTarget{VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                               VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT, VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT};
const ImageState kSampled{VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                          VK_ACCESS_2_SHADER_SAMPLED_READ_BIT};
// The reflection copy before it is written or named: the last frame's water may still read it.
const ImageState kReflectionStart{VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT, 0};
const ImageState kCopySource{VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                             VK_PIPELINE_STAGE_2_COPY_BIT | VK_PIPELINE_STAGE_2_BLIT_BIT,
                             VK_ACCESS_2_TRANSFER_READ_BIT};

// Begins rendering into the target's HDR, id and depth images: cleared at the start of the
// frame (`clear`), or kept from the opaque world when the pass resumes after the water's copy.
// An empty HDR pixel's alpha is "far": the opaque world writes its distance from the eye there;
// its colour, `empty`.
void begin_scene_pass(VkCommandBuffer cmd, const RenderTarget& target, bool clear, glm::vec3 empty = glm::vec3(0)) {
  if (clear) {
    transition(cmd, target.hdr.handle(), VK_IMAGE_ASPECT_COLOR_BIT, kReusedColour, kColourTarget);
    transition(cmd, target.ids.handle(), VK_IMAGE_ASPECT_COLOR_BIT, kReusedColour, kColourTarget);
    transition(cmd, target.depth.handle(), VK_IMAGE_ASPECT_DEPTH_BIT, kReusedDepth, kDepthAttachment);
  }
  VkRenderingAttachmentInfo colours[] = {
      colour_attachment(target.hdr.view(), {{empty.r, empty.g, empty.b, shaders::kFarDistance}}),
      colour_attachment(target.ids.view(), {.uint32 = {0, 0, 0, 0}})};
  VkRenderingAttachmentInfo depth{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
  depth.imageView = target.depth.view();
  depth.imageLayout = VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL;
  depth.loadOp = clear ? VK_ATTACHMENT_LOAD_OP_CLEAR : VK_ATTACHMENT_LOAD_OP_LOAD;
  depth.storeOp = VK_ATTACHMENT_STORE_OP_STORE;  // the sub-sample path reads it after the frame
  depth.clearValue.depthStencil = {0.0f, 0};     // reverse-Z: 0 is infinitely far
  if (!clear)
    for (VkRenderingAttachmentInfo& c : colours) c.loadOp = VK_ATTACHMENT_LOAD_OP_LOAD;
  VkRenderingInfo pass{VK_STRUCTURE_TYPE_RENDERING_INFO};
  pass.renderArea = {{0, 0}, target.extent};
  pass.layerCount = 1;
  pass.colorAttachmentCount = 2;
  pass.pColorAttachments = colours;
  pass.pDepthAttachment = &depth;
  vkCmdBeginRendering(cmd, &pass);
}

// The opaque world so far, halved, for the water to find reflections in; the HDR image goes
// back to being drawn into.
void copy_for_reflections(VkCommandBuffer cmd, const RenderTarget& target) {
  const ImageState blit_target{VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_BLIT_BIT,
                               VK_ACCESS_2_TRANSFER_WRITE_BIT};
  transition(cmd, target.hdr.handle(), VK_IMAGE_ASPECT_COLOR_BIT, kColourTarget, kCopySource);
  transition(cmd, target.reflection.handle(), VK_IMAGE_ASPECT_COLOR_BIT, kReflectionStart, blit_target);
  const VkExtent2D half = reflection_extent(target.extent);
  VkImageBlit blit{};
  blit.srcSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
  blit.dstSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
  blit.srcOffsets[1] = {static_cast<std::int32_t>(target.extent.width), static_cast<std::int32_t>(target.extent.height),
                        1};
  blit.dstOffsets[1] = {static_cast<std::int32_t>(half.width), static_cast<std::int32_t>(half.height), 1};
  vkCmdBlitImage(cmd, target.hdr.handle(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, target.reflection.handle(),
                 VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &blit, VK_FILTER_LINEAR);
  transition(cmd, target.reflection.handle(), VK_IMAGE_ASPECT_COLOR_BIT, blit_target, kSampled);
  transition(cmd, target.hdr.handle(), VK_IMAGE_ASPECT_COLOR_BIT, kCopySource, kColourTarget);
}

// Reading back from uncached (write-combined) memory is slow on discrete GPUs: prefer cached.
Buffer readback_buffer(const Context& context, VkDeviceSize bytes) {
  try {
    return Buffer(context, bytes, VK_BUFFER_USAGE_TRANSFER_DST_BIT, kHostMemory | VK_MEMORY_PROPERTY_HOST_CACHED_BIT);
  } catch (const VulkanError&) {
    return Buffer(context, bytes, VK_BUFFER_USAGE_TRANSFER_DST_BIT, kHostMemory);
  }
}

// The light in shade: the sky's on an upright face, the dimmer of the faces most of a view
// shows (upward faces get sky_up, more), as luminance.
float shade_luminance(const shaders::FrameUniforms& u) {
  return glm::dot(glm::min(u.sky_side, u.sky_up), glm::vec3(0.2126f, 0.7152f, 0.0722f));
}

// Whether the moon's disc (sky.frag: within 0.0080 rad of its direction, above -0.02) can fall
// in this frame: its direction projected at infinity, with a margin of 0.02 rad.
bool moon_in_view(const shaders::FrameUniforms& u, float fov_deg, float aspect) {
  if (u.moon_direction.y < -0.03f) return false;
  const glm::vec4 clip = u.view_proj * glm::vec4(u.moon_direction, 0.0f);
  if (clip.w <= 0) return false;
  const float margin_y = 0.02f / std::tan(glm::radians(fov_deg) * 0.5f);
  return std::abs(clip.x / clip.w) <= 1 + margin_y / aspect && std::abs(clip.y / clip.w) <= 1 + margin_y;
}

}  // namespace

constexpr float kCloseShotHeight = 300.0f;  // metres above the ground

std::vector<float> shadow_splits(Preset preset) {
  // Interactive: a near cascade for close shots and one for the rest. Film: finer near.
  if (preset == Preset::Film) return {180.0f, 1200.0f};
  return {450.0f};
}

const char* to_string(Pass pass) {
  static constexpr const char* kNames[] = {"shadows", "structures", "works",   "trees", "ground", "water",
                                           "troops",  "sky",        "effects", "bloom", "tonemap"};
  static_assert(std::size(kNames) == static_cast<std::size_t>(Pass::Count));
  return kNames[static_cast<std::size_t>(pass)];
}

Renderer::Renderer(Context& context, const scene::Scenario& scenario)
    : context_(context), scenario_(scenario), world_(scene::build_world(scenario)) {
  ground_ = upload_static(world_.ground.mesh);
  ground_cover_ = ground_cover(world_.ground);
  water_ = upload_static(world_.water);
  structures_ = upload_static(world_.structure_chunks.mesh);
  scene::Mesh camps;
  for (const scene::Mesh& camp : world_.camps) {
    const auto first = static_cast<std::uint32_t>(camps.indices.size());
    camps.append(camp);
    camp_ranges_.push_back({first, static_cast<std::uint32_t>(camps.indices.size()) - first});
    camp_bounds_.push_back(scene::mesh_bounds(camp));
  }
  camps_ = upload_static(camps);
  shadows_ = ShadowMap(context_);
  create_descriptors();
  create_pipelines();
  troops_ = std::make_unique<TroopPass>(context_, scenario_, world_, scene_layout_.get(), kFramesInFlight);
  trees_ = std::make_unique<TreePass>(context_, world_, scene_layout_.get(), kFramesInFlight);
  effects_ = std::make_unique<EffectsPass>(context_, scenario_, scene_layout_.get(), kFramesInFlight);
  bloom_ = std::make_unique<BloomPass>(context_, kFramesInFlight);
  display_lut_ = DisplayLutImage(context_, common::builtin_display_lut());

  VkDevice device = context_.device();
  VkCommandPoolCreateInfo pool{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
  pool.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
  pool.queueFamilyIndex = context_.queue_family();
  VkCommandPool command_pool;
  VK_CHECK(vkCreateCommandPool(device, &pool, nullptr, &command_pool));
  command_pool_ = Unique<VkCommandPool>(device, command_pool);
  VkCommandBufferAllocateInfo alloc{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
  alloc.commandPool = command_pool;
  alloc.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
  alloc.commandBufferCount = 1;
  VK_CHECK(vkAllocateCommandBuffers(device, &alloc, &command_buffer_));
  VkFenceCreateInfo fence_info{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
  VkFence fence;
  VK_CHECK(vkCreateFence(device, &fence_info, nullptr, &fence));
  fence_ = Unique<VkFence>(device, fence);
}

void Renderer::set_display_lut(const common::DisplayLut& lut) {
  DisplayLutImage image(context_, lut);           // checks the table before the old one goes
  VK_CHECK(vkDeviceWaitIdle(context_.device()));  // frames in flight may still read the old one
  display_lut_ = std::move(image);
  display_description_ = lut.description;
}

// The members own their objects; the GPU must be done with them first.
Renderer::~Renderer() { vkDeviceWaitIdle(context_.device()); }

Renderer::GpuMesh Renderer::upload_static(const scene::Mesh& mesh) {
  GpuMesh gpu;
  require_gpu_vertex_support(context_.physical_device());
  if (mesh.empty()) return gpu;
  const VkDeviceSize vbytes = mesh.vertices.size() * sizeof(GpuVertex);
  const VkDeviceSize ibytes = mesh.indices.size() * sizeof(std::uint32_t);
  Buffer staging(context_, vbytes + ibytes, VK_BUFFER_USAGE_TRANSFER_SRC_BIT, kHostMemory);
  pack_vertices(mesh.vertices, static_cast<GpuVertex*>(staging.mapped()));
  std::memcpy(static_cast<char*>(staging.mapped()) + vbytes, mesh.indices.data(), ibytes);
  gpu.vertices =
      Buffer(context_, vbytes, kVertexUsage | VK_BUFFER_USAGE_TRANSFER_DST_BIT, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
  gpu.indices =
      Buffer(context_, ibytes, kIndexUsage | VK_BUFFER_USAGE_TRANSFER_DST_BIT, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
  context_.submit_and_wait([&](VkCommandBuffer cmd) {
    const VkBufferCopy vcopy{0, 0, vbytes}, icopy{vbytes, 0, ibytes};
    vkCmdCopyBuffer(cmd, staging.handle(), gpu.vertices.handle(), 1, &vcopy);
    vkCmdCopyBuffer(cmd, staging.handle(), gpu.indices.handle(), 1, &icopy);
  });
  gpu.index_count = static_cast<std::uint32_t>(mesh.indices.size());
  return gpu;
}

// Per-frame meshes live in host-visible memory of their frame slot; a slot is reused only
// after its fence, so growing them here never frees a buffer the GPU still reads.
void Renderer::upload_dynamic(GpuMesh& gpu, const scene::Mesh& mesh) {
  gpu.index_count = static_cast<std::uint32_t>(mesh.indices.size());
  if (mesh.empty()) return;
  const VkDeviceSize vbytes = mesh.vertices.size() * sizeof(GpuVertex);
  const VkDeviceSize ibytes = mesh.indices.size() * sizeof(std::uint32_t);
  if (!gpu.vertices || gpu.vertices.size() < vbytes)
    gpu.vertices = Buffer(context_, vbytes * 3 / 2, kVertexUsage, kHostMemory);
  if (!gpu.indices || gpu.indices.size() < ibytes)
    gpu.indices = Buffer(context_, ibytes * 3 / 2, kIndexUsage, kHostMemory);
  pack_vertices(mesh.vertices, static_cast<GpuVertex*>(gpu.vertices.mapped()));
  std::memcpy(gpu.indices.mapped(), mesh.indices.data(), ibytes);
}

void Renderer::create_descriptors() {
  VkDevice device = context_.device();
  // Scene set: binding 0 frame uniforms, 1 the key light's shadow map, 3 the sky-view table,
  // 5 and 6 the material layers (albedo detail, normal + roughness).
  // Tonemap set: the HDR image.
  scene_layout_ = create_set_layout(
      device,
      {{0, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, 1, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, nullptr},
       {1, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1, VK_SHADER_STAGE_FRAGMENT_BIT, nullptr},
       {2, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, 1, VK_SHADER_STAGE_FRAGMENT_BIT, nullptr},  // local lights
       {3, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, VK_SHADER_STAGE_FRAGMENT_BIT, nullptr},
       {4, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1, VK_SHADER_STAGE_FRAGMENT_BIT, nullptr},
       {5, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1, VK_SHADER_STAGE_FRAGMENT_BIT, nullptr},
       {6, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1, VK_SHADER_STAGE_FRAGMENT_BIT, nullptr}});
  tonemap_layout_ = create_set_layout(
      device,
      {{0, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1, VK_SHADER_STAGE_FRAGMENT_BIT, nullptr},
       {1, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1, VK_SHADER_STAGE_FRAGMENT_BIT, nullptr},    // bloom
       {2, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1, VK_SHADER_STAGE_FRAGMENT_BIT, nullptr}});  // display table
  pool_ = create_descriptor_pool(device,
                                 {{VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, 2 * kFramesInFlight},
                                  {VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 7 * kFramesInFlight},
                                  {VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, kFramesInFlight}},
                                 2 * kFramesInFlight);
  sampler_ = create_nearest_sampler(device);
  linear_sampler_ = create_linear_sampler(device);
  materials_ = MaterialTextures(context_);

  for (FrameSlot& slot : slots_) {
    slot.uniforms = Buffer(context_, sizeof(shaders::FrameUniforms), VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT, kHostMemory);
    slot.lights = Buffer(context_, sizeof(shaders::LightUniforms), VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT, kHostMemory);
    std::memset(slot.lights.mapped(), 0, sizeof(shaders::LightUniforms));
    slot.scene_set = allocate_set(device, pool_.get(), scene_layout_.get());
    slot.tonemap_set = allocate_set(device, pool_.get(), tonemap_layout_.get());
    const VkDeviceSize sky_bytes = sizeof(glm::vec4) * kSkyViewWidth * kSkyViewHeight;
    slot.sky_view = Buffer(context_, sky_bytes, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, kHostMemory);
    const VkDescriptorBufferInfo uniforms{slot.uniforms.handle(), 0, sizeof(shaders::FrameUniforms)};
    const VkDescriptorImageInfo shadow{shadows_.sampler(), shadows_.view(), VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
    const VkDescriptorBufferInfo lights{slot.lights.handle(), 0, sizeof(shaders::LightUniforms)};
    const VkDescriptorBufferInfo sky{slot.sky_view.handle(), 0, sky_bytes};
    const VkDescriptorImageInfo albedo = materials_.albedo(), normal = materials_.normal_roughness();
    const VkWriteDescriptorSet writes[] = {buffer_write(slot.scene_set, 0, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, uniforms),
                                           image_write(slot.scene_set, 1, shadow),
                                           buffer_write(slot.scene_set, 2, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, lights),
                                           buffer_write(slot.scene_set, 3, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, sky),
                                           image_write(slot.scene_set, 5, albedo),
                                           image_write(slot.scene_set, 6, normal)};
    vkUpdateDescriptorSets(device, 6, writes, 0, nullptr);
  }
}

void Renderer::create_pipelines() {
  VkDevice device = context_.device();
  PipelineDesc world;
  world.vertex_shader = "world.vert";
  world.fragment_shader = "world.frag";
  world.world_vertices = true;
  world.color_formats = {kHdrFormat, kIdFormat};
  world.depth_format = kDepthFormat;
  world.depth_test = world.depth_write = true;
  world.cull = VK_CULL_MODE_BACK_BIT;
  world.set_layouts = {scene_layout_.get()};
  world.constants = {1};  // receives shadows
  world_desc_ = world;
  // The ground with shadows, clear weather, seen from afar: what most frames draw, built now.
  world_variants(Surface::Ground, true, MaterialDetail::None);

  PipelineDesc water = world;
  water.fragment_shader = "water.frag";
  water.cull = VK_CULL_MODE_NONE;
  water.constants = {1};
  water_pipeline_ = LightVariants(device, water);
  water.constants = {0};  // the interactive preset: the sky alone, no march through the copy
  water_sky_only_pipeline_ = LightVariants(device, water);

  // The sky is drawn last, only where nothing nearer has written depth.
  PipelineDesc sky = world;
  sky.vertex_shader = "fullscreen.vert";
  sky.fragment_shader = "sky.frag";
  sky.world_vertices = false;
  sky.depth_write = false;
  sky.cull = VK_CULL_MODE_NONE;
  sky.constants = {};
  sky_desc_ = sky;
  // Falling snow or rain: over the scene, behind what stands within a few tens of metres.
  PipelineDesc falling = sky;
  falling.fragment_shader = "precipitation.frag";
  falling.blend = true;
  falling.depth_test = true;
  precipitation_pipeline_ = Pipeline(device, falling);

  PipelineDesc tonemap;
  tonemap.vertex_shader = "fullscreen.vert";
  tonemap.fragment_shader = "tonemap.frag";
  tonemap.color_formats = {kDisplayFormat};
  tonemap.set_layouts = {tonemap_layout_.get()};
  tonemap.push_constant_bytes = sizeof(shaders::TonemapPush);
  tonemap.constants = {0};
  tonemap_pipeline_ = Pipeline(device, tonemap);
  tonemap.constants = {1};
  tonemap_bloom_pipeline_ = Pipeline(device, tonemap);
}

void Renderer::bind(VkCommandBuffer cmd, const GpuMesh& mesh) {
  const VkDeviceSize offset = 0;
  const VkBuffer vb = mesh.vertices.handle();
  vkCmdBindVertexBuffers(cmd, 0, 1, &vb, &offset);
  vkCmdBindIndexBuffer(cmd, mesh.indices.handle(), 0, VK_INDEX_TYPE_UINT32);
}

void Renderer::draw(VkCommandBuffer cmd, const GpuMesh& mesh) {
  if (mesh.index_count == 0 || !options_.world) return;
  bind(cmd, mesh);
  vkCmdDrawIndexed(cmd, mesh.index_count, 1, 0, 0, 0);
  stats_.triangles += mesh.index_count / 3;
}

void Renderer::draw_camps(VkCommandBuffer cmd, const scene::Snapshot& snapshot) {
  if (camps_.index_count == 0 || !options_.world) return;
  bind(cmd, camps_);
  for (std::size_t i = 0; i < camp_ranges_.size(); ++i) {
    if (i < snapshot.camp_present.size() && !snapshot.camp_present[i]) continue;
    vkCmdDrawIndexed(cmd, camp_ranges_[i].count, 1, camp_ranges_[i].first, 0, 0);
    stats_.triangles += camp_ranges_[i].count / 3;
  }
}

// world.frag's builds for this frame: for what stands or for the ground (constant 4), with or
// without the shadow lookup, with as much material detail as `detail` (constant 3), and, when
// the weather lies on the ground (snow, frost, wet), the build that draws it (constant 2),
// each made the first time it is needed: a CPU driver runs that code for every pixel even
// when a uniform or the object says no.
LightVariants& Renderer::world_variants(Surface surface, bool shadowed, MaterialDetail detail) {
  const bool ground = surface == Surface::Ground;
  const auto level = static_cast<std::uint32_t>(detail);
  std::optional<LightVariants>& variants = world_variants_[ground][shadowed][weathered_][level];
  if (!variants) {
    PipelineDesc desc = world_desc_;
    desc.constants = {shadowed ? 1u : 0u, 0u, weathered_ ? 1u : 0u, level, ground ? 1u : 0u};
    variants.emplace(context_.device(), desc);
  }
  return *variants;
}

// Every scene pipeline shares the scene set's layout: the one of the build made first.
VkPipelineLayout Renderer::scene_pipeline_layout() const { return world_variants_[1][1][0][0]->unlit().layout(); }

const Pipeline& Renderer::sky_pipeline() {
  std::optional<Pipeline>& pipeline = sky_variants_[sky_shows_[0]][sky_shows_[1]][sky_shows_[2]];
  if (!pipeline) {
    PipelineDesc desc = sky_desc_;
    desc.constants = {sky_shows_[0] ? 1u : 0u, sky_shows_[1] ? 1u : 0u, sky_shows_[2] ? 1u : 0u};
    pipeline.emplace(context_.device(), desc);
  }
  return *pipeline;
}

void Renderer::draw_structures(VkCommandBuffer cmd, const glm::mat4* view_proj, float shadow_texel_m,
                               std::optional<MaterialDetail> detail) {
  if (structures_.index_count == 0 || !options_.world) return;
  bind(cmd, structures_);
  const std::vector<scene::StructureChunk>& chunks = world_.structure_chunks.chunks;
  for (std::size_t i = 0; i < chunks.size() && i < structure_levels_.size(); ++i) {
    if (detail && (i >= structure_detail_.size() || structure_detail_[i] != *detail)) continue;
    if (view_proj && !scene::box_in_frustum(*view_proj, chunks[i].min, chunks[i].max)) continue;
    // A shadow map texel wider than a level's error cannot show it: the coarsest such level.
    int level = structure_levels_[i];
    while (shadow_texel_m > 0 && level + 1 < scene::StructureChunk::kLevels &&
           chunks[i].error_m[static_cast<std::size_t>(level + 1)] <= shadow_texel_m)
      ++level;
    const scene::IndexRange range = chunks[i].levels[static_cast<std::size_t>(level)];
    vkCmdDrawIndexed(cmd, range.count, 1, range.first, 0, 0);
    stats_.triangles += range.count / 3;
  }
}

void Renderer::draw_terrain(VkCommandBuffer cmd, const scene::Camera& camera, const glm::mat4& view_proj,
                            float pixel_angle, const std::vector<std::uint8_t>& shadowed) {
  const scene::TerrainChunks& terrain = world_.ground;
  if (ground_.index_count == 0 || !options_.world) return;
  bind(cmd, ground_);
  // Near chunks first, which hide more of the far ones.
  for (const MaterialDetail detail : {MaterialDetail::Textures, MaterialDetail::Courses, MaterialDetail::None}) {
    for (const std::uint8_t pass : {1, 0}) {
      bool bound = false;
      for (std::size_t i = 0; i < terrain.chunks.size(); ++i) {
        const scene::TerrainChunk& chunk = terrain.chunks[i];
        if ((i < shadowed.size() ? shadowed[i] : 1) != pass ||
            (i < terrain_detail_.size() ? terrain_detail_[i] : MaterialDetail::None) != detail ||
            !scene::box_in_frustum(view_proj, chunk.min, chunk.max))
          continue;
        if (!bound)
          vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS,
                            world_variants(Surface::Ground, pass != 0, detail).get(lit_).handle());
        bound = true;
        const scene::IndexRange range = chunk.levels[scene::terrain_level(terrain, i, camera.position, pixel_angle)];
        vkCmdDrawIndexed(cmd, range.count, 1, range.first, 0, 0);
        stats_.triangles += range.count / 3;
      }
    }
  }
  // The skirt lies far out, past any detail.
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS,
                    world_variants(Surface::Ground, false, MaterialDetail::None).get(lit_).handle());
  vkCmdDrawIndexed(cmd, terrain.horizon.count, 1, terrain.horizon.first, 0, 0);
  stats_.triangles += terrain.horizon.count / 3;
}

void Renderer::record(VkCommandBuffer cmd, std::uint32_t slot_index, RenderTarget& target,
                      const scene::Snapshot& snapshot, const scene::Camera& camera) {
  const bool bloom = record_hdr(cmd, slot_index, target, snapshot, camera);
  const auto start = Clock::now();
  record_tonemap_pass(cmd, slots_[slot_index % kFramesInFlight], target, bloom, tonemap_exposure());
  if (options_.overlay) options_.overlay(cmd, target, snapshot);

  transition(cmd, target.display.handle(), VK_IMAGE_ASPECT_COLOR_BIT, kColourTarget, kCopySource);
  transition(cmd, target.ids.handle(), VK_IMAGE_ASPECT_COLOR_BIT, kColourTarget, kCopySource);
  stats_.record_ms += ms_since(start);
}

// Everything up to the tonemap: shadows, the scene into the HDR/id/depth images, the bloom.
// Leaves hdr sampled, ids and depth as attachments, and says whether the bloom chain ran.
bool Renderer::record_hdr(VkCommandBuffer cmd, std::uint32_t slot_index, RenderTarget& target,
                          const scene::Snapshot& snapshot, const scene::Camera& lens_camera) {
  FrameSlot& slot = slots_[slot_index % kFramesInFlight];
  // A shot's focal length sets the field of view for this frame's shape.
  const scene::Camera camera = scene::with_lens_fov(
      lens_camera, static_cast<float>(target.extent.width) / static_cast<float>(target.extent.height));
  slot.retired.clear();  // the caller waited for this slot's fence: what it retired is free
  stats_ = {};

  auto start = Clock::now();
  const scene::DynamicMeshes dynamic =
      scene::build_dynamic(scenario_, world_, snapshot, camera.position, /*with_camps=*/false);
  // Where on the ground a shadow can fall this frame: the structures' and what stands today.
  scene::CasterHeights casters = world_.static_casters;
  if (world_.heightfield) scene::add_casters(casters, world_.ground, *world_.heightfield, dynamic.solids);
  stats_.build_ms = ms_since(start);
  start = Clock::now();
  upload_dynamic(slot.dynamic_solids, dynamic.solids);
  upload_dynamic(slot.dynamic_water, dynamic.water);

  const VkExtent2D extent = target.extent;
  const float aspect = static_cast<float>(extent.width) / static_cast<float>(extent.height);
  shaders::FrameUniforms uniforms = atmosphere_.frame_uniforms(snapshot, camera, aspect, world_.sky);
  if (!options_.adapt_exposure) uniforms.exposure = options_.exposure;
  weathered_ = uniforms.snow_cover > 0 || uniforms.frost > 0 || uniforms.wetness > 0;
  sky_shows_ = {uniforms.star_brightness > 0, moon_in_view(uniforms, camera.fov_deg, aspect),
                uniforms.cloud_cover > 0.02f && uniforms.cloud_cover < 0.98f};
  if (slot.sky_version != atmosphere_.sky_version()) {
    const std::vector<glm::vec4>& table = atmosphere_.sky_view();
    std::memcpy(slot.sky_view.mapped(), table.data(), table.size() * sizeof(glm::vec4));
    slot.sky_version = atmosphere_.sky_version();
  }
  // The interactive preset's near cascade is for close shots: from a few hundred metres up it
  // would redraw every caster for shadows a pixel or two wide.
  std::vector<float> splits = shadow_splits(options_.preset);
  const float above_ground =
      camera.position.y - (world_.heightfield ? world_.heightfield->height({camera.position.x, camera.position.z}) : 0);
  if (options_.preset == Preset::Interactive && above_ground > kCloseShotHeight) splits.clear();
  sky_rows_ = options_.world && drawn(Pass::Ground)
                  ? sky_rows(uniforms.inv_view_proj, camera.position, camera.position.y - above_ground, extent.width,
                             extent.height, ground_cover_)
                  : extent.height;
  stats_.sky_rows = sky_rows_;
  // Below the sky's rows a pixel the ground missed (it has no holes, test_sky_rows.cpp) would
  // show the cleared colour: the haze on the horizon ahead, as the sky there nearly is
  // (common.glsl's horizon_colour), not black.
  empty_colour_ = horizon_colour(uniforms, camera.target - camera.position) * uniforms.exposure;
  // Material detail by how near things come (material_reach.h): each chunk of the world at
  // its own, the works and the camps standing each as a whole.
  const float pixel_angle = 2.0f * std::tan(glm::radians(camera.fov_deg) * 0.5f) / static_cast<float>(extent.height);
  material_reach_ = material_reach(camera, aspect, extent.height, uniforms.snow_cover > 0);
  const auto detail_of = [&](const scene::Bounds& box, bool standing) {
    return options_.materials && box.valid() ? material_detail(material_reach_, box.min, box.max, standing)
                                             : MaterialDetail::None;
  };
  works_detail_ = detail_of(scene::mesh_bounds(dynamic.solids), true);
  camps_detail_ = MaterialDetail::None;
  for (std::size_t i = 0; i < camp_bounds_.size(); ++i)
    if (i >= snapshot.camp_present.size() || snapshot.camp_present[i])
      camps_detail_ = std::max(camps_detail_, detail_of(camp_bounds_[i], true));
  ShadowFit shadow =
      ShadowMap::fit(uniforms.sun_direction, camera, aspect, world_.casters_min, world_.casters_max, splits);
  // The viewer's kept shadow map (kept_shadows.h): this frame samples it if it covers this
  // frame's fit; else it draws one for a wider fit, which the next frames may keep.
  std::uint64_t casters_key = 0xcbf29ce484222325ull;
  for (const bool present : snapshot.camp_present) casters_key = (casters_key ^ (present ? 2u : 1u)) * 0x100000001b3ull;
  const bool shadows_kept = options_.reuse_shadows &&
                            kept_shadows_.serves(shadow, uniforms.sun_direction, snapshot.presentation_s, casters_key);
  if (shadows_kept)
    shadow = kept_shadows_.fit();
  else if (options_.reuse_shadows)
    shadow = ShadowMap::fit(uniforms.sun_direction, camera, aspect, world_.casters_min, world_.casters_max, splits,
                            KeptShadows::kMargin);
  else
    kept_shadows_.forget();
  stats_.shadows_kept = shadows_kept;
  uniforms.shadow_cascades = static_cast<std::uint32_t>(shadow.cascades.size());
  for (size_t i = 0; i < shadow.cascades.size(); ++i) {
    uniforms.shadow_view_proj[i] = shadow.cascades[i].view_proj;
    uniforms.shadow_far_m[static_cast<int>(i)] = shadow.cascades[i].far_m;
    uniforms.shadow_texel_m[static_cast<int>(i)] = shadow.cascades[i].texel_m;
  }
  uniforms.terrain_object = world_.terrain;  // the ground gets per-pixel detail
  std::memcpy(slot.uniforms.mapped(), &uniforms, sizeof(uniforms));
  const shaders::LightUniforms lights =
      select_lights(snapshot.lights, uniforms.view_proj, camera.position, extent.width, extent.height, uniforms.time_s,
                    options_.world ? options_.max_lights : 0, shade_luminance(uniforms), options_.light_floor);
  std::memcpy(slot.lights.mapped(), &lights, sizeof(lights));
  stats_.lights = lights.count;
  for (std::uint32_t t = 0; t < shaders::kLightTiles; ++t)
    stats_.light_tiles += static_cast<std::uint32_t>(std::popcount(tile_mask(lights, t)));
  lit_ = lights.count > 0;
  if (std::shared_ptr<void> old = bloom_->resize(extent)) retire(slot_index, std::move(old));
  const auto troops_start = Clock::now();
  troops_->prepare(slot_index, snapshot, camera, extent);
  effects_->prepare(slot_index, snapshot, camera.position);
  trees_->prepare(slot_index, camera, extent, snapshot.day);
  stats_.troops_ms = ms_since(troops_start);
  write_tonemap_set(slot, target);

  // The structures' levels, for the camera: the shadow pass draws the same.
  structure_levels_.resize(world_.structure_chunks.chunks.size());
  structure_detail_.resize(structure_levels_.size());
  for (std::size_t i = 0; i < structure_levels_.size(); ++i) {
    const scene::StructureChunk& chunk = world_.structure_chunks.chunks[i];
    structure_levels_[i] = static_cast<std::uint8_t>(scene::structure_level(chunk, camera.position, pixel_angle));
    structure_detail_[i] = detail_of({chunk.min, chunk.max}, true);
  }
  terrain_detail_.resize(world_.ground.chunks.size());
  for (std::size_t i = 0; i < terrain_detail_.size(); ++i)
    terrain_detail_[i] = detail_of({world_.ground.chunks[i].min, world_.ground.chunks[i].max}, false);
  // A still camera over a world that has not changed: last frame's world, without its shadows.
  const std::uint64_t settings = (options_.world ? 1u : 0u) | (options_.materials ? 2u : 0u) |
                                 (static_cast<std::uint64_t>(options_.preset) << 2) |
                                 (static_cast<std::uint64_t>(options_.max_lights) << 8);
  StillWorldInputs still{};
  if (options_.still_world)
    still = still_world_inputs(uniforms, lights, snapshot.presentation_s, snapshot.camp_present, extent, settings);
  const bool keep = options_.still_world && still_world_.should_keep(still);
  const WorldLayer layer = options_.still_world && still_world_.holds(still) ? WorldLayer::Restore
                           : keep                                            ? WorldLayer::DrawAndKeep
                                                                             : WorldLayer::Draw;
  stats_.still_world = layer == WorldLayer::Restore;
  std::vector<std::uint8_t> shadowed;
  // The works drawn over a kept world are lit through the shadow map: it must be this
  // camera's, so a frame that drew another since the world was kept draws it again. With the
  // map kept (reuse_shadows), the uniforms name the kept fit or a new one, which is drawn.
  if (!shadows_kept && (layer != WorldLayer::Restore || !shadows_as_kept_ || options_.reuse_shadows) &&
      drawn(Pass::Shadows)) {
    record_shadow_pass(cmd, slot, snapshot, shadow);
    if (options_.reuse_shadows)
      kept_shadows_.keep(shadow, uniforms.sun_direction, snapshot.presentation_s, casters_key);
  }
  shadows_as_kept_ = layer != WorldLayer::Draw;
  if (layer != WorldLayer::Restore)
    shadowed = shadow.enabled() ? scene::shadowed_chunks(world_.ground, casters, uniforms.sun_direction)
                                : std::vector<std::uint8_t>(world_.ground.chunks.size(), 0);
  // Far figures: splatted by compute before the scene pass, resolved in it (troop_splat.h).
  if (drawn(Pass::Troops)) troops_->splat(cmd, slot_index, uniforms.view_proj);
  record_scene_pass(cmd, slot_index, target, snapshot, camera, uniforms.view_proj, shadowed, layer, still);
  transition(cmd, target.hdr.handle(), VK_IMAGE_ASPECT_COLOR_BIT, kColourTarget, kSampled);
  // Bloom where something glows: flames, fire arrows, local lights. Without them nothing a
  // frame shows is far above the threshold but the sun's disc, and the chain and the
  // tonemap's extra sample per pixel cost a CPU driver more than that halo is worth.
  const bool bloom = options_.world && options_.bloom_strength > 0 && (effects_->emissive() > 0 || lights.count > 0);
  stats_.bloom = bloom;
  if (bloom && drawn(Pass::Bloom))
    bloom_->record(cmd, slot_index, target.hdr.view(), tonemap_exposure(), options_.bloom_threshold);
  else
    bloom_->skip(cmd);
  stats_.record_ms = ms_since(start);
  return bloom;
}

// The tonemap pass reads this frame's HDR image and its bloom; the water, the HDR's copy for
// reflections.
void Renderer::write_tonemap_set(FrameSlot& slot, const RenderTarget& target) {
  const VkDescriptorImageInfo hdr_info{sampler_.get(), target.hdr.view(), VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
  const VkDescriptorImageInfo bloom_info{bloom_->sampler(), bloom_->output(), VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
  const VkDescriptorImageInfo reflection_info{linear_sampler_.get(), target.reflection.view(),
                                              VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
  const VkDescriptorImageInfo lut_info{linear_sampler_.get(), display_lut_.view(),
                                       VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
  const VkWriteDescriptorSet writes[] = {
      image_write(slot.tonemap_set, 0, hdr_info), image_write(slot.tonemap_set, 1, bloom_info),
      image_write(slot.tonemap_set, 2, lut_info), image_write(slot.scene_set, 4, reflection_info)};
  vkUpdateDescriptorSets(context_.device(), 4, writes, 0, nullptr);
}

// What stands on the ground, seen from the sun; its triangles count apart.
void Renderer::record_shadow_pass(VkCommandBuffer cmd, FrameSlot& slot, const scene::Snapshot& snapshot,
                                  const ShadowFit& shadow) {
  const std::uint64_t before_shadows = stats_.triangles;
  std::size_t cascade = 0;
  const auto slot_index = static_cast<std::uint32_t>(&slot - slots_.data());
  shadows_.record(cmd, shadow, [&](VkCommandBuffer c) {
    // The cascade's box reaches towards the light past every caster (ShadowMap::fit): what
    // lies outside it across the light cannot shadow anything in it.
    const ShadowCascade& k = shadow.cascades[cascade];
    draw_structures(c, &k.view_proj, k.texel_m);
    draw(c, slot.dynamic_solids);
    draw_camps(c, snapshot);
    if (options_.world) trees_->draw_shadow(c, slot_index, k.view_proj);
    ++cascade;
  });
  stats_.shadow_triangles = stats_.triangles - before_shadows + trees_->stats().shadow_triangles;
  stats_.triangles = before_shadows;
}

// The opaque world into a freshly cleared scene pass, left open: structures, siege works,
// camps, trees and the ground.
void Renderer::record_opaque_world(VkCommandBuffer cmd, std::uint32_t slot_index, const RenderTarget& target,
                                   const scene::Camera& camera, const glm::mat4& view_proj,
                                   const std::vector<std::uint8_t>& shadowed, const scene::Snapshot& snapshot) {
  FrameSlot& slot = slots_[slot_index % kFramesInFlight];
  begin_scene_pass(cmd, target, true, empty_colour_);
  set_viewport(cmd, target.extent);
  vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, scene_pipeline_layout(), 0, 1, &slot.scene_set, 0,
                          nullptr);
  // Near and tall first: less hidden ground shaded.
  for (const MaterialDetail detail : {MaterialDetail::Textures, MaterialDetail::Courses, MaterialDetail::None}) {
    if (!drawn(Pass::Structures) ||
        std::find(structure_detail_.begin(), structure_detail_.end(), detail) == structure_detail_.end())
      continue;
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS,
                      world_variants(Surface::Standing, true, detail).get(lit_).handle());
    draw_structures(cmd, &view_proj, 0, detail);
  }
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS,
                    world_variants(Surface::Standing, true, camps_detail_).get(lit_).handle());
  if (drawn(Pass::Works)) draw_camps(cmd, snapshot);
  if (options_.world && drawn(Pass::Trees)) {  // trees and reeds (renderer/trees.h), before the ground they hide
    trees_->draw(cmd, slot_index, slot.scene_set, lit_);
    stats_.tree_triangles = trees_->stats().triangles;
    stats_.triangles += stats_.tree_triangles;
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, scene_pipeline_layout(), 0, 1, &slot.scene_set, 0,
                            nullptr);
  }
  if (drawn(Pass::Ground))
    draw_terrain(cmd, camera, view_proj, glm::radians(camera.fov_deg) / static_cast<float>(target.extent.height),
                 shadowed);
}

// HDR radiance and object ids, reverse-Z depth: the world, the soldiers, the sky, the effects.
void Renderer::record_scene_pass(VkCommandBuffer cmd, std::uint32_t slot_index, const RenderTarget& target,
                                 const scene::Snapshot& snapshot, const scene::Camera& camera,
                                 const glm::mat4& view_proj, const std::vector<std::uint8_t>& shadowed,
                                 WorldLayer world_layer, const StillWorldInputs& still) {
  FrameSlot& slot = slots_[slot_index % kFramesInFlight];
  // Without reflections the copy is never made, but the water's descriptor still names it:
  // give it a readable layout (its contents are never read).
  if (options_.preset != Preset::Film)
    transition(cmd, target.reflection.handle(), VK_IMAGE_ASPECT_COLOR_BIT, kReflectionStart, kSampled);
  if (world_layer == WorldLayer::Restore) {
    still_world_.restore(cmd, target);
    begin_scene_pass(cmd, target, false);
    set_viewport(cmd, target.extent);
  } else {
    record_opaque_world(cmd, slot_index, target, camera, view_proj, shadowed, snapshot);
    if (world_layer == WorldLayer::DrawAndKeep) {
      vkCmdEndRendering(cmd);
      still_world_.keep(context_, cmd, target, still);
      begin_scene_pass(cmd, target, false);
      set_viewport(cmd, target.extent);
    }
  }
  if (slot.dynamic_solids.index_count > 0 && options_.world && drawn(Pass::Works)) {
    // The siege works move or grow from frame to frame: after the opaque world that stands,
    // which a still camera keeps (still_world.h), so that a kept frame and one drawn whole
    // draw them in the same order on any device.
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS,
                      world_variants(Surface::Standing, true, works_detail_).get(lit_).handle());
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, scene_pipeline_layout(), 0, 1, &slot.scene_set, 0,
                            nullptr);
    draw(cmd, slot.dynamic_solids);
  }
  // The film preset's water reflects the world: it needs a copy of what is drawn so far.
  const bool reflections = options_.preset == Preset::Film;
  if (reflections) {
    vkCmdEndRendering(cmd);
    copy_for_reflections(cmd, target);
    begin_scene_pass(cmd, target, false);
    set_viewport(cmd, target.extent);
  }
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS,
                    (reflections ? water_pipeline_ : water_sky_only_pipeline_).get(lit_).handle());
  vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, scene_pipeline_layout(), 0, 1, &slot.scene_set, 0,
                          nullptr);
  if (drawn(Pass::Water)) {
    draw(cmd, water_);
    draw(cmd, slot.dynamic_water);
  }
  if (drawn(Pass::Troops)) troops_->draw(cmd, slot_index, slot.scene_set, lit_);
  stats_.soldiers_drawn = troops_->stats().drawn;
  stats_.troop_triangles = troops_->stats().triangles;
  stats_.triangles += troops_->stats().triangles + (options_.world ? effects_->triangles() : 0);
  vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, scene_pipeline_layout(), 0, 1, &slot.scene_set, 0,
                          nullptr);
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, sky_pipeline().handle());
  if (options_.world && drawn(Pass::Sky) && sky_rows_ > 0) {
    // Only the rows above the ground's cover (sky_rows.h).
    const VkRect2D above{{0, 0}, {target.extent.width, sky_rows_}};
    vkCmdSetScissor(cmd, 0, 1, &above);
    vkCmdDraw(cmd, 3, 1, 0, 0);
    set_viewport(cmd, target.extent);
  }
  stats_.triangles += 1;
  // Smoke and dust last: blended over everything opaque, the sky included.
  if (options_.world && drawn(Pass::Effects)) effects_->draw(cmd, slot_index, slot.scene_set, lit_);
  if (options_.world && drawn(Pass::Effects) && snapshot.weather.precipitation != scene::Precipitation::None &&
      snapshot.weather.precipitation_rate > 0) {
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, precipitation_pipeline_.handle());
    vkCmdDraw(cmd, 3, 1, 0, 0);
  }
  vkCmdEndRendering(cmd);
}

// HDR -> the 8-bit display image; `exposure` multiplies what the tonemap set's image holds.
void Renderer::record_tonemap_pass(VkCommandBuffer cmd, const FrameSlot& slot, const RenderTarget& target, bool bloom,
                                   float exposure) {
  const Pipeline& pipeline = bloom ? tonemap_bloom_pipeline_ : tonemap_pipeline_;
  transition(cmd, target.display.handle(), VK_IMAGE_ASPECT_COLOR_BIT, kReusedColour, kColourTarget);
  const VkRenderingAttachmentInfo display = colour_attachment(target.display.view(), {{0, 0, 0, 1}});
  VkRenderingInfo post{VK_STRUCTURE_TYPE_RENDERING_INFO};
  post.renderArea = {{0, 0}, target.extent};
  post.layerCount = 1;
  post.colorAttachmentCount = 1;
  post.pColorAttachments = &display;
  vkCmdBeginRendering(cmd, &post);
  set_viewport(cmd, target.extent);
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline.handle());
  vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline.layout(), 0, 1, &slot.tonemap_set, 0, nullptr);
  const shaders::TonemapPush push{exposure, bloom ? options_.bloom_strength : 0.0f,
                                  static_cast<float>(display_lut_.size()), display_lut_.log2_min(),
                                  display_lut_.log2_max()};
  vkCmdPushConstants(cmd, pipeline.layout(), VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(push),
                     &push);
  if (drawn(Pass::Tonemap)) vkCmdDraw(cmd, 3, 1, 0, 0);
  vkCmdEndRendering(cmd);
}

// The headless target and its readback buffers for frames of `extent`; with `linear`, also
// those of the linear frame's depth and sum (render_samples.cpp).
void Renderer::ensure_offscreen(VkExtent2D extent, bool linear) {
  const VkDeviceSize pixels = static_cast<VkDeviceSize>(extent.width) * extent.height;
  if (!offscreen_ || offscreen_->extent.width != extent.width || offscreen_->extent.height != extent.height) {
    offscreen_ = std::make_unique<RenderTarget>(context_, extent);
    readback_rgba_ = readback_buffer(context_, pixels * 4);
    readback_ids_ = readback_buffer(context_, pixels * 4);
    readback_depth_ = Buffer();
    readback_sum_ = Buffer();
  }
  if (linear && !readback_sum_) {
    readback_depth_ = readback_buffer(context_, pixels * 4);
    readback_sum_ = readback_buffer(context_, pixels * 16);
  }
}

VkCommandBuffer Renderer::begin_headless() {
  VK_CHECK(vkResetCommandBuffer(command_buffer_, 0));
  VkCommandBufferBeginInfo begin{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
  begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
  VK_CHECK(vkBeginCommandBuffer(command_buffer_, &begin));
  return command_buffer_;
}

// The copies to host buffers made visible to the host, then submit and wait; the wait in ms.
double Renderer::submit_headless() {
  make_copies_visible_to_host(command_buffer_);
  VK_CHECK(vkEndCommandBuffer(command_buffer_));

  const auto start = Clock::now();
  VkCommandBufferSubmitInfo cmd_info{VK_STRUCTURE_TYPE_COMMAND_BUFFER_SUBMIT_INFO};
  cmd_info.commandBuffer = command_buffer_;
  VkSubmitInfo2 submit{VK_STRUCTURE_TYPE_SUBMIT_INFO_2};
  submit.commandBufferInfoCount = 1;
  submit.pCommandBufferInfos = &cmd_info;
  VK_CHECK(vkResetFences(context_.device(), 1, fence_.address()));
  VK_CHECK(vkQueueSubmit2(context_.queue(), 1, &submit, fence_.get()));
  VK_CHECK(vkWaitForFences(context_.device(), 1, fence_.address(), VK_TRUE, UINT64_MAX));
  return ms_since(start);
}

FrameImage Renderer::render(const scene::Snapshot& snapshot, const scene::Camera& camera, VkExtent2D extent,
                            bool with_ids) {
  ensure_offscreen(extent);
  VkCommandBuffer cmd = begin_headless();
  record(cmd, 0, *offscreen_, snapshot, camera);

  copy_image_to_buffer(cmd, offscreen_->display.handle(), VK_IMAGE_ASPECT_COLOR_BIT, extent, readback_rgba_.handle());
  if (with_ids)
    copy_image_to_buffer(cmd, offscreen_->ids.handle(), VK_IMAGE_ASPECT_COLOR_BIT, extent, readback_ids_.handle());
  stats_.gpu_ms = submit_headless();

  const auto read_start = Clock::now();
  FrameImage image;
  image.width = extent.width;
  image.height = extent.height;
  const size_t pixels = static_cast<size_t>(extent.width) * extent.height;
  image.rgba.resize(pixels * 4);
  std::memcpy(image.rgba.data(), readback_rgba_.mapped(), pixels * 4);
  if (with_ids) {
    image.ids.resize(pixels);
    std::memcpy(image.ids.data(), readback_ids_.mapped(), pixels * 4);
  }
  stats_.readback_ms = ms_since(read_start);
  return image;
}

}  // namespace renderer
