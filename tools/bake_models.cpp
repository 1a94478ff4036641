// bake_models: writes the procedural props (scene::build_prop) and each kit's skinned figures with their clips
// (scene::build_figure, figure_<kit>_<kind>[_lod1].glb) as binary glTF files with Assimp's
// exporter, for assets/models/ (committed; the build never runs this).
//   bake_models [OUTPUT_DIR] [--soldiers-only]     (default: assets/models)
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "scene/figures/figure_animation.h"
#include "scene/figures/figure_skin_file.h"
#include "scene/figures/kit_figures.h"
#include "scene/figures/soldier_meshes.h"
#include "scene/mesh/mesh_lod.h"
#include "scene/mesh/model_file.h"
#include "scene/world/world.h"

namespace {

// Zeroes the bytes of a .glb's binary chunk that no buffer view covers: Assimp's glTF exporter
// leaves uninitialised memory there, so the committed files would change on every bake.
// Returns an error message, empty on success.
std::string zero_unused_glb_bytes(const std::filesystem::path& file) {
  std::vector<char> bytes;
  {
    std::ifstream in(file, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  const auto u32 = [&](std::size_t at) {
    std::uint32_t v = 0;
    std::memcpy(&v, bytes.data() + at, 4);
    return v;
  };
  if (bytes.size() < 28) return "too short a .glb";
  const std::size_t json_size = u32(12);
  const std::size_t bin_header = 20 + json_size;
  if (bin_header + 8 > bytes.size()) return "no binary chunk";
  const std::size_t bin = bin_header + 8, bin_size = u32(bin_header);
  if (bin + bin_size > bytes.size()) return "a binary chunk past the end";
  const nlohmann::json gltf =
      nlohmann::json::parse(bytes.begin() + 20, bytes.begin() + static_cast<std::ptrdiff_t>(bin_header));
  std::vector<bool> used(bin_size, false);
  for (const auto& view : gltf.value("bufferViews", nlohmann::json::array())) {
    const std::size_t offset = view.value("byteOffset", std::size_t{0}),
                      length = view.value("byteLength", std::size_t{0});
    for (std::size_t i = offset; i < std::min<std::size_t>(offset + length, bin_size); ++i) used[i] = true;
  }
  for (std::size_t i = 0; i < bin_size; ++i)
    if (!used[i]) bytes[bin + i] = 0;
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return out ? std::string() : "cannot write it back";
}

// Writes every kit's figure kinds at both levels as skinned glTF with their clips, and reads
// each back as the library will; returns the number of failures.
int bake_skinned_figures(const std::filesystem::path& dir) {
  int failures = 0;
  std::error_code ec;
  for (int k = 0; k < scene::kKits; ++k)
    for (int f = 0; f < scene::kFigureKinds; ++f)
      for (int lod = 0; lod < scene::kFigureLods; ++lod) {
        const auto kit = static_cast<scene::Kit>(k);
        const auto kind = static_cast<scene::FigureKind>(f);
        const scene::SkinnedFigure figure = scene::skinned_figure(scene::build_figure(kit, kind, lod));
        const std::filesystem::path file = scene::figure_skin_path(dir, kit, kind, lod);
        std::string error = scene::save_figure_skin_glb(figure, file);
        if (error.empty()) error = zero_unused_glb_bytes(file);
        if (!error.empty()) {
          std::fprintf(stderr, "bake_models: %s: %s\n", file.string().c_str(), error.c_str());
          ++failures;
          continue;
        }
        const scene::SkinnedLoad back = scene::load_figure_skin(file);
        int clips = 0;
        for (const auto& clip : back.figure ? back.figure->clips : decltype(figure.clips){}) clips += clip ? 1 : 0;
        if (!back.figure || back.figure->mesh.triangle_count() != figure.mesh.triangle_count() ||
            clips != scene::kClips) {
          std::fprintf(stderr, "bake_models: %s does not read back with its skin and clips: %s\n",
                       file.string().c_str(), back.warning.c_str());
          ++failures;
          continue;
        }
        std::printf("%-44s %5zu triangles %5zu vertices %2d clips %7ju bytes\n", file.string().c_str(),
                    figure.mesh.triangle_count(), figure.mesh.vertices.size(), clips,
                    static_cast<std::uintmax_t>(std::filesystem::file_size(file, ec)));
      }
  return failures;
}

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path dir = "assets/models";
  bool props = true;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--soldiers-only") == 0)
      props = false;
    else
      dir = argv[i];
  }
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  int failures = bake_skinned_figures(dir);
  for (std::size_t k = 0; props && k < scene::kPropCount; ++k) {
    const scene::Prop prop = static_cast<scene::Prop>(k);
    // Shared vertices welded and in cache order: smaller files, the same triangles.
    const scene::Mesh mesh = scene::optimize_mesh(scene::build_prop(prop));
    const std::filesystem::path file = dir / (std::string(scene::prop_file_name(prop)) + ".glb");
    if (const std::string error = scene::save_model_glb(mesh, file); !error.empty()) {
      std::fprintf(stderr, "bake_models: %s: %s\n", file.string().c_str(), error.c_str());
      ++failures;
      continue;
    }
    // Read it back as the world will.
    const scene::ModelLoadResult back = scene::load_model(file);
    if (!back.ok() || back.mesh.triangle_count() != mesh.triangle_count()) {
      std::fprintf(stderr, "bake_models: %s does not read back: %s\n", file.string().c_str(), back.warning.c_str());
      ++failures;
      continue;
    }
    std::string levels;
    for (const scene::Mesh& lod : scene::build_lods(back.mesh)) levels += " " + std::to_string(lod.triangle_count());
    std::printf("%-28s %5zu triangles %5zu vertices %7ju bytes; levels of detail:%s\n", file.string().c_str(),
                mesh.triangle_count(), mesh.vertices.size(),
                static_cast<std::uintmax_t>(std::filesystem::file_size(file, ec)), levels.c_str());
  }
  return failures ? 1 : 0;
}
