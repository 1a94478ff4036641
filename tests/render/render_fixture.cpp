#include "render_fixture.h"

#include <map>

#include <catch2/catch.hpp>

#include "scene/load/load.h"

namespace test {

renderer::Context& context() {
  static std::unique_ptr<renderer::Context> instance = [] {
    renderer::ContextOptions options = renderer::ContextOptions::from_environment();
    options.validation = true;          // a validation message fails the test,
    options.require_validation = true;  // and no layer is no test
    // The goldens are lavapipe's: render on it wherever it is installed, a GPU machine too,
    // unless SIEGE_DEVICE names another device on purpose.
    if (options.device.empty()) options.device = "llvmpipe";
    options.quiet = true;
    return std::make_unique<renderer::Context>(options);
  }();
  return *instance;
}

const scene::Scenario& scenario(const std::string& name) {
  static std::map<std::string, scene::Scenario> loaded;
  auto it = loaded.find(name);
  if (it == loaded.end()) {
    scene::LoadResult result = scene::load_scenario(std::string(SIEGE_SOURCE_DIR) + "/assets/scenarios/" + name);
    for (const scene::Diagnostic& d : result.errors) UNSCOPED_INFO(d.to_string());
    REQUIRE(result.scenario);
    it = loaded.emplace(name, std::move(*result.scenario)).first;
  }
  return it->second;
}

std::optional<glm::ivec2> project(const scene::Camera& camera, std::uint32_t width, std::uint32_t height,
                                  glm::vec3 world) {
  const float aspect = static_cast<float>(width) / static_cast<float>(height);
  const glm::vec4 clip = scene::projection_matrix(camera, aspect) * scene::view_matrix(camera) * glm::vec4(world, 1.0f);
  if (clip.w <= 0) return std::nullopt;
  const glm::vec2 ndc = glm::vec2(clip) / clip.w;
  const glm::ivec2 pixel(static_cast<int>((ndc.x * 0.5f + 0.5f) * width),
                         static_cast<int>((ndc.y * 0.5f + 0.5f) * height));
  if (pixel.x < 0 || pixel.y < 0 || pixel.x >= static_cast<int>(width) || pixel.y >= static_cast<int>(height))
    return std::nullopt;
  return pixel;
}

std::string kind_at(const renderer::Renderer& renderer, const renderer::FrameImage& frame, glm::ivec2 pixel) {
  const std::uint32_t id = frame.id_at(static_cast<std::uint32_t>(pixel.x), static_cast<std::uint32_t>(pixel.y));
  if (id == 0) return "nothing";
  const scene::ObjectInfo* info = renderer.world().objects.find(id);
  return info ? std::string(scene::to_string(info->kind)) : "unknown id " + std::to_string(id);
}

bool kind_near(const renderer::Renderer& renderer, const renderer::FrameImage& frame, glm::ivec2 pixel,
               const std::string& kind, int radius) {
  for (int dy = -radius; dy <= radius; ++dy)
    for (int dx = -radius; dx <= radius; ++dx) {
      const glm::ivec2 p = pixel + glm::ivec2(dx, dy);
      if (p.x < 0 || p.y < 0 || p.x >= static_cast<int>(frame.width) || p.y >= static_cast<int>(frame.height)) continue;
      if (kind_at(renderer, frame, p) == kind) return true;
    }
  return false;
}

scene::Camera top_down(glm::vec2 centre, float height, float fov_deg) {
  scene::Camera camera;
  camera.position = glm::vec3(centre.x, height, centre.y);
  camera.target = glm::vec3(centre.x, 0, centre.y);
  camera.fov_deg = fov_deg;
  camera.near_m = 5;
  return camera;
}

scene::Camera looking(glm::vec3 from, glm::vec3 at, float fov_deg) {
  scene::Camera camera;
  camera.position = from;
  camera.target = at;
  camera.fov_deg = fov_deg;
  camera.near_m = 1;
  return camera;
}

}  // namespace test
