// Shapes the kit builders (kit_body, kit_mongol, kit_jin, kit_song) make their parts from, the
// vertex colours with their colour class, and the set of parts a figure is growing, so that
// every piece of a kit is written as "this shape, this colour, on this bone".
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <tuple>

#include <glm/glm.hpp>

#include "scene/figures/figure_rig.h"
#include "scene/mesh/mesh.h"

namespace scene::kit {

// Vertex colours: the alpha byte is the colour class (shaders/shared.h kClass*), the rgb a
// shade multiplied with the class colour (white: the colour itself).
std::uint32_t faction(glm::vec3 shade = glm::vec3(1));  // the army's accent
std::uint32_t garment(glm::vec3 shade = glm::vec3(1));  // a dye of the kit's palette
std::uint32_t banner(glm::vec3 shade = glm::vec3(1));   // the unit's banner colour
std::uint32_t skin(glm::vec3 shade = glm::vec3(1));     // a skin tone of the kit's palette
std::uint32_t albedo(glm::vec3 linear);                 // the material's own colour
std::uint32_t albedo_hex(std::uint32_t srgb_hex);       // the same, from an sRGB hex
glm::vec3 linear_from_hex(std::uint32_t srgb_hex);      // 0xRRGGBB (sRGB) as linear RGB

// Own-albedo materials shared by the kits (sRGB hex in kit_parts.cpp says where each is from).
namespace mat {
std::uint32_t iron();  // LOOK.md §4: iron #5A5C5E
std::uint32_t dark_iron();
std::uint32_t lacquer();  // leather lamellae lacquered dark (Carpini, LOOK.md [33])
std::uint32_t leather();
std::uint32_t wood();
std::uint32_t fur();
std::uint32_t felt();  // LOOK.md §4: felt #CFC6B4
std::uint32_t hair();
std::uint32_t horn();  // composite bow
std::uint32_t string();
std::uint32_t straw();
std::uint32_t gold();  // Jurchen earrings (LOOK.md [38])
std::uint32_t ink();   // lamp-black ink: the characters on the standards (banner_glyph.h)
}  // namespace mat

// A tube from a to b: `sides` faces round the axis, elliptic radii (x: across, y: the other
// way) at each end, caps where asked. A radius of 0 at b makes a cone. 4 sides make a box
// whose half-widths are the radii.
void tube(Mesh& m, glm::vec3 a, glm::vec3 b, glm::vec2 ra, glm::vec2 rb, int sides, std::uint32_t colour,
          bool cap_a = false, bool cap_b = false);
// A band round the vertical through `centre`, from y0 (radii r0) up to y1 (radii r1), over the
// angles a0..a1 (degrees; 0 is +x, 90 the front, -z), in `segments` faces, seen from both sides
// when `two_sided`: helmet flaps, aventails, lamellar skirts, hat brims.
void band(Mesh& m, glm::vec3 centre, float y0, glm::vec2 r0, float y1, glm::vec2 r1, float a0, float a1, int segments,
          std::uint32_t colour, bool two_sided);
// The same band with every other face in `stripe` (the Jin horse's tiger-striped skirt).
void striped_band(Mesh& m, glm::vec3 centre, float y0, glm::vec2 r0, float y1, glm::vec2 r1, int segments,
                  std::uint32_t colour, std::uint32_t stripe);
// An axis-aligned box between two corners (no bottom face).
void block(Mesh& m, glm::vec3 lo, glm::vec3 hi, std::uint32_t colour);
// A quad seen from both sides (flags, blades, the deel's lapel where it stands off the chest).
void panel(Mesh& m, glm::vec3 a, glm::vec3 b, glm::vec3 c, glm::vec3 d, std::uint32_t colour);
// A quad seen from the side `facing` points to.
void face(Mesh& m, glm::vec3 a, glm::vec3 b, glm::vec3 c, glm::vec3 d, glm::vec3 facing, std::uint32_t colour);
// A bow held at `grip`: its limbs run along `along` (half-length `half`), bent away from the
// string by `depth` towards `front`; a composite (recurve) bow's tips flick forward again.
void bow(Mesh& m, glm::vec3 grip, glm::vec3 along, glm::vec3 front, float half, float depth, bool recurve,
         std::uint32_t wood, std::uint32_t string);

// The parts of one figure as they are made: each (bone, variant group, option) gets one part.
class PartSet {
 public:
  explicit PartSet(FigureBuild& build) : build_(build) {}
  // Where the next shapes go: group 0 (always drawn) or option `option` of group 1..3.
  void variant(int group, int option);
  void always() { variant(0, 0); }
  Mesh& on(Bone bone);
  bool mounted() const { return build_.mounted; }
  // A bone's pivot at rest for this figure's rig.
  glm::vec3 at(Bone bone) const;

 private:
  FigureBuild& build_;
  std::uint8_t group_ = 0;
  std::uint8_t option_ = 0;
  std::map<std::tuple<int, int, int>, std::size_t> index_;
};

}  // namespace scene::kit
