// The world's surface materials as texture layers, painted procedurally at load time: for
// each scene::Material (Plain excepted) an albedo detail, a tangent-space normal and a
// roughness, with every mip down to 1×1. Deterministic: integer hashes only, the same bytes
// on every run. No Vulkan here; renderer/material_textures uploads them.
//
// Tangent space: u runs along the surface's horizontal (texel x), v up a wall or along a
// slope's fall line (texel y); shaders/materials.glsl maps world positions the same way.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "scene/model/material.h"

namespace scene {

struct MaterialImages {
  int size = 0;        // texels along a side of mip 0
  int mip_levels = 0;  // size, size/2, ..., 1
  int layers = 0;      // layer k holds Material k + 1
  // RGBA8, mip-major: every layer's mip 0, then every layer's mip 1, ... (offset()).
  // albedo: rgb = detail × shaders::kAlbedoDetailStore (mean 1 over the layer), a = height
  // (0 lowest, 1 highest: where snow and water gather). normal_roughness: rgb = tangent
  // normal × 0.5 + 0.5, a = roughness.
  std::vector<std::uint8_t> albedo;
  std::vector<std::uint8_t> normal_roughness;

  int mip_size(int mip) const { return size >> mip; }
  // Byte offset of (layer, mip) in either array.
  std::size_t offset(int layer, int mip) const;
  // Byte size of one mip level of all layers.
  std::size_t level_bytes(int mip) const {
    return static_cast<std::size_t>(mip_size(mip)) * mip_size(mip) * 4 * layers;
  }
};

// Every layer at `size` texels (a power of two, at least 4).
MaterialImages build_material_images(int size);
// Metres of surface one repeat of a material's layer spans (shaders/materials.h); 1 for Plain.
float material_metres(Material material);

}  // namespace scene
