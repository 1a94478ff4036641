// Each army's dyes and skin tones as sRGB hexes, converted to linear. Sources: LOOK.md §4 (the
// bracketed numbers are its sources); a hex LOOK.md gives is marked "LOOK", the rest are
// reconstruction within what the sources say was worn (docs/ARMIES.md).
#include "scene/figures/kit_palette.h"

#include "scene/figures/kit_parts.h"

namespace scene {

namespace {

KitPalette palette(const std::array<std::uint32_t, kGarmentColours>& garments,
                   const std::array<std::uint32_t, kSkinColours>& skins) {
  KitPalette p;
  for (int i = 0; i < kGarmentColours; ++i) p.garments[i] = kit::linear_from_hex(garments[i]);
  for (int i = 0; i < kSkinColours; ++i) p.skins[i] = kit::linear_from_hex(skins[i]);
  return p;
}

}  // namespace

const KitPalette& kit_palette(Kit kit) {
  static const KitPalette kPalettes[kKits] = {
      // Mongol: deels in varied dyes over felt and fur [34] (the dyes are reconstruction).
      palette({0x6B4E36,                                  // brown (LOOK brown)
               0x4E3A2A,                                  // dark brown
               0x3E5A7A,                                  // blue
               0x2C3E5C,                                  // dark blue
               0xA07A3A,                                  // ochre
               0x7A2E26,                                  // dark red
               0x6A7560,                                  // grey-green
               0xCFC6B4},                                 // undyed felt (LOOK felt)
              {0xB88A66, 0xA87A58, 0xC49A74, 0x946A4C}),  // weathered
      // Jin: robes mostly white [39]; blue and red for the guards [43].
      palette({0xE8E4DA,   // Jurchen white (LOOK)
               0xDDD8CC,   // white, worn
               0xEEEBE3,   // white, bleached
               0xD6D0C2,   // undyed
               0xE2DDD0,   // white
               0xC9C4B8,   // grey-white, dirty
               0x3A5580,   // guard blue [43]
               0x9A3A2E},  // guard red [43]
              {0xCCA684, 0xBC9474, 0xAE8666, 0xD4B292}),
      // Song: red and purple basic; brown, black, yellow, green, blue by unit, deliberately
      // bright [48]; blue-grey war coats [49]. White [48] is left out for the eight slots.
      palette({0xA8322D,   // red (LOOK)
               0x9A2C28,   // red, another dye lot
               0x5E3A5E,   // purple (LOOK)
               0x6B4E36,   // brown (LOOK)
               0x5E6E7E,   // blue-grey [49]
               0x2A2826,   // black [48]
               0xC9A640,   // yellow [48]
               0x4E6B44},  // green [48]
              {0xD0AA88, 0xC09A78, 0xB0886A, 0x9C7658}),
  };
  return kPalettes[static_cast<int>(kit)];
}

}  // namespace scene
