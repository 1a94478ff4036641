// Skinned figures: the committed figure_<kit>_<kind>.glb files read back through Assimp with
// their skeleton, clips and variant tags; the baked frames keep feet on the ground, the dead
// lying on it, loops seamless; a user's file may lack clips; a broken one falls back with one
// warning; loading is deterministic.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>

#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <assimp/Importer.hpp>
#include <catch2/catch.hpp>

#include "scene/figures/figure_animation.h"
#include "scene/figures/figure_clips.h"
#include "scene/figures/figure_skin_file.h"
#include "scene/figures/kit_figures.h"
#include "scene/mesh/model_file.h"

namespace fs = std::filesystem;

namespace {

const fs::path kModels = fs::path(SIEGE_SOURCE_DIR) / "assets/models";

fs::path temp_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / "siege_test_figure_animation" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

const scene::FigureLibrary& library() {
  static const scene::FigureLibrary lib = scene::load_figure_library(kModels);
  return lib;
}

// Lowest and highest y of one frame.
std::pair<float, float> frame_span(const scene::AnimatedFigure& f, std::uint32_t frame) {
  float lo = std::numeric_limits<float>::max(), hi = -lo;
  for (std::uint32_t v = 0; v < f.vertex_count(); ++v) {
    const float y = f.positions[static_cast<std::size_t>(frame) * f.vertex_count() + v].y;
    lo = std::min(lo, y);
    hi = std::max(hi, y);
  }
  return {lo, hi};
}

std::string label(int k, int f, int lod) {
  return std::string(scene::kit_name(static_cast<scene::Kit>(k))) + " " +
         scene::figure_name(static_cast<scene::FigureKind>(f)) + " lod" + std::to_string(lod);
}

}  // namespace

TEST_CASE("figure animation: a baked figure reads back through Assimp with its bones and every clip",
          "[models][figures]") {
  const fs::path file = scene::figure_skin_path(kModels, scene::Kit::Jin, scene::FigureKind::Cavalry, 0);
  Assimp::Importer importer;
  const aiScene* ai = importer.ReadFile(file.string(), aiProcess_Triangulate);
  REQUIRE(ai);
  std::vector<std::string> bones;
  for (unsigned m = 0; m < ai->mNumMeshes; ++m)
    for (unsigned b = 0; b < ai->mMeshes[m]->mNumBones; ++b)
      bones.emplace_back(ai->mMeshes[m]->mBones[b]->mName.C_Str());
  // Every bone that carries a part of the figure skins its vertices, under its joint's name.
  const scene::FigureBuild build = scene::build_figure(scene::Kit::Jin, scene::FigureKind::Cavalry, 0);
  for (const scene::RigPart& part : build.parts) {
    const std::string name = scene::rig_joints(true)[static_cast<std::size_t>(part.bone)].name;
    INFO(name);
    CHECK(std::find(bones.begin(), bones.end(), name) != bones.end());
  }
  CHECK(ai->mNumAnimations == scene::kClips);
  for (const std::string& b : bones) CHECK(scene::bone_of(b) >= 0);
  for (int c = 0; c < scene::kClips; ++c) {
    bool found = false;
    for (unsigned a = 0; a < ai->mNumAnimations; ++a)
      found |= std::string(ai->mAnimations[a]->mName.C_Str()) == scene::clip_name(static_cast<scene::Clip>(c));
    CHECK(found);
  }
  // The committed files are the ones the library uses: no warnings.
  CHECK(library().warnings.empty());
}

TEST_CASE("figure animation: variant tags and colour classes survive the file", "[models][figures]") {
  scene::FigureBuild build = scene::build_figure(scene::Kit::Song, scene::FigureKind::Infantry, 0);
  REQUIRE(build.parts.size() >= 2);
  build.variant_options = {3, 1, 2};
  for (scene::RigPart& part : build.parts) part.variant_group = part.option = 0;  // only the two below are tagged
  build.parts[0].variant_group = 1;
  build.parts[0].option = 2;
  build.parts[1].variant_group = 3;
  build.parts[1].option = 1;
  for (scene::Vertex& v : build.parts[1].mesh.vertices) v.color = (v.color & 0xffffffu) | 192u << 24;  // garment
  const fs::path file = temp_dir("variants") / "figure.glb";
  REQUIRE(scene::save_figure_skin_glb(scene::skinned_figure(build), file).empty());
  const scene::SkinnedLoad back = scene::load_figure_skin(file);
  REQUIRE(back.figure);
  CHECK(back.figure->variant_options == std::array<std::uint8_t, 3>{3, 1, 2});
  // Counted by triangles: the file may share a part's equal corners.
  std::size_t tagged_1 = 0, tagged_3 = 0, garment = 0;
  const scene::Mesh& mesh = back.figure->mesh;
  for (std::size_t t = 0; t < mesh.triangle_count(); ++t) {
    const scene::Vertex& v = mesh.vertices[mesh.indices[3 * t]];
    const std::uint32_t group = v.object >> scene::kFigureVariantGroupShift & 15u;
    const std::uint32_t option = v.object >> scene::kFigureVariantOptionShift & 15u;
    tagged_1 += group == 1 && option == 2;
    tagged_3 += group == 3 && option == 1;
    garment += group == 3 && (v.color >> 24) == 192;
  }
  CHECK(tagged_1 == build.parts[0].mesh.triangle_count());
  CHECK(tagged_3 == build.parts[1].mesh.triangle_count());
  CHECK(garment == build.parts[1].mesh.triangle_count());
}

