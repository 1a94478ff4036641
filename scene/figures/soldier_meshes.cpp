#include "scene/figures/soldier_meshes.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "scene/figures/figure_file.h"
#include "scene/mesh/mesh_lod.h"
#include "scene/mesh/model_file.h"

namespace scene {

namespace {

// Colours: linear albedo. Team parts carry their colour class in alpha (see the header).
const std::uint32_t kFaction = pack_color({1, 1, 1}, shaders::kClassFactionAlpha);
const std::uint32_t kBanner = pack_color({1, 1, 1}, shaders::kClassBannerAlpha);
const std::uint32_t kSkin = pack_color({0.42f, 0.27f, 0.17f});
const std::uint32_t kCloth = pack_color({0.16f, 0.13f, 0.10f});  // trousers, boots
const std::uint32_t kIron = pack_color({0.10f, 0.10f, 0.11f});
const std::uint32_t kWood = pack_color({0.28f, 0.18f, 0.09f});
const std::uint32_t kHorse = pack_color({0.24f, 0.14f, 0.07f});
const std::uint32_t kHorseDark = pack_color({0.09f, 0.06f, 0.04f});
const std::uint32_t kRobe = pack_color({0.33f, 0.30f, 0.24f});  // civilians: undyed hemp
const std::uint32_t kStraw = pack_color({0.45f, 0.38f, 0.20f});

// A box with no bottom (10 triangles): base centre, size, part.
void box(Mesh& m, glm::vec3 base, glm::vec3 size, std::uint32_t colour, std::uint32_t part) {
  m.add_box(base, size, 0.0f, colour, part);
}

// A triangular prism pointing forward (-z): 6 side triangles and an optional top cap. The
// top may be narrower than the bottom (`taper` scales it).
void prism(Mesh& m, glm::vec3 base, float rx, float rz, float height, float taper, std::uint32_t colour,
           std::uint32_t part, bool top) {
  const glm::vec3 b[3] = {base + glm::vec3(0, 0, -rz), base + glm::vec3(rx, 0, 0.6f * rz),
                          base + glm::vec3(-rx, 0, 0.6f * rz)};
  glm::vec3 t[3];
  for (int i = 0; i < 3; ++i) t[i] = base + (b[i] - base) * taper + glm::vec3(0, height, 0);
  for (int i = 0; i < 3; ++i) {
    const int j = (i + 1) % 3;
    m.add_quad(b[i], t[i], t[j], b[j], colour, part);
  }
  if (top) m.add_triangle(t[0], t[2], t[1], colour, part);
}

// A thin upright blade seen from both sides (2 triangles): spears, poles, bows at LOD1.
void sliver(Mesh& m, glm::vec3 foot, glm::vec3 tip, float width, std::uint32_t colour, std::uint32_t part) {
  const glm::vec3 side(width, 0, 0);
  m.add_triangle(foot - side, foot + side, tip, colour, part);
  m.add_triangle(foot + side, foot - side, tip, colour, part);
}

// A person standing, LOD0: legs, coat, torso, arms, head and hat (about 70 triangles).
void person(Mesh& m, std::uint32_t coat, std::uint32_t torso, std::uint32_t hat, bool helmet) {
  box(m, {-0.11f, 0, 0}, {0.15f, 0.92f, 0.17f}, kCloth, kPartLegA);
  box(m, {0.11f, 0, 0}, {0.15f, 0.92f, 0.17f}, kCloth, kPartLegB);
  box(m, {0, 0.62f, 0}, {0.46f, 0.34f, 0.3f}, coat, kPartRigid);
  box(m, {0, 0.96f, 0}, {0.44f, 0.52f, 0.27f}, torso, kPartRigid);
  box(m, {-0.29f, 0.95f, 0}, {0.11f, 0.53f, 0.13f}, torso, kPartArmA);
  box(m, {0.29f, 0.95f, 0}, {0.11f, 0.53f, 0.13f}, torso, kPartArmB);
  box(m, {0, 1.48f, 0}, {0.2f, 0.24f, 0.22f}, kSkin, kPartRigid);
  if (helmet)
    m.add_pyramid({0, 1.68f, 0}, {0.28f, 0.28f}, 0.2f, 0.0f, hat, kPartRigid);
  else
    m.add_pyramid({0, 1.70f, 0}, {0.46f, 0.46f}, 0.12f, 0.0f, hat, kPartRigid);  // a broad straw hat
}

// A person, LOD1 (16 triangles): legs, tapered torso with cap, head as a small pyramid.
void person_coarse(Mesh& m, std::uint32_t torso, std::uint32_t hat) {
  prism(m, {0, 0, 0}, 0.2f, 0.14f, 0.9f, 0.9f, kCloth, kPartRigid, false);
  prism(m, {0, 0.88f, 0}, 0.27f, 0.18f, 0.62f, 0.75f, torso, kPartRigid, true);
  m.add_pyramid({0, 1.48f, 0}, {0.24f, 0.24f}, 0.36f, 0.0f, hat, kPartRigid);
}

Mesh infantry(int lod, bool spear, bool bow, bool standard) {
  Mesh m;
  if (lod == 0) {
    person(m, kCloth, kFaction, kIron, true);
    if (spear) box(m, {0.33f, 0.25f, -0.08f}, {0.05f, 2.45f, 0.05f}, kWood, kPartArmB);
    if (bow) {
      box(m, {-0.37f, 0.7f, -0.06f}, {0.04f, 1.15f, 0.06f}, kWood, kPartArmA);
      box(m, {0.1f, 0.95f, 0.2f}, {0.12f, 0.55f, 0.12f}, kWood, kPartRigid);  // quiver on the back
    }
    if (!spear && !bow) {
      box(m, {-0.38f, 0.78f, -0.05f}, {0.06f, 0.55f, 0.46f}, kBanner, kPartArmA);  // shield
      box(m, {0.33f, 0.55f, -0.12f}, {0.05f, 0.55f, 0.07f}, kIron, kPartArmB);     // sword
    }
    if (standard) {
      box(m, {0.36f, 0, -0.05f}, {0.06f, 3.5f, 0.06f}, kWood, kPartRigid);
      m.add_quad({0.39f, 2.75f, -0.05f}, {0.39f, 3.45f, -0.05f}, {1.25f, 3.45f, -0.05f}, {1.25f, 2.75f, -0.05f},
                 kBanner, kPartRigid);
      m.add_quad({1.25f, 2.75f, -0.05f}, {1.25f, 3.45f, -0.05f}, {0.39f, 3.45f, -0.05f}, {0.39f, 2.75f, -0.05f},
                 kBanner, kPartRigid);
    }
  } else {
    person_coarse(m, kFaction, kIron);
    if (spear) sliver(m, {0.3f, 0.2f, -0.1f}, {0.3f, 2.7f, -0.1f}, 0.04f, kWood, kPartRigid);
    if (bow) sliver(m, {-0.34f, 0.7f, -0.1f}, {-0.34f, 1.85f, -0.1f}, 0.04f, kWood, kPartRigid);
    if (standard) {
      sliver(m, {0.36f, 0, -0.05f}, {0.36f, 3.5f, -0.05f}, 0.05f, kWood, kPartRigid);
      m.add_quad({0.39f, 2.75f, -0.05f}, {0.39f, 3.45f, -0.05f}, {1.25f, 3.45f, -0.05f}, {1.25f, 2.75f, -0.05f},
                 kBanner, kPartRigid);
      m.add_quad({1.25f, 2.75f, -0.05f}, {1.25f, 3.45f, -0.05f}, {0.39f, 3.45f, -0.05f}, {0.39f, 2.75f, -0.05f},
                 kBanner, kPartRigid);
    }
  }
  return m;
}

Mesh civilian(int lod, bool crew) {
  Mesh m;
  const std::uint32_t torso = crew ? kFaction : kRobe;
  if (lod == 0) {
    person(m, crew ? kCloth : kRobe, torso, kStraw, false);
    if (crew) box(m, {0.34f, 0.3f, -0.15f}, {0.06f, 1.5f, 0.06f}, kWood, kPartArmB);  // a rope pole or mattock
  } else {
    person_coarse(m, torso, kStraw);
  }
  return m;
}

Mesh cavalry(int lod) {
  Mesh m;
  if (lod == 0) {
    box(m, {-0.17f, 0, -0.62f}, {0.13f, 1.0f, 0.14f}, kHorseDark, kPartHoofA);  // front left
    box(m, {0.17f, 0, -0.62f}, {0.13f, 1.0f, 0.14f}, kHorseDark, kPartHoofB);   // front right
    box(m, {-0.17f, 0, 0.62f}, {0.13f, 1.0f, 0.14f}, kHorseDark, kPartHoofB);   // hind left
    box(m, {0.17f, 0, 0.62f}, {0.13f, 1.0f, 0.14f}, kHorseDark, kPartHoofA);    // hind right
    box(m, {0, 0.95f, 0}, {0.5f, 0.55f, 1.65f}, kHorse, kPartRigid);
    box(m, {0, 1.25f, -0.78f}, {0.26f, 0.55f, 0.32f}, kHorse, kPartRigid);     // neck
    box(m, {0, 1.62f, -1.0f}, {0.22f, 0.24f, 0.55f}, kHorseDark, kPartRigid);  // head
    box(m, {0, 0.95f, 0.9f}, {0.1f, 0.5f, 0.1f}, kHorseDark, kPartRigid);      // tail
    box(m, {0, 1.5f, 0.05f}, {0.62f, 0.12f, 0.55f}, kBanner, kPartRigid);      // saddle cloth
    box(m, {-0.27f, 1.05f, 0.0f}, {0.1f, 0.5f, 0.14f}, kCloth, kPartRigid);    // rider's legs
    box(m, {0.27f, 1.05f, 0.0f}, {0.1f, 0.5f, 0.14f}, kCloth, kPartRigid);
    box(m, {0, 1.6f, 0.05f}, {0.42f, 0.55f, 0.26f}, kFaction, kPartRigid);  // rider
    box(m, {0, 2.15f, 0.05f}, {0.2f, 0.23f, 0.21f}, kSkin, kPartRigid);
    m.add_pyramid({0, 2.36f, 0.05f}, {0.27f, 0.27f}, 0.2f, 0.0f, kIron, kPartRigid);
    box(m, {0.3f, 1.3f, -0.2f}, {0.05f, 1.9f, 0.05f}, kWood, kPartRigid);  // lance
  } else {
    prism(m, {0, 0, 0.05f}, 0.3f, 0.85f, 1.0f, 1.0f, kHorseDark, kPartRigid, false);  // legs as one
    box(m, {0, 0.95f, 0}, {0.5f, 0.55f, 1.65f}, kHorse, kPartRigid);
    prism(m, {0, 1.1f, -0.9f}, 0.14f, 0.2f, 0.75f, 0.8f, kHorseDark, kPartRigid, true);  // neck and head
    prism(m, {0, 1.5f, 0.05f}, 0.27f, 0.18f, 0.6f, 0.75f, kFaction, kPartRigid, true);
    m.add_pyramid({0, 2.1f, 0.05f}, {0.24f, 0.24f}, 0.38f, 0.0f, kIron, kPartRigid);
  }
  return m;
}

}  // namespace

FigureKind figure_kind(UnitKind kind) {
  switch (kind) {
    case UnitKind::Infantry:
      return FigureKind::Infantry;
    case UnitKind::Spearmen:
      return FigureKind::Spearman;
    case UnitKind::Archers:
      return FigureKind::Archer;
    case UnitKind::Cavalry:
      return FigureKind::Cavalry;
    case UnitKind::SiegeCrew:
      return FigureKind::Crew;
    case UnitKind::Civilians:
      return FigureKind::Civilian;
  }
  return FigureKind::Infantry;
}

Mesh soldier_mesh(FigureKind kind, int lod) {
  switch (kind) {
    case FigureKind::Infantry:
      return infantry(lod, false, false, false);
    case FigureKind::Spearman:
      return infantry(lod, true, false, false);
    case FigureKind::Archer:
      return infantry(lod, false, true, false);
    case FigureKind::Cavalry:
      return cavalry(lod);
    case FigureKind::Crew:
      return civilian(lod, true);
    case FigureKind::Civilian:
      return civilian(lod, false);
    case FigureKind::Bearer:
      return infantry(lod, false, false, true);
  }
  return {};
}

ImpostorFrame impostor_frame(FigureKind kind) {
  switch (kind) {
    case FigureKind::Cavalry:
      return {1.6f, 1.3f};
    case FigureKind::Bearer:
      return {1.85f, 1.75f};
    case FigureKind::Spearman:
      return {1.45f, 1.3f};
    default:
      return {1.2f, 1.0f};
  }
}

const char* part_name(std::uint32_t part) {
  static constexpr const char* kNames[kPartCount] = {"part_rigid", "part_leg_a",  "part_leg_b", "part_arm_a",
                                                     "part_arm_b", "part_hoof_a", "part_hoof_b"};
  return part < kPartCount ? kNames[part] : "part_rigid";
}

int part_code_of(std::string_view name) {
  for (std::uint32_t part = 0; part < kPartCount; ++part) {
    const std::string_view prefix = part_name(part);
    if (name.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), name.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        }))
      return static_cast<int>(part);
  }
  return -1;
}

