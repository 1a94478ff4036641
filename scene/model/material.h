// Surface materials of the world: what a vertex is made of, so the renderer can give it the
// texture (albedo detail, normal, roughness) of rammed earth, tiles or timber.
//
// A world vertex's colour keeps its meaning (the surface's mean linear albedo, as seen from
// afar); the material says what detail to add close up. The code rides in the colour's alpha
// byte, which is the caller's (color.h): for the terrain's own vertices that byte stays the
// farmland share, for everything else it is the Material. 0 is Plain: no texture, as before.
// The detail layers have a mean of 1, so a surface far away (its mips averaged) looks as its
// vertex colour says and nothing shifts when the detail fades out.
#pragma once

#include <cstdint>
#include <string_view>

#include <glm/glm.hpp>

namespace scene {

enum class Material : std::uint8_t {
  Plain = 0,    // the vertex colour alone (soldiers' props, engines, anything not listed)
  RammedEarth,  // 夯土: walls, platforms, courtyard walls; horizontal layer lines ~10 cm apart
  Brick,        // brick facing, pagodas, gate passages
  RoofTiles,    // grey unglazed pan-and-cover tiles, rows running down the slope
  Timber,       // columns, beams, doors, brackets (tinted red ochre or left brown)
  Plaster,      // straw-mud render, lime wash
  PackedEarth,  // roads, lanes, courtyards, wall-walks
  Stone,        // bases, steps, paving, bridge piers
  Thatch,       // village roofs
  Rubble,       // breaches, fallen facing
  Bark,         // tree trunks and branches
  Leaves,       // tree crowns
  Reeds,        // reed beds on banks
  FieldSoil,    // ploughed earth (the terrain shader picks these for the ground)
  Stubble,      // harvested fields
  Grass,        // uncultivated ground, balks
  Snow,         // lying snow
  Mud,          // river banks and the moat's edge
};
inline constexpr int kMaterialCount = 18;  // Plain included; layers 1..17 in the texture arrays

std::string_view to_string(Material material);  // "rammed_earth"
// A vertex colour of `mean_albedo` (linear) made of `material`.
std::uint32_t pack_material(glm::vec3 mean_albedo, Material material);
// The material a non-terrain vertex colour carries; Plain for codes it does not know (a user
// model's alpha).
Material material_of(std::uint32_t rgba8);

}  // namespace scene
