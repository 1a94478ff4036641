// The viewer's window (GLFW) and the input it receives, queued as events so that scripted
// sessions can feed the same queue.
#pragma once

#include <string>
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

  GLFWwindow* window_ = nullptr;
  std::vector<KeyEvent> keys_;
  bool fullscreen_ = false;
  int windowed_x_ = 0, windowed_y_ = 0, windowed_w_ = 0, windowed_h_ = 0;
};

// "PageDown", "F12", "B", "1": the names scripts use, from GLFW key codes; empty if unnamed.
std::string key_name(int glfw_key);

}  // namespace app
