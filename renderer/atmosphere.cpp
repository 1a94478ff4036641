#include "renderer/atmosphere.h"

#include <algorithm>
#include <cmath>

#include <glm/gtc/matrix_inverse.hpp>

#include "scene/model/calendar.h"
#include "scene/sim/season.h"

namespace renderer {

namespace {

constexpr float kPi = 3.14159265358979f;
// The full moon gives about 2.5 millionths of the sun's illuminance (0.25 lux against
// 100,000), as a Lambert sphere by phase angle.
constexpr float kFullMoon = 2.5e-6f;
// The moon's disc: about 0.26° in radius; its radiance is its illuminance spread over that.
constexpr float kMoonSolidAngle = 6.4e-5f;

float smoothstep(float a, float b, float x) {
  const float t = glm::clamp((x - a) / (b - a), 0.0f, 1.0f);
  return t * t * (3 - 2 * t);
}
float luminance(const glm::vec3& c) { return glm::dot(c, glm::vec3(0.2126f, 0.7152f, 0.0722f)); }

// The fields of the North China plain through the year, at mid-month (Julian, close enough for
// fields): the share of plots under a standing crop, and how ripe (or, in winter, how dull and
// dormant) it is. Winter wheat is sown in autumn and stands brown-green through the winter,
// greens in spring and is cut golden in early summer; millet, sorghum and beans follow and
// are cut in autumn, leaving stubble and plough.
glm::vec2 crop_season(scene::Day day) {
  constexpr float kCover[12] = {0.35f, 0.35f, 0.40f, 0.55f, 0.60f, 0.40f, 0.55f, 0.60f, 0.55f, 0.30f, 0.30f, 0.35f};
  constexpr float kRipe[12] = {0.60f, 0.55f, 0.20f, 0.0f, 0.30f, 0.75f, 0.05f, 0.10f, 0.50f, 0.45f, 0.35f, 0.55f};
  const scene::CivilDate date = scene::civil_date(static_cast<std::int64_t>(std::floor(day)), scene::Calendar::Julian);
  const float month = static_cast<float>(date.month - 1) + (static_cast<float>(date.day) - 15.5f) / 30.5f;
  const float m = month < 0 ? month + 12 : month;
  const int a = static_cast<int>(m) % 12, b = (a + 1) % 12;
  const float f = m - std::floor(m);
  return {glm::mix(kCover[a], kCover[b], f), glm::mix(kRipe[a], kRipe[b], f)};
}

// The moon's brightness relative to the full moon from the lit fraction of its disc: the
// phase angle α from the fraction, then a Lambert sphere's ((π − α) cos α + sin α) / π.
float moon_phase_brightness(float illuminated) {
  const float alpha = std::acos(std::clamp(2.0f * illuminated - 1.0f, -1.0f, 1.0f));
  return std::max(0.0f, ((kPi - alpha) * std::cos(alpha) + std::sin(alpha)) / kPi);
}

// Moonlight reads blue to dark-adapted eyes (and on film, by convention).
const glm::vec3 kMoonTint(0.62f, 0.78f, 1.0f);

}  // namespace

float adapted_exposure(float horizontal) {
  constexpr float kNoon = 0.75f;  // a clear winter noon on the plain
  const float e = std::max(horizontal, 1e-9f);
  // Brighter than noon: a little less exposure. Darker: more, but only 0.87 of a stop per stop.
  return e >= kNoon ? std::pow(kNoon / e, 0.5f) : std::min(std::pow(kNoon / e, 0.87f), 1e7f);
}

void Atmosphere::update_sky(const SkyInputs& in) {
  const auto moved = [](const SkyLight& a, const SkyLight& b) {
    if (a.illuminance <= 0 && b.illuminance <= 0) return false;  // left out of the table: its place is moot
    return glm::dot(a.direction, b.direction) < 0.999999f ||
           std::abs(a.illuminance - b.illuminance) > 1e-3f * b.illuminance;
  };
  // Haze and cloud drift with the weather's smooth tracks: a change of a few thousandths does
  // not show in the table either.
  if (have_sky_ && !moved(in.sun, last_.sun) && !moved(in.moon, last_.moon) &&
      std::abs(in.haze - last_.haze) < 0.005f * last_.haze && std::abs(in.cloud_cover - last_.cloud_cover) < 0.005f)
    return;
  sky_ = model_.evaluate(in);
  last_ = in;
  have_sky_ = true;
  ++version_;
}

shaders::FrameUniforms Atmosphere::frame_uniforms(const scene::Snapshot& snapshot, const scene::Camera& camera,
                                                  float aspect, std::uint32_t sky_object) {
  shaders::FrameUniforms u{};
  const glm::mat4 view_proj = scene::projection_matrix(camera, aspect) * scene::view_matrix(camera);
  u.view_proj = view_proj;
  u.inv_view_proj = glm::inverse(view_proj);
  // Animation time follows presentation time so an exported frame N is always the same.
  u.camera_position = camera.position;
  u.time_s = static_cast<float>(snapshot.presentation_s);

  const auto unit = [](glm::vec3 v, glm::vec3 fallback) {
    return glm::length(v) < 1e-4f ? fallback : glm::normalize(v);
  };
  const glm::vec3 sun = unit(snapshot.sun_direction, glm::vec3(0, 1, 0));
  const glm::vec3 moon = unit(snapshot.moon.direction, glm::vec3(0, -1, 0));
  const scene::WeatherState& weather = snapshot.weather;

  SkyInputs in;
  in.sun = {sun, 1.0f};
  // The moon lights the sky too, far more faintly (a blue sky by moonlight, as by day).
  in.moon = {moon, kFullMoon * moon_phase_brightness(snapshot.moon.illuminated)};
  // Until the sun is 4° down, its twilight outshines the moonlit sky a thousandfold: leave the
  // moon out of the table then, so it is not recomputed as the moon moves by day.
  const SkyLight moon_light = in.moon;
  if (sun.y > -0.07f) in.moon.illuminance = 0.0f;
  in.haze = std::max(weather.haze, 0.0f);  // the scenario's haze times the weather's
  in.cloud_cover = weather.cloud_cover;
  update_sky(in);

  // The key light: the sun while any of it shows, else the moon. Twilight's sky light far
  // outweighs the moon's beam, so the switch is not seen.
  const bool sun_key = sun.y > -0.02f;
  u.sun_direction = sun_key ? sun : moon;
  u.sun_color = sun_key ? sky_.sun_irradiance : model_.direct(moon_light, in.haze, in.cloud_cover) * kMoonTint;
  u.daylight = smoothstep(-0.12f, 0.08f, sun.y);
  u.sun_disc_direction = sun;
  u.moon_direction = moon;
  u.moon_illuminated = snapshot.moon.illuminated;
  // The disc's radiance: the moon's illuminance over its solid angle (before the air).
  const float moon_radiance = moon_light.illuminance * 5.0f / kMoonSolidAngle;
  u.moon_disc_colour =
      glm::vec3(1.0f, 0.96f, 0.88f) * moon_radiance * std::max(1.0f - 0.9f * weather.cloud_cover, 0.0f);
  u.sky_up = sky_.sky_irradiance_up;
  u.sky_side = sky_.sky_irradiance_side;
  u.ground_bounce = sky_.ground_bounce;

  // The horizon's colour round the compass, a degree and a half up: the haze a distant
  // surface fades into, warm towards a low sun and blue away from it.
  glm::vec3 mean(0);
  for (std::uint32_t i = 0; i < shaders::kHorizonSamples; ++i) {
    const float azimuth = 2.0f * kPi * static_cast<float>(i) / shaders::kHorizonSamples;
    const float e = glm::radians(1.5f);
    const glm::vec3 d(std::cos(e) * std::sin(azimuth), std::sin(e), -std::cos(e) * std::cos(azimuth));
    const glm::vec2 uv = sky_view_uv(d);
    const int x = std::min(static_cast<int>(uv.x * kSkyViewWidth), kSkyViewWidth - 1);
    const float fy = uv.y * kSkyViewHeight - 0.5f;
    const int y0 = std::clamp(static_cast<int>(std::floor(fy)), 0, kSkyViewHeight - 2);
    const float t = std::clamp(fy - static_cast<float>(y0), 0.0f, 1.0f);
    const glm::vec3 c = glm::mix(glm::vec3(sky_.view[static_cast<size_t>(y0 * kSkyViewWidth + x)]),
                                 glm::vec3(sky_.view[static_cast<size_t>((y0 + 1) * kSkyViewWidth + x)]), t);
    u.horizon[i] = glm::vec4(c, 1.0f);
    mean += c / static_cast<float>(shaders::kHorizonSamples);
  }
  u.haze_colour = mean;

  // Stars show where the sky is darker than they are; cloud hides them.
  u.star_brightness = 1.0f - 0.95f * std::clamp(weather.cloud_cover, 0.0f, 1.0f);
  u.celestial_to_world = glm::mat4(snapshot.celestial_to_world);

  const glm::vec2 season = crop_season(snapshot.day);
  u.crop_cover = season.x;
  u.crop_ripeness = season.y;
  const scene::Foliage foliage = scene::foliage_at(snapshot.day);
  u.foliage = foliage.leaves;
  u.foliage_autumn = foliage.autumn;
  u.cloud_cover = std::clamp(weather.cloud_cover, 0.0f, 1.0f);
  u.snow_cover = std::clamp(weather.snow_cover, 0.0f, 1.0f);
  u.frost = std::clamp(weather.frost, 0.0f, 1.0f);
  u.wetness = std::clamp(weather.wetness, 0.0f, 1.0f);
  u.mist = std::clamp(weather.mist, 0.0f, 1.0f);
  u.precipitation_kind = static_cast<float>(weather.precipitation);
  u.precipitation_rate = std::clamp(weather.precipitation_rate, 0.0f, 1.0f);

  // Haze over the plain: visibility of some tens of kilometres, less in rain or snow.
  const float falling = weather.precipitation == scene::Precipitation::None ? 0.0f : weather.precipitation_rate;
  u.haze_density = 0.00004f * in.haze * (1.0f + 4.0f * falling + 1.5f * u.cloud_cover);
  // What of it is the air's (blue) and what the haze's (white), for the haze's colour.
  u.haze_rayleigh = glm::vec3(5.8e-6f, 13.6e-6f, 33.1e-6f);
  u.haze_mie = std::max(u.haze_density - 17.5e-6f, 2e-6f) / 1.1f;
  u.haze_falloff = 1.0f / 2500.0f;
  u.sky_object = sky_object;

  // Exposure adapts to the light on the ground: sun or moon, sky, and the fires near where
  // the camera looks (their illuminance at the look-at point, /π).
  float horizontal =
      luminance(sky_.sun_irradiance * std::max(sun.y, 0.0f) +
                model_.direct(moon_light, in.haze, in.cloud_cover) * std::max(moon.y, 0.0f) + sky_.sky_irradiance_up);
  float fires = 0;
  for (const scene::LightSource& light : snapshot.lights) {
    const glm::vec3 to = light.position - camera.target;
    fires += light.intensity * luminance(light.colour) / std::max(glm::dot(to, to), 60.0f * 60.0f);
  }
  horizontal += 0.5f * fires / kPi;
  u.exposure = adapted_exposure(horizontal);
  // The brightest star, some 1e-4 in radiance over a pixel, is lost below an exposure of ~10:
  // the sky shader then skips them.
  if (u.exposure < 10.0f) u.star_brightness = 0.0f;
  return u;
}

glm::vec3 horizon_colour(const shaders::FrameUniforms& uniforms, glm::vec3 dir) {
  // The ring's sample i looks at azimuth 2πi/N, measured from -z towards +x (frame_uniforms).
  const float turn = std::atan2(dir.x, -dir.z) / (2.0f * kPi);
  const float a = (turn - std::floor(turn)) * static_cast<float>(shaders::kHorizonSamples);
  const auto i = static_cast<std::uint32_t>(a) % shaders::kHorizonSamples;
  return glm::mix(glm::vec3(uniforms.horizon[i]), glm::vec3(uniforms.horizon[(i + 1) % shaders::kHorizonSamples]),
                  a - std::floor(a));
}

}  // namespace renderer
