// Impostor atlas, baked once at load time from the LOD0 meshes with the troop vertex shader,
// so far figures are pictures of the very meshes drawn near. Layout: one 64-pixel cell per
// (azimuth column, kind * elevations + elevation row); shaders/impostor.vert reads it.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "renderer/descriptors.h"
#include "renderer/target.h"
#include "renderer/troops.h"
#include "renderer/vk_check.h"
#include "shaders/shared.h"

namespace renderer {

namespace {

constexpr VkFormat kAtlasFormat = VK_FORMAT_R8G8B8A8_UNORM;

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

}  // namespace

void TroopPass::bake_impostors() {
  VkDevice device = context_.device();
  // Set 0 of the bake: just the frame uniforms (the shaders here use nothing else of it).
  const Unique<VkDescriptorSetLayout> scene_layout =
      create_set_layout(device, {{0, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, 1, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, nullptr}});
  // Set 1: instances and units only. Lavapipe reads every descriptor of a bound set, so the
  // bake must not bind the frame slots' layout with its (still unwritten) atlas binding.
  const Unique<VkDescriptorSetLayout> troop_layout =
      create_set_layout(device, {{0, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, nullptr},
                                 {1, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, nullptr}});
  constexpr std::uint32_t kElev = troops::kImpostorElevations;
  constexpr std::uint32_t kAz = troops::kImpostorAzimuths;
  const VkExtent2D extent{kAz * troops::kImpostorCell, scene::kFigureKinds * kElev * troops::kImpostorCell};
  atlas_ = Image(context_, extent, kAtlasFormat, VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT,
                 VK_IMAGE_ASPECT_COLOR_BIT);
  Image depth(context_, extent, kDepthFormat, VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT, VK_IMAGE_ASPECT_DEPTH_BIT);

  PipelineDesc desc;
  desc.vertex_shader = "troop.vert";
  desc.fragment_shader = "impostor_bake.frag";
  desc.world_vertices = true;
  desc.color_formats = {kAtlasFormat};
  desc.depth_format = kDepthFormat;
  desc.depth_test = desc.depth_write = true;
  desc.set_layouts = {scene_layout.get(), troop_layout.get()};
  desc.push_constant_bytes = sizeof(shaders::TroopPush);
  Pipeline pipeline(device, desc);

  // One instance per azimuth: the figure turned so that the fixed bake camera (in front of
  // it, at azimuth 0) sees it from azimuth column j. A single white unit, object 0.
  Buffer instances(context_, kAz * sizeof(shaders::TroopInstance), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, kHostMemory);
  Buffer units(context_, sizeof(shaders::TroopUnit), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, kHostMemory);
  auto* inst = static_cast<shaders::TroopInstance*>(instances.mapped());
  for (std::uint32_t j = 0; j < kAz; ++j) {
    const std::uint32_t heading = (512u - j * (512u / kAz)) & 511u;  // heading = -azimuth
    inst[j] = {0, 0, 0, heading};
  }
  const shaders::TroopUnit white{glm::vec4(1), glm::vec4(1), glm::uvec4(0)};
  std::memcpy(units.mapped(), &white, sizeof(white));

  const VkDescriptorSet troop_set = allocate_set(device, pool_.get(), troop_layout.get());
  const VkDescriptorBufferInfo instance_info{instances.handle(), 0, VK_WHOLE_SIZE};
  const VkDescriptorBufferInfo unit_info{units.handle(), 0, VK_WHOLE_SIZE};
  VkWriteDescriptorSet writes[2]{};
  for (int i = 0; i < 2; ++i) {
    writes[i].sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET;
    writes[i].dstSet = troop_set;
    writes[i].dstBinding = static_cast<std::uint32_t>(i);
    writes[i].descriptorCount = 1;
    writes[i].descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
  }
  writes[0].pBufferInfo = &instance_info;
  writes[1].pBufferInfo = &unit_info;
  vkUpdateDescriptorSets(device, 2, writes, 0, nullptr);

  // Per (kind, elevation): frame uniforms holding the orthographic view.
  std::vector<Buffer> uniforms;
  std::vector<VkDescriptorSet> frame_sets(scene::kFigureKinds * kElev);
  for (int k = 0; k < scene::kFigureKinds; ++k) {
    const scene::ImpostorFrame frame = scene::impostor_frame(static_cast<scene::FigureKind>(k));
    for (std::uint32_t e = 0; e < kElev; ++e) {
      const float elev = glm::radians(troops::kImpostorElevationDeg[e]);
      const glm::vec3 d(0, std::sin(elev), -std::cos(elev));  // in front of a figure facing -z
      shaders::FrameUniforms u{};
      u.view_proj = impostor_view({0, frame.centre_height, 0}, d, frame.half_size);
      u.inv_view_proj = glm::inverse(u.view_proj);
      u.camera_position = glm::vec4(d * 1000.0f, 0.0f);
      u.sun_direction = glm::vec4(0, 1, 0, 1);
      uniforms.emplace_back(context_, sizeof(u), VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT, kHostMemory);
      std::memcpy(uniforms.back().mapped(), &u, sizeof(u));
      VkDescriptorSet& set = frame_sets[static_cast<size_t>(k) * kElev + e];
      set = allocate_set(device, pool_.get(), scene_layout.get());
      const VkDescriptorBufferInfo info{uniforms.back().handle(), 0, sizeof(u)};
      VkWriteDescriptorSet w{VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET};
      w.dstSet = set;
      w.descriptorCount = 1;
      w.descriptorType = VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER;
      w.pBufferInfo = &info;
      vkUpdateDescriptorSets(device, 1, &w, 0, nullptr);
    }
  }

  Buffer readback(context_, static_cast<VkDeviceSize>(extent.width) * extent.height * 4, VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                  kHostMemory);
  context_.submit_and_wait([&](VkCommandBuffer cmd) {
    transition(cmd, atlas_.handle(), VK_IMAGE_ASPECT_COLOR_BIT,
               {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_TOP_OF_PIPE_BIT, 0},
               {VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT});
    transition(cmd, depth.handle(), VK_IMAGE_ASPECT_DEPTH_BIT, {VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_TOP_OF_PIPE_BIT, 0},
               {VK_IMAGE_LAYOUT_DEPTH_ATTACHMENT_OPTIMAL,
                VK_PIPELINE_STAGE_2_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_2_LATE_FRAGMENT_TESTS_BIT,
                VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_READ_BIT | VK_ACCESS_2_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT});
    VkRenderingAttachmentInfo colour{VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO};
    colour.imageView = atlas_.view();
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
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline.handle());
    const VkDeviceSize zero = 0;
    const VkBuffer vb = vertices_.handle();
    vkCmdBindVertexBuffers(cmd, 0, 1, &vb, &zero);
    vkCmdBindIndexBuffer(cmd, indices_.handle(), 0, VK_INDEX_TYPE_UINT32);
    const shaders::TroopPush push{0, 0, 0, 0, {}};
    vkCmdPushConstants(cmd, pipeline.layout(), VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(push), &push);
    const auto cell = static_cast<float>(troops::kImpostorCell);
    for (int k = 0; k < scene::kFigureKinds; ++k) {
      const MeshRange& mesh = meshes_[static_cast<size_t>(k)][0];
      for (std::uint32_t e = 0; e < kElev; ++e) {
        const VkDescriptorSet sets[] = {frame_sets[static_cast<size_t>(k) * kElev + e], troop_set};
        vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline.layout(), 0, 2, sets, 0, nullptr);
        const std::uint32_t row = static_cast<std::uint32_t>(k) * kElev + e;
        for (std::uint32_t j = 0; j < kAz; ++j) {
          const VkViewport viewport{static_cast<float>(j) * cell, static_cast<float>(row) * cell, cell, cell, 0, 1};
          const VkRect2D scissor{{static_cast<std::int32_t>(j * troops::kImpostorCell), static_cast<std::int32_t>(row * troops::kImpostorCell)},
                                 {troops::kImpostorCell, troops::kImpostorCell}};
          vkCmdSetViewport(cmd, 0, 1, &viewport);
          vkCmdSetScissor(cmd, 0, 1, &scissor);
          vkCmdDrawIndexed(cmd, mesh.index_count, 1, mesh.first_index, mesh.vertex_offset, j);
        }
      }
    }
    vkCmdEndRendering(cmd);
    // Read the atlas back to fit each kind's impostor quad to what was drawn.
    transition(cmd, atlas_.handle(), VK_IMAGE_ASPECT_COLOR_BIT,
               {VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT},
               {VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_READ_BIT});
    VkBufferImageCopy copy{};
    copy.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    copy.imageExtent = {extent.width, extent.height, 1};
    vkCmdCopyImageToBuffer(cmd, atlas_.handle(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, readback.handle(), 1, &copy);
    transition(cmd, atlas_.handle(), VK_IMAGE_ASPECT_COLOR_BIT,
               {VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_READ_BIT},
               {VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT, VK_ACCESS_2_SHADER_SAMPLED_READ_BIT});
  });

