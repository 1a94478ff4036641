// The three armies' kits as figures on the rig (scene/figures/kit_figures.h): every kit, kind
// and level is a whole figure within its budget, standing on y = 0 inside its impostor frame,
// hung on bones its rig has; every variant option is there; the colour classes the troop shader
// fills are used; and the three kits are not one figure in three names.
#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "scene/figures/banner_glyph.h"
#include "scene/figures/kit_figures.h"
#include "scene/figures/kit_palette.h"
#include "scene/figures/kit_parts.h"
#include "scene/model/color.h"
#include "shaders/shared.h"

namespace {

using scene::Bone;
using scene::FigureBuild;
using scene::FigureKind;
using scene::Kit;

constexpr std::array<Kit, 3> kAllKits = {Kit::Mongol, Kit::Jin, Kit::Song};

std::string name(Kit kit, FigureKind kind, int lod) {
  return std::string(scene::kit_name(kit)) + " " + scene::figure_name(kind) + " lod" + std::to_string(lod);
}

// Every choice of one option per variant group.
std::vector<std::array<int, 3>> combinations(const FigureBuild& fb) {
  std::vector<std::array<int, 3>> out;
  for (int a = 0; a < fb.variant_options[0]; ++a)
    for (int b = 0; b < fb.variant_options[1]; ++b)
      for (int c = 0; c < fb.variant_options[2]; ++c) out.push_back({a, b, c});
  return out;
}

bool drawn(const scene::RigPart& part, const std::array<int, 3>& choice) {
  return part.variant_group == 0 || part.option == choice[static_cast<std::size_t>(part.variant_group - 1)];
}

std::size_t triangles(const FigureBuild& fb, const std::array<int, 3>& choice) {
  std::size_t n = 0;
  for (const auto& part : fb.parts)
    if (drawn(part, choice)) n += part.mesh.triangle_count();
  return n;
}

// The colour class of a vertex colour, by the alpha byte (shaders/shared.h thresholds).
enum class Class { Albedo, Skin, Banner, Garment, Faction };
Class class_of(std::uint32_t colour) {
  const float a = scene::unpack_color(colour).a;
  if (a > 0.875f) return Class::Faction;
  if (a > 0.625f) return Class::Garment;
  if (a > 0.375f) return Class::Banner;
  if (a > 0.125f) return Class::Skin;
  return Class::Albedo;
}

bool is_horse(Bone b) { return static_cast<int>(b) >= static_cast<int>(Bone::HorseBody); }

// Distance from a point to a part's bounds (0 inside).
float distance_to_bounds(const scene::Mesh& m, glm::vec3 p) {
  glm::vec3 lo(1e9f), hi(-1e9f);
  for (const auto& v : m.vertices) {
    lo = glm::min(lo, v.position);
    hi = glm::max(hi, v.position);
  }
  return glm::length(glm::max(glm::max(lo - p, p - hi), glm::vec3(0)));
}

template <typename F>
void each_figure(F&& f) {
  for (Kit kit : kAllKits)
    for (int k = 0; k < scene::kFigureKinds; ++k)
      for (int lod = 0; lod < 2; ++lod) f(kit, static_cast<FigureKind>(k), lod);
}

}  // namespace

