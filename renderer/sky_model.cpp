#include "renderer/sky_model.h"

#include <algorithm>
#include <cmath>

namespace renderer {

namespace {

constexpr float kPi = 3.14159265358979f;
// The atmosphere, in kilometres and per kilometre (Hillaire 2020, after Bruneton 2017).
constexpr float kGroundKm = 6360.0f;
constexpr float kTopKm = 6460.0f;
constexpr float kViewerKm = 0.2f;  // the sky as seen from a few hundred metres up
const glm::vec3 kRayleighScattering(5.802e-3f, 13.558e-3f, 33.1e-3f);
constexpr float kRayleighHeightKm = 8.0f;
constexpr float kMieScattering = 3.996e-3f;
constexpr float kMieExtinction = 4.44e-3f;
constexpr float kMieHeightKm = 1.2f;
constexpr float kMieG = 0.8f;
const glm::vec3 kOzoneAbsorption(0.650e-3f, 1.881e-3f, 0.085e-3f);
constexpr float kGroundAlbedo = 0.2f;
// The sun above the atmosphere: chosen so that a white surface facing the noon sun of a
// clear winter day on the plain shows about 1.3 after its Lambert 1/π.
constexpr float kSunIlluminance = 5.0f;
// Airglow and unresolved starlight: a moonless night sky some 10^-8 of the day's.
const glm::vec3 kNightSky(1.4e-8f, 1.7e-8f, 2.4e-8f);

constexpr int kTransmittanceW = 256;  // cos zenith, -1..1
constexpr int kTransmittanceH = 32;   // altitude, 0..100 km, denser low
constexpr int kMultipleW = 16;        // cos sun zenith
constexpr int kMultipleH = 16;        // altitude

// Density profiles, each 0..1: Rayleigh, Mie, ozone.
glm::vec3 densities(float altitude_km) {
  const float h = std::max(altitude_km, 0.0f);
  return {std::exp(-h / kRayleighHeightKm), std::exp(-h / kMieHeightKm),
          std::max(0.0f, 1.0f - std::abs(h - 25.0f) / 15.0f)};
}

glm::vec3 extinction_of(const glm::vec3& d, float haze) {
  return kRayleighScattering * d.x + glm::vec3(kMieExtinction * haze * d.y) + kOzoneAbsorption * d.z;
}

// Distance along a ray from radius r with cosine mu to the top of the atmosphere, or to the
// ground if it hits it (hit_ground says which).
float ray_length(float r, float mu, bool& hit_ground) {
  const float disc_ground = r * r * (mu * mu - 1.0f) + kGroundKm * kGroundKm;
  hit_ground = mu < 0.0f && disc_ground >= 0.0f;
  if (hit_ground) return std::max(0.0f, -r * mu - std::sqrt(disc_ground));
  const float disc_top = r * r * (mu * mu - 1.0f) + kTopKm * kTopKm;
  return std::max(0.0f, -r * mu + std::sqrt(std::max(disc_top, 0.0f)));
}

float rayleigh_phase(float c) { return 3.0f / (16.0f * kPi) * (1.0f + c * c); }

float mie_phase(float c) {  // Cornette-Shanks
  const float g2 = kMieG * kMieG;
  return 3.0f / (8.0f * kPi) * ((1.0f - g2) * (1.0f + c * c)) /
         ((2.0f + g2) * std::pow(std::max(1.0f + g2 - 2.0f * kMieG * c, 1e-4f), 1.5f));
}

float altitude_of_row(int row, int rows) {
  const float x = static_cast<float>(row) / static_cast<float>(rows - 1);
  return 100.0f * x * x;
}

glm::vec3 bilinear(const std::vector<glm::vec3>& table, int w, int h, float u, float v) {
  const float x = std::clamp(u, 0.0f, 1.0f) * static_cast<float>(w - 1);
  const float y = std::clamp(v, 0.0f, 1.0f) * static_cast<float>(h - 1);
  const int x0 = std::min(static_cast<int>(x), w - 2), y0 = std::min(static_cast<int>(y), h - 2);
  const float fx = x - static_cast<float>(x0), fy = y - static_cast<float>(y0);
  const auto at = [&](int i, int j) { return table[static_cast<size_t>(j * w + i)]; };
  return glm::mix(glm::mix(at(x0, y0), at(x0 + 1, y0), fx), glm::mix(at(x0, y0 + 1), at(x0 + 1, y0 + 1), fx), fy);
}

float luminance(const glm::vec3& c) { return glm::dot(c, glm::vec3(0.2126f, 0.7152f, 0.0722f)); }

// The table's direction for a texel centre (inverse of sky_view_uv).
glm::vec3 sky_view_direction(int i, int j) {
  const float u = (static_cast<float>(i) + 0.5f) / kSkyViewWidth;
  const float v = (static_cast<float>(j) + 0.5f) / kSkyViewHeight;
  const float s = 2.0f * v - 1.0f;
  const float elevation = std::copysign(s * s, s) * 0.5f * kPi;
  const float azimuth = u * 2.0f * kPi;
  const float c = std::cos(elevation);
  return {c * std::sin(azimuth), std::sin(elevation), -c * std::cos(azimuth)};
}

// Irradiance from the sky dome of a sky-view table, /π: on an upward face, and on upright
// faces averaged round the compass.
struct DomeLight {
  glm::vec3 up{0}, side{0};
};
DomeLight dome_irradiance(const std::vector<glm::vec4>& view) {
  glm::vec3 up(0), side(0);
  for (int j = 0; j < kSkyViewHeight; ++j) {
    const float s = 2.0f * (static_cast<float>(j) + 0.5f) / kSkyViewHeight - 1.0f;
    for (int i = 0; i < kSkyViewWidth; ++i) {
      const glm::vec3 d = sky_view_direction(i, j);
      if (d.y <= 0) continue;
      // Solid angle of a texel: dAzimuth × cos(elevation) × dElevation (elevation = s|s|·π/2).
      const float solid =
          std::cos(std::asin(d.y)) * (2.0f * kPi / kSkyViewWidth) * (kPi * std::abs(s) * 2.0f / kSkyViewHeight);
      const glm::vec3 l(view[static_cast<size_t>(j * kSkyViewWidth + i)]);
      up += l * d.y * solid;
      const float horizontal = std::sqrt(std::max(0.0f, 1.0f - d.y * d.y));
      side += l * horizontal * solid / kPi;  // the mean of max(cos, 0) round the compass is 1/π
    }
  }
  return {up / kPi, side / kPi};
}

}  // namespace

glm::vec2 sky_view_uv(glm::vec3 d) {
  d = glm::normalize(d);
  float azimuth = std::atan2(d.x, -d.z);
  if (azimuth < 0) azimuth += 2.0f * kPi;
  const float e = std::asin(std::clamp(d.y, -1.0f, 1.0f)) / (0.5f * kPi);
  const float s = std::copysign(std::sqrt(std::abs(e)), e);
  return {azimuth / (2.0f * kPi), 0.5f * s + 0.5f};
}

SkyModel::SkyModel() {
  // Optical depths (density integrals, km) of each component along every ray from the table's
  // altitudes; a ray into the ground gets an infinite depth.
  transmittance_.resize(static_cast<size_t>(kTransmittanceW * kTransmittanceH));
  for (int j = 0; j < kTransmittanceH; ++j) {
    const float r = kGroundKm + altitude_of_row(j, kTransmittanceH);
    for (int i = 0; i < kTransmittanceW; ++i) {
      const float mu = -1.0f + 2.0f * static_cast<float>(i) / (kTransmittanceW - 1);
      bool ground = false;
      const float length = ray_length(r, mu, ground);
      glm::vec3 depth(0);
      if (ground) {
        depth = glm::vec3(1e9f);
      } else {
        constexpr int kSteps = 40;
        const float dt = length / kSteps;
        for (int s = 0; s < kSteps; ++s) {
          const float t = (static_cast<float>(s) + 0.5f) * dt;
          const float rr = std::sqrt(r * r + t * t + 2.0f * r * mu * t);
          depth += densities(rr - kGroundKm) * dt;
        }
      }
      transmittance_[static_cast<size_t>(j * kTransmittanceW + i)] = depth;
    }
  }

  // Hillaire's multiple-scattering term: second-order light gathered isotropically over the
  // sphere of directions, summed as a geometric series for all higher orders.
  multiple_.resize(static_cast<size_t>(kMultipleW * kMultipleH));
  constexpr int kDirections = 64, kSteps = 16;
  for (int j = 0; j < kMultipleH; ++j) {
    const float altitude = altitude_of_row(j, kMultipleH);
    const float r = kGroundKm + altitude;
    for (int i = 0; i < kMultipleW; ++i) {
      const float mu_sun = -1.0f + 2.0f * static_cast<float>(i) / (kMultipleW - 1);
      const glm::vec3 sun(std::sqrt(std::max(0.0f, 1.0f - mu_sun * mu_sun)), mu_sun, 0.0f);
      glm::vec3 second(0), transfer(0);
      for (int k = 0; k < kDirections; ++k) {
        // Fibonacci sphere: even directions without randomness.
        const float y = 1.0f - 2.0f * (static_cast<float>(k) + 0.5f) / kDirections;
        const float ring = std::sqrt(std::max(0.0f, 1.0f - y * y));
        const float phi = static_cast<float>(k) * 2.39996323f;
        const glm::vec3 dir(ring * std::cos(phi), y, ring * std::sin(phi));
        bool ground = false;
        const float length = ray_length(r, dir.y, ground);
        const float dt = length / kSteps;
        glm::vec3 through(1);
        for (int s = 0; s < kSteps; ++s) {
          const float t = (static_cast<float>(s) + 0.5f) * dt;
          const glm::vec3 p = glm::vec3(0, r, 0) + dir * t;
          const float rr = glm::length(p);
          const glm::vec3 d = densities(rr - kGroundKm);
          const glm::vec3 scattering = kRayleighScattering * d.x + glm::vec3(kMieScattering * d.y);
          const glm::vec3 ext = extinction_of(d, 1.0f);
          const glm::vec3 step = glm::exp(-ext * dt);
          const glm::vec3 integral = (glm::vec3(1) - step) / glm::max(ext, glm::vec3(1e-7f));
          const glm::vec3 sun_t = transmittance(rr - kGroundKm, glm::dot(p / rr, sun));
          second += through * scattering * sun_t * integral / (4.0f * kPi);
          transfer += through * scattering * integral;
          through *= step;
        }
        if (ground) {
          const glm::vec3 p = glm::vec3(0, r, 0) + dir * length;
          const float mu_ground = glm::dot(glm::normalize(p), sun);
          second += through * transmittance(0.0f, mu_ground) * std::max(mu_ground, 0.0f) * kGroundAlbedo / kPi;
        }
      }
      second /= static_cast<float>(kDirections);
      transfer /= static_cast<float>(kDirections);
      multiple_[static_cast<size_t>(j * kMultipleW + i)] =
          second / (glm::vec3(1) - glm::min(transfer, glm::vec3(0.99f)));
    }
  }
}

glm::vec3 SkyModel::transmittance(float altitude_km, float cos_zenith) const {
  const float v = std::sqrt(std::clamp(altitude_km / 100.0f, 0.0f, 1.0f));
  const glm::vec3 depth = bilinear(transmittance_, kTransmittanceW, kTransmittanceH, 0.5f * cos_zenith + 0.5f, v);
  return glm::exp(-extinction_of(depth, 1.0f));
}

glm::vec3 SkyModel::direct(const SkyLight& light, float haze, float cloud_cover) const {
  if (light.illuminance <= 0) return glm::vec3(0);
  // The disc sets over about half a degree; cloud takes the beam.
  const float fade = std::clamp((light.direction.y + 0.0046f) / 0.0092f, 0.0f, 1.0f);
  const float beam = std::pow(1.0f - std::clamp(cloud_cover, 0.0f, 1.0f), 1.5f);
  return ground_transmittance(std::max(light.direction.y, 0.0f), haze) * fade * beam *
         (light.illuminance * kSunIlluminance / kPi);
}

glm::vec3 SkyModel::ground_transmittance(float sin_elevation, float haze) const {
  const glm::vec3 depth = bilinear(transmittance_, kTransmittanceW, kTransmittanceH, 0.5f * sin_elevation + 0.5f, 0.0f);
  return glm::exp(-extinction_of(depth, haze));
}

glm::vec3 SkyModel::multiple_scattering(float altitude_km, float cos_sun_zenith) const {
  const float v = std::sqrt(std::clamp(altitude_km / 100.0f, 0.0f, 1.0f));
  return bilinear(multiple_, kMultipleW, kMultipleH, 0.5f * cos_sun_zenith + 0.5f, v);
}

SkyOutputs SkyModel::evaluate(const SkyInputs& in) const {
  SkyOutputs out;
  out.view.assign(static_cast<size_t>(kSkyViewWidth * kSkyViewHeight), glm::vec4(0));
  const SkyLight lights[2] = {in.sun, in.moon};
  const float haze = std::max(in.haze, 0.0f);
  const float r0 = kGroundKm + kViewerKm;
  const glm::vec3 origin(0, r0, 0);
  for (int j = 0; j < kSkyViewHeight; ++j) {
    for (int i = 0; i < kSkyViewWidth; ++i) {
      const glm::vec3 dir = sky_view_direction(i, j);
      bool ground = false;
      const float length = ray_length(r0, dir.y, ground);
      // Long grazing rays need more samples near the eye, where the air is densest.
      constexpr int kSteps = 20;
      glm::vec3 radiance(0), through(1);
      float t_prev = 0;
      for (int s = 0; s < kSteps; ++s) {
        const float x = (static_cast<float>(s) + 1.0f) / kSteps;
        const float t_next = length * x * x;
        const float dt = t_next - t_prev;
        const float t = 0.5f * (t_prev + t_next);
        t_prev = t_next;
        const glm::vec3 p = origin + dir * t;
        const float rr = glm::length(p);
        const glm::vec3 up = p / rr;
        const glm::vec3 d = densities(rr - kGroundKm);
        const glm::vec3 rayleigh = kRayleighScattering * d.x;
        const float mie = kMieScattering * haze * d.y;
        const glm::vec3 ext = extinction_of(d, haze);
        glm::vec3 source(0);
        for (const SkyLight& light : lights) {
          if (light.illuminance <= 0 || light.direction.y < -0.35f) continue;  // no twilight left
          const float c = glm::dot(dir, light.direction);
          const float mu = glm::dot(up, light.direction);
          const glm::vec3 sun_t = transmittance(rr - kGroundKm, mu);
          const glm::vec3 single = rayleigh * rayleigh_phase(c) + glm::vec3(mie * mie_phase(c));
          const glm::vec3 multiple = (rayleigh + glm::vec3(mie)) * multiple_scattering(rr - kGroundKm, mu);
          source += (single * sun_t + multiple) * (light.illuminance * kSunIlluminance);
        }
        const glm::vec3 step = glm::exp(-ext * dt);
        radiance += through * source * (glm::vec3(1) - step) / glm::max(ext, glm::vec3(1e-7f));
        through *= step;
      }
      if (ground) {  // the lit plain, seen through the air in front of it
        for (const SkyLight& light : lights) {
          const float mu = light.direction.y;
          if (light.illuminance <= 0 || mu <= 0) continue;
          radiance +=
              through * transmittance(0.0f, mu) * mu * kGroundAlbedo / kPi * (light.illuminance * kSunIlluminance);
        }
      } else {
        radiance += kNightSky;
      }
      out.view[static_cast<size_t>(j * kSkyViewWidth + i)] = glm::vec4(radiance, 1.0f);
    }
  }

  out.sun_irradiance = direct(in.sun, haze, 0.0f);
  out.moon_irradiance = direct(in.moon, haze, 0.0f);

  // Cloud: the direct beams dim, the sky becomes a grey dome lit by what the clouds take in
  // (the CIE overcast sky, brighter overhead), and the cloud deck hides the clear sky's colour.
  const float cloud = std::clamp(in.cloud_cover, 0.0f, 1.0f);
  if (cloud > 0) {
    const glm::vec3 total = dome_irradiance(out.view).up + out.sun_irradiance * std::max(in.sun.direction.y, 0.0f) +
                            out.moon_irradiance * std::max(in.moon.direction.y, 0.0f);
    const float grey = luminance(total) * 0.45f * (9.0f / 7.0f);
    const glm::vec3 overcast = glm::vec3(0.93f, 0.96f, 1.0f) * grey;
    for (int j = 0; j < kSkyViewHeight; ++j)
      for (int i = 0; i < kSkyViewWidth; ++i) {
        const glm::vec3 d = sky_view_direction(i, j);
        glm::vec4& texel = out.view[static_cast<size_t>(j * kSkyViewWidth + i)];
        const glm::vec3 dome = overcast * (1.0f + 2.0f * std::max(d.y, 0.0f)) / 3.0f + kNightSky;
        texel = glm::vec4(glm::mix(glm::vec3(texel), dome, cloud * (d.y > -0.02f ? 1.0f : 0.6f)), 1.0f);
      }
    out.sun_irradiance = direct(in.sun, haze, cloud);
    out.moon_irradiance = direct(in.moon, haze, cloud);
  }

  const DomeLight dome = dome_irradiance(out.view);
  out.sky_irradiance_up = dome.up;
  out.sky_irradiance_side = dome.side;
  const glm::vec3 on_ground = out.sun_irradiance * std::max(in.sun.direction.y, 0.0f) +
                              out.moon_irradiance * std::max(in.moon.direction.y, 0.0f) + out.sky_irradiance_up;
  out.ground_bounce = on_ground * kGroundAlbedo;
  return out;
}

}  // namespace renderer
