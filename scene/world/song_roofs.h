// Roofs after Song practice (Yingzao fashi): hipped (庑殿), hip-and-gable (歇山) and
// overhanging gable (悬山), each with the concave section of 举折 (flat at the eaves, steep
// at the ridge), eaves beyond the walls and, on the hipped kinds, corners that turn up.
#pragma once

#include <cstdint>

#include <glm/glm.hpp>

#include "scene/mesh/mesh.h"

namespace scene {

enum class RoofKind { Hipped, HipGable, Gable };

struct RoofSpec {
  RoofKind kind = RoofKind::Gable;
  glm::vec2 walls{10, 7};  // the footprint it covers: along the ridge, across it (metres)
  float overhang = 0.8f;   // eaves beyond the walls on every side
  float rise = 2.5f;       // ridge above the eaves
  float sag = 0.12f;       // how far the middle of a slope lies below a straight one, as a share of the rise
  float corner_lift = 0;   // how far the eaves' corners turn up (hipped kinds only)
  int segments = 2;        // facets per slope: the curve's resolution
  float finials = 0;       // height of the 鸱尾 at the ridge's ends; 0: none
  bool ridge_beam = true;  // the ridge's capping (a stall's canopy has none)
  std::uint32_t tiles = 0, ridge = 0, gable = 0;  // packed colours (material.h)
};

// The roof as a closed solid whose flat underside lies at `eaves` (the walls' top, the
// footprint's centre), its ridge along the local x axis turned by `yaw` as Mesh::add_box.
void add_roof(Mesh& mesh, glm::vec3 eaves, float yaw, const RoofSpec& spec, std::uint32_t object);

}  // namespace scene
