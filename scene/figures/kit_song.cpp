// The Song kit (LOOK.md §4, docs/ARMIES.md): bright coats, red and purple first, under lamellar
// body armour with shoulder and leg guards; helmets with a flaring neck flap and a red tassel;
// pikes, swords, tall painted shields, crossbows with a stock and a bow; red standards with
// flame tongues; townspeople and crews in plain hemp.
#include "scene/figures/banner_glyph.h"
#include "scene/figures/kit_body.h"

namespace scene::kit {

namespace {

using glm::vec2;
using glm::vec3;

constexpr vec3 kUp(0, 1, 0);

Dress coat(float hem) {
  Dress d;
  d.coat = d.sleeves = garment();
  d.trousers = albedo_hex(0x6A6258);
  d.boots = albedo_hex(0x262220);
  d.collar = faction();  // the army's accent at the neck
  d.belt = mat::leather();
  d.hem = hem;
  d.flare = 0.25f;
  return d;
}

// The Song helmet: a bowl with a red tassel and a wide neck flap flaring over the shoulders (LOOK.md [46]).
void flap_helmet(PartSet& ps) {
  helmet_bowl(ps, mat::iron(), 0.0f);
  const vec3 nk = ps.at(Bone::Head);
  tube(ps.on(Bone::Head), nk + kUp * 0.33f, nk + kUp * 0.47f, {0.05f, 0.05f}, {0, 0}, 6, faction());
  band(ps.on(Bone::Head), nk, nk.y - 0.05f, {0.20f, 0.20f}, nk.y + 0.15f, {0.11f, 0.117f}, 140, 400, 6, mat::iron(),
       true);
}

// An officer's helmet: upswept wing plates at the sides, a short neck flap.
void wing_helmet(PartSet& ps) {
  helmet_bowl(ps, mat::iron(), 0.10f);
  const vec3 nk = ps.at(Bone::Head);
  Mesh& m = ps.on(Bone::Head);
  for (float s : {-1.0f, 1.0f}) {
    panel(m, nk + vec3(s * 0.10f, 0.16f, -0.04f), nk + vec3(s * 0.10f, 0.16f, 0.06f),
          nk + vec3(s * 0.24f, 0.34f, 0.08f), nk + vec3(s * 0.22f, 0.36f, 0.0f), mat::iron());
  }
  band(m, nk, nk.y + 0.0f, {0.14f, 0.14f}, nk.y + 0.15f, {0.11f, 0.117f}, 150, 390, 4, mat::iron(), true);
  tube(m, nk + kUp * 0.43f, nk + kUp * 0.50f, {0.035f, 0.035f}, {0, 0}, 6, faction());
}

// A black cloth wrap over the topknot, its two ties hanging behind.
void futou(PartSet& ps) {
  const vec3 nk = ps.at(Bone::Head);
  const std::uint32_t black = albedo_hex(0x1E1C1C);
  head_wrap(ps, black);
  Mesh& m = ps.on(Bone::Head);
  tube(m, nk + vec3(0, 0.22f, 0.01f), nk + vec3(0, 0.30f, 0.01f), {0.05f, 0.05f}, {0.045f, 0.045f}, 6, black, false,
       true);
  for (float s : {-1.0f, 1.0f}) {
    panel(m, nk + vec3(s * 0.02f, 0.16f, 0.12f), nk + vec3(s * 0.05f, 0.16f, 0.12f),
          nk + vec3(s * 0.07f, -0.05f, 0.15f), nk + vec3(s * 0.04f, -0.05f, 0.15f), black);
  }
}

// A red standard with flame tongues on the fly in the army's accent ("fire virtue", LOOK.md [51] U),
// and 宋 in ink on it (banner_glyph.h).
void song_standard(PartSet& ps) {
  const vec3 top = standard_pole(ps, 3.1f);
  Mesh& m = ps.on(Bone::HandR);
  tube(m, top, top + kUp * 0.25f, {0.03f, 0.03f}, {0, 0}, 4, mat::iron());
  tube(m, top - kUp * 0.05f, top + kUp * 0.04f, {0.06f, 0.06f}, {0.05f, 0.05f}, 6, faction());
  const float x0 = top.x + 0.03f, x1 = top.x + 1.05f, y0 = top.y - 0.80f, y1 = top.y - 0.05f, z = top.z;
  panel(m, {x0, y0, z}, {x1, y0, z}, {x1, y1, z}, {x0, y1, z}, banner());
  banner_glyph(m, BannerGlyph::Song, {0.5f * (x0 + x1), 0.5f * (y0 + y1), z}, vec3(1, 0, 0), kUp, 0.56f, kGlyphOffset,
               mat::ink());
  for (int i = 0; i < 3; ++i) {
    const float a = y0 + (y1 - y0) * static_cast<float>(i) / 3.0f,
                b = y0 + (y1 - y0) * static_cast<float>(i + 1) / 3.0f;
    const vec3 p0(x1, a, z), p1(x1, b, z), tip(x1 + 0.28f, (a + b) * 0.5f - 0.06f, z);
    m.add_triangle(p0, tip, p1, faction(), 0);
    m.add_triangle(p1, tip, p0, faction(), 0);
  }
}

void headgear(PartSet& ps, FigureKind kind, FigureBuild& fb) {
  const bool soldier = kind != FigureKind::Crew && kind != FigureKind::Civilian;
  ps.variant(1, 0);
  if (soldier)
    flap_helmet(ps);
  else
    futou(ps);
  ps.variant(1, 1);
  if (soldier)
    wing_helmet(ps);
  else
    straw_hat(ps);
  ps.variant(1, 2);
  if (soldier)
    futou(ps);
  else
    topknot(ps);
  fb.variant_options[0] = 3;
}

FigureBuild detailed(FigureKind kind) {
  FigureBuild fb;
  fb.mounted = kind == FigureKind::Cavalry;
  PartSet ps(fb);
  if (kind == FigureKind::Civilian) {
    // Townspeople in undyed hemp and ramie (reconstruction): the coat's own colour, a dyed sash.
    const std::uint32_t hemp[3] = {albedo_hex(0x8C7F68), albedo_hex(0xA89A80), albedo_hex(0x6E6250)};
    for (int i = 0; i < 3; ++i) {
      ps.variant(3, i);
      Dress d = coat(0.42f);
      d.coat = d.sleeves = hemp[i];
      d.collar = faction();  // a band at the neck in the city's colour, so townspeople read as Song (reconstruction)
      d.belt = garment();
      man(ps, d);
    }
    fb.variant_options[2] = 3;
  } else {
    man(ps, coat(kind == FigureKind::Crew ? 0.55f : 0.50f));
  }
  headgear(ps, kind, fb);
  const bool armoured = kind == FigureKind::Infantry || kind == FigureKind::Spearman || kind == FigureKind::Cavalry ||
                        kind == FigureKind::Bearer;
  ps.always();
  if (armoured) lamellar(ps, mat::dark_iron(), faction(), true, true);
  if (kind == FigureKind::Archer) lamellar(ps, mat::dark_iron(), faction(), false, false);
  switch (kind) {
    case FigureKind::Infantry:
      ps.variant(2, 0);
      sabre(ps, false);
      ps.variant(2, 1);
      axe(ps);
      ps.variant(2, 2);
      mace(ps);
      ps.variant(3, 0);
      tall_shield(ps, banner(), mat::leather());
      ps.variant(3, 1);
      round_shield(ps, banner(), mat::leather());
      fb.variant_options[1] = 3;
      fb.variant_options[2] = 2;
      break;
    case FigureKind::Spearman:
      ps.variant(2, 0);  // the pike with a red tassel
      spear(ps, 2.40f, mat::iron(), faction(), false);
      ps.variant(2, 1);
      spear(ps, 2.30f, mat::iron(), faction(), true);
      fb.variant_options[1] = 2;
      break;
    case FigureKind::Archer:
      ps.variant(2, 0);  // crossbows, the great one spanned with a stirrup (LOOK.md [50])
      crossbow(ps, false);
      ps.variant(2, 1);
      crossbow(ps, true);
      ps.variant(2, 2);
      bow_in_hand(ps, false);
      arrow_in_hand(ps);
      ps.variant(3, 0);
      quiver(ps, false, mat::lacquer());
      ps.variant(3, 1);
      quiver(ps, true, mat::leather());
      fb.variant_options[1] = 3;
      fb.variant_options[2] = 2;
      break;
    case FigureKind::Cavalry:
      ps.variant(2, 0);
      spear(ps, 2.45f, mat::iron(), faction(), false);
      ps.variant(2, 1);
      sabre(ps, false);
      bow_case(ps, mat::lacquer());
      ps.variant(2, 2);
      bow_in_hand(ps, false);
      quiver(ps, false, mat::lacquer());
      ps.variant(3, 0);
      horse(ps, bay(), banner());
      ps.variant(3, 1);
      horse(ps, chestnut(), banner());
      ps.variant(3, 2);
      horse(ps, black_horse(), banner());
      fb.variant_options[1] = 3;
      fb.variant_options[2] = 3;
      break;
    case FigureKind::Crew:
      crew_tools(ps, fb, basket);
      break;
    case FigureKind::Civilian:
      break;
    case FigureKind::Bearer:
      ps.always();
      song_standard(ps);
      break;
  }
  return fb;
}

FigureBuild coarse(FigureKind kind) {
  FigureBuild fb;
  fb.mounted = kind == FigureKind::Cavalry;
  PartSet ps(fb);
  const bool armoured = kind == FigureKind::Infantry || kind == FigureKind::Spearman || kind == FigureKind::Cavalry ||
                        kind == FigureKind::Bearer || kind == FigureKind::Archer;
  const std::uint32_t coat = kind == FigureKind::Civilian ? albedo_hex(0x8C7F68) : garment();
  // Townspeople's hemp coats are their own colour; their dyed trousers carry the garment dye.
  const std::uint32_t legs = kind == FigureKind::Civilian ? garment(glm::vec3(0.6f)) : albedo_hex(0x6A6258);
  man_coarse(ps, armoured ? mat::dark_iron() : coat, coat, legs);
  if (armoured)
    coarse_hat(ps, 0.02f, 0.19f, 0.36f, mat::iron());  // the helmet and its flaring neck flap: broad and low
  else if (kind == FigureKind::Civilian)
    coarse_hat(ps, 0.15f, 0.26f, 0.30f, mat::straw());
  else
    coarse_hat(ps, 0.13f, 0.10f, 0.30f, albedo_hex(0x1E1C1C));
  switch (kind) {
    case FigureKind::Spearman:
      coarse_pole(ps, Bone::HandR, 0.1f, 2.65f, mat::wood());
      break;
    case FigureKind::Archer: {
      const vec3 g = ps.at(Bone::HandR) + vec3(0, -0.04f, 0);
      tube(ps.on(Bone::HandR), g + vec3(0, 0, 0.1f), g + vec3(0, 0.05f, -0.6f), {0.03f, 0.03f}, {0.03f, 0.03f}, 3,
           mat::wood());
      tube(ps.on(Bone::HandR), g + vec3(-0.45f, 0.05f, -0.5f), g + vec3(0.45f, 0.05f, -0.5f), {0.02f, 0.02f},
           {0.02f, 0.02f}, 3, mat::horn());
      break;
    }
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
      panel(ps.on(Bone::HandR), {g.x, 2.3f, g.z}, {g.x + 1.1f, 2.3f, g.z}, {g.x + 1.1f, 3.05f, g.z}, {g.x, 3.05f, g.z},
            banner());
      break;
    }
    case FigureKind::Infantry: {
      // Every near Song infantryman carries a tall or a round shield (variant group 3): far
      // off, one banner-coloured board between the two, so the shields do not vanish where
      // the near figure gives way to this one.
      const vec3 c = ps.at(Bone::HandL) + vec3(-0.06f, -0.02f, -0.14f);
      block(ps.on(Bone::HandL), c + vec3(-0.23f, -0.38f, 0.0f), c + vec3(0.23f, 0.45f, 0.03f), banner());
      break;
    }
    case FigureKind::Civilian:
      break;
  }
  return fb;
}

}  // namespace

FigureBuild build_song(FigureKind kind, int lod) {
  FigureBuild fb = lod == 0 ? detailed(kind) : coarse(kind);
  fb.crossbow = kind == FigureKind::Archer;  // two of three carry a crossbow: their Shoot spans it
  return fb;
}

}  // namespace scene::kit
