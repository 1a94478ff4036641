#include "scene/figures/kit_body.h"

namespace scene::kit {

namespace {

using glm::vec2;
using glm::vec3;

// Where a hand holds things: the middle of the hand below the wrist.
vec3 grip(const PartSet& ps, Bone hand) { return ps.at(hand) + vec3(0, -0.06f, -0.005f); }

}  // namespace

void man(PartSet& ps, const Dress& d) {
  const vec3 pe = ps.at(Bone::Pelvis);
  const float shoulder = ps.at(Bone::UpperArmL).y;
  const float b = d.bulk;
  const vec3 up(0, 1, 0);

  // Hips (seen between the legs), belt and the coat's skirt; a rider's skirt spreads over the saddle.
  tube(ps.on(Bone::Pelvis), pe - up * 0.14f, pe + up * 0.08f, vec2(0.15f, 0.10f) * b, vec2(0.16f, 0.10f) * b, 4,
       d.trousers);
  if (ps.mounted()) {
    band(ps.on(Bone::Pelvis), pe, pe.y - 0.24f, vec2(0.31f, 0.30f) * b, pe.y + 0.06f, vec2(0.18f, 0.125f) * b, 0, 360,
         8, d.coat, false);
  } else {
    band(ps.on(Bone::Pelvis), pe, d.hem, vec2(d.flare, d.flare * 0.78f) * b, pe.y + 0.06f, vec2(0.18f, 0.125f) * b, 0,
         360, 8, d.coat, false);
  }
  band(ps.on(Bone::Pelvis), pe, pe.y + 0.03f, vec2(0.19f, 0.133f) * b, pe.y + 0.11f, vec2(0.185f, 0.13f) * b, 0, 360, 8,
       d.belt, false);

  // Torso and collar; the deel's front flap edge (lapped left over right) as a strip.
  const vec3 waist = pe + up * 0.06f;
  tube(ps.on(Bone::Chest), waist, vec3(pe.x, shoulder + 0.03f, pe.z), vec2(0.17f, 0.115f) * b, vec2(0.215f, 0.125f) * b,
       6, d.coat, false, true);
  band(ps.on(Bone::Chest), pe, shoulder - 0.01f, vec2(0.10f, 0.09f), shoulder + 0.06f, vec2(0.085f, 0.08f), 0, 360, 6,
       d.collar, false);
  if (d.lapel) {
    const float z = pe.z - 0.113f * b;
    const vec3 n(0.0f, shoulder + 0.0f, z), arm(0.15f * b, shoulder - 0.17f, z), low(0.15f * b, waist.y + 0.05f, z);
    face(ps.on(Bone::Chest), n + vec3(-0.07f, 0, 0), n + vec3(-0.02f, 0, 0), arm + vec3(0, 0.04f, 0), arm,
         vec3(0, 0, -1), d.collar);
    face(ps.on(Bone::Chest), arm, arm + vec3(0.035f, 0, 0), low + vec3(0.035f, 0, 0), low, vec3(0, 0, -1), d.collar);
  }

  // Neck and head (bare: the kit adds hair and headgear).
  const vec3 nk = ps.at(Bone::Head);
  tube(ps.on(Bone::Head), nk - up * 0.03f, nk + up * 0.05f, {0.045f, 0.045f}, {0.045f, 0.045f}, 4, skin());
  tube(ps.on(Bone::Head), nk + up * 0.03f, nk + up * 0.21f, {0.075f, 0.085f}, {0.08f, 0.09f}, 6, skin(), false, true);
  face(ps.on(Bone::Head), nk + vec3(-0.015f, 0.10f, -0.085f), nk + vec3(0.015f, 0.10f, -0.085f),
       nk + vec3(0.0f, 0.14f, -0.086f), nk + vec3(0.0f, 0.14f, -0.086f), vec3(0, 0, -1), skin(vec3(0.85f)));

  // Arms: upper arm, forearm (sleeves), hand.
  const Bone uppers[2] = {Bone::UpperArmL, Bone::UpperArmR}, fores[2] = {Bone::ForeArmL, Bone::ForeArmR},
             hands[2] = {Bone::HandL, Bone::HandR};
  for (int s = 0; s < 2; ++s) {
    const vec3 sh = ps.at(uppers[s]), el = ps.at(fores[s]), wr = ps.at(hands[s]);
    tube(ps.on(uppers[s]), sh + up * 0.05f, el, vec2(0.068f) * b, vec2(0.058f) * b, 4, d.sleeves, true, false);
    tube(ps.on(fores[s]), el + up * 0.02f, wr, vec2(0.058f) * b, vec2(0.05f), 4, d.sleeves);
    tube(ps.on(hands[s]), wr + up * 0.01f, wr + vec3(0, -0.10f, -0.01f), {0.035f, 0.045f}, {0.03f, 0.04f}, 4, skin(),
         false, true);
  }

  // Legs: thigh (trousers), shin (boots), foot.
  const Bone thighs[2] = {Bone::ThighL, Bone::ThighR}, shins[2] = {Bone::ShinL, Bone::ShinR},
             feet[2] = {Bone::FootL, Bone::FootR};
  for (int s = 0; s < 2; ++s) {
    const vec3 hip = ps.at(thighs[s]), kn = ps.at(shins[s]), an = ps.at(feet[s]);
    tube(ps.on(thighs[s]), hip + up * 0.04f, kn, vec2(0.085f) * b, vec2(0.065f), 4, d.trousers);
    tube(ps.on(shins[s]), kn + up * 0.02f, an, vec2(0.066f), vec2(0.056f), 4, d.boots);
    block(ps.on(feet[s]), vec3(an.x - 0.05f, an.y - 0.08f, an.z - 0.20f),
          vec3(an.x + 0.05f, an.y + 0.03f, an.z + 0.05f), d.boots);
  }
}

void man_coarse(PartSet& ps, std::uint32_t chest, std::uint32_t coat, std::uint32_t legs) {
  const vec3 pe = ps.at(Bone::Pelvis), nk = ps.at(Bone::Head);
  const float shoulder = ps.at(Bone::UpperArmL).y;
  const vec3 up(0, 1, 0);
  const float hem = ps.mounted() ? pe.y - 0.22f : 0.50f;
  // The coat's hem shows below the armour (the chest's colour) as it does on the near figure;
  // an unarmoured man's chest is his coat.
  const vec3 hem_foot(pe.x, hem, pe.z), waist = pe + up * 0.08f, hem_top = glm::mix(hem_foot, waist, 0.45f);
  const vec2 foot_r(0.25f, 0.19f), waist_r(0.17f, 0.11f), hem_r = glm::mix(foot_r, waist_r, 0.45f);
  tube(ps.on(Bone::Pelvis), hem_foot, hem_top, foot_r, hem_r, 4, coat);
  tube(ps.on(Bone::Pelvis), hem_top, waist, hem_r, waist_r, 4, chest);
  // The torso's top is left open: the head and arms cover most of it at this distance.
  tube(ps.on(Bone::Chest), pe + up * 0.06f, vec3(pe.x, shoulder + 0.03f, pe.z), {0.17f, 0.11f}, {0.21f, 0.12f}, 4,
       chest);
  tube(ps.on(Bone::Chest), pe + up * 0.04f, pe + up * 0.13f, {0.18f, 0.12f}, {0.18f, 0.12f}, 4, faction());
  tube(ps.on(Bone::Head), nk, nk + up * 0.18f, {0.07f, 0.08f}, {0.08f, 0.085f}, 4, skin());
  const Bone uppers[2] = {Bone::UpperArmL, Bone::UpperArmR}, hands[2] = {Bone::HandL, Bone::HandR};
  const Bone thighs[2] = {Bone::ThighL, Bone::ThighR}, shins[2] = {Bone::ShinL, Bone::ShinR},
             feet[2] = {Bone::FootL, Bone::FootR};
  for (int s = 0; s < 2; ++s) {
    // Sleeves in the chest's colour: on the near figure shoulder guards and lamellar cover most
    // of an armoured man's arm, and the coarse man should read as dark as the near one.
    tube(ps.on(uppers[s]), ps.at(uppers[s]) + up * 0.04f, ps.at(hands[s]) - up * 0.08f, vec2(0.065f), vec2(0.045f), 3,
         chest);
    const vec3 hip = ps.at(thighs[s]), an = ps.at(feet[s]);
    if (ps.mounted()) {  // the coat covers the thighs; the shins hang down the horse's sides
      tube(ps.on(shins[s]), ps.at(shins[s]), an - up * 0.08f, vec2(0.07f), vec2(0.05f), 3, legs);
    } else {
      tube(ps.on(thighs[s]), hip + up * 0.04f, vec3(an.x, 0.0f, an.z - 0.04f), vec2(0.085f), vec2(0.06f), 3, legs);
    }
  }
}

HorseCoat bay() { return {albedo_hex(0x6B3F22), albedo_hex(0x2A1D16), albedo_hex(0x1E1713)}; }
HorseCoat dun() { return {albedo_hex(0xA68A5E), albedo_hex(0x3A2E24), albedo_hex(0x2B231C)}; }
HorseCoat black_horse() { return {albedo_hex(0x2A2522), albedo_hex(0x1E1A18), albedo_hex(0x161311)}; }
HorseCoat grey_horse() { return {albedo_hex(0x9A968E), albedo_hex(0x5E5A54), albedo_hex(0xC8C4BA)}; }
HorseCoat chestnut() { return {albedo_hex(0x874A26), albedo_hex(0x5C3318), albedo_hex(0x9A6238)}; }

void horse(PartSet& ps, const HorseCoat& c, std::uint32_t cloth) {
  // Barrel (withers about 1.37 m), saddle with pommel and cantle, saddle cloth on both sides.
  tube(ps.on(Bone::HorseBody), {0, 1.09f, 0.80f}, {0, 1.10f, -0.66f}, {0.21f, 0.24f}, {0.23f, 0.27f}, 8, c.body, true,
       true);
  block(ps.on(Bone::HorseBody), {-0.16f, 1.33f, -0.18f}, {0.16f, 1.43f, 0.30f}, mat::leather());
  block(ps.on(Bone::HorseBody), {-0.08f, 1.40f, -0.23f}, {0.08f, 1.53f, -0.13f}, mat::leather());
  block(ps.on(Bone::HorseBody), {-0.12f, 1.40f, 0.27f}, {0.12f, 1.50f, 0.35f}, mat::leather());
  for (float s : {-1.0f, 1.0f}) {
    face(ps.on(Bone::HorseBody), {s * 0.25f, 1.00f, -0.28f}, {s * 0.25f, 1.00f, 0.40f}, {s * 0.18f, 1.37f, 0.40f},
         {s * 0.18f, 1.37f, -0.28f}, {s, 0, 0}, cloth);
  }
  // Neck with mane, head with ears.
  tube(ps.on(Bone::HorseNeck), {0, 1.16f, -0.55f}, {0, 1.70f, -0.98f}, {0.12f, 0.17f}, {0.075f, 0.10f}, 6, c.body);
  const vec3 ma(0, 1.25f, -0.46f), mb(0, 1.74f, -0.92f), lift(0, 0.05f, 0.05f);
  panel(ps.on(Bone::HorseNeck), ma, mb, mb + lift, ma + lift, c.mane);
  tube(ps.on(Bone::HorseHead), {0, 1.78f, -0.96f}, {0, 1.40f, -1.36f}, {0.075f, 0.10f}, {0.055f, 0.075f}, 6, c.body,
       true, true);
  for (float s : {-1.0f, 1.0f}) {
    panel(ps.on(Bone::HorseHead), {s * 0.03f, 1.80f, -0.94f}, {s * 0.07f, 1.80f, -0.98f}, {s * 0.06f, 1.93f, -0.94f},
          {s * 0.06f, 1.93f, -0.94f}, c.body);
  }
  // Legs: upper (forearm / gaskin), lower (cannon) and hoof.
  struct Leg {
    Bone upper, lower;
    float x, z_top, z_low;
    bool hind;
  };
  const Leg legs[4] = {{Bone::HorseFrontL, Bone::HorseFrontLLower, -0.17f, -0.62f, -0.62f, false},
                       {Bone::HorseFrontR, Bone::HorseFrontRLower, 0.17f, -0.62f, -0.62f, false},
                       {Bone::HorseHindL, Bone::HorseHindLLower, -0.17f, 0.60f, 0.66f, true},
                       {Bone::HorseHindR, Bone::HorseHindRLower, 0.17f, 0.60f, 0.66f, true}};
  for (const Leg& l : legs) {
    const vec2 top = l.hind ? vec2(0.08f, 0.15f) : vec2(0.07f, 0.09f);
    tube(ps.on(l.upper), {l.x, l.hind ? 1.12f : 1.08f, l.z_top}, {l.x, 0.52f, l.z_low}, top, {0.05f, 0.055f}, 4,
         c.body);
    // Cannon and hoof in one, the hoof's spread at the ground.
    tube(ps.on(l.lower), {l.x, 0.0f, l.z_low - 0.01f}, {l.x, 0.52f, l.z_low}, {0.05f, 0.055f}, {0.04f, 0.045f}, 4,
         c.legs);
  }
  tube(ps.on(Bone::HorseTail), {0, 1.26f, 0.80f}, {0, 0.62f, 1.02f}, {0.04f, 0.05f}, {0.07f, 0.035f}, 4, c.mane, false,
       true);
}

void horse_coarse(PartSet& ps, const HorseCoat& c) {
  tube(ps.on(Bone::HorseBody), {0, 1.09f, 0.80f}, {0, 1.10f, -0.66f}, {0.21f, 0.24f}, {0.23f, 0.27f}, 4, c.body, true,
       true);
  tube(ps.on(Bone::HorseNeck), {0, 1.16f, -0.55f}, {0, 1.76f, -0.98f}, {0.11f, 0.16f}, {0.07f, 0.09f}, 3, c.body);
  tube(ps.on(Bone::HorseHead), {0, 1.78f, -0.96f}, {0, 1.40f, -1.36f}, {0.07f, 0.09f}, {0.05f, 0.065f}, 3, c.body,
       false, true);
  // Each leg a single upright strip seen from the sides, on its upper bone.
  const Bone uppers[4] = {Bone::HorseFrontL, Bone::HorseFrontR, Bone::HorseHindL, Bone::HorseHindR};
  for (Bone b : uppers) {
    const vec3 p = ps.at(b);
    panel(ps.on(b), {p.x, 0.0f, p.z - 0.06f}, {p.x, 0.0f, p.z + 0.06f}, {p.x, p.y + 0.08f, p.z + 0.12f},
          {p.x, p.y + 0.08f, p.z - 0.10f}, c.legs);
  }
}

void horse_armour(PartSet& ps) {
  const std::uint32_t iron = mat::iron();
  tube(ps.on(Bone::HorseNeck), {0, 1.15f, -0.54f}, {0, 1.64f, -0.93f}, {0.14f, 0.19f}, {0.095f, 0.125f}, 4, iron);
  tube(ps.on(Bone::HorseHead), {0, 1.80f, -0.95f}, {0, 1.46f, -1.30f}, {0.085f, 0.11f}, {0.065f, 0.085f}, 4, iron);
  // The tiger-striped cloth skirt round the barrel (Cuiwei beizheng lu j.7, LOOK.md [41]).
  striped_band(ps.on(Bone::HorseBody), {0, 0, 0.07f}, 0.70f, {0.31f, 0.93f}, 1.30f, {0.27f, 0.88f}, 12,
               albedo_hex(0xC0782A), albedo_hex(0x2A2018));
}

void lamellar(PartSet& ps, std::uint32_t plates, std::uint32_t trim, bool skirt, bool shoulders) {
  const vec3 pe = ps.at(Bone::Pelvis);
  const float shoulder = ps.at(Bone::UpperArmL).y;
  // Two rows of plates, the upper overlapping the lower, and an edging at the bottom.
  const float mid = (pe.y + shoulder) * 0.5f;
  band(ps.on(Bone::Chest), pe, pe.y + 0.04f, {0.19f, 0.135f}, mid + 0.02f, {0.21f, 0.14f}, 0, 360, 8, plates, false);
  band(ps.on(Bone::Chest), pe, mid - 0.02f, {0.215f, 0.145f}, shoulder - 0.01f, {0.225f, 0.14f}, 0, 360, 8, plates,
       false);
  band(ps.on(Bone::Chest), pe, pe.y + 0.01f, {0.195f, 0.14f}, pe.y + 0.06f, {0.195f, 0.14f}, 0, 360, 8, trim, false);
  if (skirt) {
    const float low = ps.mounted() ? pe.y - 0.22f : pe.y - 0.40f;
    const vec2 r = ps.mounted() ? vec2(0.33f, 0.32f) : vec2(0.26f, 0.20f);
    band(ps.on(Bone::Pelvis), pe, low, r, pe.y + 0.05f, {0.20f, 0.145f}, 0, 360, 8, plates, false);
  }
  if (shoulders) {
    const Bone uppers[2] = {Bone::UpperArmL, Bone::UpperArmR};
    for (Bone b : uppers) {
      const vec3 sh = ps.at(b);
      const float out = sh.x < 0 ? -0.02f : 0.02f;
      tube(ps.on(b), sh + vec3(0, 0.07f, 0), sh + vec3(out, -0.15f, 0), {0.07f, 0.075f}, {0.095f, 0.09f}, 4, plates,
           true, false);
    }
  }
}

void spear(PartSet& ps, float top, std::uint32_t head, std::uint32_t tassel, bool hook) {
  const vec3 g = grip(ps, Bone::HandR);
  const float bottom = ps.mounted() ? g.y - 0.75f : 0.10f;
  Mesh& m = ps.on(Bone::HandR);
  tube(m, {g.x, bottom, g.z}, {g.x, top, g.z}, {0.018f, 0.018f}, {0.016f, 0.016f}, 3, mat::wood());
  tube(m, {g.x, top - 0.02f, g.z}, {g.x, top + 0.28f, g.z}, {0.012f, 0.035f}, {0, 0}, 4, head);
  if (tassel != 0) tube(m, {g.x, top - 0.10f, g.z}, {g.x, top, g.z}, {0.045f, 0.045f}, {0.03f, 0.03f}, 6, tassel);
  if (hook) block(m, {g.x - 0.01f, top + 0.02f, g.z}, {g.x + 0.01f, top + 0.06f, g.z + 0.12f}, head);
}

void sabre(PartSet& ps, bool curved) {
  const vec3 g = grip(ps, Bone::HandR);
  Mesh& m = ps.on(Bone::HandR);
  tube(m, g + vec3(0, 0.07f, 0), g + vec3(0, -0.06f, -0.01f), {0.016f, 0.016f}, {0.016f, 0.016f}, 3, mat::leather());
  block(m, g + vec3(-0.02f, -0.08f, -0.05f), g + vec3(0.02f, -0.06f, 0.03f), mat::dark_iron());
  const vec3 a = g + vec3(0, -0.07f, -0.02f);
  if (curved) {
    const vec3 mid = g + vec3(0, -0.42f, -0.20f), tip = g + vec3(0, -0.64f, -0.47f);
    tube(m, a, mid, {0.006f, 0.024f}, {0.006f, 0.022f}, 4, mat::iron());
    tube(m, mid, tip, {0.006f, 0.022f}, {0.004f, 0.008f}, 4, mat::iron());
  } else {
    tube(m, a, g + vec3(0, -0.70f, -0.22f), {0.006f, 0.026f}, {0.004f, 0.012f}, 4, mat::iron());
  }
}

void axe(PartSet& ps) {
  const vec3 g = grip(ps, Bone::HandR);
  Mesh& m = ps.on(Bone::HandR);
  const vec3 end = g + vec3(0, -0.66f, -0.14f);
  tube(m, g + vec3(0, 0.10f, 0.02f), end, {0.018f, 0.018f}, {0.018f, 0.018f}, 3, mat::wood());
  tube(m, end + vec3(0, 0.16f, 0.02f), end + vec3(0, 0.0f, -0.20f), {0.008f, 0.04f}, {0.008f, 0.09f}, 4, mat::iron(),
       false, true);
}

void mace(PartSet& ps) {
  const vec3 g = grip(ps, Bone::HandR);
  Mesh& m = ps.on(Bone::HandR);
  const vec3 end = g + vec3(0, -0.55f, -0.12f);
  tube(m, g + vec3(0, 0.08f, 0.02f), end, {0.016f, 0.016f}, {0.016f, 0.016f}, 3, mat::wood());
  tube(m, end, end + vec3(0, -0.14f, -0.03f), {0.05f, 0.05f}, {0.03f, 0.03f}, 6, mat::dark_iron(), true, true);
}

void crossbow(PartSet& ps, bool large) {
  // Held at the waist in both hands, the right at the trigger; the bow (prod) across the front.
  const vec3 g = grip(ps, Bone::HandR);
  Mesh& m = ps.on(Bone::HandR);
  const vec3 back = g + vec3(-0.02f, 0.02f, 0.14f), front = g + vec3(-0.05f, 0.06f, large ? -0.72f : -0.58f);
  tube(m, back, front, {0.022f, 0.035f}, {0.02f, 0.03f}, 4, mat::wood(), true, true);
  bow(m, front + vec3(0, 0.0f, 0.06f), {1, 0, 0}, {0, 0, -1}, large ? 0.55f : 0.45f, 0.08f, false, mat::horn(),
      mat::string());
  if (large) tube(m, front, front + vec3(0, 0, -0.10f), {0.05f, 0.02f}, {0.05f, 0.02f}, 4, mat::iron());  // stirrup
}

void mattock(PartSet& ps) {
  const vec3 g = grip(ps, Bone::HandR);
  Mesh& m = ps.on(Bone::HandR);
  tube(m, {g.x, 0.15f, g.z}, {g.x, 1.30f, g.z}, {0.02f, 0.02f}, {0.02f, 0.02f}, 3, mat::wood());
  tube(m, {g.x, 1.26f, g.z + 0.08f}, {g.x, 1.22f, g.z - 0.28f}, {0.02f, 0.03f}, {0.01f, 0.02f}, 4, mat::iron(), true,
       true);
}

void shovel(PartSet& ps) {
  const vec3 g = grip(ps, Bone::HandR);
  Mesh& m = ps.on(Bone::HandR);
  tube(m, {g.x, 0.30f, g.z - 0.02f}, {g.x, 1.35f, g.z}, {0.02f, 0.02f}, {0.02f, 0.02f}, 3, mat::wood());
  tube(m, {g.x, 0.0f, g.z - 0.05f}, {g.x, 0.32f, g.z - 0.03f}, {0.11f, 0.012f}, {0.09f, 0.012f}, 4, mat::wood(), false,
       true);
}

void pole(PartSet& ps) {
  const vec3 g = grip(ps, Bone::HandR);
  Mesh& m = ps.on(Bone::HandR);
  tube(m, {g.x, 0.08f, g.z}, {g.x, 2.05f, g.z}, {0.02f, 0.02f}, {0.018f, 0.018f}, 3, mat::wood());
  tube(m, {g.x, 2.0f, g.z}, {g.x, 2.12f, g.z - 0.12f}, {0.015f, 0.015f}, {0.008f, 0.008f}, 3, mat::iron());
}

void crew_tools(PartSet& ps, FigureBuild& fb, void (*third)(PartSet&)) {
  ps.variant(2, 0);
  mattock(ps);
  ps.variant(2, 1);
  shovel(ps);
  ps.variant(2, 2);
  third(ps);
  fb.variant_options[1] = 3;
}

void arrow_in_hand(PartSet& ps) {
  const vec3 g = grip(ps, Bone::HandR);
  Mesh& m = ps.on(Bone::HandR);
  tube(m, g + vec3(0, 0.0f, 0.30f), g + vec3(0, -0.04f, -0.45f), {0.006f, 0.006f}, {0.006f, 0.006f}, 3, mat::wood());
  panel(m, g + vec3(0, 0.0f, 0.30f), g + vec3(0, 0.0f, 0.18f), g + vec3(0, 0.03f, 0.20f), g + vec3(0, 0.03f, 0.30f),
        mat::string());
}

void bow_in_hand(PartSet& ps, bool composite) {
  const vec3 g = grip(ps, Bone::HandL) + vec3(0, 0, -0.02f);
  bow(ps.on(Bone::HandL), g, {0, 1, 0}, {0, 0, -1}, composite ? 0.55f : 0.62f, composite ? 0.10f : 0.08f, composite,
      composite ? mat::horn() : mat::wood(), mat::string());
}

void round_shield(PartSet& ps, std::uint32_t face_colour, std::uint32_t rim) {
  const vec3 c = grip(ps, Bone::HandL) + vec3(-0.04f, 0.08f, -0.12f);
  Mesh& m = ps.on(Bone::HandL);
  tube(m, c + vec3(0, 0, 0.02f), c + vec3(0, 0, -0.04f), {0.30f, 0.30f}, {0.27f, 0.27f}, 8, face_colour, true, true);
  tube(m, c + vec3(0, 0, -0.04f), c + vec3(0, 0, -0.10f), {0.05f, 0.05f}, {0, 0}, 4, rim);  // the boss
}

void tall_shield(PartSet& ps, std::uint32_t face_colour, std::uint32_t rim) {
  const vec3 c = grip(ps, Bone::HandL) + vec3(-0.06f, 0.0f, -0.14f);
  Mesh& m = ps.on(Bone::HandL);
  block(m, c + vec3(-0.23f, -0.45f, 0.0f), c + vec3(0.23f, 0.55f, 0.03f), rim);
  face(m, c + vec3(-0.20f, -0.42f, -0.005f), c + vec3(0.20f, -0.42f, -0.005f), c + vec3(0.20f, 0.52f, -0.005f),
       c + vec3(-0.20f, 0.52f, -0.005f), {0, 0, -1}, face_colour);
}

void quiver(PartSet& ps, bool on_back, std::uint32_t colour) {
  const vec3 pe = ps.at(Bone::Pelvis);
  if (on_back) {
    const float shoulder = ps.at(Bone::UpperArmL).y;
    const vec3 low = pe + vec3(0.12f, -0.05f, 0.17f), high = vec3(-0.10f, shoulder + 0.06f, pe.z + 0.19f);
    tube(ps.on(Bone::Chest), low, high, {0.05f, 0.045f}, {0.055f, 0.05f}, 4, colour, true, false);
    tube(ps.on(Bone::Chest), high, high + (high - low) * 0.25f, {0.05f, 0.045f}, {0.03f, 0.03f}, 4, mat::string(),
         false, true);
  } else {
    const vec3 low = pe + vec3(0.23f, -0.42f, 0.08f), high = pe + vec3(0.25f, 0.02f, 0.16f);
    tube(ps.on(Bone::Pelvis), low, high, {0.045f, 0.06f}, {0.05f, 0.07f}, 4, colour, true, false);
    tube(ps.on(Bone::Pelvis), high, high + vec3(0, 0.12f, 0.02f), {0.05f, 0.065f}, {0.03f, 0.04f}, 4, mat::string(),
         false, true);
  }
}

void bow_case(PartSet& ps, std::uint32_t colour) {
  const vec3 pe = ps.at(Bone::Pelvis);
  tube(ps.on(Bone::Pelvis), pe + vec3(-0.24f, -0.45f, 0.14f), pe + vec3(-0.24f, 0.05f, -0.02f), {0.025f, 0.06f},
       {0.025f, 0.14f}, 4, colour, true, true);
}

void sheathed_sword(PartSet& ps) {
  const vec3 pe = ps.at(Bone::Pelvis);
  tube(ps.on(Bone::Pelvis), pe + vec3(-0.22f, 0.02f, -0.12f), pe + vec3(-0.25f, -0.58f, 0.24f), {0.014f, 0.03f},
       {0.012f, 0.025f}, 4, mat::lacquer(), true, true);
  tube(ps.on(Bone::Pelvis), pe + vec3(-0.22f, 0.02f, -0.12f), pe + vec3(-0.21f, 0.10f, -0.26f), {0.014f, 0.014f},
       {0.014f, 0.014f}, 3, mat::leather());
}

vec3 standard_pole(PartSet& ps, float top) {
  const vec3 g = grip(ps, Bone::HandR) + vec3(0.01f, 0, 0);
  tube(ps.on(Bone::HandR), {g.x, 0.05f, g.z}, {g.x, top, g.z}, {0.025f, 0.025f}, {0.02f, 0.02f}, 4, mat::wood());
  return {g.x, top, g.z};
}

void basket(PartSet& ps) {
  const vec3 pe = ps.at(Bone::Pelvis);
  const float shoulder = ps.at(Bone::UpperArmL).y;
  tube(ps.on(Bone::Chest), pe + vec3(0, 0.02f, 0.27f), vec3(pe.x, shoulder + 0.02f, pe.z + 0.30f), {0.17f, 0.12f},
       {0.20f, 0.14f}, 6, mat::straw(), true, false);
}

void helmet_bowl(PartSet& ps, std::uint32_t metal, float spike) {
  const vec3 nk = ps.at(Bone::Head), up(0, 1, 0);
  Mesh& m = ps.on(Bone::Head);
  tube(m, nk + up * 0.13f, nk + up * 0.25f, {0.105f, 0.112f}, {0.10f, 0.107f}, 6, metal);
  tube(m, nk + up * 0.25f, nk + up * 0.35f, {0.10f, 0.107f}, {0, 0}, 6, metal);
  if (spike > 0) tube(m, nk + up * 0.33f, nk + up * (0.35f + spike), {0.014f, 0.014f}, {0, 0}, 3, metal);
}

void head_wrap(PartSet& ps, std::uint32_t cloth) {
  const vec3 nk = ps.at(Bone::Head), up(0, 1, 0);
  Mesh& m = ps.on(Bone::Head);
  tube(m, nk + up * 0.13f, nk + up * 0.24f, {0.09f, 0.10f}, {0.085f, 0.095f}, 6, cloth, false, true);
  block(m, nk + vec3(-0.03f, 0.12f, 0.08f), nk + vec3(0.03f, 0.19f, 0.13f), cloth);  // the knot behind
}

void topknot(PartSet& ps) {
  const vec3 nk = ps.at(Bone::Head), up(0, 1, 0);
  Mesh& m = ps.on(Bone::Head);
  tube(m, nk + up * 0.14f, nk + up * 0.225f, {0.086f, 0.096f}, {0.084f, 0.094f}, 6, mat::hair(), false, true);
  tube(m, nk + vec3(0, 0.21f, 0.01f), nk + vec3(0, 0.28f, 0.01f), {0.035f, 0.035f}, {0.03f, 0.03f}, 6, mat::hair(),
       false, true);
}

void straw_hat(PartSet& ps) {
  const vec3 nk = ps.at(Bone::Head), up(0, 1, 0);
  Mesh& m = ps.on(Bone::Head);
  tube(m, nk + up * 0.15f, nk + up * 0.32f, {0.26f, 0.26f}, {0, 0}, 8, mat::straw(), true, false);
}

void coarse_hat(PartSet& ps, float base, float r, float apex, std::uint32_t colour) {
  const vec3 nk = ps.at(Bone::Head), up(0, 1, 0);
  tube(ps.on(Bone::Head), nk + up * base, nk + up * apex, {r, r}, {0, 0}, 4, colour);
}

void coarse_pole(PartSet& ps, Bone hand, float bottom, float top, std::uint32_t colour) {
  const vec3 g = grip(ps, hand);
  tube(ps.on(hand), {g.x, bottom, g.z}, {g.x, top, g.z}, {0.02f, 0.02f}, {0.02f, 0.02f}, 3, colour);
}

}  // namespace scene::kit
