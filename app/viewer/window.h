// The viewer's window (GLFW) and the input it receives, queued as events so that scripted
// sessions can feed the same queue.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <vulkan/vulkan.h>
#include <glm/glm.hpp>

#include "app/core/actions.h"

struct GLFWwindow;

namespace app {

struct KeyEvent {
  KeyChord chord;
};

class Window {
 public:
  Window(int width, int height, const std::string& title);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  // Instance extensions GLFW needs for a surface (call before creating the Vulkan instance).
  static std::vector<const char*> required_instance_extensions();
  VkSurfaceKHR create_surface(VkInstance instance);

  GLFWwindow* handle() const { return window_; }
  bool should_close() const;
  void request_close();
  void poll(bool wait_if_minimised);
  // Sleeps until an event arrives or `seconds` pass (a viewer with nothing to draw rests here).
  void wait(double seconds);
  // Input and window events (keys, mouse, scroll, text, resize, focus, exposure) since the
  // last call: none means nothing a user did can have changed the picture.
  std::uint64_t take_event_count() { return std::exchange(events_, 0); }
  VkExtent2D framebuffer_size() const;
  void set_size(int width, int height);
  void set_fullscreen(bool on);
  bool fullscreen() const { return fullscreen_; }
  void set_title(const std::string& title);

  // Keys pressed since the last call (with modifiers), for the app's own shortcuts.
  std::vector<KeyEvent> take_key_events();
  bool key_down(int glfw_key) const;
  bool mouse_down(int button) const;
  glm::vec2 cursor() const;

 private:
  static void on_key(GLFWwindow* window, int key, int scancode, int action, int mods);
  static void count_event(GLFWwindow* window);

  GLFWwindow* window_ = nullptr;
  std::vector<KeyEvent> keys_;
  std::uint64_t events_ = 0;
  bool fullscreen_ = false;
  int windowed_x_ = 0, windowed_y_ = 0, windowed_w_ = 0, windowed_h_ = 0;
};

// "PageDown", "F12", "B", "1": the names scripts use, from GLFW key codes; empty if unnamed.
std::string key_name(int glfw_key);

}  // namespace app
