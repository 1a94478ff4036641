// A physically based clear sky after Hillaire (2020): Rayleigh, Mie and ozone over a round
// earth, a transmittance table and a multiple-scattering table computed once, and a
// sky-view table of radiance by direction recomputed when the sun or moon moves. Plain C++
// on the CPU (a few milliseconds), so the renderer uploads tables, not shaders that march.
//
// Units: radiance and irradiance in the renderer's scene units, in which a white surface lit
// by the noon sun shows about 1.3 (surface radiance = albedo × irradiance / π).
#pragma once

#include <vector>

#include <glm/glm.hpp>

namespace renderer {

// The sky-view table's layout, shared with the shaders (common.glsl decodes it the same way).
inline constexpr int kSkyViewWidth = 64;   // azimuth, clockwise from north (world -z)
inline constexpr int kSkyViewHeight = 32;  // elevation, -90..90°, denser near the horizon

struct SkyLight {
  glm::vec3 direction{0, 1, 0};  // unit vector towards the body
  float illuminance = 0;         // at the top of the atmosphere, relative to the sun's
};

struct SkyInputs {
  SkyLight sun;
  SkyLight moon;
  float haze = 1;         // multiplies the aerosol (Mie) density: thicker haze, whiter sky
  float cloud_cover = 0;  // 0 clear .. 1 overcast
};

struct SkyOutputs {
  std::vector<glm::vec4> view;  // kSkyViewWidth × kSkyViewHeight radiances, row 0 lowest
  glm::vec3 sun_irradiance{0};  // direct sun on a surface facing it, at the ground, / π
  glm::vec3 moon_irradiance{0};
  glm::vec3 sky_irradiance_up{0};    // from the sky on an upward surface, / π
  glm::vec3 sky_irradiance_side{0};  // on a vertical surface, averaged round the compass, / π
  glm::vec3 ground_bounce{0};        // from the lit ground onto a downward surface, / π
};

class SkyModel {
 public:
  SkyModel();  // builds the transmittance and multiple-scattering tables

  SkyOutputs evaluate(const SkyInputs& inputs) const;

  // A body's direct light at the ground (/π), through the air and the cloud.
  glm::vec3 direct(const SkyLight& light, float haze, float cloud_cover) const;

  // Transmittance from the ground towards a direction with this sine of elevation.
  glm::vec3 ground_transmittance(float sin_elevation, float haze) const;

 private:
  glm::vec3 transmittance(float altitude_km, float cos_zenith) const;
  glm::vec3 multiple_scattering(float altitude_km, float cos_sun_zenith) const;

  std::vector<glm::vec3> transmittance_;  // kTransmittanceW × kTransmittanceH
  std::vector<glm::vec3> multiple_;       // kMultipleW × kMultipleH
};

// Where a direction falls in the sky-view table (u across azimuth, v up elevation, 0..1).
glm::vec2 sky_view_uv(glm::vec3 direction);

}  // namespace renderer
