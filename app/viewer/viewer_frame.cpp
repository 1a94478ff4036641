// The viewer's GPU frame: render the scene offscreen with the shared renderer, blit it to the
// swapchain image, draw ImGui over it, present; plus picking and screenshots.
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>

#include "app/viewer/viewer.h"
#include "renderer/image_io.h"
#include "renderer/vk_check.h"
#include "scene/model/clock.h"

namespace app {

namespace {

const renderer::ImageState kPresentable{VK_IMAGE_LAYOUT_PRESENT_SRC_KHR,
                                        VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                                        VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT};
const renderer::ImageState kAcquired{VK_IMAGE_LAYOUT_UNDEFINED, VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT, 0};
const renderer::ImageState kBlitTarget{VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_BLIT_BIT,
                                       VK_ACCESS_2_TRANSFER_WRITE_BIT};
const renderer::ImageState kUiTarget{VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL,
                                     VK_PIPELINE_STAGE_2_COLOR_ATTACHMENT_OUTPUT_BIT,
                                     VK_ACCESS_2_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_2_COLOR_ATTACHMENT_WRITE_BIT};
const renderer::ImageState kReadBack{VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_COPY_BIT,
                                     VK_ACCESS_2_TRANSFER_READ_BIT};

bool is_bgra(VkFormat format) { return format == VK_FORMAT_B8G8R8A8_UNORM || format == VK_FORMAT_B8G8R8A8_SRGB; }

// The swapchain image to draw into; nullopt when the swapchain is out of date (it is rebuilt
// next frame). A suboptimal one is drawn to, and rebuilt after.
std::optional<std::uint32_t> acquire_image(VkDevice device, const renderer::Swapchain& swapchain, VkSemaphore acquired,
                                           bool& swapchain_dirty) {
  std::uint32_t index = 0;
  const VkResult result =
      vkAcquireNextImageKHR(device, swapchain.handle(), UINT64_MAX, acquired, VK_NULL_HANDLE, &index);
  if (result == VK_ERROR_OUT_OF_DATE_KHR) {
    swapchain_dirty = true;
    return std::nullopt;
  }
  if (result == VK_SUBOPTIMAL_KHR)
    swapchain_dirty = true;  // draw this one, rebuild after
  else if (result != VK_SUCCESS)
    throw renderer::VulkanError("vkAcquireNextImageKHR", result);
  return index;
}

void begin_commands(VkCommandBuffer cmd) {
  VK_CHECK(vkResetCommandBuffer(cmd, 0));
  VkCommandBufferBeginInfo begin{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
  begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
  VK_CHECK(vkBeginCommandBuffer(cmd, &begin));
}

// A click: copies the object ids around the window pixel (kPickRadius either side, clipped
// to the image) into `pick`, read after the frame's
// fence. Returns the pixel of the scene target it read.
PickWindow record_pick(VkCommandBuffer cmd, const renderer::RenderTarget& target, VkExtent2D window,
                       glm::ivec2 window_pixel, VkBuffer pick) {
  // Window pixels to the scene target's, which may be smaller (render scale).
  const glm::vec2 to_target =
      glm::vec2(target.extent.width, target.extent.height) / glm::vec2(window.width, window.height);
  const glm::ivec2 p = glm::clamp(glm::ivec2(glm::vec2(window_pixel) * to_target), glm::ivec2(0),
                                  glm::ivec2(target.extent.width - 1, target.extent.height - 1));
  const glm::ivec2 last(target.extent.width - 1, target.extent.height - 1);
  const glm::ivec2 from = glm::max(p - kPickRadius, glm::ivec2(0)), to = glm::min(p + kPickRadius, last);
  VkBufferImageCopy copy{};
  copy.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
  copy.imageOffset = {from.x, from.y, 0};
  copy.imageExtent = {static_cast<std::uint32_t>(to.x - from.x + 1), static_cast<std::uint32_t>(to.y - from.y + 1), 1};
  vkCmdCopyImageToBuffer(cmd, target.ids.handle(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, pick, 1, &copy);
  return {from, to - from + 1, p - from};
}

// The tonemapped scene scaled onto the swapchain image, which is left ready for the UI pass.
void record_blit(VkCommandBuffer cmd, const renderer::RenderTarget& target, VkImage image, VkExtent2D extent,
                 bool linear) {
  renderer::transition(cmd, image, VK_IMAGE_ASPECT_COLOR_BIT, kAcquired, kBlitTarget);
  VkImageBlit blit{};
  blit.srcSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
  blit.srcOffsets[1] = {static_cast<int>(target.extent.width), static_cast<int>(target.extent.height), 1};
  blit.dstSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
  blit.dstOffsets[1] = {static_cast<int>(extent.width), static_cast<int>(extent.height), 1};
  vkCmdBlitImage(cmd, target.display.handle(), VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, image,
                 VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &blit,
                 linear && target.extent.width != extent.width ? VK_FILTER_LINEAR : VK_FILTER_NEAREST);
  renderer::transition(cmd, image, VK_IMAGE_ASPECT_COLOR_BIT, kBlitTarget, kUiTarget);
}

// Shift+F12: copies the finished swapchain image, interface and all, into `buffer` (grown as
// needed), read after the frame's fence; the image is left PRESENT_SRC.
void record_ui_screenshot(VkCommandBuffer cmd, const renderer::Context& context, VkImage image, VkExtent2D extent,
                          renderer::Buffer& buffer) {
  const VkDeviceSize bytes = static_cast<VkDeviceSize>(extent.width) * extent.height * 4;
  if (!buffer || buffer.size() < bytes)
    buffer = renderer::Buffer(context, bytes, VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                              VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
  renderer::transition(cmd, image, VK_IMAGE_ASPECT_COLOR_BIT, kPresentable, kReadBack);
  VkBufferImageCopy copy{};
  copy.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
  copy.imageExtent = {extent.width, extent.height, 1};
  vkCmdCopyImageToBuffer(cmd, image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, buffer.handle(), 1, &copy);
  renderer::transition(cmd, image, VK_IMAGE_ASPECT_COLOR_BIT, kReadBack,
                       {VK_IMAGE_LAYOUT_PRESENT_SRC_KHR, VK_PIPELINE_STAGE_2_NONE, 0});
}

// Waits for the acquired image before its first use (the blit), signals `finished` for present.
void submit(VkQueue queue, VkCommandBuffer cmd, VkSemaphore acquired, VkSemaphore finished, VkFence fence) {
  VkSemaphoreSubmitInfo wait{VK_STRUCTURE_TYPE_SEMAPHORE_SUBMIT_INFO};
  wait.semaphore = acquired;
  wait.stageMask = VK_PIPELINE_STAGE_2_ALL_TRANSFER_BIT;  // the first use of the image is the blit
  VkSemaphoreSubmitInfo signal{VK_STRUCTURE_TYPE_SEMAPHORE_SUBMIT_INFO};
  signal.semaphore = finished;
  signal.stageMask = VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT;
  VkCommandBufferSubmitInfo cmd_info{VK_STRUCTURE_TYPE_COMMAND_BUFFER_SUBMIT_INFO};
  cmd_info.commandBuffer = cmd;
  VkSubmitInfo2 info{VK_STRUCTURE_TYPE_SUBMIT_INFO_2};
  info.waitSemaphoreInfoCount = 1;
  info.pWaitSemaphoreInfos = &wait;
  info.commandBufferInfoCount = 1;
  info.pCommandBufferInfos = &cmd_info;
  info.signalSemaphoreInfoCount = 1;
  info.pSignalSemaphoreInfos = &signal;
  VK_CHECK(vkQueueSubmit2(queue, 1, &info, fence));
}

// OUT_OF_DATE and SUBOPTIMAL are normal: the swapchain is rebuilt next frame.
void present(VkQueue queue, VkSwapchainKHR swapchain, std::uint32_t index, VkSemaphore finished,
             bool& swapchain_dirty) {
  VkPresentInfoKHR info{VK_STRUCTURE_TYPE_PRESENT_INFO_KHR};
  info.waitSemaphoreCount = 1;
  info.pWaitSemaphores = &finished;
  info.swapchainCount = 1;
  info.pSwapchains = &swapchain;
  info.pImageIndices = &index;
  const VkResult presented = vkQueuePresentKHR(queue, &info);
  if (presented == VK_ERROR_OUT_OF_DATE_KHR || presented == VK_SUBOPTIMAL_KHR)
    swapchain_dirty = true;
  else if (presented != VK_SUCCESS)
    throw renderer::VulkanError("vkQueuePresentKHR", presented);
}

}  // namespace

bool Viewer::draw_frame() {
  const std::uint32_t slot_index = frame_ % renderer::Renderer::kFramesInFlight;
  Slot& slot = slots_[slot_index];
  VkDevice device = context_->device();
  VK_CHECK(vkWaitForFences(device, 1, slot.fence.address(), VK_TRUE, UINT64_MAX));
  finish_slot(slot);

  const VkExtent2D window_size = window_->framebuffer_size();
  if (window_size.width == 0 || window_size.height == 0) {  // minimised
    present_pending();
    return false;
  }
  if (swapchain_dirty_ || window_size.width != swapchain_->extent().width ||
      window_size.height != swapchain_->extent().height) {
    rebuild_swapchain();
    return false;
  }
  const std::optional<std::uint32_t> index =
      acquire_image(device, *swapchain_, slot.image_acquired.get(), swapchain_dirty_);
  if (!index) return false;
  VK_CHECK(vkResetFences(device, 1, slot.fence.address()));

  VkCommandBuffer cmd = slot.cmd;
  begin_commands(cmd);
  renderer_->record(cmd, slot_index, *target_, state_.snapshot, state_.camera);
  if (state_.pending_pick) {
    slot.pick_window = record_pick(cmd, *target_, swapchain_->extent(), *state_.pending_pick, slot.pick.handle());
    state_.pending_pick.reset();
  }
  const renderer::SwapchainImage& image = swapchain_->images()[*index];
  const VkExtent2D extent = swapchain_->extent();
  record_blit(cmd, *target_, image.image, extent, linear_blit_);
  ui_->record(cmd, *index, extent);  // leaves the image PRESENT_SRC
  if (!state_.pending_ui_screenshot.empty() && swapchain_->can_read_back()) {
    record_ui_screenshot(cmd, *context_, image.image, extent, slot.screenshot);
    slot.screenshot_path = std::exchange(state_.pending_ui_screenshot, {});
    slot.screenshot_extent = extent;
    slot.screenshot_bgra = is_bgra(swapchain_->format());
  } else if (!state_.pending_ui_screenshot.empty()) {
    state_.notify(
        "this window system does not allow reading the window back; F12 saves the frame without the interface");
    state_.pending_ui_screenshot.clear();
  }
  VK_CHECK(vkEndCommandBuffer(cmd));

  present_pending();  // the previous frame: rendered while this one was built
  submit(context_->queue(), cmd, slot.image_acquired.get(), image.render_finished.get(), slot.fence.get());
  pending_present_ = PendingPresent{*index, image.render_finished.get()};
  ++frame_;
  return true;
}

void Viewer::present_pending() {
  if (!pending_present_) return;
  present(context_->queue(), swapchain_->handle(), pending_present_->image, pending_present_->rendered,
          swapchain_dirty_);
  pending_present_.reset();
  ++presented_;
}

void Viewer::finish_slot(Slot& slot) {
  if (slot.pick_window) {
    const PickWindow& w = *slot.pick_window;
    std::vector<std::uint32_t> ids(static_cast<std::size_t>(w.size.x) * w.size.y);
    std::memcpy(ids.data(), slot.pick.mapped(), ids.size() * sizeof(std::uint32_t));
    const auto is_soldier = [&](std::uint32_t id) {
      const scene::ObjectInfo* info = state_.objects ? state_.objects->find(id) : nullptr;
      return info && info->kind == scene::ObjectKind::Soldier;
    };
    select_object(state_, pick_nearest(ids, w.size, w.click, is_soldier));
    slot.pick_window.reset();
  }
  if (!slot.screenshot_path.empty()) {
    const VkExtent2D e = slot.screenshot_extent;
    std::vector<std::uint8_t> rgba(static_cast<size_t>(e.width) * e.height * 4);
    std::memcpy(rgba.data(), slot.screenshot.mapped(), rgba.size());
    if (slot.screenshot_bgra)
      for (size_t i = 0; i < rgba.size(); i += 4) std::swap(rgba[i], rgba[i + 2]);
    try {
      renderer::write_png_rgb(slot.screenshot_path, e.width, e.height, rgba);
      state_.notify("saved " + slot.screenshot_path);
      std::printf("screenshot: %s\n", slot.screenshot_path.c_str());
    } catch (const std::exception& error) {
      state_.notify(error.what());
      std::fprintf(stderr, "siege view: %s\n", error.what());
    }
    slot.screenshot_path.clear();
  }
}

std::string Viewer::screenshot_name(bool with_ui) const {
  const scene::Phase& phase = scenario_.phases[static_cast<size_t>(state_.snapshot.phase)];
  char name[256];
  for (int n = 1; n < 10000; ++n) {
    std::snprintf(name, sizeof(name), "siege_%s_%s_%s%04d.png", scenario_.id.c_str(), phase.id.c_str(),
                  with_ui ? "ui_" : "", n);
    if (!std::filesystem::exists(name)) break;
  }
  return name;
}

void Viewer::save_screenshot(bool with_ui, std::string path) {
  if (path.empty()) path = screenshot_name(with_ui);
  if (with_ui) {
    state_.pending_ui_screenshot = path;
    return;
  }
  // Without the interface: the same renderer, headless, at the window's size.
  vkDeviceWaitIdle(context_->device());
  for (Slot& slot : slots_) finish_slot(slot);
  const renderer::FrameImage frame = renderer_->render(state_.snapshot, state_.camera, swapchain_->extent(), false);
  try {
    renderer::write_png_rgb(path, frame.width, frame.height, frame.rgba);
    state_.notify("saved " + path);
    std::printf("screenshot: %s\n", path.c_str());
  } catch (const std::exception& error) {
    state_.notify(error.what());
    std::fprintf(stderr, "siege view: %s\n", error.what());
  }
}

}  // namespace app