TEST_CASE("kit figures: every kit, kind and level is whole, within its triangle budget", "[kits]") {
  each_figure([](Kit kit, FigureKind kind, int lod) {
    INFO(name(kit, kind, lod));
    const FigureBuild fb = scene::build_figure(kit, kind, lod);
    REQUIRE(!fb.parts.empty());
    CHECK(fb.mounted == (kind == FigureKind::Cavalry));
    for (const auto& part : fb.parts) CHECK(part.mesh.triangle_count() > 0);
    // LOD0: 150-400 triangles on foot (560 for the standard-bearer), up to 600 with a horse. LOD1: about 70 on foot, about
    // 115 for horse and rider, which each need their limbs on their own bones to move, and a
    // coat whose hem shows below the armour as the near figure's does.
    // A standard-bearer's flag carries its character (banner_glyph.h), some 150 triangles more:
    // one man in kStandardEvery (250) carries one: under a triangle a man on average.
    const std::size_t lo = lod == 0 ? (fb.mounted ? 300 : 150) : 20;
    const std::size_t hi =
        lod == 0 ? (fb.mounted ? 600 : (kind == FigureKind::Bearer ? 560 : 400)) : (fb.mounted ? 118 : 80);
    for (const auto& choice : combinations(fb)) {
      const std::size_t n = triangles(fb, choice);
      INFO("options " << choice[0] << "/" << choice[1] << "/" << choice[2] << ": " << n << " triangles");
      CHECK(n >= lo);
      CHECK(n <= hi);
    }
    if (lod > 0) CHECK(fb.variant_options == std::array<std::uint8_t, scene::kVariantGroups>{1, 1, 1});
  });
}

TEST_CASE("kit figures: stand on y = 0 inside the impostor frame, every part on a bone of its rig", "[kits]") {
  each_figure([](Kit kit, FigureKind kind, int lod) {
    INFO(name(kit, kind, lod));
    const FigureBuild fb = scene::build_figure(kit, kind, lod);
    const scene::ImpostorFrame frame = scene::impostor_frame(kind);
    const auto& joints = scene::rig_joints(fb.mounted);
    for (const auto& choice : combinations(fb)) {
      float min_y = 1e9f;
      std::set<Bone> bones;
      for (const auto& part : fb.parts) {
        if (!drawn(part, choice)) continue;
        bones.insert(part.bone);
        for (const auto& v : part.mesh.vertices) min_y = std::min(min_y, v.position.y);
      }
      INFO("options " << choice[0] << "/" << choice[1] << "/" << choice[2]);
      CHECK(min_y >= -0.01f);
      CHECK(min_y <= 0.02f);
      // The parts a walk or a gallop moves are all there, each on its own bone.
      for (Bone b : {Bone::Pelvis, Bone::Chest, Bone::Head, Bone::UpperArmL, Bone::UpperArmR}) CHECK(bones.count(b));
      if (lod == 0) {
        for (Bone b : {Bone::ForeArmL, Bone::ForeArmR, Bone::HandL, Bone::HandR, Bone::ThighL, Bone::ThighR,
                       Bone::ShinL, Bone::ShinR, Bone::FootL, Bone::FootR})
          CHECK(bones.count(b));
      }
      if (fb.mounted) {
        for (Bone b : {Bone::HorseBody, Bone::HorseNeck, Bone::HorseHead, Bone::HorseFrontL, Bone::HorseFrontR,
                       Bone::HorseHindL, Bone::HorseHindR})
          CHECK(bones.count(b));
      } else {
        CHECK((bones.count(Bone::ThighL) && bones.count(Bone::ThighR)));
      }
    }
    for (const auto& part : fb.parts) {
      INFO("part on bone " << joints[static_cast<std::size_t>(part.bone)].name);
      CHECK(static_cast<int>(part.bone) < scene::kBones);
      CHECK(part.bone != Bone::Root);
      if (!fb.mounted) CHECK(!is_horse(part.bone));
      // Built round its bone: an arm's or leg's part reaches to within a hand of the pivot it
      // turns about; anything else (a shield in the hand, a quiver at the hip) within a short reach.
      const glm::vec3 pivot = joints[static_cast<std::size_t>(part.bone)].pivot;
      const bool limb = part.bone >= Bone::UpperArmL && part.bone <= Bone::FootR && part.bone != Bone::HandL &&
                        part.bone != Bone::HandR;
      CHECK(distance_to_bounds(part.mesh, pivot) <= (limb ? 0.1f : 0.35f));
      for (const auto& v : part.mesh.vertices) {
        const glm::vec3 p = v.position;
        CHECK(std::hypot(p.x, p.z) <= frame.half_size);
        CHECK(p.y <= frame.centre_height + frame.half_size);
        CHECK(p.y >= frame.centre_height - frame.half_size);
        // A rider's own parts are above the horse's back.
        if (fb.mounted && (part.bone == Bone::Chest || part.bone == Bone::Head)) CHECK(p.y > 1.3f);
      }
    }
  });
}

