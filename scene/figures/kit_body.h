// What the three kits share: a man (foot or in the saddle) dressed in a coat, a horse, and the
// gear every army carried in its own cut: lamellar, bows, quivers, blades, spears, shields,
// tools and standard poles. The kits (kit_mongol.cpp, kit_jin.cpp, kit_song.cpp) choose the
// cut and colours and add their own headgear and standards.
#pragma once

#include <cstdint>

#include <glm/glm.hpp>

#include "scene/figures/kit_parts.h"
#include "scene/figures/soldier_meshes.h"

namespace scene::kit {

struct Dress {
  std::uint32_t coat = 0;      // the coat body and skirt
  std::uint32_t sleeves = 0;   // arms
  std::uint32_t trousers = 0;  // thighs
  std::uint32_t boots = 0;     // shins and feet
  std::uint32_t collar = 0;    // the army's accent at the neck (or the deel's lapel)
  std::uint32_t belt = 0;
  float hem = 0.45f;    // a foot figure's hem height above the feet
  float flare = 0.25f;  // the hem's half-width
  float bulk = 1.0f;    // padded coats are wider
  bool lapel = false;   // lapped left over right: the deel's flap edge runs from the neck to the right armpit
};

// LOD0: bare head, neck, torso with coat, belt and collar, arms, hands, legs and feet (about
// 200 triangles), each on its bone.
void man(PartSet& ps, const Dress& dress);
// LOD1: coat skirt, torso (`chest`: coat or armour) with a sash in the army's accent, head,
// and each arm and leg as one part (about 60 triangles); the kit adds a hat.
void man_coarse(PartSet& ps, std::uint32_t chest, std::uint32_t coat, std::uint32_t legs);

// Horses: steppe ponies, 123-142 cm at the withers (LOOK.md §4 [35]).
struct HorseCoat {
  std::uint32_t body;
  std::uint32_t legs;  // lower legs (darker points on a bay or dun)
  std::uint32_t mane;
};
HorseCoat bay();
HorseCoat dun();
HorseCoat black_horse();
HorseCoat grey_horse();
HorseCoat chestnut();
// LOD0 horse with saddle and a saddle cloth in `cloth` (about 200 triangles).
void horse(PartSet& ps, const HorseCoat& coat, std::uint32_t cloth);
void horse_coarse(PartSet& ps, const HorseCoat& coat);
// Jin horse armour: iron over neck and chest, a tiger-striped cloth skirt (LOOK.md §4 [41]).
void horse_armour(PartSet& ps);

// Lamellar: cuirass on the chest in `plates`, the edge in `trim`; tassets (a skirt of plates
// over the thighs) if `skirt`; shoulder guards if `shoulders`.
void lamellar(PartSet& ps, std::uint32_t plates, std::uint32_t trim, bool skirt, bool shoulders);

// Weapons in the right hand (HandR), held at rest pointing down and forward or upright.
void spear(PartSet& ps, float top, std::uint32_t head, std::uint32_t tassel, bool hook);
void sabre(PartSet& ps, bool curved);
void axe(PartSet& ps);
void mace(PartSet& ps);
void crossbow(PartSet& ps, bool large);
void mattock(PartSet& ps);
void shovel(PartSet& ps);
void pole(PartSet& ps);  // a hook pole or a puller's rope staff
// A siege crew's tool, one per man (variant group 2): a mattock, a shovel, or the kit's third
// (a hook pole, a basket of earth).
void crew_tools(PartSet& ps, FigureBuild& fb, void (*third)(PartSet&));
void arrow_in_hand(PartSet& ps);
// The bow in the left hand (HandL), upright at rest.
void bow_in_hand(PartSet& ps, bool composite);
// Shields in the left hand: round (wicker or painted, the boss in `rim`) or tall (a Song
// infantry shield with a rim).
void round_shield(PartSet& ps, std::uint32_t face_colour, std::uint32_t rim);
void tall_shield(PartSet& ps, std::uint32_t face_colour, std::uint32_t rim);
// Carried at the belt (Pelvis): a quiver at the right hip or on the back; a bow case at the left hip.
void quiver(PartSet& ps, bool on_back, std::uint32_t colour);
void bow_case(PartSet& ps, std::uint32_t colour);
void sheathed_sword(PartSet& ps);
// A standard's pole in the right hand, from the ground to `top`.
glm::vec3 standard_pole(PartSet& ps, float top);
// A basket on the back (civilians, crews carrying earth).
void basket(PartSet& ps);

// Headgear several kits share, on the Head bone: a metal bowl with a dome and a spike (the kit
// adds flaps and plumes), a cloth head wrap, a bare head with a topknot, a broad straw hat.
void helmet_bowl(PartSet& ps, std::uint32_t metal, float spike);
void head_wrap(PartSet& ps, std::uint32_t cloth);
void topknot(PartSet& ps);
void straw_hat(PartSet& ps);
// A coarse (LOD1) hat: a cone from the brow (radius r at nk + base) up to the apex.
void coarse_hat(PartSet& ps, float base, float r, float apex, std::uint32_t colour);

// Coarse (LOD1) gear: a thin upright sliver in a hand, a flag.
void coarse_pole(PartSet& ps, Bone hand, float bottom, float top, std::uint32_t colour);

// The kits.
FigureBuild build_mongol(FigureKind kind, int lod);
FigureBuild build_jin(FigureKind kind, int lod);
FigureBuild build_song(FigureKind kind, int lod);

}  // namespace scene::kit