TEST_CASE("figure animation: feet stay on the ground, the dead lie on it, loops close, walks move",
          "[models][figures]") {
  using scene::Clip;
  const auto& lib = library();
  std::size_t bytes = 0;
  for (int k = 0; k < scene::kKits; ++k)
    for (int f = 0; f < scene::kFigureKinds; ++f)
      for (int lod = 0; lod < scene::kFigureLods; ++lod) {
        INFO(label(k, f, lod));
        const scene::AnimatedFigure& fig =
            lib.figure(static_cast<scene::Kit>(k), static_cast<scene::FigureKind>(f), lod);
        bytes += (fig.positions.size() + fig.normals.size()) * sizeof(glm::vec3);
        REQUIRE(fig.positions.size() == static_cast<std::size_t>(fig.frame_count) * fig.vertex_count());
        for (const Clip clip : {Clip::Idle, Clip::Walk, Clip::Run}) {
          const scene::ClipFrames frames = fig.clips[static_cast<std::size_t>(clip)];
          for (std::uint32_t i = 0; i < frames.count; ++i) {
            INFO(scene::clip_name(clip) << " frame " << i);
            CHECK(std::abs(frame_span(fig, frames.first + i).first) < 0.03f);
          }
        }
        const bool mounted = f == static_cast<int>(scene::FigureKind::Cavalry);
        const std::uint32_t dead = fig.clips[static_cast<std::size_t>(Clip::Dead)].first;
        const auto [dead_lo, dead_hi] = frame_span(fig, dead);
        CHECK(dead_lo > -0.02f);
        CHECK(dead_lo < 0.05f);
        // Most of the body lies below the height of a man on his side; nothing he carried
        // stands a man's height off him.
        std::size_t low = 0;
        for (std::uint32_t v = 0; v < fig.vertex_count(); ++v)
          low += fig.positions[static_cast<std::size_t>(dead) * fig.vertex_count() + v].y < (mounted ? 1.0f : 0.6f);
        // A horse lies on its side with its legs out, and a bearer's flag is most of his
        // vertices: for them only the height is held.
        const bool bearer = f == static_cast<int>(scene::FigureKind::Bearer);
        if (!mounted && !bearer) CHECK(low >= fig.vertex_count() / 3);
        // What he held lies along his arm on the ground: a standard or a pike no higher than a
        // man lying down with his arm raised (they stood up to 1.3 m before).
        CHECK(dead_hi < (mounted ? 2.2f : bearer ? 0.8f : 1.2f));
        // Fall ends lying as the dead do.
        const scene::ClipFrames fall = fig.clips[static_cast<std::size_t>(Clip::Fall)];
        CHECK(fall.count > 2);
        CHECK(frame_span(fig, fall.first + fall.count - 1).second == Approx(dead_hi).margin(0.01));
        // Walk frames differ from one another.
        const scene::ClipFrames walk = fig.clips[static_cast<std::size_t>(Clip::Walk)];
        float moved = 0;
        for (std::uint32_t v = 0; v < fig.vertex_count(); ++v)
          moved = std::max(moved, glm::distance(fig.positions[walk.first * fig.vertex_count() + v],
                                                fig.positions[(walk.first + walk.count / 4) * fig.vertex_count() + v]));
        CHECK(moved > (lod == 0 ? 0.1f : 0.005f));  // a LOD1 may be one rigid piece that only bobs
      }
  WARN("positions and normals of all 42 figures: " << bytes << " bytes");
  CHECK(bytes < 72u << 20);
}

