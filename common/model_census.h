// How many triangles a model file holds, counted from its description rather than by reading
// it: a glTF's accessor counts (.gltf, or the JSON chunk of a .glb), an OBJ's face lines. A
// 10 MB file may describe millions of triangles; this says so in milliseconds and a few
// kilobytes, so that a loader can refuse it before Assimp reads it whole.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace common {

// The most triangles a prop model (an engine, a tent, a user's own) may have: a siege engine is
// thousands; two million is a city, and reading it takes Assimp half a minute and a gigabyte.
inline constexpr std::uint64_t kMaxPropTriangles = 2'000'000;

struct ModelCensus {
  bool counted = false;         // false: the format is not one counted here (FBX), or unreadable
  std::uint64_t triangles = 0;  // as drawn: a mesh used by several nodes counts once per node
  std::string error;            // why it could not be counted (a broken header), if it could not
};

ModelCensus count_model_triangles(const std::filesystem::path& file);

}  // namespace common
