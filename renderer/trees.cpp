#include "renderer/trees.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>

#include "renderer/descriptors.h"
#include "renderer/gpu_vertex.h"
#include "renderer/target.h"
#include "renderer/upload.h"
#include "scene/model/material.h"
#include "scene/sim/season.h"
#include "scene/world/terrain_chunks.h"

namespace renderer {

namespace {

constexpr float kCellSize = 250.0f;  // metres: the unit of culling
// A tree taller on screen than this many pixels gets the near mesh; above kMidPixels the mid
// mesh; below, an impostor; reeds under kReedsPixels are not drawn at all.
constexpr float kNearPixels = 90.0f;
constexpr float kMidPixels = 28.0f;
constexpr float kReedsPixels = 1.5f;
constexpr VkShaderStageFlags kStages = VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT;

static_assert(scene::kTreeKindCount == static_cast<int>(shaders::kTreeKinds));
static_assert(static_cast<std::uint32_t>(scene::TreeKind::Reeds) == shaders::kTreeKindReeds);
static_assert(static_cast<std::uint32_t>(scene::TreeKind::Willow) == shaders::kTreeKindWillow);
static_assert(static_cast<std::uint32_t>(scene::Material::Leaves) == shaders::kMaterialLeaves);
static_assert(static_cast<std::uint32_t>(scene::Material::Reeds) == shaders::kMaterialReeds);

shaders::TreeGpuInstance pack(const scene::TreeInstance& t) {
  return {t.base.x, t.base.y, t.base.z, t.yaw, t.scale, t.object, t.seed, static_cast<std::uint32_t>(t.kind)};
}

// The impostor's outline of a kind: the willow's curtain hangs below its crown, so its
// silhouette reaches lower than the mesh's crown ellipsoid.
shaders::TreeKindShape kind_shape(scene::TreeKind kind) {
  const scene::TreeShape s = scene::tree_shape(kind);
  float centre = s.crown_centre, vertical = s.crown_half_height;
  if (kind == scene::TreeKind::Willow) centre -= 0.6f, vertical += 0.9f;
  return {glm::vec4(centre, s.crown_radius, vertical, s.height), glm::vec4(s.leaves, s.trunk_radius),
          glm::vec4(s.bark, 0.0f)};
}

}  // namespace

TreePass::TreePass(Context& context, const scene::World& world, VkDescriptorSetLayout scene_layout,
                   std::uint32_t frames)
    : context_(context) {
  build_cells(world);
  upload_meshes();
  VkDevice device = context_.device();
  layout_ = create_set_layout(device, {{0, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, kStages, nullptr},
                                       {1, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, kStages, nullptr}});
  pool_ = create_descriptor_pool(device, {{VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 2 * frames}}, frames);
  create_pipelines(scene_layout);
  const VkDeviceSize bytes = std::max<std::size_t>(instances_.size(), 1) * sizeof(shaders::TreeGpuInstance);
  slots_.resize(frames);
  for (Slot& slot : slots_) {
    slot.instances = Buffer(context_, bytes, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, kHostMemory);
    slot.set = allocate_set(device, pool_.get(), layout_.get());
    const VkDescriptorBufferInfo instances{slot.instances.handle(), 0, VK_WHOLE_SIZE};
    const VkDescriptorBufferInfo kinds{kinds_.handle(), 0, VK_WHOLE_SIZE};
    const VkWriteDescriptorSet writes[] = {buffer_write(slot.set, 0, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, instances),
                                           buffer_write(slot.set, 1, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, kinds)};
    vkUpdateDescriptorSets(device, 2, writes, 0, nullptr);
  }
}

TreePass::~TreePass() { vkDeviceWaitIdle(context_.device()); }

// Sorts the trees into square ground cells, each with the box round its trees' crowns.
void TreePass::build_cells(const scene::World& world) {
  stats_.trees = static_cast<std::uint32_t>(world.trees.size());
  for (int k = 0; k < kKinds; ++k)
    heights_[static_cast<size_t>(k)] = scene::tree_shape(static_cast<scene::TreeKind>(k)).height;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed;
  keyed.reserve(world.trees.size());
  for (std::uint32_t i = 0; i < world.trees.size(); ++i) {
    const glm::vec3 p = world.trees[i].base;
    const auto cx = static_cast<std::uint32_t>(static_cast<std::int32_t>(std::floor(p.x / kCellSize)) + 100000);
    const auto cz = static_cast<std::uint32_t>(static_cast<std::int32_t>(std::floor(p.z / kCellSize)) + 100000);
    keyed.push_back({static_cast<std::uint64_t>(cz) << 32 | cx, i});
  }
  std::sort(keyed.begin(), keyed.end());
  for (std::size_t i = 0; i < keyed.size(); ++i) {
    const scene::TreeInstance& t = world.trees[keyed[i].second];
    if (i == 0 || keyed[i].first != keyed[i - 1].first)
      cells_.push_back({{1e30f, 1e30f, 1e30f}, {-1e30f, -1e30f, -1e30f}, static_cast<std::uint32_t>(i), 0});
    Cell& cell = cells_.back();
    const scene::TreeShape shape = scene::tree_shape(t.kind);
    const float r = shape.crown_radius * t.scale;
    cell.min = glm::min(cell.min, t.base - glm::vec3(r, 0.5f, r));
    cell.max = glm::max(cell.max, t.base + glm::vec3(r, shape.height * t.scale, r));
    ++cell.count;
    instances_.push_back(pack(t));
  }
}

// Every kind's near and mid mesh in one vertex and index buffer; the kinds' outlines; the
// impostors' quad indices 4i + {0, 1, 2, 0, 2, 3} for as many quads as there are trees.
void TreePass::upload_meshes() {
  scene::Mesh all;
  for (int k = 0; k < kKinds; ++k)
    for (int level = 0; level < scene::kTreeMeshLevels; ++level) {
      const scene::Mesh mesh = scene::build_tree_mesh(static_cast<scene::TreeKind>(k), level);
      meshes_[static_cast<size_t>(k)][static_cast<size_t>(level)] = {static_cast<std::uint32_t>(all.indices.size()),
                                                                     static_cast<std::uint32_t>(mesh.indices.size()),
                                                                     static_cast<std::int32_t>(all.vertices.size())};
      all.vertices.insert(all.vertices.end(), mesh.vertices.begin(), mesh.vertices.end());
      all.indices.insert(all.indices.end(), mesh.indices.begin(), mesh.indices.end());
    }
  const std::vector<GpuVertex> vertices = pack_vertices(all.vertices);
  vertices_ =
      upload_buffer(context_, vertices.data(), vertices.size() * sizeof(GpuVertex), VK_BUFFER_USAGE_VERTEX_BUFFER_BIT);
  indices_ = upload_buffer(context_, all.indices.data(), all.indices.size() * sizeof(std::uint32_t),
                           VK_BUFFER_USAGE_INDEX_BUFFER_BIT);
  std::array<shaders::TreeKindShape, kKinds> kinds{};
  for (int k = 0; k < kKinds; ++k) kinds[static_cast<size_t>(k)] = kind_shape(static_cast<scene::TreeKind>(k));
  kinds_ = upload_buffer(context_, kinds.data(), sizeof(kinds), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT);
  std::vector<std::uint32_t> quads(std::max<std::size_t>(instances_.size(), 1) * 6);
  for (std::uint32_t q = 0; q < quads.size() / 6; ++q)
    for (std::uint32_t c = 0; c < 6; ++c) quads[6 * q + c] = 4 * q + std::array<std::uint32_t, 6>{0, 1, 2, 0, 2, 3}[c];
  quads_ =
      upload_buffer(context_, quads.data(), quads.size() * sizeof(std::uint32_t), VK_BUFFER_USAGE_INDEX_BUFFER_BIT);
}

void TreePass::create_pipelines(VkDescriptorSetLayout scene_layout) {
  PipelineDesc mesh;
  mesh.vertex_shader = "tree.vert";
  mesh.fragment_shader = "tree.frag";
  mesh.world_vertices = true;
  mesh.color_formats = {kHdrFormat, kIdFormat};
  mesh.depth_format = kDepthFormat;
  mesh.depth_test = mesh.depth_write = true;
  mesh.cull = VK_CULL_MODE_NONE;  // leaf strips and reed blades are single sheets
  mesh.set_layouts = {scene_layout, layout_.get()};
  mesh_pipeline_ = LightVariants(context_.device(), mesh);

  PipelineDesc impostor = mesh;
  impostor.vertex_shader = "tree_impostor.vert";
  impostor.fragment_shader = "tree_impostor.frag";
  impostor.world_vertices = false;
  impostor.push_constant_bytes = sizeof(shaders::TreeImpostorPush);
  impostor_pipeline_ = LightVariants(context_.device(), impostor);

  PipelineDesc shadow;
  shadow.vertex_shader = "tree_shadow.vert";
  shadow.fragment_shader = "shadow.frag";
  shadow.world_vertices = true;
  shadow.color_formats = {};
  shadow.depth_format = VK_FORMAT_D32_SFLOAT;  // the shadow atlas's (renderer/shadows.cpp)
  shadow.depth_test = shadow.depth_write = true;
  shadow.depth_compare = VK_COMPARE_OP_LESS_OR_EQUAL;
  shadow.set_layouts = {layout_.get()};
  shadow.push_constant_bytes = sizeof(shaders::TreePush);
  shadow_pipeline_ = Pipeline(context_.device(), shadow);
}

void TreePass::prepare(std::uint32_t slot_index, const scene::Camera& camera, VkExtent2D extent, scene::Day day) {
  const auto start = std::chrono::steady_clock::now();
  const std::uint32_t total = stats_.trees;
  stats_ = {};
  stats_.trees = total;
  foliage_ = scene::foliage_at(day).leaves;
  for (auto& bin : bins_) bin.clear();
  const float aspect = static_cast<float>(extent.width) / static_cast<float>(extent.height);
  const glm::mat4 view_proj = scene::projection_matrix(camera, aspect) * scene::view_matrix(camera);
  const glm::vec3 eye = camera.position;
  const glm::vec3 forward = glm::normalize(camera.target - camera.position);
  // A tree h metres tall at view depth d is h * scale / d pixels tall.
  const float scale = static_cast<float>(extent.height) / (2.0f * std::tan(glm::radians(camera.fov_deg) * 0.5f));
  pixel_angle_ = 1.0f / scale;
  for (const Cell& cell : cells_) {
    if (!scene::box_in_frustum(view_proj, cell.min, cell.max)) continue;
    for (std::uint32_t i = cell.first; i < cell.first + cell.count; ++i) {
      const shaders::TreeGpuInstance& t = instances_[i];
      const float height = heights_[t.kind] * t.scale;
      const glm::vec3 centre(t.x, t.y + 0.5f * height, t.z);
      const float depth = glm::dot(centre - eye, forward);
      if (depth < -height) continue;  // behind the eye
      const float pixels = height * scale / std::max(glm::length(centre - eye), 1.0f);
      int level = pixels > kNearPixels ? 0 : (pixels > kMidPixels ? 1 : 2);
      if (force_level_ >= 0) level = force_level_;
      if (t.kind == shaders::kTreeKindReeds && pixels < kReedsPixels && force_level_ < 0) continue;
      bins_[static_cast<size_t>(level * kKinds + static_cast<int>(t.kind))].push_back(i);
    }
  }
  auto* out = static_cast<shaders::TreeGpuInstance*>(slots_[slot_index % slots_.size()].instances.mapped());
  std::uint32_t offset = 0;
  for (int b = 0; b < kBins; ++b) {
    bin_first_[static_cast<size_t>(b)] = offset;
    for (const std::uint32_t i : bins_[static_cast<size_t>(b)]) out[offset++] = instances_[i];
    stats_.per_lod[static_cast<size_t>(b / kKinds)] += static_cast<std::uint32_t>(bins_[static_cast<size_t>(b)].size());
  }
  stats_.prepare_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

void TreePass::draw(VkCommandBuffer cmd, std::uint32_t slot_index, VkDescriptorSet scene_set, bool lit) {
  const Slot& slot = slots_[slot_index % slots_.size()];
  const VkDescriptorSet sets[] = {scene_set, slot.set};
  if (stats_.per_lod[0] + stats_.per_lod[1] > 0) {
    const Pipeline& pipeline = mesh_pipeline_.get(lit);
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline.handle());
    vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline.layout(), 0, 2, sets, 0, nullptr);
    const VkDeviceSize zero = 0;
    const VkBuffer vb = vertices_.handle();
    vkCmdBindVertexBuffers(cmd, 0, 1, &vb, &zero);
    vkCmdBindIndexBuffer(cmd, indices_.handle(), 0, VK_INDEX_TYPE_UINT32);
    for (int b = 0; b < 2 * kKinds; ++b) {
      const auto count = static_cast<std::uint32_t>(bins_[static_cast<size_t>(b)].size());
      if (count == 0) continue;
      const MeshRange& mesh = meshes_[static_cast<size_t>(b % kKinds)][static_cast<size_t>(b / kKinds)];
      vkCmdDrawIndexed(cmd, mesh.index_count, count, mesh.first_index, mesh.vertex_offset,
                       bin_first_[static_cast<size_t>(b)]);
      stats_.triangles += static_cast<std::uint64_t>(mesh.index_count / 3) * count;
      ++stats_.draws;
    }
  }
  // Impostors: the last bins, every kind in one draw (the shader reads the kind per tree).
  const std::uint32_t far = stats_.per_lod[2];
  if (far == 0) return;
  const Pipeline& pipeline = impostor_pipeline_.get(lit);
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline.handle());
  vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline.layout(), 0, 2, sets, 0, nullptr);
  vkCmdBindIndexBuffer(cmd, quads_.handle(), 0, VK_INDEX_TYPE_UINT32);
  const shaders::TreeImpostorPush push{pixel_angle_};
  vkCmdPushConstants(cmd, pipeline.layout(), kStages, 0, sizeof(push), &push);
  vkCmdDrawIndexed(cmd, 6 * far, 1, 0, static_cast<std::int32_t>(4 * bin_first_[2 * kKinds]), 0);
  stats_.triangles += 2ull * far;
  ++stats_.draws;
}