const char* figure_name(FigureKind kind) {
  switch (kind) {
    case FigureKind::Infantry:
      return "infantry";
    case FigureKind::Spearman:
      return "spearman";
    case FigureKind::Archer:
      return "archer";
    case FigureKind::Cavalry:
      return "cavalry";
    case FigureKind::Crew:
      return "crew";
    case FigureKind::Civilian:
      return "civilian";
    case FigureKind::Bearer:
      return "bearer";
  }
  return "infantry";
}

std::filesystem::path figure_file(const std::filesystem::path& dir, FigureKind kind, int lod) {
  return dir / (std::string("soldier_") + figure_name(kind) + (lod > 0 ? "_lod1.glb" : ".glb"));
}

Mesh derive_figure_lod1(const Mesh& lod0) {
  // About as many triangles as the hand-made LOD1s (17-34), more where thin parts make the
  // silhouette (simplify_to keeps the bounds).
  Mesh lod1 = simplify_to(lod0, 28);
  for (Vertex& v : lod1.vertices) v.object = kPartRigid;  // far figures do not swing their limbs
  return lod1;
}

namespace {

// Triangle budgets: a LOD0 is drawn within a few tens of metres, a LOD1 thousands at a time.
constexpr std::size_t kMaxTriangles[kFigureMeshLods] = {4000, 400};

// Why a loaded figure cannot stand in for `kind` at `lod`, or empty.
std::string implausible(const Mesh& mesh, int lod) {
  if (mesh.triangle_count() > kMaxTriangles[lod])
    return std::to_string(mesh.triangle_count()) + " triangles, more than the " + std::to_string(kMaxTriangles[lod]) +
           " a figure at this level may have";
  const Bounds b = mesh_bounds(mesh);
  if (!b.valid() || std::abs(b.min.y) > 0.3f || b.size().y < 0.5f || b.size().y > 6.0f)
    return "not a figure standing on y = 0 about 0.5-6 m tall (metres, +y up expected)";
  return {};
}

}  // namespace