TEST_CASE("kit figures: every variant option is a figure, and soldiers vary in headgear, weapon and kit", "[kits]") {
  each_figure([](Kit kit, FigureKind kind, int lod) {
    INFO(name(kit, kind, lod));
    const FigureBuild fb = scene::build_figure(kit, kind, lod);
    for (int g = 1; g <= scene::kVariantGroups; ++g) {
      const int options = fb.variant_options[static_cast<std::size_t>(g - 1)];
      INFO("group " << g << " of " << options << " options");
      REQUIRE(options >= 1);
      REQUIRE(options <= 15);
      std::set<int> seen;
      for (const auto& part : fb.parts) {
        if (part.variant_group != g) continue;
        CHECK(part.option < options);
        seen.insert(part.option);
      }
      if (options > 1) CHECK(static_cast<int>(seen.size()) == options);
      if (options == 1) CHECK(seen.size() <= 1);
    }
    if (lod > 0) return;
    CHECK(fb.variant_options[0] >= 2);  // headgear
    const bool armed = kind != FigureKind::Civilian && kind != FigureKind::Bearer;
    if (armed) CHECK(fb.variant_options[1] >= 2);                        // weapon or tool
    if (kind == FigureKind::Cavalry) CHECK(fb.variant_options[2] >= 3);  // horse coats
    if (kind == FigureKind::Archer || kind == FigureKind::Infantry) CHECK(fb.variant_options[2] >= 2);
    // The headgear options differ in shape, not only in colour.
    std::set<std::size_t> head_sizes;
    for (const auto& part : fb.parts)
      if (part.variant_group == 1 && part.bone == Bone::Head) head_sizes.insert(part.mesh.vertices.size());
    CHECK(head_sizes.size() >= 2);
  });
}

TEST_CASE("kit figures: the troop shader's colour classes are used", "[kits]") {
  each_figure([](Kit kit, FigureKind kind, int lod) {
    INFO(name(kit, kind, lod));
    const FigureBuild fb = scene::build_figure(kit, kind, lod);
    for (const auto& choice : combinations(fb)) {
      std::set<Class> classes;
      for (const auto& part : fb.parts)
        if (drawn(part, choice))
          for (const auto& v : part.mesh.vertices) classes.insert(class_of(v.color));
      INFO("options " << choice[0] << "/" << choice[1] << "/" << choice[2]);
      CHECK(classes.count(Class::Faction));  // the army's accent, near and far
      CHECK(classes.count(Class::Skin));
      CHECK(classes.count(Class::Albedo));
      if (!fb.mounted) CHECK(classes.count(Class::Garment));
      if (kind == FigureKind::Bearer) CHECK(classes.count(Class::Banner));
    }
  });
}

