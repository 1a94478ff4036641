#include "renderer/atmosphere.h"

#include <cmath>

#include <glm/gtc/matrix_inverse.hpp>

#include "scene/model/calendar.h"

namespace renderer {

namespace {
float smoothstep(float a, float b, float x) {
  const float t = glm::clamp((x - a) / (b - a), 0.0f, 1.0f);
  return t * t * (3 - 2 * t);
}
// The fields of the North China plain through the year, at mid-month (Julian, close enough for
// fields): the share of plots under a standing crop, and how ripe it is. Winter wheat is sown
// in autumn and stands dull through the winter, greens in spring and is cut golden in early
// summer; millet, sorghum and beans follow and are cut in autumn, leaving stubble and plough.
glm::vec2 crop_season(scene::Day day) {
  constexpr float kCover[12] = {0.35f, 0.35f, 0.40f, 0.55f, 0.60f, 0.40f, 0.55f, 0.60f, 0.55f, 0.30f, 0.30f, 0.35f};
  constexpr float kRipe[12] = {0.30f, 0.30f, 0.15f, 0.0f, 0.30f, 0.75f, 0.05f, 0.10f, 0.50f, 0.45f, 0.20f, 0.30f};
  const scene::CivilDate date = scene::civil_date(static_cast<std::int64_t>(std::floor(day)), scene::Calendar::Julian);
  const float month = static_cast<float>(date.month - 1) + (static_cast<float>(date.day) - 15.5f) / 30.5f;
  const float m = month < 0 ? month + 12 : month;
  const int a = static_cast<int>(m) % 12, b = (a + 1) % 12;
  const float f = m - std::floor(m);
  return {glm::mix(kCover[a], kCover[b], f), glm::mix(kRipe[a], kRipe[b], f)};
}

}  // namespace

shaders::FrameUniforms frame_uniforms(const scene::Snapshot& snapshot, const scene::Camera& camera, float aspect,
                                      float haze_multiplier, std::uint32_t sky_object, float exposure) {
  shaders::FrameUniforms u{};
  const glm::mat4 view_proj = scene::projection_matrix(camera, aspect) * scene::view_matrix(camera);
  u.view_proj = view_proj;
  u.inv_view_proj = glm::inverse(view_proj);
  // Animation time follows presentation time so an exported frame N is always the same.
  u.camera_position = camera.position;
  u.time_s = static_cast<float>(snapshot.presentation_s);

  glm::vec3 sun = snapshot.sun_direction;
  if (glm::length(sun) < 1e-4f) sun = glm::vec3(0, 1, 0);
  sun = glm::normalize(sun);
  const float elevation = sun.y;
  const float day = smoothstep(-0.12f, 0.08f, elevation);
  const float low = 1.0f - smoothstep(0.02f, 0.35f, elevation);  // reddening near the horizon
  u.sun_direction = sun;
  u.daylight = day;

  const glm::vec3 noon_sun(1.35f, 1.28f, 1.18f), low_sun(1.2f, 0.62f, 0.26f);
  u.sun_color = glm::mix(noon_sun, low_sun, low) * smoothstep(-0.03f, 0.05f, elevation);
  const glm::vec3 night_zenith(0.004f, 0.006f, 0.015f), night_horizon(0.012f, 0.014f, 0.025f);
  const glm::vec3 day_zenith(0.13f, 0.25f, 0.55f), day_horizon(0.55f, 0.62f, 0.70f), dusk_horizon(0.75f, 0.45f, 0.28f);
  u.sky_zenith = glm::mix(night_zenith, day_zenith, day);
  u.sky_horizon = glm::mix(night_horizon, glm::mix(day_horizon, dusk_horizon, low * day), day);
  // The season of the fields, for the ground shader.
  const glm::vec2 season = crop_season(snapshot.day);
  u.crop_cover = season.x;
  u.crop_ripeness = season.y;
  // Autumn haze over the plain: visibility of some tens of kilometres.
  const glm::vec3 haze =
      glm::mix(night_horizon, glm::mix(glm::vec3(0.52f, 0.56f, 0.60f), dusk_horizon, low * 0.6f), day);
  u.haze_colour = haze;
  u.haze_density = 0.00004f * haze_multiplier;
  u.exposure = exposure;
  u.sky_object = sky_object;
  u.haze_falloff = 1.0f / 2500.0f;
  return u;
}

}  // namespace renderer