FigureMeshes load_figure_meshes(const std::filesystem::path& dir) {
  FigureMeshes out;
  const auto warn = [&](std::string text) {
    std::fprintf(stderr, "siege: warning: %s\n", text.c_str());
    out.warnings.push_back(std::move(text));
  };
  for (int k = 0; k < kFigureKinds; ++k) {
    const auto kind = static_cast<FigureKind>(k);
    bool lod0_from_file = false;
    for (int lod = 0; lod < kFigureMeshLods; ++lod) {
      const std::filesystem::path file = figure_file(dir, kind, lod);
      ModelLoadResult r = load_figure_model(file);
      std::string why = r.ok() ? implausible(r.mesh, lod) : r.warning;
      if (r.ok() && !why.empty()) why = file.string() + ": " + why;
      Mesh& mesh = out.meshes[static_cast<std::size_t>(k)][static_cast<std::size_t>(lod)];
      if (why.empty()) {
        if (!r.warning.empty()) warn(r.warning);  // usable, with something left out
        mesh = std::move(r.mesh);
        lod0_from_file = lod0_from_file || lod == 0;
      } else if (lod > 0 && lod0_from_file) {
        mesh = derive_figure_lod1(out.meshes[static_cast<std::size_t>(k)][0]);
        warn(why + "; deriving the " + figure_name(kind) + " figure's LOD1 from its LOD0 file (" +
             std::to_string(mesh.triangle_count()) + " triangles)");
      } else {
        warn(why + "; using the procedural " + figure_name(kind) + " figure");
        mesh = soldier_mesh(kind, lod);
      }
    }
  }
  return out;
}

}  // namespace scene
