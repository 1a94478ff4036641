// How near a surface must be for the materials' detail (shaders/materials.h) to show, and so
// which of world.frag's builds (its kMaterials) a chunk of the world is drawn with: a CPU
// driver runs a build's every fetch for every pixel, so only chunks near enough pay for them.
// Beyond a level's reach, the cheaper build draws the same picture.
#pragma once

#include <cstdint>

#include <glm/glm.hpp>

#include "scene/model/camera.h"

namespace renderer {

// world.frag's kMaterials.
enum class MaterialDetail : std::uint8_t {
  None = 0,      // the vertex colour alone
  Courses = 1,   // rammed earth's courses (kEarthCoursesReach); the open ground's patches (kGroundPatchesReach)
  Textures = 2,  // the layers' textures as well
};

struct MaterialReach {
  glm::vec3 eye{0};
  float pixel_per_metre = 0;  // metres a pixel spans at least, anywhere in the frame, per metre away
  float texture_m = 0;        // the footprint where the coarsest layer's texture is gone
};

// For a camera (its lens fov already applied) and a frame `height` pixels high and `aspect`
// wide; `snow`: snow lies, whose layer is the coarsest.
MaterialReach material_reach(const scene::Camera& camera, float aspect, std::uint32_t height, bool snow);

// The build for what lies in the box [min, max]: the most detail any pixel of it can show.
// `standing`: what stands (rammed earth's courses apply); else the ground (its patches apply).
MaterialDetail material_detail(const MaterialReach& reach, glm::vec3 min, glm::vec3 max, bool standing);

// The same for anything at least `distance` metres from the eye.
MaterialDetail material_detail(const MaterialReach& reach, float distance, bool standing);

}  // namespace renderer
