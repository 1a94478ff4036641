#include "app/viewer/window.h"

#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>

#include <stdexcept>
#include <utility>

#include "renderer/vk_check.h"

namespace app {

namespace {
// Chains to ImGui's key callback, which the UI layer installs after ours.
GLFWkeyfun g_previous_key_callback = nullptr;
}  // namespace

std::string key_name(int key) {
  if (key >= GLFW_KEY_A && key <= GLFW_KEY_Z) return std::string(1, static_cast<char>('A' + (key - GLFW_KEY_A)));
  if (key >= GLFW_KEY_0 && key <= GLFW_KEY_9) return std::string(1, static_cast<char>('0' + (key - GLFW_KEY_0)));
  if (key >= GLFW_KEY_KP_0 && key <= GLFW_KEY_KP_9)
    return std::string(1, static_cast<char>('0' + (key - GLFW_KEY_KP_0)));
  if (key >= GLFW_KEY_F1 && key <= GLFW_KEY_F25) return "F" + std::to_string(key - GLFW_KEY_F1 + 1);
  switch (key) {
    case GLFW_KEY_PAGE_DOWN:
      return "PageDown";
    case GLFW_KEY_PAGE_UP:
      return "PageUp";
    case GLFW_KEY_LEFT:
      return "Left";
    case GLFW_KEY_RIGHT:
      return "Right";
    case GLFW_KEY_UP:
      return "Up";
    case GLFW_KEY_DOWN:
      return "Down";
    case GLFW_KEY_SPACE:
      return "Space";
    case GLFW_KEY_ESCAPE:
      return "Escape";
    case GLFW_KEY_PERIOD:
      return "Period";
    case GLFW_KEY_EQUAL:
      return "Equal";
    case GLFW_KEY_MINUS:
      return "Minus";
    case GLFW_KEY_KP_ADD:
      return "KeypadAdd";
    case GLFW_KEY_KP_SUBTRACT:
      return "KeypadSubtract";
    case GLFW_KEY_LEFT_BRACKET:
      return "LeftBracket";
    case GLFW_KEY_RIGHT_BRACKET:
      return "RightBracket";
    case GLFW_KEY_HOME:
      return "Home";
    case GLFW_KEY_TAB:
      return "Tab";
    default:
      return {};
  }
}

Window::Window(int width, int height, const std::string& title) {
  if (!glfwInit())
    throw std::runtime_error(
        "cannot open a window: GLFW could not initialise (is there a display? set DISPLAY, or run under Xvfb)");
  if (!glfwVulkanSupported()) throw std::runtime_error("cannot open a window: GLFW finds no Vulkan loader");
  glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
  window_ = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
  if (!window_)
    throw std::runtime_error("cannot open a window of " + std::to_string(width) + "x" + std::to_string(height));
  glfwSetWindowUserPointer(window_, this);
  g_previous_key_callback = glfwSetKeyCallback(window_, &Window::on_key);
  // Every other event only counts, so a resting viewer knows when to draw again. Installed
  // before ImGui's backend, which chains to them.
  glfwSetCursorPosCallback(window_, [](GLFWwindow* w, double, double) { count_event(w); });
  glfwSetMouseButtonCallback(window_, [](GLFWwindow* w, int, int, int) { count_event(w); });
  glfwSetScrollCallback(window_, [](GLFWwindow* w, double, double) { count_event(w); });
  glfwSetCharCallback(window_, [](GLFWwindow* w, unsigned int) { count_event(w); });
  glfwSetFramebufferSizeCallback(window_, [](GLFWwindow* w, int, int) { count_event(w); });
  glfwSetWindowFocusCallback(window_, [](GLFWwindow* w, int) { count_event(w); });
  glfwSetWindowRefreshCallback(window_, [](GLFWwindow* w) { count_event(w); });
  glfwSetCursorEnterCallback(window_, [](GLFWwindow* w, int) { count_event(w); });
}

Window::~Window() {
  if (window_) glfwDestroyWindow(window_);
  glfwTerminate();
}

std::vector<const char*> Window::required_instance_extensions() {
  if (!glfwInit())
    throw std::runtime_error(
        "cannot open a window: GLFW could not initialise (is there a display? set DISPLAY, or run under Xvfb)");
  std::uint32_t count = 0;
  const char** names = glfwGetRequiredInstanceExtensions(&count);
  if (!names) throw std::runtime_error("GLFW reports no Vulkan surface extensions for this display");
  return std::vector<const char*>(names, names + count);
}

VkSurfaceKHR Window::create_surface(VkInstance instance) {
  VkSurfaceKHR surface;
  VK_CHECK(glfwCreateWindowSurface(instance, window_, nullptr, &surface));
  return surface;
}

void Window::on_key(GLFWwindow* window, int key, int scancode, int action, int mods) {
  auto* self = static_cast<Window*>(glfwGetWindowUserPointer(window));
  if (self) ++self->events_;
  if (self && (action == GLFW_PRESS || action == GLFW_REPEAT)) {
    const std::string name = key_name(key);
    if (!name.empty())
      self->keys_.push_back(
          {{name, (mods & GLFW_MOD_SHIFT) != 0, (mods & GLFW_MOD_CONTROL) != 0, (mods & GLFW_MOD_ALT) != 0}});
  }
  if (g_previous_key_callback) g_previous_key_callback(window, key, scancode, action, mods);
}

bool Window::should_close() const { return glfwWindowShouldClose(window_); }
void Window::request_close() { glfwSetWindowShouldClose(window_, GLFW_TRUE); }

void Window::poll(bool wait_if_minimised) {
  glfwPollEvents();
  if (wait_if_minimised) {
    // Minimised: nothing to draw; sleep until something happens instead of spinning.
    while (!should_close()) {
      const VkExtent2D size = framebuffer_size();
      if (size.width > 0 && size.height > 0) break;
      glfwWaitEventsTimeout(0.1);
    }
  }
}

void Window::count_event(GLFWwindow* window) {
  if (auto* self = static_cast<Window*>(glfwGetWindowUserPointer(window))) ++self->events_;
}

void Window::wait(double seconds) { glfwWaitEventsTimeout(seconds); }

VkExtent2D Window::framebuffer_size() const {
  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  return {static_cast<std::uint32_t>(w), static_cast<std::uint32_t>(h)};
}

void Window::set_size(int width, int height) { glfwSetWindowSize(window_, width, height); }

void Window::set_fullscreen(bool on) {
  if (on == fullscreen_) return;
  GLFWmonitor* monitor = glfwGetPrimaryMonitor();
  if (on && monitor) {
    glfwGetWindowPos(window_, &windowed_x_, &windowed_y_);
    glfwGetWindowSize(window_, &windowed_w_, &windowed_h_);
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
  } else if (!on) {
    glfwSetWindowMonitor(window_, nullptr, windowed_x_, windowed_y_, windowed_w_ ? windowed_w_ : 1280,
                         windowed_h_ ? windowed_h_ : 720, 0);
  }
  fullscreen_ = on;
}

void Window::set_title(const std::string& title) { glfwSetWindowTitle(window_, title.c_str()); }

std::vector<KeyEvent> Window::take_key_events() { return std::exchange(keys_, {}); }
bool Window::key_down(int key) const { return glfwGetKey(window_, key) == GLFW_PRESS; }
bool Window::mouse_down(int button) const { return glfwGetMouseButton(window_, button) == GLFW_PRESS; }

glm::vec2 Window::cursor() const {
  double x = 0, y = 0;
  glfwGetCursorPos(window_, &x, &y);
  return {static_cast<float>(x), static_cast<float>(y)};
}

}  // namespace app
