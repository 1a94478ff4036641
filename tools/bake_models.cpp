// bake_models: writes the procedural props (scene::build_prop) as binary glTF files with
// Assimp's exporter, for assets/models/ (committed; the build never runs this).
//   bake_models [OUTPUT_DIR]     (default: assets/models)
#include <cstdio>
#include <filesystem>
#include <string>

#include "scene/mesh_lod.h"
#include "scene/models.h"
#include "scene/world.h"

int main(int argc, char** argv) {
  const std::filesystem::path dir = argc > 1 ? argv[1] : "assets/models";
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  int failures = 0;
  for (std::size_t k = 0; k < scene::kPropCount; ++k) {
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
    std::printf("%-28s %5zu triangles %5zu vertices %7ju bytes; levels of detail:%s\n", file.string().c_str(), mesh.triangle_count(),
                mesh.vertices.size(), static_cast<std::uintmax_t>(std::filesystem::file_size(file, ec)), levels.c_str());
  }
  return failures ? 1 : 0;
}
