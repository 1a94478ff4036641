#include "app/viewer/viewer.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <utility>

#include <nlohmann/json.hpp>

#include "app/viewer/overlays.h"
#include "app/viewer/panels.h"
#include "app/viewer/timeline.h"
#include "renderer/vk_check.h"
#include "scene/model/clock.h"
#include "scene/sim/evaluate.h"

namespace app {

Viewer::Viewer(const scene::Scenario& scenario, const ViewerOptions& options)
    : scenario_(scenario), options_(options), state_(scenario) {
  const glm::ivec2 size = options.script ? options.script->window : glm::ivec2(options.width, options.height);
  renderer::ContextOptions context_options = renderer::ContextOptions::from_environment();
  context_options.instance_extensions = Window::required_instance_extensions();
  context_options.device_extensions = {VK_KHR_SWAPCHAIN_EXTENSION_NAME};
  if (options.validation) context_options.validation = context_options.require_validation = true;
  if (!options.device.empty()) context_options.device = options.device;
  window_ = std::make_unique<Window>(size.x, size.y, "siege — " + scenario.title.en);
  context_ = std::make_unique<renderer::Context>(context_options);
  surface_ = renderer::Unique<VkSurfaceKHR>(context_->instance(), window_->create_surface(context_->instance()));
  swapchain_ = std::make_unique<renderer::Swapchain>(*context_, surface_.get(), options.vsync);
  window_->poll(true);
  if (!swapchain_->rebuild(window_->framebuffer_size())) throw std::runtime_error("the window has no area to draw in");
  renderer_ = std::make_unique<renderer::Renderer>(*context_, scenario);
  if (options.display) renderer_->set_display_lut(*options.display);
  // A lecture's still camera: the world is drawn once and only what moves is drawn over it;
  // a moving one keeps its shadow map while the view stays within it.
  renderer_->options().still_world = true;
  renderer_->options().reuse_shadows = true;
  render_scale_ = options.render_scale > 0 ? std::clamp(options.render_scale, 0.25f, 1.0f) : 1.0f;
  VkFormatProperties display_format;
  vkGetPhysicalDeviceFormatProperties(context_->physical_device(), renderer::kDisplayFormat, &display_format);
  linear_blit_ = (display_format.optimalTilingFeatures & VK_FORMAT_FEATURE_SAMPLED_IMAGE_FILTER_LINEAR_BIT) != 0;
  target_ = std::make_unique<renderer::RenderTarget>(*context_, scene_extent());
  ui_ = std::make_unique<UiLayer>(*context_, window_->handle(), *swapchain_, scenario);

  VkDevice device = context_->device();
  for (Slot& slot : slots_) {
    VkCommandPoolCreateInfo pool{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
    pool.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
    pool.queueFamilyIndex = context_->queue_family();
    VkCommandPool created_pool;
    VK_CHECK(vkCreateCommandPool(device, &pool, nullptr, &created_pool));
    slot.pool = renderer::Unique<VkCommandPool>(device, created_pool);
    VkCommandBufferAllocateInfo alloc{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
    alloc.commandPool = created_pool;
    alloc.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    alloc.commandBufferCount = 1;
    VK_CHECK(vkAllocateCommandBuffers(device, &alloc, &slot.cmd));
    VkFenceCreateInfo fence{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
    fence.flags = VK_FENCE_CREATE_SIGNALED_BIT;
    VkFence created_fence;
    VK_CHECK(vkCreateFence(device, &fence, nullptr, &created_fence));
    slot.fence = renderer::Unique<VkFence>(device, created_fence);
    VkSemaphoreCreateInfo semaphore{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
    VkSemaphore created_semaphore;
    VK_CHECK(vkCreateSemaphore(device, &semaphore, nullptr, &created_semaphore));
    slot.image_acquired = renderer::Unique<VkSemaphore>(device, created_semaphore);
    constexpr VkDeviceSize kPickSide = 2 * kPickRadius + 1;
    slot.pick = renderer::Buffer(*context_, kPickSide * kPickSide * 4, VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                 VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
  }

  state_.objects = &renderer_->world().objects;
  state_.fonts = &ui_->fonts();
  state_.timeline.end = state_.playback.duration();
  state_.markers = timeline_markers(scenario);
  load_bookmarks(state_);
  if (!options.time.empty()) {
    std::string error;
    const std::optional<double> t = scene::resolve_time(scenario, options.time, &error);
    if (!t) throw std::runtime_error("--time: " + error);
    state_.playback.seek(*t);
    state_.hour_hold.seek(scenario, options.time, state_.playback.time());
  }
  if (!options.shot.empty()) {
    if (!scenario.shot(options.shot))
      throw std::runtime_error("--shot \"" + options.shot + "\" is not a shot of this scenario");
    state_.rig.use_director(options.shot);
  }
  if (!options.log_path.empty()) {
    log_ = std::fopen(options.log_path.c_str(), "w");
    if (!log_) throw std::runtime_error("cannot write the log " + options.log_path);
  }
  if (options.fullscreen) {
    window_->set_fullscreen(true);
    state_.presentation = true;
  }
}

// The members own the GPU objects (see viewer.h for their order); the GPU must be done first.
Viewer::~Viewer() {
  if (log_) std::fclose(log_);
  if (context_) vkDeviceWaitIdle(context_->device());
}

namespace {
// A few frames after the last change let ImGui settle its hover and focus states.
constexpr int kSettleFrames = 3;
// How long a resting viewer sleeps at most before it looks again (messages time out).
constexpr double kRestSeconds = 0.25;
}  // namespace

// Whether this frame's picture may differ from the last one's without any event: playing,
// a camera easing or flying (a key held), a drag, a transient message or a screenshot due.
bool Viewer::busy() const {
  return state_.playback.playing() || state_.rig.in_transition() || state_.fly.move != glm::vec3(0) ||
         state_.fly.look != glm::vec2(0) || state_.fly.zoom != 0 || drag_.has_value() ||
         (!state_.message.empty() && state_.clock < state_.message_until + 0.5) ||
         !state_.pending_ui_screenshot.empty() || state_.pending_pick.has_value();
}

int Viewer::run() {
  using Clock = std::chrono::steady_clock;
  auto last = Clock::now();
  while (!window_->should_close() && !quit_) {
    window_->poll(!options_.script);
    if (!options_.script) {
      // Paused, still and untouched: rest until an event instead of drawing the same frame.
      const bool resting = quiet_frames_ >= kSettleFrames && !busy();
      if (resting) {
        present_pending();  // the last frame drawn is what rests on screen
        window_->wait(kRestSeconds);
      }
      const bool touched = window_->take_event_count() > 0;
      quiet_frames_ = touched || busy() ? 0 : quiet_frames_ + 1;
      if (resting && !touched) {
        state_.clock += std::chrono::duration<double>(Clock::now() - last).count();
        last = Clock::now();
        continue;
      }
    }
    const auto now = Clock::now();
    // A scripted session steps a fixed amount each frame, so it replays identically.
    const double dt = options_.script ? options_.script->fixed_dt : std::chrono::duration<double>(now - last).count();
    last = now;
    state_.clock += dt;
    if (!options_.script && options_.render_scale <= 0) adapt_render_scale(dt);
    if (dt > 1e-3 && frame_ > 0)  // the first interval measures start-up, not a frame
      state_.fps = state_.fps == 0 ? static_cast<float>(1 / dt) : 0.9f * state_.fps + 0.1f * static_cast<float>(1 / dt);
    state_.render_scale = render_scale_;
    state_.auto_scale = !options_.script && options_.render_scale <= 0;

    ui_->new_frame();
    handle_input(dt);
    ImGui::NewFrame();
    state_.playback.advance(dt);
    state_.snapshot = scene::evaluate(scenario_, state_.playback.time());
    state_.hour_hold.apply(scenario_, state_.snapshot);
    state_.rig.update(dt, state_.fly, scenario_, state_.snapshot);
    state_.camera = state_.rig.camera();
    const double before_ui = state_.playback.time();
    build_ui();
    if (state_.playback.time() != before_ui) {
      // The timeline moved the playhead: show that moment in this very frame.
      state_.snapshot = scene::evaluate(scenario_, state_.playback.time());
      state_.hour_hold.apply(scenario_, state_.snapshot);
      state_.rig.update(0, {}, scenario_, state_.snapshot);
      state_.camera = state_.rig.camera();
    }
    ImGui::Render();
    if (!draw_frame()) continue;

    if (options_.script) {
      if (script_next_ != logged_events_) {
        write_log("event");
        logged_events_ = script_next_;
      }
      ++script_frame_;
      if (script_next_ >= options_.script->events.size() && !drag_ && script_frame_ > options_.script->last_frame())
        quit_ = true;
    }
  }
  present_pending();
  vkDeviceWaitIdle(context_->device());
  for (Slot& slot : slots_) finish_slot(slot);
  write_log("exit");
  if (context_->validation_errors() > 0) {
    std::fprintf(stderr, "siege view: %u Vulkan validation error(s)\n", context_->validation_errors());
    return 3;
  }
  return 0;
}

void Viewer::build_ui() {
  const VkExtent2D extent = swapchain_->extent();
  state_.viewport = glm::vec2(extent.width, extent.height);
  ScreenInput screen;
  screen.window = state_.viewport;
  screen.presentation = state_.presentation;
  screen.show_ui = state_.show_ui;
  screen.legend_rows = static_cast<int>(scenario_.factions.size());
  screen.frame_height = ImGui::GetFrameHeight();
  state_.layout = screen_layout(screen);
  if (state_.blank) {
    ImGui::GetForegroundDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(state_.viewport.x, state_.viewport.y),
                                                  IM_COL32(0, 0, 0, 255));
    return;
  }
  draw_overlays(state_);
  if (state_.layout.panels) draw_panels(state_);
  if (state_.layout.collapsed) draw_collapsed_notice(state_);
  draw_timeline(state_, state_.presentation);
  if (state_.pending_action) apply(*std::exchange(state_.pending_action, std::nullopt));
  if (state_.show_help) draw_help(state_);
  draw_message(state_);
}

VkExtent2D Viewer::scene_extent() const {
  const VkExtent2D full = swapchain_->extent();
  return {std::max(16u, static_cast<std::uint32_t>(std::lround(full.width * render_scale_))),
          std::max(16u, static_cast<std::uint32_t>(std::lround(full.height * render_scale_)))};
}

// Aim for 12..24 frames a second: after a second of slow frames render fewer pixels, after a
// second of fast ones more. Changing size means a new target, so it happens at most once a second.
void Viewer::adapt_render_scale(double frame_seconds) {
  scale_clock_ += frame_seconds;
  if (frame_seconds > 1.0 / 12.0) slow_frames_ += frame_seconds;
  if (frame_seconds < 1.0 / 24.0) fast_frames_ += frame_seconds;
  if (scale_clock_ < 1.0) return;
  float next = render_scale_;
  if (slow_frames_ > 0.7 * scale_clock_)
    next = std::max(0.4f, render_scale_ * 0.8f);
  else if (fast_frames_ > 0.7 * scale_clock_)
    next = std::min(1.0f, render_scale_ * 1.15f);
  scale_clock_ = slow_frames_ = fast_frames_ = 0;
  if (std::abs(next - render_scale_) < 0.01f) return;
  render_scale_ = next;
  // Frames up to frame_ - 1 may still read the old target: it goes to the slot recorded
  // N - 1 frames from now, which first waits for frame_ - 1 (and so for all before it).
  constexpr std::uint32_t n = renderer::Renderer::kFramesInFlight;
  renderer_->retire((frame_ + n - 1) % n, std::move(target_));
  target_ = std::make_unique<renderer::RenderTarget>(*context_, scene_extent());
  std::fprintf(
      stderr,
      "siege view: the scene now renders at %.0f%% of the window (%.1f fps; --render-scale 1 keeps full size)\n",
      render_scale_ * 100.0f, state_.fps);
}

void Viewer::write_log(const char* reason) {
  if (!log_) return;
  const scene::Phase& phase = scenario_.phases[static_cast<size_t>(state_.snapshot.phase)];
  const scene::ObjectInfo* picked = state_.objects->find(state_.selected_object);
  const std::string unit =
      state_.selected_unit >= 0 ? scenario_.units[static_cast<size_t>(state_.selected_unit)].id : "";
  const VkExtent2D size = window_->framebuffer_size();
  // The message on screen now (quoted for JSON), and points as [x, y, z] or null.
  const std::string message =
      state_.clock <= state_.message_until ? nlohmann::json(state_.message).dump() : std::string("\"\"");
  const auto point = [](const std::optional<glm::vec3>& p) {
    return p ? nlohmann::json({p->x, p->y, p->z}).dump() : std::string("null");
  };
  const std::optional<glm::vec3> orbit =
      state_.rig.mode() == CameraMode::Orbit ? std::optional<glm::vec3>(state_.rig.pivot()) : std::nullopt;
  std::fprintf(
      log_,
      "{\"reason\": \"%s\", \"frame\": %d, \"t\": %.4f, \"phase\": %d, \"phase_id\": \"%s\", \"date\": \"%s\", "
      "\"hour\": %.2f, "
      "\"playing\": %s, \"selected_unit\": \"%s\", \"selected_kind\": \"%s\", \"camera\": \"%s\", "
      "\"presentation\": %s, \"blank\": %s, \"window\": [%u, %u], \"panels\": %s, \"message\": %s, \"picked_point\": "
      "%s, "
      "\"orbit_pivot\": %s, \"validation\": %s, \"validation_errors\": %u, \"drawn\": %u, \"presented\": %u}\n",
      reason, script_frame_, state_.playback.time(), state_.snapshot.phase, phase.id.c_str(),
      scene::format_iso(state_.snapshot.day, scenario_.calendar).c_str(), state_.snapshot.hour,
      state_.playback.playing() ? "true" : "false", unit.c_str(),
      picked ? std::string(scene::to_string(picked->kind)).c_str() : "", to_string(state_.rig.mode()),
      state_.presentation ? "true" : "false", state_.blank ? "true" : "false", size.width, size.height,
      state_.layout.panels ? "true" : "false", message.c_str(), point(state_.picked_point).c_str(),
      point(orbit).c_str(), context_->validation_enabled() ? "true" : "false", context_->validation_errors(), frame_,
      presented_);
  std::fflush(log_);
}

void Viewer::rebuild_swapchain() {
  present_pending();
  vkDeviceWaitIdle(context_->device());
  for (Slot& slot : slots_) finish_slot(slot);
  if (!swapchain_->rebuild(window_->framebuffer_size())) return;  // minimised: try again later
  target_ = std::make_unique<renderer::RenderTarget>(*context_, scene_extent());
  ui_->on_swapchain_rebuilt(*swapchain_);
  for (Slot& slot : slots_) slot.screenshot.reset();
  swapchain_dirty_ = false;
}

}  // namespace app
