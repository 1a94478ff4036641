// The frame's local lights: which of the snapshot's fires, camp fires and torches light this
// view, and the screen tiles each can reach, packed for shaders/lights.glsl. Pure CPU work on
// the snapshot, so it is tested without a GPU.
#pragma once

#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

#include "scene/model/snapshot.h"
#include "shaders/shared.h"

namespace renderer {

// How bright a light is this instant, as a factor about 1: a sum of two slow sines per light,
// phased by its seed, deeper for a torch than for a burning quarter (whose many flames average
// out). A pure function of the light and presentation time, so a frame is the same every run.
float light_flicker(const scene::LightSource& light, float time_s);

// Up to `cap` (at most shaders::kMaxLocalLights) of `lights`: those whose sphere of reach
// touches the view, brightest as seen from `eye` first (intensity over squared distance; ties
// keep the snapshot's order), with the tiles of a `width` × `height` image each may light.
// With `floor` > 0 a light's reach ends where its irradiance / π (what local_light() adds at
// most) falls under floor × `shade` (the frame's light in shade, the same units), and a light
// under that even at 1 m is left out: by day fires need no lighting code at all.
shaders::LightUniforms select_lights(const std::vector<scene::LightSource>& lights, const glm::mat4& view_proj,
                                     glm::vec3 eye, std::uint32_t width, std::uint32_t height, float time_s,
                                     std::uint32_t cap, float shade = 0.0f, float floor = 0.0f);

// Tile t's mask in a block select_lights filled.
inline std::uint32_t tile_mask(const shaders::LightUniforms& block, std::uint32_t tile) {
  return block.tile_masks[tile / 4u][static_cast<int>(tile % 4u)];
}

}  // namespace renderer
