// Soldier figures as model files: the committed soldier_*.glb files read back as the procedural
// figures they were baked from, part codes and colour classes included; a user's file names its
// parts and colours as scene/figures/figure_file.h says; missing, broken or implausible files fall back with one
// warning each.
#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <tuple>
#include <vector>

#include <catch2/catch.hpp>

#include "scene/figures/figure_file.h"
#include "scene/figures/soldier_meshes.h"
#include "scene/mesh/model_file.h"

namespace fs = std::filesystem;

namespace {

const fs::path kModels = fs::path(SIEGE_SOURCE_DIR) / "assets/models";

scene::FigureKind kind_at(int k) { return static_cast<scene::FigureKind>(k); }

fs::path temp_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / "siege_test_soldier_models" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// A triangle as the troop shaders see it: corners (position and normal to 1e-4, colour with its
// alpha class, part code), in a canonical order so that two meshes compare as sets.
using Corner = std::tuple<long, long, long, long, long, long, std::uint32_t, std::uint32_t>;
std::vector<std::array<Corner, 3>> triangles(const scene::Mesh& mesh) {
  const auto q = [](float v) { return std::lround(static_cast<double>(v) * 1e4); };
  std::vector<std::array<Corner, 3>> out;
  for (std::size_t t = 0; t < mesh.triangle_count(); ++t) {
    std::array<Corner, 3> tri;
    for (int k = 0; k < 3; ++k) {
      const scene::Vertex& v = mesh.vertices[mesh.indices[3 * t + static_cast<std::size_t>(k)]];
      tri[static_cast<std::size_t>(k)] = {q(v.position.x), q(v.position.y), q(v.position.z), q(v.normal.x),
                                          q(v.normal.y),   q(v.normal.z),   v.color,         v.object};
    }
    // Rotate the smallest corner first: the same triangle, the same winding.
    std::rotate(tri.begin(), std::min_element(tri.begin(), tri.end()), tri.end());
    out.push_back(tri);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Vertices per (part code, colour alpha).
std::map<std::pair<std::uint32_t, std::uint32_t>, std::size_t> classes(const scene::Mesh& mesh) {
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::size_t> out;
  for (const scene::Vertex& v : mesh.vertices) ++out[{v.object, v.color >> 24}];
  return out;
}

std::size_t count_containing(const std::vector<std::string>& texts, const std::string& a, const std::string& b) {
  return static_cast<std::size_t>(std::count_if(texts.begin(), texts.end(), [&](const std::string& t) {
    return t.find(a) != std::string::npos && t.find(b) != std::string::npos;
  }));
}

}  // namespace

TEST_CASE("soldier models: every committed figure file reads back as its procedural figure", "[models][soldiers]") {
  for (int k = 0; k < scene::kFigureKinds; ++k) {
    for (int lod = 0; lod < scene::kFigureMeshLods; ++lod) {
      const fs::path file = scene::figure_file(kModels, kind_at(k), lod);
      INFO(file.string());
      REQUIRE(fs::exists(file));
      CHECK(fs::file_size(file) < 100'000);
      const scene::ModelLoadResult r = scene::load_figure_model(file);
      CHECK(r.warning.empty());
      REQUIRE(r.ok());
      const scene::Mesh procedural = scene::soldier_mesh(kind_at(k), lod);
      CHECK(r.mesh.triangle_count() == procedural.triangle_count());
      const scene::Bounds b = scene::mesh_bounds(r.mesh), p = scene::mesh_bounds(procedural);
      CHECK(glm::length(b.min - p.min) < 1e-4f);
      CHECK(glm::length(b.max - p.max) < 1e-4f);
      CHECK(std::abs(b.min.y) < 1e-4f);  // feet on the ground
      // Every part code with the same vertices, every colour class kept...
      CHECK(classes(r.mesh) == classes(procedural));
      // ...and, triangle by triangle, the same corners, normals, colours and parts.
      CHECK(triangles(r.mesh) == triangles(procedural));
    }
    // Walking figures keep their moving limbs at LOD0.
    const scene::Mesh lod0 = scene::load_figure_model(scene::figure_file(kModels, kind_at(k), 0)).mesh;
    std::map<std::uint32_t, std::size_t> parts;
    for (const scene::Vertex& v : lod0.vertices) ++parts[v.object];
    const bool horse = kind_at(k) == scene::FigureKind::Cavalry;
    for (std::uint32_t part :
         horse ? std::vector<std::uint32_t>{scene::kPartHoofA, scene::kPartHoofB}
               : std::vector<std::uint32_t>{scene::kPartLegA, scene::kPartLegB, scene::kPartArmA, scene::kPartArmB})
      CHECK(parts[part] > 0);
  }
}

TEST_CASE("soldier models: the troop pass's figures come from the committed files within budget",
          "[models][soldiers]") {
  const scene::FigureMeshes figures = scene::load_figure_meshes(kModels);
  CHECK(figures.warnings.empty());
  for (int k = 0; k < scene::kFigureKinds; ++k) {
    INFO(scene::figure_name(kind_at(k)));
    CHECK(triangles(figures.mesh(kind_at(k), 0)) == triangles(scene::soldier_mesh(kind_at(k), 0)));
    const scene::Mesh& lod1 = figures.mesh(kind_at(k), 1);
    // LOD1 is drawn thousands at a time: a few tens of triangles, no swinging limbs.
    CHECK(lod1.triangle_count() >= 16);
    CHECK(lod1.triangle_count() <= 36);
    CHECK(lod1.triangle_count() * 2 < figures.mesh(kind_at(k), 0).triangle_count());
    for (const scene::Vertex& v : lod1.vertices) CHECK(v.object == scene::kPartRigid);
  }
}

TEST_CASE("soldier models: a missing, broken or implausible file falls back with one warning naming it",
          "[models][soldiers]") {
  const fs::path dir = temp_dir("fallback");
  for (const auto& entry : fs::directory_iterator(kModels))
    if (entry.path().filename().string().rfind("soldier_", 0) == 0)
      fs::copy_file(entry.path(), dir / entry.path().filename());

  const fs::path missing = scene::figure_file(dir, scene::FigureKind::Archer, 0);
  fs::remove(missing);
  const fs::path broken = scene::figure_file(dir, scene::FigureKind::Infantry, 1);
  {
    std::ofstream out(broken, std::ios::binary | std::ios::trunc);
    out << "glTF\x02\x00\x00\x00 not a figure";
  }
  // Centimetres instead of metres: it loads, but is no figure standing on y = 0.
  const fs::path huge = scene::figure_file(dir, scene::FigureKind::Crew, 0);
  scene::Mesh centimetres = scene::soldier_mesh(scene::FigureKind::Crew, 0);
  for (scene::Vertex& v : centimetres.vertices) v.position *= 100.0f;
  REQUIRE(scene::save_figure_glb(centimetres, huge).empty());

  const scene::FigureMeshes figures = scene::load_figure_meshes(dir);
  REQUIRE(figures.warnings.size() == 3);
  CHECK(count_containing(figures.warnings, missing.string(), "procedural archer") == 1);
  CHECK(count_containing(figures.warnings, broken.string(), "deriving") == 1);
  CHECK(count_containing(figures.warnings, huge.string(), "procedural crew") == 1);

  // The missing LOD0 is the procedural one; its LOD1 still comes from its file.
  CHECK(triangles(figures.mesh(scene::FigureKind::Archer, 0)) ==
        triangles(scene::soldier_mesh(scene::FigureKind::Archer, 0)));
  CHECK(triangles(figures.mesh(scene::FigureKind::Archer, 1)) ==
        triangles(scene::soldier_mesh(scene::FigureKind::Archer, 1)));
  CHECK(triangles(figures.mesh(scene::FigureKind::Crew, 0)) ==
        triangles(scene::soldier_mesh(scene::FigureKind::Crew, 0)));
  // The broken LOD1 of a kind whose LOD0 file loaded: simplified from that LOD0 to the LOD1
  // budget, rigid, the same figure's size.
  const scene::Mesh& derived = figures.mesh(scene::FigureKind::Infantry, 1);
  const scene::Mesh& lod0 = figures.mesh(scene::FigureKind::Infantry, 0);
  REQUIRE_FALSE(derived.empty());
  CHECK(derived.triangle_count() <= 40);  // LOD0 has 94
  CHECK(derived.triangle_count() >= 12);
  for (const scene::Vertex& v : derived.vertices) CHECK(v.object == scene::kPartRigid);
  const scene::Bounds d = scene::mesh_bounds(derived), l = scene::mesh_bounds(lod0);
  CHECK(glm::length(d.min - l.min) < 0.1f * glm::length(l.size()));
  CHECK(glm::length(d.max - l.max) < 0.1f * glm::length(l.size()));
  // A figure whose silhouette hangs on thin parts (a rider's lance) is never cut down to a
  // different shape: it keeps more triangles instead.
  const scene::Mesh horse0 = scene::soldier_mesh(scene::FigureKind::Cavalry, 0);
  const scene::Mesh horse1 = scene::derive_figure_lod1(horse0);
  CHECK(horse1.triangle_count() <= horse0.triangle_count());
  const scene::Bounds h1 = scene::mesh_bounds(horse1), h0 = scene::mesh_bounds(horse0);
  CHECK(glm::length(h1.min - h0.min) < 0.1f * glm::length(h0.size()));
  CHECK(glm::length(h1.max - h0.max) < 0.1f * glm::length(h0.size()));

  // No files at all: every kind and level procedural, one warning per file.
  const scene::FigureMeshes none = scene::load_figure_meshes(temp_dir("empty"));
  CHECK(none.warnings.size() == static_cast<std::size_t>(scene::kFigureKinds * scene::kFigureMeshLods));
  for (int k = 0; k < scene::kFigureKinds; ++k)
    for (int lod = 0; lod < scene::kFigureMeshLods; ++lod)
      CHECK(none.mesh(kind_at(k), lod).triangle_count() == scene::soldier_mesh(kind_at(k), lod).triangle_count());
}

TEST_CASE("soldier models: a user's file names its parts by node and its team colours by material",
          "[models][soldiers]") {
  // An OBJ as a user's editor might write it: object names with suffixes and any case, a
  // "Faction" material and a "banner_cloth" one, a rigid body with its own colour.
  const fs::path dir = temp_dir("user");
  {
    std::ofstream mtl(dir / "figure.mtl");
    mtl << "newmtl Faction\nKd 1 1 1\nnewmtl banner_cloth\nKd 1 1 1\nnewmtl leather\nKd 0.4 0.2 0.1\n";
    std::ofstream obj(dir / "figure.obj");
    obj << "mtllib figure.mtl\n"
           "v -0.2 0 0\nv 0 0 0\nv -0.1 0.9 0\n"       // 1-3: a leg
           "v 0.2 0 0\nv 0 0 0\nv 0.1 0.9 0\n"         // 4-6: the other leg
           "v -0.2 0.9 0\nv 0.2 0.9 0\nv 0 1.7 0\n"    // 7-9: the body
           "v 0.3 1.0 0\nv 0.6 1.0 0\nv 0.45 1.4 0\n"  // 10-12: a flag
           "o Part_Leg_A.001\nusemtl leather\nf 1 2 3\n"
           "o part_leg_b_right\nusemtl leather\nf 4 5 6\n"
           "o Body\nusemtl Faction\nf 7 8 9\n"
           "o flag\nusemtl banner_cloth\nf 10 11 12\n";
  }
  const scene::ModelLoadResult r = scene::load_figure_model(dir / "figure.obj");
  INFO(r.warning);
  REQUIRE(r.ok());
  REQUIRE(r.mesh.triangle_count() == 4);
  std::map<std::uint32_t, std::uint32_t> alpha_of_part;  // part -> alpha; body and flag share part 0
  std::size_t faction = 0, banner = 0, own = 0;
  for (std::size_t t = 0; t < 4; ++t) {
    const scene::Vertex& v = r.mesh.vertices[r.mesh.indices[3 * t]];
    const float top = std::max({r.mesh.vertices[r.mesh.indices[3 * t]].position.y,
                                r.mesh.vertices[r.mesh.indices[3 * t + 1]].position.y,
                                r.mesh.vertices[r.mesh.indices[3 * t + 2]].position.y});
    const std::uint32_t alpha = v.color >> 24;
    if (top < 1.0f) {  // a leg: its own part, its own colour
      CHECK((v.object == scene::kPartLegA || v.object == scene::kPartLegB));
      CHECK(alpha == 0);
      CHECK((v.color & 0xFF) == 102);  // 0.4 of the leather
      ++alpha_of_part[v.object];
      ++own;
    } else {
      CHECK(v.object == scene::kPartRigid);
      faction += alpha == 255;
      banner += alpha == 128;
    }
  }
  CHECK(alpha_of_part.size() == 2);  // leg A and leg B, one each
  CHECK(own == 2);
  CHECK(faction == 1);
  CHECK(banner == 1);
}

TEST_CASE("soldier models: part names read back as their codes", "[models][soldiers]") {
  for (std::uint32_t part = 0; part < scene::kPartCount; ++part) {
    CHECK(scene::part_code_of(scene::part_name(part)) == static_cast<int>(part));
    CHECK(scene::part_code_of(std::string(scene::part_name(part)) + ".002") == static_cast<int>(part));
  }
  CHECK(scene::part_code_of("PART_ARM_B_spear") == static_cast<int>(scene::kPartArmB));
  CHECK(scene::part_code_of("torso") == -1);
  CHECK(scene::part_code_of("part_") == -1);
  CHECK(scene::part_code_of("") == -1);
}
