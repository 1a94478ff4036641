// Files the loader and model tests make on purpose: a fresh folder each, and a glTF that
// claims far more triangles than it holds.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace file_fixtures {

// A fresh, empty folder of this test's own (per process, so parallel runs do not collide).
inline std::filesystem::path fresh_dir(const std::string& name) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("siege-test-" + name + "." + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// A .glb of a few hundred bytes whose description claims `triangles` triangles in one mesh
// used by `instances` nodes, with no binary chunk at all: what an attacker sends.
inline void write_claiming_glb(const std::filesystem::path& file, std::uint64_t triangles, int instances = 1) {
  std::string nodes;
  for (int i = 0; i < instances; ++i) nodes += std::string(i ? "," : "") + R"({"mesh": 0})";
  std::string json = R"({"asset": {"version": "2.0"},
    "buffers": [{"byteLength": 64}], "bufferViews": [{"buffer": 0, "byteLength": 64}],
    "accessors": [{"bufferView": 0, "componentType": 5125, "count": )" +
                     std::to_string(triangles * 3) + R"(, "type": "SCALAR"},
                  {"bufferView": 0, "componentType": 5126, "count": 3, "type": "VEC3"}],
    "meshes": [{"primitives": [{"attributes": {"POSITION": 1}, "indices": 0}]}],
    "nodes": [)" + nodes +
                     R"(], "scenes": [{"nodes": [0]}]})";
  while (json.size() % 4) json += ' ';
  std::string out = "glTF";
  const auto put32 = [&](std::uint32_t v) {
    for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>(v >> shift));
  };
  put32(2);
  put32(static_cast<std::uint32_t>(12 + 8 + json.size()));
  put32(static_cast<std::uint32_t>(json.size()));
  out += "JSON";
  out += json;
  std::ofstream(file, std::ios::binary) << out;
}

}  // namespace file_fixtures