TEST_CASE("kit figures: the three kits of a kind are three different figures", "[kits]") {
  for (int k = 0; k < scene::kFigureKinds; ++k) {
    for (int lod = 0; lod < 2; ++lod) {
      const auto kind = static_cast<FigureKind>(k);
      // A kit's look: its own-albedo and faction-class colours (materials, accents) and the shape
      // of its first option (each part's bone and bounds to a centimetre).
      std::array<std::set<std::uint32_t>, 3> colours;
      std::array<std::vector<long>, 3> shapes;
      for (std::size_t i = 0; i < 3; ++i) {
        const FigureBuild fb = scene::build_figure(kAllKits[i], kind, lod);
        for (const auto& part : fb.parts) {
          if (!drawn(part, {0, 0, 0})) continue;
          glm::vec3 lo(1e9f), hi(-1e9f);
          for (const auto& v : part.mesh.vertices) {
            colours[i].insert(v.color);
            lo = glm::min(lo, v.position);
            hi = glm::max(hi, v.position);
          }
          shapes[i].push_back(static_cast<long>(part.bone));
          for (float c : {lo.x, lo.y, lo.z, hi.x, hi.y, hi.z}) shapes[i].push_back(std::lround(c * 100.0f));
        }
      }
      for (std::size_t a = 0; a < 3; ++a) {
        for (std::size_t b = a + 1; b < 3; ++b) {
          INFO(scene::figure_name(kind) << " lod" << lod << ": " << scene::kit_name(kAllKits[a]) << " and "
                                        << scene::kit_name(kAllKits[b]));
          CHECK(colours[a] != colours[b]);
          CHECK(shapes[a] != shapes[b]);
        }
      }
    }
  }
}

TEST_CASE("kit palettes: each army's dyes as LOOK.md describes them", "[kits]") {
  const auto luminance = [](glm::vec3 c) { return 0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b; };
  for (Kit kit : kAllKits) {
    const scene::KitPalette& p = scene::kit_palette(kit);
    for (glm::vec3 c : p.garments)
      CHECK((glm::all(glm::greaterThanEqual(c, glm::vec3(0))) && glm::all(glm::lessThanEqual(c, glm::vec3(1)))));
    for (glm::vec3 c : p.skins) CHECK((c.r > c.g && c.g > c.b));  // warm skin tones
  }
  // Jin: mostly white robes (#E8E4DA and near): at least five of eight bright and unsaturated.
  int white = 0;
  for (glm::vec3 c : scene::kit_palette(Kit::Jin).garments)
    if (luminance(c) > 0.55f && c.r - c.b < 0.15f) ++white;
  CHECK(white >= 5);
  // Song: red first (#A8322D), and red or purple in at least three of the eight.
  int red = 0;
  for (glm::vec3 c : scene::kit_palette(Kit::Song).garments)
    if (c.r > 2.0f * c.g) ++red;
  CHECK(red >= 3);
  CHECK(scene::kit_palette(Kit::Song).garments[0].r > 3.0f * scene::kit_palette(Kit::Song).garments[0].g);
  // Mongol: varied dyes, none of them the Jin white: no more than one bright garment (undyed felt).
  int bright = 0;
  for (glm::vec3 c : scene::kit_palette(Kit::Mongol).garments)
    if (luminance(c) > 0.55f) ++bright;
  CHECK(bright <= 1);
}

