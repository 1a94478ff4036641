// Renderer::render_samples: a frame as sub-samples accumulated in linear light, then one
// tonemap and overlay over the average; and, when asked, the frame in linear light.
#include <chrono>
#include <cstring>
#include <stdexcept>

#include "renderer/depth_normals.h"
#include "renderer/descriptors.h"
#include "renderer/renderer.h"

namespace renderer {

namespace {

// The states record()/record_hdr() leave and expect (renderer.cpp), and the depth's while the
// accumulation samples it and the linear frame copies it.
const ImageState kColourTarget{VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                               VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT, VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT};
const ImageState kCopySource{VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                             VK_PIPELINE_STAGE_2_COPY_BIT | VK_PIPELINE_STAGE_2_BLIT_BIT,
                             VK_ACCESS_2_TRANSFER_READ_BIT};
const ImageState kDepthSampled{VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, VK_PIPELINE_STAGE_2_FRAGMENT_SHADER_BIT,
                               VK_ACCESS_2_SHADER_SAMPLED_READ_BIT};

double ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

void add_stats(FrameStats& total, const FrameStats& sample) {
  total.triangles += sample.triangles;
  total.shadow_triangles += sample.shadow_triangles;
  total.build_ms += sample.build_ms;
  total.soldiers_drawn = std::max(total.soldiers_drawn, sample.soldiers_drawn);
  total.troop_triangles += sample.troop_triangles;
  total.troops_ms += sample.troops_ms;
  total.record_ms += sample.record_ms;
  total.gpu_ms += sample.gpu_ms;
  total.readback_ms += sample.readback_ms;
  total.lights = std::max(total.lights, sample.lights);
  total.bloom = total.bloom || sample.bloom;
}

}  // namespace

// After a sample's scene: its light added to the sum; its ids (and the centre's depth) copied
// out; the depth back to an attachment for the next sample.
void Renderer::record_sample_tail(VkCommandBuffer cmd, bool bloom, bool first, bool copy_ids, bool copy_depth) {
  RenderTarget& target = *offscreen_;
  transition(cmd, target.depth.handle(), VK_IMAGE_ASPECT_DEPTH_BIT, kDepthAttachment, kDepthSampled);
  Accumulation::Inputs inputs;
  inputs.hdr = target.hdr.view();
  inputs.depth = target.depth.view();
  inputs.bloom = bloom_->output();
  inputs.bloom_sampler = bloom_->sampler();
  inputs.with_bloom = bloom;
  inputs.bloom_strength = options_.bloom_strength;
  inputs.exposure = tonemap_exposure();
  accumulation_->record_add(cmd, inputs, first);
  transition(cmd, target.ids.handle(), VK_IMAGE_ASPECT_COLOR_BIT, kColourTarget, kCopySource);
  if (copy_ids)
    copy_image_to_buffer(cmd, target.ids.handle(), VK_IMAGE_ASPECT_COLOR_BIT, target.extent, readback_ids_.handle());
  ImageState depth_state = kDepthSampled;
  if (copy_depth) {
    transition(cmd, target.depth.handle(), VK_IMAGE_ASPECT_DEPTH_BIT, kDepthSampled, kCopyRead);
    copy_image_to_buffer(cmd, target.depth.handle(), VK_IMAGE_ASPECT_DEPTH_BIT, target.extent,
                         readback_depth_.handle());
    depth_state = kCopyRead;
  }
  transition(cmd, target.depth.handle(), VK_IMAGE_ASPECT_DEPTH_BIT, depth_state, kDepthAttachment);
}

// The average of `count` samples through the tonemap (its set's image is the sum, its
// exposure 1/count: the samples carry theirs), the overlay once, and the copies out.
void Renderer::record_average(VkCommandBuffer cmd, std::uint32_t count, const scene::Snapshot& centre, bool linear) {
  RenderTarget& target = *offscreen_;
  FrameSlot& slot = slots_[0];
  const VkDescriptorImageInfo sum{sampler_.get(), accumulation_->sum().view(),
                                  VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
  const VkWriteDescriptorSet write = image_write(slot.tonemap_set, 0, sum);
  vkUpdateDescriptorSets(context_.device(), 1, &write, 0, nullptr);
  accumulation_->record_finish(cmd);
  record_tonemap_pass(cmd, slot, target, /*bloom=*/false, 1.0f / static_cast<float>(count));
  if (options_.overlay) options_.overlay(cmd, target, centre);
  transition(cmd, target.display.handle(), VK_IMAGE_ASPECT_COLOR_BIT, kColourTarget, kCopySource);
  copy_image_to_buffer(cmd, target.display.handle(), VK_IMAGE_ASPECT_COLOR_BIT, target.extent, readback_rgba_.handle());
  if (linear) {
    accumulation_->record_to_copy_source(cmd);
    copy_image_to_buffer(cmd, accumulation_->sum().handle(), VK_IMAGE_ASPECT_COLOR_BIT, target.extent,
                         readback_sum_.handle());
  }
}

FrameImage Renderer::render_samples(const std::vector<FrameSample>& samples, VkExtent2D extent, bool with_ids,
                                    LinearFrame* linear) {
  if (samples.empty()) throw std::invalid_argument("render_samples: no samples");
  ensure_offscreen(extent, linear != nullptr);
  if (!accumulation_) accumulation_ = std::make_unique<Accumulation>(context_);
  accumulation_->resize(extent);
  const std::size_t pixels = static_cast<std::size_t>(extent.width) * extent.height;
  FrameImage image;
  image.width = extent.width;
  image.height = extent.height;
  if (linear) {
    *linear = LinearFrame{};
    linear->width = extent.width;
    linear->height = extent.height;
    linear->sample_ids.resize(samples.size());
  }

  FrameStats total;
  std::vector<float> centre_depth;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const bool centre = i == 0;
    const bool copy_ids = linear || (centre && with_ids);
    VkCommandBuffer cmd = begin_headless();
    const bool bloom = record_hdr(cmd, 0, *offscreen_, samples[i].snapshot, samples[i].camera);
    record_sample_tail(cmd, bloom, centre, copy_ids, centre && linear);
    stats_.gpu_ms = submit_headless();
    const auto read_start = std::chrono::steady_clock::now();
    const auto* ids = static_cast<const std::uint32_t*>(readback_ids_.mapped());
    if (centre && with_ids) image.ids.assign(ids, ids + pixels);
    if (linear) linear->sample_ids[i].assign(ids, ids + pixels);
    if (centre && linear) {
      const auto* depth = static_cast<const float*>(readback_depth_.mapped());
      centre_depth.assign(depth, depth + pixels);
    }
    stats_.readback_ms = ms_since(read_start);
    add_stats(total, stats_);
  }

  VkCommandBuffer cmd = begin_headless();
  record_average(cmd, static_cast<std::uint32_t>(samples.size()), samples[0].snapshot, linear != nullptr);
  total.gpu_ms += submit_headless();
  const auto read_start = std::chrono::steady_clock::now();
  image.rgba.resize(pixels * 4);
  std::memcpy(image.rgba.data(), readback_rgba_.mapped(), pixels * 4);
  if (linear) {
    const auto* sum = static_cast<const float*>(readback_sum_.mapped());
    const float scale = 1.0f / static_cast<float>(samples.size());
    linear->rgba.resize(pixels * 4);
    for (std::size_t i = 0; i < pixels * 4; ++i) linear->rgba[i] = sum[i] * scale;
    fill_depth_and_normals(*linear, centre_depth.data(), samples[0].camera);
  }
  total.readback_ms += ms_since(read_start);
  stats_ = total;
  return image;
}

}  // namespace renderer
