// The Mongol kit (LOOK.md §4, docs/ARMIES.md): riders in deels lapped left over right, fur-trimmed
// felt hats or lamellar helmets, leather lamellar lacquered dark on the heavy ones, composite
// bows, sabres and hooked spears, on bay, dun or black ponies; the foot kinds are the
// north-Chinese auxiliaries who did much of the besieging, in padded coats; the standard is a
// pole with yak tails.
#include <cmath>

#include "scene/figures/kit_body.h"

namespace scene::kit {

namespace {

using glm::vec2;
using glm::vec3;

constexpr vec3 kUp(0, 1, 0);

// Mongols proper (riders, camp people, the standard) wear the deel; the rest are auxiliaries.
bool steppe(FigureKind kind) {
  return kind == FigureKind::Cavalry || kind == FigureKind::Civilian || kind == FigureKind::Bearer;
}

Dress deel() {
  Dress d;
  d.coat = d.sleeves = garment();
  d.trousers = albedo_hex(0x4A3C30);
  d.boots = albedo_hex(0x3C3028);  // felt boots with leather soles
  d.collar = faction();            // the lapel's edge: the army's accent
  d.belt = mat::leather();
  d.hem = 0.40f;
  d.flare = 0.27f;
  d.lapel = true;
  return d;
}

Dress padded_coat() {
  Dress d;
  d.coat = d.sleeves = garment();
  d.trousers = albedo_hex(0x5A5046);
  d.boots = albedo_hex(0x2E2824);
  d.collar = garment(vec3(0.7f));
  d.belt = faction();  // a sash in the army's accent over the padded coat (reconstruction)
  d.hem = 0.55f;
  d.flare = 0.27f;
  d.bulk = 1.12f;
  return d;
}

// A felt hat with a fur brim and ear flaps, its crown dyed.
void fur_hat(PartSet& ps) {
  const vec3 nk = ps.at(Bone::Head);
  Mesh& m = ps.on(Bone::Head);
  band(m, nk, nk.y + 0.12f, {0.115f, 0.125f}, nk.y + 0.21f, {0.125f, 0.132f}, 0, 360, 8, mat::fur(), false);
  tube(m, nk + kUp * 0.19f, nk + vec3(0, 0.38f, 0.02f), {0.10f, 0.11f}, {0, 0}, 6, garment(vec3(0.85f)));
  for (float s : {-1.0f, 1.0f}) {
    panel(m, nk + vec3(s * 0.11f, 0.13f, -0.04f), nk + vec3(s * 0.11f, 0.13f, 0.05f),
          nk + vec3(s * 0.10f, 0.02f, 0.05f), nk + vec3(s * 0.10f, 0.02f, -0.02f), mat::fur());
  }
}

// A white felt hat with an upturned, split brim.
void felt_hat(PartSet& ps) {
  const vec3 nk = ps.at(Bone::Head);
  Mesh& m = ps.on(Bone::Head);
  band(m, nk, nk.y + 0.14f, {0.10f, 0.11f}, nk.y + 0.25f, {0.135f, 0.145f}, 0, 360, 8, mat::felt(), true);
  tube(m, nk + kUp * 0.16f, nk + kUp * 0.33f, {0.095f, 0.10f}, {0.05f, 0.055f}, 6, mat::felt(), false, true);
}

// An iron bowl with a lamellar neck guard; the heavy riders' lacquered leather, the auxiliaries' iron.
void lamellar_helmet(PartSet& ps, std::uint32_t aventail) {
  helmet_bowl(ps, mat::iron(), 0.08f);
  const vec3 nk = ps.at(Bone::Head);
  band(ps.on(Bone::Head), nk, nk.y - 0.04f, {0.15f, 0.15f}, nk.y + 0.15f, {0.11f, 0.115f}, 135, 405, 6, aventail, true);
}

// The tug: a pole with a trident head over a ring of yak tails (LOOK.md [37]); the tails take the
// unit's banner colour.
void yak_tail_standard(PartSet& ps) {
  const vec3 top = standard_pole(ps, 3.15f);
  Mesh& m = ps.on(Bone::HandR);
  tube(m, top, top + kUp * 0.30f, {0.02f, 0.02f}, {0, 0}, 4, mat::iron());
  for (float s : {-1.0f, 1.0f})
    tube(m, top + vec3(s * 0.10f, 0.05f, 0), top + vec3(s * 0.10f, 0.24f, 0), {0.01f, 0.01f}, {0, 0}, 3, mat::iron());
  block(m, top + vec3(-0.11f, 0.03f, -0.01f), top + vec3(0.11f, 0.06f, 0.01f), mat::iron());
  tube(m, top - kUp * 0.08f, top + kUp * 0.02f, {0.07f, 0.07f}, {0.07f, 0.07f}, 6, mat::gold());
  for (int i = 0; i < 8; ++i) {
    const float a = 6.2832f * static_cast<float>(i) / 8.0f;
    const vec3 out(std::cos(a), 0, std::sin(a));
    tube(m, top - kUp * 0.04f + out * 0.06f, top + out * 0.20f - kUp * 0.85f, {0.045f, 0.045f}, {0.02f, 0.02f}, 3,
         banner());
  }
}

void headgear(PartSet& ps, FigureKind kind) {
  if (steppe(kind)) {
    ps.variant(1, 0);
    fur_hat(ps);
    ps.variant(1, 1);
    if (kind == FigureKind::Bearer) {
      lamellar_helmet(ps, mat::lacquer());
    } else {
      felt_hat(ps);
      ps.variant(1, 2);
      if (kind == FigureKind::Civilian) {
        head_wrap(ps, garment(vec3(0.6f)));
      } else {  // the heavy rider: lamellar helmet and cuirass of leather lacquered dark (LOOK.md [32][33])
        lamellar_helmet(ps, mat::lacquer());
        lamellar(ps, mat::lacquer(), faction(), false, true);
      }
    }
  } else {
    ps.variant(1, 0);
    head_wrap(ps, garment(vec3(0.55f)));
    ps.variant(1, 1);
    if (kind == FigureKind::Crew) {
      topknot(ps);
    } else {
      lamellar_helmet(ps, mat::iron());
    }
    ps.variant(1, 2);
    felt_hat(ps);
  }
}

FigureBuild detailed(FigureKind kind) {
  FigureBuild fb;
  fb.mounted = kind == FigureKind::Cavalry;
  PartSet ps(fb);
  man(ps, steppe(kind) ? deel() : padded_coat());
  headgear(ps, kind);
  fb.variant_options[0] = 3;
  if (kind == FigureKind::Bearer) fb.variant_options[0] = 2;
  switch (kind) {
    case FigureKind::Infantry:
    case FigureKind::Spearman:
      ps.variant(2, 0);
      if (kind == FigureKind::Infantry) {
        sabre(ps, true);
        ps.variant(2, 1);
        axe(ps);
        ps.variant(2, 2);
        mace(ps);
        fb.variant_options[1] = 3;
      } else {  // chisel-headed and hooked spears (Hei Da shilüe, LOOK.md [32])
        spear(ps, 2.25f, mat::iron(), 0, true);
        ps.variant(2, 1);
        spear(ps, 2.35f, mat::iron(), 0, false);
        fb.variant_options[1] = 2;
      }
      ps.variant(3, 0);  // wicker or leather shields (LOOK.md [32])
      round_shield(ps, mat::straw(), mat::wood());
      ps.variant(3, 1);
      round_shield(ps, mat::leather(), mat::lacquer());
      fb.variant_options[2] = 2;
      break;
    case FigureKind::Archer:
      ps.always();
      bow_in_hand(ps, true);
      ps.variant(2, 0);
      arrow_in_hand(ps);
      ps.variant(2, 1);
      sheathed_sword(ps);
      ps.variant(3, 0);
      quiver(ps, false, mat::leather());
      ps.variant(3, 1);
      quiver(ps, true, mat::lacquer());
      fb.variant_options[1] = 2;
      fb.variant_options[2] = 2;
      break;
    case FigureKind::Cavalry:
      ps.variant(2, 0);  // horse archer
      bow_in_hand(ps, true);
      quiver(ps, false, mat::leather());
      ps.variant(2, 1);  // sabre, the bow cased
      sabre(ps, true);
      bow_case(ps, mat::leather());
      ps.variant(2, 2);  // hooked spear
      spear(ps, 2.45f, mat::iron(), 0, true);
      bow_case(ps, mat::lacquer());
      ps.variant(3, 0);  // bay, dun, black ponies (LOOK.md [35]); a dyed felt saddle cloth
      horse(ps, bay(), garment(vec3(0.7f)));
      ps.variant(3, 1);
      horse(ps, dun(), garment(vec3(0.7f)));
      ps.variant(3, 2);
      horse(ps, black_horse(), garment(vec3(0.7f)));
      fb.variant_options[1] = 3;
      fb.variant_options[2] = 3;
      break;
    case FigureKind::Crew:
      crew_tools(ps, fb, pole);
      break;
    case FigureKind::Civilian:
      break;
    case FigureKind::Bearer:
      ps.always();
      yak_tail_standard(ps);
      break;
  }
  return fb;
}

FigureBuild coarse(FigureKind kind) {
  FigureBuild fb;
  fb.mounted = kind == FigureKind::Cavalry;
  PartSet ps(fb);
  man_coarse(ps, garment(), garment(), albedo_hex(0x4A3C30));
  if (steppe(kind))
    coarse_hat(ps, 0.14f, 0.12f, 0.38f, mat::felt());  // the tall felt hat
  else
    coarse_hat(ps, 0.12f, 0.10f, 0.27f, garment(vec3(0.55f)));  // a low head wrap
  switch (kind) {
    case FigureKind::Spearman:
      coarse_pole(ps, Bone::HandR, 0.1f, 2.6f, mat::wood());
      break;
    case FigureKind::Archer:
      coarse_pole(ps, Bone::HandL, 0.25f, 1.35f, mat::horn());
      break;
    case FigureKind::Cavalry:
      coarse_pole(ps, Bone::HandL, 0.85f, 1.90f, mat::horn());
      horse_coarse(ps, bay());
      break;
    case FigureKind::Crew:
      coarse_pole(ps, Bone::HandR, 0.15f, 1.35f, mat::wood());
      break;
    case FigureKind::Bearer: {
      coarse_pole(ps, Bone::HandR, 0.05f, 3.3f, mat::wood());
      const vec3 g = ps.at(Bone::HandR);
      tube(ps.on(Bone::HandR), vec3(g.x, 2.35f, g.z), vec3(g.x, 3.2f, g.z), {0.16f, 0.16f}, {0, 0}, 4, banner());
      break;
    }
    case FigureKind::Infantry:
    case FigureKind::Civilian:
      break;
  }
  return fb;
}

}  // namespace

FigureBuild build_mongol(FigureKind kind, int lod) { return lod == 0 ? detailed(kind) : coarse(kind); }

}  // namespace scene::kit
