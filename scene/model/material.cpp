#include "scene/model/material.h"

#include "scene/model/color.h"

namespace scene {

std::string_view to_string(Material material) {
  switch (material) {
    case Material::Plain:
      return "plain";
    case Material::RammedEarth:
      return "rammed_earth";
    case Material::Brick:
      return "brick";
    case Material::RoofTiles:
      return "roof_tiles";
    case Material::Timber:
      return "timber";
    case Material::Plaster:
      return "plaster";
    case Material::PackedEarth:
      return "packed_earth";
    case Material::Stone:
      return "stone";
    case Material::Thatch:
      return "thatch";
    case Material::Rubble:
      return "rubble";
    case Material::Bark:
      return "bark";
    case Material::Leaves:
      return "leaves";
    case Material::Reeds:
      return "reeds";
    case Material::FieldSoil:
      return "field_soil";
    case Material::Stubble:
      return "stubble";
    case Material::Grass:
      return "grass";
    case Material::Snow:
      return "snow";
    case Material::Mud:
      return "mud";
  }
  return "plain";
}

std::uint32_t pack_material(glm::vec3 mean_albedo, Material material) {
  return (pack_color(mean_albedo) & 0x00FFFFFFu) | (static_cast<std::uint32_t>(material) << 24);
}

Material material_of(std::uint32_t rgba8) {
  const std::uint32_t code = rgba8 >> 24;
  return code < static_cast<std::uint32_t>(kMaterialCount) ? static_cast<Material>(code) : Material::Plain;
}

}  // namespace scene