TEST_CASE("figure animation: every loop's phase 1 is its phase 0", "[models][figures]") {
  for (const bool mounted : {false, true}) {
    const scene::FigureBuild build =
        scene::build_figure(scene::Kit::Mongol, mounted ? scene::FigureKind::Cavalry : scene::FigureKind::Archer, 0);
    const scene::SkinnedFigure figure = scene::skinned_figure(build);
    for (int c = 0; c < scene::kClips; ++c) {
      const auto clip = static_cast<scene::Clip>(c);
      if (!scene::clip_loops(clip)) continue;
      INFO(scene::clip_name(clip) << (mounted ? " mounted" : " on foot"));
      std::vector<glm::vec3> p0, p1, n0, n1;
      figure.evaluate(clip, 0.0f, p0, n0);
      figure.evaluate(clip, 1.0f, p1, n1);
      float gap = 0;
      for (std::size_t v = 0; v < p0.size(); ++v) gap = std::max(gap, glm::distance(p0[v], p1[v]));
      CHECK(gap < 1e-4f);
      // And the clip functions themselves close.
      const auto a = scene::bone_transforms(scene::clip_pose(clip, mounted, 0.0f), mounted);
      const auto b = scene::bone_transforms(scene::clip_pose(clip, mounted, 1.0f), mounted);
      for (int bone = 0; bone < scene::kBones; ++bone)
        for (int i = 0; i < 4; ++i)
          CHECK(glm::distance(a[static_cast<std::size_t>(bone)][i], b[static_cast<std::size_t>(bone)][i]) < 1e-4f);
    }
  }
}

TEST_CASE("figure animation: a user's file lacking clips plays idle for them", "[models][figures]") {
  const fs::path dir = temp_dir("user");
  const scene::FigureBuild build = scene::build_figure(scene::Kit::Jin, scene::FigureKind::Spearman, 0);
  scene::SkinnedFigure figure = scene::skinned_figure(build);
  for (int c = 1; c < scene::kClips; ++c)
    if (c != static_cast<int>(scene::Clip::Walk)) figure.clips[static_cast<std::size_t>(c)].reset();
  // Copy the committed files, then put the user's figure in place of one.
  for (const auto& entry : fs::directory_iterator(kModels))
    if (entry.path().filename().string().rfind("figure_", 0) == 0)
      fs::copy_file(entry.path(), dir / entry.path().filename());
  const fs::path file = scene::figure_skin_path(dir, scene::Kit::Jin, scene::FigureKind::Spearman, 0);
  REQUIRE(scene::save_figure_skin_glb(figure, file).empty());
  const scene::FigureLibrary lib = scene::load_figure_library(dir);
  CHECK(lib.warnings.empty());
  const scene::AnimatedFigure& fig = lib.figure(scene::Kit::Jin, scene::FigureKind::Spearman, 0);
  CHECK(fig.frame_count == 6 + 12);  // idle and walk only
  const auto idle = fig.clips[static_cast<std::size_t>(scene::Clip::Idle)];
  for (const scene::Clip clip : {scene::Clip::Run, scene::Clip::Dead, scene::Clip::Strike}) {
    CHECK(fig.clips[static_cast<std::size_t>(clip)].first == idle.first);
    CHECK(fig.clips[static_cast<std::size_t>(clip)].count == idle.count);
  }
  CHECK(fig.clips[static_cast<std::size_t>(scene::Clip::Walk)].first != idle.first);
}

TEST_CASE("figure animation: a missing or broken file falls back to the built-in figure with one warning",
          "[models][figures]") {
  const fs::path dir = temp_dir("broken");
  const fs::path broken = scene::figure_skin_path(dir, scene::Kit::Song, scene::FigureKind::Archer, 0);
  std::ofstream(broken) << "glTF but not really";
  // A file without a skin: a figure from the rigid path's exporter would be one.
  const scene::FigureLibrary lib = scene::load_figure_library(dir);
  CHECK(lib.warnings.size() == 42);  // the other 41 are missing
  bool named = false;
  for (const std::string& w : lib.warnings)
    named |= w.find(broken.string()) != std::string::npos && w.find("built-in song archer") != std::string::npos;
  CHECK(named);
  // The fallback is the built-in figure, baked the same way as the committed file.
  const auto& a = lib.figure(scene::Kit::Song, scene::FigureKind::Archer, 0);
  const auto& b = library().figure(scene::Kit::Song, scene::FigureKind::Archer, 0);
  CHECK(a.mesh.triangle_count() == b.mesh.triangle_count());
  CHECK(a.frame_count == b.frame_count);
}