void TreePass::draw_shadow(VkCommandBuffer cmd, std::uint32_t slot_index, const glm::mat4& light_view_proj) {
  if (stats_.per_lod[0] + stats_.per_lod[1] == 0) return;
  const Slot& slot = slots_[slot_index % slots_.size()];
  vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, shadow_pipeline_.handle());
  vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, shadow_pipeline_.layout(), 0, 1, &slot.set, 0, nullptr);
  const shaders::TreePush push{light_view_proj, glm::vec4(foliage_, 0, 0, 0)};
  vkCmdPushConstants(cmd, shadow_pipeline_.layout(), kStages, 0, sizeof(push), &push);
  const VkDeviceSize zero = 0;
  const VkBuffer vb = vertices_.handle();
  vkCmdBindVertexBuffers(cmd, 0, 1, &vb, &zero);
  vkCmdBindIndexBuffer(cmd, indices_.handle(), 0, VK_INDEX_TYPE_UINT32);
  for (int b = 0; b < 2 * kKinds; ++b) {
    if (b % kKinds == static_cast<int>(scene::TreeKind::Reeds)) continue;  // too low to matter
    const auto count = static_cast<std::uint32_t>(bins_[static_cast<size_t>(b)].size());
    if (count == 0) continue;
    const MeshRange& mesh = meshes_[static_cast<size_t>(b % kKinds)][1];
    vkCmdDrawIndexed(cmd, mesh.index_count, count, mesh.first_index, mesh.vertex_offset,
                     bin_first_[static_cast<size_t>(b)]);
    stats_.shadow_triangles += static_cast<std::uint64_t>(mesh.index_count / 3) * count;
  }
}

}  // namespace renderer