// The characters on the standards (scene/figures/banner_glyph.h).
namespace {

// Area of the ink-coloured triangles of a figure, in square metres.
double ink_area(const FigureBuild& fb) {
  const std::uint32_t ink = scene::kit::mat::ink();
  double area = 0;
  for (const scene::RigPart& part : fb.parts) {
    const scene::Mesh& m = part.mesh;
    for (size_t i = 0; i + 2 < m.indices.size(); i += 3) {
      const scene::Vertex& a = m.vertices[m.indices[i]];
      if (a.color != ink) continue;
      const glm::vec3 b = m.vertices[m.indices[i + 1]].position, c = m.vertices[m.indices[i + 2]].position;
      area += 0.5 * glm::length(glm::cross(b - a.position, c - a.position));
    }
  }
  return area;
}

int inked_cells(scene::kit::BannerGlyph glyph) {
  int n = 0;
  for (int y = 0; y < scene::kit::kGlyphCells; ++y)
    for (int x = 0; x < scene::kit::kGlyphCells; ++x) n += scene::kit::glyph_inked(glyph, x, y) ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("kit figures: Song and Jin standards carry their character and the Mongols' do not", "[kit]") {
  using scene::kit::BannerGlyph;
  const int song_cells = inked_cells(BannerGlyph::Song), jin_cells = inked_cells(BannerGlyph::Jin);
  const int all = scene::kit::kGlyphCells * scene::kit::kGlyphCells;
  CHECK(song_cells > all / 4);  // a character, not a speck or a filled square
  CHECK(song_cells < all * 3 / 5);
  CHECK(jin_cells > all / 4);
  CHECK(jin_cells < all * 3 / 5);
  int differ = 0;
  for (int y = 0; y < scene::kit::kGlyphCells; ++y)
    for (int x = 0; x < scene::kit::kGlyphCells; ++x)
      differ += scene::kit::glyph_inked(BannerGlyph::Song, x, y) != scene::kit::glyph_inked(BannerGlyph::Jin, x, y);
  CHECK(differ > all / 5);  // 宋 is not 金

  // Each side of the flag shows every inked cell once: the rectangles cover the bitmap
  // exactly (no cell lost or drawn twice when runs are merged).
  const auto cell_area = [](float size) { return std::pow(size / scene::kit::kGlyphCells, 2.0); };
  const double song = ink_area(scene::build_figure(Kit::Song, FigureKind::Bearer, 0));
  const double jin = ink_area(scene::build_figure(Kit::Jin, FigureKind::Bearer, 0));
  CHECK(song == Approx(2.0 * song_cells * cell_area(0.56f)).epsilon(1e-3));
  CHECK(jin == Approx(2.0 * jin_cells * cell_area(0.5f)).epsilon(1e-3));
  CHECK(ink_area(scene::build_figure(Kit::Mongol, FigureKind::Bearer, 0)) == 0.0);  // yak tails (LOOK.md [37])
  CHECK(ink_area(scene::build_figure(Kit::Song, FigureKind::Infantry, 0)) == 0.0);  // only the bearer's flag
}

TEST_CASE("kit figures: Song infantry carry their shield at both levels and in the same place", "[kit]") {
  // The banner-coloured parts on the left hand: every near option's shield, and the far board.
  const auto kBannerClass = static_cast<std::uint32_t>(std::lround(shaders::kClassBannerAlpha * 255.0f));
  const auto shield_box = [](const FigureBuild& fb, const std::array<int, 3>& choice, glm::vec3& lo, glm::vec3& hi) {
    lo = glm::vec3(1e9f);
    hi = glm::vec3(-1e9f);
    for (const scene::RigPart& part : fb.parts) {
      if (part.bone != Bone::HandL || !drawn(part, choice)) continue;
      for (const scene::Vertex& v : part.mesh.vertices) {
        if ((v.color >> 24) != kBannerClass) continue;
        lo = glm::min(lo, v.position);
        hi = glm::max(hi, v.position);
      }
    }
    return hi.x > lo.x;
  };
  const FigureBuild near = scene::build_figure(Kit::Song, FigureKind::Infantry, 0);
  const FigureBuild far = scene::build_figure(Kit::Song, FigureKind::Infantry, 1);
  glm::vec3 far_lo, far_hi;
  REQUIRE(shield_box(far, {0, 0, 0}, far_lo, far_hi));
  for (const auto& choice : combinations(near)) {
    glm::vec3 lo, hi;
    INFO("options " << choice[0] << "/" << choice[1] << "/" << choice[2]);
    REQUIRE(shield_box(near, choice, lo, hi));
    // Overlap of the two boxes seen from the front (x, y) over the smaller: the far board
    // stands where the near shield does.
    const glm::vec2 a = glm::max(glm::vec2(lo), glm::vec2(far_lo)), b = glm::min(glm::vec2(hi), glm::vec2(far_hi));
    const float overlap = std::max(0.0f, b.x - a.x) * std::max(0.0f, b.y - a.y);
    const float smaller = std::min((hi.x - lo.x) * (hi.y - lo.y), (far_hi.x - far_lo.x) * (far_hi.y - far_lo.y));
    CHECK(overlap / smaller > 0.7f);
  }
}
