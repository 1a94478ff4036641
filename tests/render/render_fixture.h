// Shared set-up for render tests: one Vulkan context with validation on, the Caizhou
// scenario, and helpers that ask the ID pass what is at a pixel.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <glm/glm.hpp>

#include "renderer/context.h"
#include "renderer/renderer.h"
#include "scene/model/scenario.h"

namespace test {

// One context per test process: creating Vulkan instances repeatedly is slow on lavapipe.
renderer::Context& context();

// A scenario from assets/scenarios, loaded once per process; the test fails if it does not load.
const scene::Scenario& scenario(const std::string& name);

// Pixel where a world point lands for a camera and image size; nullopt if behind or outside.
std::optional<glm::ivec2> project(const scene::Camera& camera, std::uint32_t width, std::uint32_t height,
                                  glm::vec3 world);

// Kind ("water", "wall", ...) of the object at a pixel, "nothing" for id 0.
std::string kind_at(const renderer::Renderer& renderer, const renderer::FrameImage& frame, glm::ivec2 pixel);
// True if any pixel within `radius` of `pixel` shows an object of `kind`.
bool kind_near(const renderer::Renderer& renderer, const renderer::FrameImage& frame, glm::ivec2 pixel,
               const std::string& kind, int radius);

// A camera looking straight down at `centre` from `height` metres.
scene::Camera top_down(glm::vec2 centre, float height, float fov_deg);
// A camera at `from` looking at `at` through a `fov_deg` lens, its near plane a metre out.
scene::Camera looking(glm::vec3 from, glm::vec3 at, float fov_deg);

}  // namespace test
