// siege view: a window onto a scenario, with the ImGui timeline, cameras and lecture mode.
#pragma once

#include <array>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "app/core/picking.h"
#include "app/core/script.h"
#include "app/viewer/ui_layer.h"
#include "app/viewer/viewer_state.h"
#include "app/viewer/window.h"
#include "common/display_lut.h"
#include "renderer/renderer.h"
#include "renderer/swapchain.h"
#include "renderer/unique_handle.h"

namespace app {

struct ViewerOptions {
  std::string scenario_path;
  int width = 1280, height = 720;
  bool vsync = true;
  bool fullscreen = false;
  std::string device;
  bool validation = false;
  std::string time;                           // start here (seconds, phase id or date)
  std::optional<Script> script;               // scripted session: fixed steps, then quit
  std::string shot;                           // start with the director's camera on this shot
  std::string log_path;                       // JSON lines of the viewer's state, for tests and bug reports
  float render_scale = 0;                     // fraction of the window's pixels the scene renders at; 0 = automatic
  std::optional<common::DisplayLut> display;  // the display transform; none: the renderer's built-in
};

// The ids copied around a click: where the window starts in the target, its size, the click.
struct PickWindow {
  glm::ivec2 origin{0}, size{1}, click{0};
};

class Viewer {
 public:
  Viewer(const scene::Scenario& scenario, const ViewerOptions& options);
  ~Viewer();
  // Runs until the window closes or the script ends. Returns the process exit code.
  int run();

 private:
  struct Slot {
    renderer::Unique<VkCommandPool> pool;
    VkCommandBuffer cmd = VK_NULL_HANDLE;  // from pool
    renderer::Unique<VkFence> fence;
    renderer::Unique<VkSemaphore> image_acquired;
    renderer::Buffer pick;  // the ids around a click, read back after the fence
    std::optional<PickWindow> pick_window;
    renderer::Buffer screenshot;  // the swapchain image with UI, for Shift+F12
    std::string screenshot_path;
    VkExtent2D screenshot_extent{};
    bool screenshot_bgra = false;
  };

  // Input: real keys and mouse, or the script's events for this frame.
  void handle_input(double dt);
  void apply_script_events();
  void apply(const ActionCall& call);
  void build_ui();
  // GPU: one frame. Returns false when the swapchain had to be rebuilt (frame skipped).
  bool draw_frame();
  // Presents the frame draw_frame submitted last, if it has not been. A CPU driver's present
  // waits until the frame is rendered, so each frame is presented only once the next one is
  // built and recorded: the CPU's work for frame N + 1 runs while the driver draws frame N.
  void present_pending();
  void finish_slot(Slot& slot);  // after its fence: read the pick, write the screenshot
  void rebuild_swapchain();
  void write_log(const char* reason);
  // The scene's resolution: the window's times the render scale. On the CPU driver the cost
  // is per pixel, so the automatic scale trades sharpness for a frame rate a class can follow.
  VkExtent2D scene_extent() const;
  void adapt_render_scale(double frame_seconds);
  void save_screenshot(bool with_ui, std::string path);
  std::string screenshot_name(bool with_ui) const;

  const scene::Scenario& scenario_;
  ViewerOptions options_;
  ViewerState state_;
  std::unique_ptr<Window> window_;
  // Destroyed in reverse: the frame slots, the UI, the target, the renderer, the swapchain,
  // the surface, then the context.
  std::unique_ptr<renderer::Context> context_;
  renderer::Unique<VkSurfaceKHR> surface_;
  std::unique_ptr<renderer::Swapchain> swapchain_;
  std::unique_ptr<renderer::Renderer> renderer_;
  std::unique_ptr<renderer::RenderTarget> target_;
  std::unique_ptr<UiLayer> ui_;
  std::array<Slot, renderer::Renderer::kFramesInFlight> slots_;
  std::uint32_t frame_ = 0;
  // Frames drawn since anything changed; from kSettleFrames on, the viewer rests (draws nothing
  // until an event, the playhead or the camera moves). Never in a scripted session.
  int quiet_frames_ = 0;
  bool busy() const;
  bool swapchain_dirty_ = false;
  struct PendingPresent {
    std::uint32_t image = 0;
    VkSemaphore rendered = VK_NULL_HANDLE;  // the image's render_finished
  };
  std::optional<PendingPresent> pending_present_;
  std::uint32_t presented_ = 0;  // frames handed to the window (the log's "presented")

  // Scripted sessions drive their own mouse.
  int script_frame_ = 0;
  std::size_t script_next_ = 0;
  std::size_t logged_events_ = 0;
  glm::vec2 script_mouse_{0};
  std::array<bool, 3> script_buttons_{};
  float script_scroll_ = 0;
  struct ActiveDrag {
    glm::vec2 from, to;
    int button, start, frames;
  };
  std::optional<ActiveDrag> drag_;
  bool quit_ = false;
  float render_scale_ = 1.0f;
  double scale_clock_ = 0;  // real seconds since the scale last changed
  double slow_frames_ = 0, fast_frames_ = 0;
  bool linear_blit_ = false;
  std::FILE* log_ = nullptr;

  glm::vec2 last_cursor_{0};
  bool left_down_ = false;
  bool right_dragging_ = false;
  float scroll_accumulated_ = 0;
};

}  // namespace app