  // Per kind and elevation: the bounds of every texel the fragment shader keeps (alpha codes
  // are 0, 1/3, 2/3, 1; it discards below 0.1) over all azimuths, in the square's [-1, 1]
  // frame with y up. Quads cut to these bounds shade the same pixels minus empty ones.
  const auto* texels = static_cast<const std::uint8_t*>(readback.mapped());
  const std::uint32_t n = troops::kImpostorCell;
  for (int k = 0; k < scene::kFigureKinds; ++k) {
    for (std::uint32_t e = 0; e < kElev; ++e) {
      const std::uint32_t row = static_cast<std::uint32_t>(k) * kElev + e;
      std::uint32_t x0 = n, y0 = n, x1 = 0, y1 = 0;
      for (std::uint32_t j = 0; j < kAz; ++j)
        for (std::uint32_t y = 0; y < n; ++y)
          for (std::uint32_t x = 0; x < n; ++x) {
            const size_t at = (static_cast<size_t>(row * n + y) * extent.width + j * n + x) * 4 + 3;
            if (texels[at] < 26) continue;
            x0 = std::min(x0, x);
            x1 = std::max(x1, x + 1);
            y0 = std::min(y0, y);
            y1 = std::max(y1, y + 1);
          }
      glm::vec4& rect = impostor_rects_[static_cast<size_t>(k)][e];
      if (x0 >= x1 || y0 >= y1) {
        rect = glm::vec4(0);  // nothing baked: a degenerate quad
        continue;
      }
      const float scale = 2.0f / static_cast<float>(n);
      rect = glm::vec4(static_cast<float>(x0) * scale - 1.0f, 1.0f - static_cast<float>(y1) * scale,
                       static_cast<float>(x1) * scale - 1.0f, 1.0f - static_cast<float>(y0) * scale);
    }
  }
}

}  // namespace renderer