TEST_CASE("figure animation: loading twice gives the same bytes", "[models][figures]") {
  const scene::FigureLibrary again = scene::load_figure_library(kModels);
  for (int k = 0; k < scene::kKits; ++k)
    for (int f = 0; f < scene::kFigureKinds; ++f)
      for (int lod = 0; lod < scene::kFigureLods; ++lod) {
        const auto& a = library().figure(static_cast<scene::Kit>(k), static_cast<scene::FigureKind>(f), lod);
        const auto& b = again.figure(static_cast<scene::Kit>(k), static_cast<scene::FigureKind>(f), lod);
        INFO(label(k, f, lod));
        REQUIRE(a.positions.size() == b.positions.size());
        CHECK(std::memcmp(a.positions.data(), b.positions.data(), a.positions.size() * sizeof(glm::vec3)) == 0);
        CHECK(std::memcmp(a.normals.data(), b.normals.data(), a.normals.size() * sizeof(glm::vec3)) == 0);
        CHECK(std::memcmp(a.mesh.vertices.data(), b.mesh.vertices.data(),
                          a.mesh.vertices.size() * sizeof(scene::Vertex)) == 0);
      }
}

TEST_CASE("figure animation: a user's bones may have any names, only the skin and the clip names matter",
          "[models][figures]") {
  const scene::FigureBuild build = scene::build_figure(scene::Kit::Mongol, scene::FigureKind::Crew, 0);
  scene::SkinnedFigure figure = scene::skinned_figure(build);
  for (std::size_t n = 0; n < figure.nodes.size(); ++n) figure.nodes[n].name = "Bone." + std::to_string(n);
  const fs::path file = temp_dir("names") / "figure.glb";
  REQUIRE(scene::save_figure_skin_glb(figure, file).empty());
  const scene::SkinnedLoad back = scene::load_figure_skin(file);
  REQUIRE(back.figure);
  // The walk at a quarter of its cycle comes out as the built-in figure's, vertex for vertex
  // (the file may share equal corners, so compare the lowest and highest points).
  std::vector<glm::vec3> a, b, na, nb;
  figure.evaluate(scene::Clip::Walk, 0.25f, a, na);
  back.figure->evaluate(scene::Clip::Walk, 0.25f, b, nb);
  const auto span = [](const std::vector<glm::vec3>& p) {
    glm::vec3 lo(1e9f), hi(-1e9f);
    for (const glm::vec3& v : p) {
      lo = glm::min(lo, v);
      hi = glm::max(hi, v);
    }
    return std::make_pair(lo, hi);
  };
  CHECK(glm::distance(span(a).first, span(b).first) < 1e-4f);
  CHECK(glm::distance(span(a).second, span(b).second) < 1e-4f);
}

TEST_CASE("figure animation: a rigid file, or one not standing on the ground, is refused with a reason",
          "[models][figures]") {
  const fs::path dir = temp_dir("implausible");
  // A rigid figure as the old soldier files hold it: no skin.
  const fs::path rigid = scene::figure_skin_path(dir, scene::Kit::Jin, scene::FigureKind::Infantry, 0);
  scene::Mesh rigid_mesh;
  for (const scene::RigPart& part : scene::build_figure(scene::Kit::Jin, scene::FigureKind::Infantry, 0).parts)
    rigid_mesh.append(part.mesh);
  REQUIRE(scene::save_model_glb(rigid_mesh, rigid).empty());
  // A skinned one floating a metre up.
  scene::SkinnedFigure figure =
      scene::skinned_figure(scene::build_figure(scene::Kit::Jin, scene::FigureKind::Archer, 0));
  for (auto& clip : figure.clips)
    for (auto& channel : clip->channels)
      for (auto& key : channel.translation) key.value.y += 1.0f;
  const fs::path floating = scene::figure_skin_path(dir, scene::Kit::Jin, scene::FigureKind::Archer, 0);
  REQUIRE(scene::save_figure_skin_glb(figure, floating).empty());
  const scene::FigureLibrary lib = scene::load_figure_library(dir);
  const auto warning_for = [&](const fs::path& file) {
    for (const std::string& w : lib.warnings)
      if (w.find(file.string()) != std::string::npos) return w;
    return std::string();
  };
  CHECK_THAT(warning_for(rigid), Catch::Contains("without a skin") && Catch::Contains("built-in jin infantry"));
  CHECK_THAT(warning_for(floating), Catch::Contains("not standing on y = 0") && Catch::Contains("built-in jin archer"));
  CHECK(lib.figure(scene::Kit::Jin, scene::FigureKind::Archer, 0).frame_count > 100);  // the built-in's clips
}
