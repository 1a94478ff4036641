// Impostor atlas, baked once at load time from every kit's LOD1 figures (the mesh an impostor
// takes over from, so the switch does not show) in their Idle pose
// (phase 0) with the troop vertex shader, so far figures are pictures of the very figures
// drawn near. Colour classes stay in the atlas's alpha, so impostors take each man's garment,
// skin and faction colours as the meshes do. Layout (shaders/shared.h): one kImpostorCell-pixel
// cell per (azimuth column, (kit * kinds + kind) * elevations + elevation row);
// shaders/impostor.vert reads it.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "renderer/descriptors.h"
#include "renderer/target.h"
#include "renderer/troops.h"
#include "renderer/vk_check.h"
#include "shaders/shared.h"

namespace renderer {

namespace {

constexpr VkFormat kAtlasFormat = VK_FORMAT_R8G8B8A8_UNORM;
constexpr std::uint32_t kKinds = shaders::kFigureKinds;
constexpr std::uint32_t kBlocks = shaders::kKits * kKinds;  // (kit, kind)
constexpr std::uint32_t kElevations = shaders::kImpostorElevations;
constexpr std::uint32_t kAzimuths = shaders::kImpostorAzimuths;
constexpr std::uint32_t kCell = shaders::kImpostorCell;
constexpr float kElevationDeg[kElevations] = {shaders::kImpostorElevation0Deg, shaders::kImpostorElevation1Deg,
                                              shaders::kImpostorElevation2Deg};
constexpr VkShaderStageFlags kStages = VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT;

// Orthographic view of a square of side 2*half centred at `centre`, seen from unit direction
// `d` (from the figure towards the viewer); reverse-Z like the scene (nearer = larger depth).
glm::mat4 impostor_view(glm::vec3 centre, glm::vec3 d, float half) {
  glm::vec3 up = glm::vec3(0, 1, 0) - d * d.y;
  up = glm::normalize(up);
  const glm::vec3 right = glm::cross(up, d);
  glm::mat4 m(0.0f);
  const auto set_row = [&](int r, glm::vec3 v, float w) {
    m[0][r] = v.x;
    m[1][r] = v.y;
    m[2][r] = v.z;
    m[3][r] = w;
  };
  set_row(0, right / half, -glm::dot(centre, right) / half);
  set_row(1, -up / half, glm::dot(centre, up) / half);
  set_row(2, d / (4.0f * half), 0.5f - glm::dot(centre, d) / (4.0f * half));
  set_row(3, glm::vec3(0), 1.0f);
  return m;
}

// The frame uniforms of one (kind, elevation) view: the orthographic camera in front of a
// figure facing -z, lit from straight above.
shaders::FrameUniforms bake_view(scene::FigureKind kind, std::uint32_t elevation) {
  const scene::ImpostorFrame frame = scene::impostor_frame(kind);
  const float elev = glm::radians(kElevationDeg[elevation]);
  const glm::vec3 d(0, std::sin(elev), -std::cos(elev));
  shaders::FrameUniforms u{};
  u.view_proj = impostor_view({0, frame.centre_height, 0}, d, frame.half_size);
  u.inv_view_proj = glm::inverse(u.view_proj);
  u.camera_position = d * 1000.0f;
  u.time_s = 0.0f;
  u.sun_direction = glm::vec3(0, 1, 0);
  u.daylight = 1.0f;
  return u;
}

void write_buffer(VkDevice device, VkDescriptorSet set, std::uint32_t binding, VkDescriptorType type, VkBuffer buffer,
                  VkDeviceSize range) {
  const VkDescriptorBufferInfo info{buffer, 0, range};
  const VkWriteDescriptorSet write = buffer_write(set, binding, type, info);
  vkUpdateDescriptorSets(device, 1, &write, 0, nullptr);
}

// What the bake draws with: made for it, gone when it is done.
struct Bake {
  // Set 0 of the bake: just the frame uniforms (the shaders here use nothing else of it).
  Unique<VkDescriptorSetLayout> scene_layout;
  // Set 1: instances, units and the figures' frames. Lavapipe reads every descriptor of a
  // bound set, so the bake must not bind the frame slots' layout with its (still unwritten)
  // atlas binding.
  Unique<VkDescriptorSetLayout> troop_layout;
  Pipeline pipeline;
  // One instance per azimuth: the figure turned so that the fixed bake camera (in front of
  // it, at azimuth 0) sees it from azimuth column j, standing in Idle's first frame. A single
  // white unit, object 0.
  Buffer instances, units;
  VkDescriptorSet troop_set = VK_NULL_HANDLE;
  // Per (kind, elevation): frame uniforms holding the orthographic view, and set 0 on them.
  std::vector<Buffer> uniforms;
  std::vector<VkDescriptorSet> frame_sets;

