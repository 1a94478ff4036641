// The Jin (Jurchen) kit (LOOK.md §4, docs/ARMIES.md): white, narrow-sleeved, round-collared robes
// to the shin; iron lamellar for the field troops, blue or red cuirasses for the guards; spiked
// iron helmets, fur caps, or the shaved crown with braids hanging behind and gold earrings;
// armoured cavalry, some horses in armour with a tiger-striped skirt; tall flags.
#include "scene/figures/banner_glyph.h"
#include "scene/figures/kit_body.h"

namespace scene::kit {

namespace {

using glm::vec2;
using glm::vec3;

constexpr vec3 kUp(0, 1, 0);

Dress robe(float hem) {
  Dress d;
  d.coat = d.sleeves = garment();
  d.trousers = albedo_hex(0x5E574C);
  d.boots = albedo_hex(0x2C2622);
  d.collar = faction();  // the round collar in the army's accent
  d.belt = faction(vec3(0.8f));
  d.hem = hem;
  d.flare = 0.23f;
  return d;
}

// The spiked iron helmet with a gold-topped plume holder and a lamellar aventail to the shoulders.
void jin_helmet(PartSet& ps) {
  helmet_bowl(ps, mat::iron(), 0.16f);
  const vec3 nk = ps.at(Bone::Head);
  tube(ps.on(Bone::Head), nk + kUp * 0.40f, nk + kUp * 0.47f, {0.03f, 0.03f}, {0.02f, 0.02f}, 4, faction(), true, true);
  band(ps.on(Bone::Head), nk, nk.y - 0.06f, {0.13f, 0.135f}, nk.y + 0.15f, {0.108f, 0.115f}, 120, 420, 6, mat::iron(),
       true);
}

// A low rounded cap with a fur brim and two ribbons behind.
void fur_cap(PartSet& ps) {
  const vec3 nk = ps.at(Bone::Head);
  Mesh& m = ps.on(Bone::Head);
  band(m, nk, nk.y + 0.12f, {0.11f, 0.12f}, nk.y + 0.20f, {0.118f, 0.128f}, 0, 360, 8, mat::fur(), false);
  tube(m, nk + kUp * 0.19f, nk + kUp * 0.29f, {0.10f, 0.11f}, {0.06f, 0.065f}, 6, garment(vec3(0.9f)), false, true);
  panel(m, nk + vec3(-0.03f, 0.15f, 0.125f), nk + vec3(0.03f, 0.15f, 0.125f), nk + vec3(0.04f, -0.10f, 0.15f),
        nk + vec3(-0.04f, -0.10f, 0.15f), faction(vec3(0.8f)));
}

// The shaved crown: hair left round the back, two braids hanging behind, gold earrings (LOOK.md [38]).
void braids(PartSet& ps) {
  const vec3 nk = ps.at(Bone::Head);
  Mesh& m = ps.on(Bone::Head);
  band(m, nk, nk.y + 0.04f, {0.084f, 0.094f}, nk.y + 0.15f, {0.088f, 0.097f}, 200, 340, 4, mat::hair(), false);
  for (float s : {-1.0f, 1.0f}) {
    tube(m, nk + vec3(s * 0.04f, 0.09f, 0.085f), nk + vec3(s * 0.05f, -0.24f, 0.14f), {0.018f, 0.018f},
         {0.012f, 0.012f}, 3, mat::hair());
    block(m, nk + vec3(s * 0.085f - 0.012f, 0.04f, -0.01f), nk + vec3(s * 0.085f + 0.012f, 0.07f, 0.01f), mat::gold());
  }
}

// Jin infantry cuirasses: plain iron for field troops, blue or red lacquer for the guards (LOOK.md [43]).
void cuirass_options(PartSet& ps, FigureBuild& fb) {
  const std::uint32_t colours[3] = {mat::iron(), albedo_hex(0x2F4A72), albedo_hex(0x8E2A22)};
  for (int i = 0; i < 3; ++i) {
    ps.variant(3, i);
    lamellar(ps, colours[i], faction(), true, true);
  }
  fb.variant_options[2] = 3;
}

// A tall dragon flag: banner-coloured, with a border in the army's accent (LOOK.md [43]), and 金
// in ink near its top (banner_glyph.h).
void jin_flag(PartSet& ps) {
  const vec3 top = standard_pole(ps, 3.2f);
  Mesh& m = ps.on(Bone::HandR);
  tube(m, top, top + kUp * 0.22f, {0.025f, 0.025f}, {0, 0}, 4, mat::iron());
  const float x0 = top.x + 0.03f, x1 = top.x + 0.70f, y0 = 1.95f, y1 = top.y - 0.02f, z = top.z;
  panel(m, {x0, y0, z}, {x1, y0, z}, {x1, y1, z}, {x0, y1, z}, banner());
  banner_glyph(m, BannerGlyph::Jin, {0.5f * (x0 + x1), y1 - 0.36f, z}, vec3(1, 0, 0), kUp, 0.5f, kGlyphOffset,
               mat::ink());
  panel(m, {x1, y0, z}, {x1 + 0.10f, y0, z}, {x1 + 0.10f, y1, z}, {x1, y1, z}, faction());
  panel(m, {x0, y0 - 0.10f, z}, {x1 + 0.10f, y0 - 0.10f, z}, {x1 + 0.10f, y0, z}, {x0, y0, z}, faction());
}

void headgear(PartSet& ps, FigureKind kind, FigureBuild& fb) {
  const bool soldier = kind != FigureKind::Crew && kind != FigureKind::Civilian;
  ps.variant(1, 0);
  if (soldier)
    jin_helmet(ps);
  else
    braids(ps);
  ps.variant(1, 1);
  fur_cap(ps);
  ps.variant(1, 2);
  if (soldier) {
    braids(ps);  // bare-headed: the shaved crown and braids
  } else {
    head_wrap(ps, albedo_hex(0x2A2624));  // Han subjects, not all of whom shaved (LOOK.md [45])
  }
  fb.variant_options[0] = 3;
}

FigureBuild detailed(FigureKind kind) {
  FigureBuild fb;
  fb.mounted = kind == FigureKind::Cavalry;
  PartSet ps(fb);
  const bool crew = kind == FigureKind::Crew;
  man(ps, robe(crew ? 0.52f : kind == FigureKind::Civilian ? 0.30f : 0.36f));
  headgear(ps, kind, fb);
  switch (kind) {
    case FigureKind::Infantry:
      ps.variant(2, 0);
      sabre(ps, false);
      ps.variant(2, 1);
      axe(ps);
      ps.variant(2, 2);
      mace(ps);
      fb.variant_options[1] = 3;
      cuirass_options(ps, fb);
      break;
    case FigureKind::Spearman:
      ps.variant(2, 0);
      spear(ps, 2.30f, mat::iron(), 0, false);
      ps.variant(2, 1);
      spear(ps, 2.25f, mat::iron(), faction(), true);
      fb.variant_options[1] = 2;
      cuirass_options(ps, fb);
      break;
    case FigureKind::Archer:
      ps.always();
      bow_in_hand(ps, false);
      ps.variant(2, 0);
      arrow_in_hand(ps);
      ps.variant(2, 1);
      sheathed_sword(ps);
      ps.variant(3, 0);
      quiver(ps, false, mat::leather());
      ps.variant(3, 1);
      quiver(ps, true, albedo_hex(0x3A2A22));
      fb.variant_options[1] = 2;
      fb.variant_options[2] = 2;
      break;
    case FigureKind::Cavalry:
      ps.always();  // the armoured guard cavalry (Iron Pagoda, LOOK.md [40]); the robe covers the thighs
      lamellar(ps, mat::iron(), faction(), false, true);
      ps.variant(2, 0);  // lancers in front, archers behind (LOOK.md [42])
      spear(ps, 2.45f, mat::iron(), faction(), false);
      ps.variant(2, 1);
      bow_in_hand(ps, false);
      quiver(ps, false, mat::leather());
      ps.variant(2, 2);
      mace(ps);
      bow_case(ps, mat::leather());
      ps.variant(3, 0);
      horse(ps, bay(), faction(vec3(0.85f)));
      ps.variant(3, 1);
      horse(ps, grey_horse(), faction(vec3(0.85f)));
      ps.variant(3, 2);  // horse armour with the tiger-striped skirt (LOOK.md [41])
      horse(ps, black_horse(), faction(vec3(0.85f)));
      horse_armour(ps);
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
      lamellar(ps, mat::iron(), faction(), true, true);
      jin_flag(ps);
      break;
  }
  return fb;
}

FigureBuild coarse(FigureKind kind) {
  FigureBuild fb;
  fb.mounted = kind == FigureKind::Cavalry;
  PartSet ps(fb);
  const bool armoured = kind == FigureKind::Infantry || kind == FigureKind::Spearman || kind == FigureKind::Cavalry ||
                        kind == FigureKind::Bearer;
  man_coarse(ps, armoured ? mat::iron() : garment(), garment(), albedo_hex(0x5E574C));
  if (armoured || kind == FigureKind::Archer) {
    coarse_hat(ps, 0.12f, 0.12f, 0.48f, mat::iron());  // the tall spiked helmet
  } else {                                             // the braids
    tube(ps.on(Bone::Head), ps.at(Bone::Head) + vec3(0, 0.08f, 0.09f), ps.at(Bone::Head) + vec3(0, -0.22f, 0.14f),
         {0.03f, 0.03f}, {0.02f, 0.02f}, 3, mat::hair());
  }
  switch (kind) {
    case FigureKind::Spearman:
      coarse_pole(ps, Bone::HandR, 0.1f, 2.55f, mat::wood());
      break;
    case FigureKind::Archer:
      coarse_pole(ps, Bone::HandL, 0.2f, 1.4f, mat::wood());
      break;
    case FigureKind::Cavalry:
      coarse_pole(ps, Bone::HandR, 0.7f, 2.7f, mat::wood());
      horse_coarse(ps, bay());
      break;
    case FigureKind::Crew:
      coarse_pole(ps, Bone::HandR, 0.15f, 1.35f, mat::wood());
      break;
    case FigureKind::Bearer: {
      coarse_pole(ps, Bone::HandR, 0.05f, 3.3f, mat::wood());
      const vec3 g = ps.at(Bone::HandR) + vec3(0.03f, 0, 0);
      panel(ps.on(Bone::HandR), {g.x, 1.95f, g.z}, {g.x + 0.8f, 1.95f, g.z}, {g.x + 0.8f, 3.18f, g.z},
            {g.x, 3.18f, g.z}, banner());
      break;
    }
    case FigureKind::Infantry:
    case FigureKind::Civilian:
      break;
  }
  return fb;
}

}  // namespace

FigureBuild build_jin(FigureKind kind, int lod) { return lod == 0 ? detailed(kind) : coarse(kind); }

}  // namespace scene::kit