  VkDescriptorSet frame_set(std::uint32_t kind, std::uint32_t elevation) const {
    return frame_sets[kind * kElevations + elevation];
  }
};

Pipeline bake_pipeline(VkDevice device, const Bake& bake) {
  PipelineDesc desc;
  desc.vertex_shader = "troop.vert";
  desc.fragment_shader = "impostor_bake.frag";
  desc.world_vertices = true;
  desc.color_formats = {kAtlasFormat};
  desc.depth_format = kDepthFormat;
  desc.depth_test = desc.depth_write = true;
  desc.set_layouts = {bake.scene_layout.get(), bake.troop_layout.get()};
  desc.push_constant_bytes = sizeof(shaders::TroopPush);
  return Pipeline(device, desc);
}

// Layouts, pipeline, the azimuth instances and the per-view uniforms, with their sets from `pool`.
// `frames` and `figures`: the troop pass's animation frames and figure table.
void prepare_bake(Bake& bake, const Context& context, VkDescriptorPool pool, const Buffer& frames,
                  const Buffer& figures) {
  VkDevice device = context.device();
  bake.scene_layout = create_set_layout(device, {{0, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, 1, kStages, nullptr}});
  bake.troop_layout = create_set_layout(device, {{0, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, kStages, nullptr},
                                                 {1, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, kStages, nullptr},
                                                 {3, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, kStages, nullptr},
                                                 {4, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, kStages, nullptr}});
  bake.pipeline = bake_pipeline(device, bake);

  bake.instances =
      Buffer(context, kAzimuths * sizeof(shaders::TroopInstance), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, kHostMemory);
  bake.units = Buffer(context, sizeof(shaders::TroopUnit), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, kHostMemory);
  auto* inst = static_cast<shaders::TroopInstance*>(bake.instances.mapped());
  for (std::uint32_t j = 0; j < kAzimuths; ++j) {
    const std::uint32_t steps = shaders::kHeadingSteps;
    const std::uint32_t heading = (steps - j * (steps / kAzimuths)) & (steps - 1u);  // heading = -azimuth
    inst[j] = {0, 0, 0, heading, 0, 0};  // Idle at phase 0; look 0 (the shader ignores it in the bake)
  }
  shaders::TroopUnit white{};
  white.colour = white.banner = glm::vec3(1);
  std::memcpy(bake.units.mapped(), &white, sizeof(white));
  bake.troop_set = allocate_set(device, pool, bake.troop_layout.get());
  write_buffer(device, bake.troop_set, 0, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, bake.instances.handle(), VK_WHOLE_SIZE);
  write_buffer(device, bake.troop_set, 1, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, bake.units.handle(), VK_WHOLE_SIZE);
  write_buffer(device, bake.troop_set, 3, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, frames.handle(), VK_WHOLE_SIZE);
  write_buffer(device, bake.troop_set, 4, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, figures.handle(), VK_WHOLE_SIZE);

  for (std::uint32_t k = 0; k < kKinds; ++k) {
    for (std::uint32_t e = 0; e < kElevations; ++e) {
      const shaders::FrameUniforms u = bake_view(static_cast<scene::FigureKind>(k), e);
      bake.uniforms.emplace_back(context, sizeof(u), VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT, kHostMemory);
      std::memcpy(bake.uniforms.back().mapped(), &u, sizeof(u));
      bake.frame_sets.push_back(allocate_set(device, pool, bake.scene_layout.get()));
      write_buffer(device, bake.frame_sets.back(), 0, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, bake.uniforms.back().handle(),
                   sizeof(u));
    }
  }
}

// Clears the atlas and its depth and begins rendering into both.
void begin_atlas_pass(VkCommandBuffer cmd, const Image& atlas, const Image& depth, VkExtent2D extent) {
  transition(cmd, atlas.handle(), VK_IMAGE_ASPECT_COLOR_BIT,
             {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_TOP_OF_PIPE_BIT, 0},
             {VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
              VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT});
  transition(cmd, depth.handle(), VK_IMAGE_ASPECT_DEPTH_BIT,
             {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_TOP_OF_PIPE_BIT, 0}, kDepthAttachment);
  VkRenderingAttachmentInfo colour{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
  colour.imageView = atlas.view();
  colour.imageLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
  colour.loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
  colour.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
  colour.clearValue.color = {{0, 0, 0, 0}};
  VkRenderingAttachmentInfo depth_info{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
  depth_info.imageView = depth.view();
  depth_info.imageLayout = VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL;
  depth_info.loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
  depth_info.storeOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
  depth_info.clearValue.depthStencil = {0.0f, 0};
  VkRenderingInfo pass{VK_STRUCTURE_TYPE_RENDERING_INFO};
  pass.renderArea = {{0, 0}, extent};
  pass.layerCount = 1;
  pass.colorAttachmentCount = 1;
  pass.pColorAttachments = &colour;
  pass.pDepthAttachment = &depth_info;
  vkCmdBeginRendering(cmd, &pass);
}

// One figure mesh into atlas row `row`, once per azimuth column (instance j turns it).
void draw_views(VkCommandBuffer cmd, std::uint32_t row, std::uint32_t index_count, std::uint32_t first_index,
                std::int32_t vertex_offset) {
  const auto cell = static_cast<float>(kCell);
  for (std::uint32_t j = 0; j < kAzimuths; ++j) {
    const VkViewport viewport{static_cast<float>(j) * cell, static_cast<float>(row) * cell, cell, cell, 0, 1};
    const VkRect2D scissor{{static_cast<std::int32_t>(j * kCell), static_cast<std::int32_t>(row * kCell)},
                           {kCell, kCell}};
    vkCmdSetViewport(cmd, 0, 1, &viewport);
    vkCmdSetScissor(cmd, 0, 1, &scissor);
    vkCmdDrawIndexed(cmd, index_count, 1, first_index, vertex_offset, j);
  }
}

// Copies the drawn atlas to `readback` and leaves it ready for the impostor shaders to sample.
void read_back_atlas(VkCommandBuffer cmd, const Image& atlas, const Buffer& readback, VkExtent2D extent) {
  transition(cmd, atlas.handle(), VK_IMAGE_ASPECT_COLOR_BIT,
             {VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
              VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT},
             {VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_READ_BIT});
  VkBufferImageCopy copy{};
  copy.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
  copy.imageExtent = {extent.width, extent.height, 1};
  vkCmdCopyImageToBuffer(cmd, atlas.handle(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, readback.handle(), 1, &copy);
  transition(cmd, atlas.handle(), VK_IMAGE_ASPECT_COLOR_BIT,
             {VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_READ_BIT},
             {VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
              VK_ACCESS_2_SHADER_SAMPLED_READ_BIT});
}

// The bounds of every texel the impostor fragment shader keeps (it discards alpha below
// kAtlasEmptyBelow) in atlas row `row` over all azimuths, in the square's [-1, 1] frame with
// y up; zero (a degenerate quad) where nothing was baked. Quads cut to these bounds shade
// the same pixels minus empty ones.
glm::vec4 silhouette_bounds(const std::uint8_t* texels, std::uint32_t width, std::uint32_t row) {
  const std::uint32_t n = kCell;
  std::uint32_t x0 = n, y0 = n, x1 = 0, y1 = 0;
  for (std::uint32_t j = 0; j < kAzimuths; ++j)
    for (std::uint32_t y = 0; y < n; ++y)
      for (std::uint32_t x = 0; x < n; ++x) {
        const size_t at = (static_cast<size_t>(row * n + y) * width + j * n + x) * 4 + 3;
        if (static_cast<float>(texels[at]) < shaders::kAtlasEmptyBelow * 255.0f) continue;
        x0 = std::min(x0, x);
        x1 = std::max(x1, x + 1);
        y0 = std::min(y0, y);
        y1 = std::max(y1, y + 1);
      }
  if (x0 >= x1 || y0 >= y1) return glm::vec4(0);
  const float scale = 2.0f / static_cast<float>(n);
  return glm::vec4(static_cast<float>(x0) * scale - 1.0f, 1.0f - static_cast<float>(y1) * scale,
                   static_cast<float>(x1) * scale - 1.0f, 1.0f - static_cast<float>(y0) * scale);
}

}  // namespace

void TroopPass::bake_impostors() {
  const VkExtent2D extent{kAzimuths * kCell, kBlocks * kElevations * kCell};
  atlas_ = Image(context_, extent, kAtlasFormat,
                 VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT,
                 VK_IMAGE_ASPECT_COLOR_BIT);
  const Image depth(context_, extent, kDepthFormat, VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT,
                    VK_IMAGE_ASPECT_DEPTH_BIT);
  Bake bake;
  prepare_bake(bake, context_, pool_.get(), frames_, figures_);

  const Buffer readback(context_, static_cast<VkDeviceSize>(extent.width) * extent.height * 4,
                        VK_BUFFER_USAGE_TRANSFER_DST_BIT, kHostMemory);
  context_.submit_and_wait([&](VkCommandBuffer cmd) {
    begin_atlas_pass(cmd, atlas_, depth, extent);
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, bake.pipeline.handle());
    const VkDeviceSize zero = 0;
    const VkBuffer vb = vertices_.handle();
    vkCmdBindVertexBuffers(cmd, 0, 1, &vb, &zero);
    vkCmdBindIndexBuffer(cmd, indices_.handle(), 0, VK_INDEX_TYPE_UINT32);
    for (std::uint32_t b = 0; b < kBlocks; ++b) {
      const std::uint32_t k = b % kKinds;
      const std::uint32_t figure =
          figure_index(static_cast<scene::Kit>(b / kKinds), static_cast<scene::FigureKind>(k), 1);
      const FigureUpload::Range& mesh = meshes_[figure];
      const shaders::TroopPush push{shaders::kTroopBake, figure, 0, 0, {}};
      vkCmdPushConstants(cmd, bake.pipeline.layout(), kStages, 0, sizeof(push), &push);
      for (std::uint32_t e = 0; e < kElevations; ++e) {
        const VkDescriptorSet sets[] = {bake.frame_set(k, e), bake.troop_set};
        vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, bake.pipeline.layout(), 0, 2, sets, 0, nullptr);
        draw_views(cmd, b * kElevations + e, mesh.index_count, mesh.first_index, mesh.vertex_offset);
      }
    }
    vkCmdEndRendering(cmd);
    read_back_atlas(cmd, atlas_, readback, extent);  // to fit each kind's impostor quad to what was drawn
  });

  const auto* texels = static_cast<const std::uint8_t*>(readback.mapped());
  for (std::uint32_t b = 0; b < kBlocks; ++b)
    for (std::uint32_t e = 0; e < kElevations; ++e)
      impostor_rects_[b][e] = silhouette_bounds(texels, extent.width, b * kElevations + e);
}

}  // namespace renderer
