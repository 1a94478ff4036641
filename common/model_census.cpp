#include "common/model_census.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <vector>

#include <nlohmann/json.hpp>

namespace common {

namespace {

constexpr std::uint64_t kMaxJsonBytes = 64u << 20;  // a glTF's description; its buffers are elsewhere

std::string lower_extension(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

std::uint32_t little_endian32(const unsigned char* p) {
  return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
         static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}

// The JSON of a .glb: the 12-byte header, then the first chunk, which must be JSON.
bool read_glb_json(std::ifstream& in, std::string& json, std::string& error) {
  std::array<unsigned char, 20> head{};
  if (!in.read(reinterpret_cast<char*>(head.data()), head.size())) {
    error = "shorter than a glb header";
    return false;
  }
  if (std::memcmp(head.data(), "glTF", 4) != 0) {
    error = "not a binary glTF (no \"glTF\" magic)";
    return false;
  }
  const std::uint32_t length = little_endian32(head.data() + 12);
  if (std::memcmp(head.data() + 16, "JSON", 4) != 0) {
    error = "the first chunk is not JSON";
    return false;
  }
  if (length > kMaxJsonBytes) {
    error = "a JSON chunk of " + std::to_string(length) + " bytes";
    return false;
  }
  json.resize(length);
  if (!in.read(json.data(), static_cast<std::streamsize>(length))) {
    error = "the JSON chunk is cut short";
    return false;
  }
  return true;
}

// A whole number >= 0, or -1 for anything else (a glTF index or count is never negative).
std::int64_t whole(const nlohmann::json& value) {
  if (!value.is_number_integer()) return -1;
  return value.is_number_unsigned()
             ? static_cast<std::int64_t>(std::min<std::uint64_t>(value.get<std::uint64_t>(), INT64_MAX))
             : std::max<std::int64_t>(value.get<std::int64_t>(), -1);
}

std::uint64_t accessor_count(const nlohmann::json& gltf, const nlohmann::json& index) {
  const std::int64_t i = whole(index);
  const auto& accessors = gltf.value("accessors", nlohmann::json::array());
  if (i < 0 || !accessors.is_array() || static_cast<std::uint64_t>(i) >= accessors.size() || !accessors[i].is_object())
    return 0;
  return static_cast<std::uint64_t>(std::max<std::int64_t>(whole(accessors[i].value("count", nlohmann::json())), 0));
}

// Triangles of one glTF mesh: each triangle-list primitive's indices (or vertices) / 3.
std::uint64_t mesh_triangles(const nlohmann::json& gltf, const nlohmann::json& mesh) {
  std::uint64_t triangles = 0;
  if (!mesh.is_object() || !mesh.contains("primitives") || !mesh["primitives"].is_array()) return 0;
  for (const auto& primitive : mesh["primitives"]) {
    if (!primitive.is_object()) continue;
    if (whole(primitive.value("mode", nlohmann::json(4))) != 4) continue;  // points, lines, strips: rare
    if (primitive.contains("indices")) {
      triangles += accessor_count(gltf, primitive["indices"]) / 3;
    } else if (primitive.contains("attributes") && primitive["attributes"].is_object()) {
      triangles += accessor_count(gltf, primitive["attributes"].value("POSITION", nlohmann::json())) / 3;
    }
  }
  return triangles;
}

ModelCensus count_gltf(const std::string& json) {
  ModelCensus out;
  const nlohmann::json gltf = nlohmann::json::parse(json, nullptr, false);
  if (gltf.is_discarded() || !gltf.is_object()) {
    out.error = "its glTF description is not valid JSON";
    return out;
  }
  const auto& meshes = gltf.value("meshes", nlohmann::json::array());
  if (!meshes.is_array()) {
    out.error = "\"meshes\" is not a list";
    return out;
  }
  std::vector<std::uint64_t> per_mesh;
  per_mesh.reserve(meshes.size());
  for (const auto& mesh : meshes) per_mesh.push_back(mesh_triangles(gltf, mesh));
  // Drawn once per node that uses it (Assimp bakes every instance); a file without nodes
  // still has its meshes read once.
  const auto& nodes = gltf.value("nodes", nlohmann::json::array());
  bool any_node = false;
  if (nodes.is_array())
    for (const auto& node : nodes) {
      if (!node.is_object() || !node.contains("mesh")) continue;
      const std::int64_t m = whole(node["mesh"]);
      if (m >= 0 && static_cast<std::uint64_t>(m) < per_mesh.size()) out.triangles += per_mesh[m], any_node = true;
    }
  if (!any_node)
    for (std::uint64_t t : per_mesh) out.triangles += t;
  out.counted = true;
  return out;
}

// An OBJ's faces: "f a b c d" is two triangles. Streams the file; no vertex is kept.
ModelCensus count_obj(std::ifstream& in) {
  ModelCensus out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.size() < 2 || line[0] != 'f' || !std::isspace(static_cast<unsigned char>(line[1]))) continue;
    std::uint64_t corners = 0;
    bool in_word = false;
    for (std::size_t i = 1; i < line.size(); ++i) {
      const bool space = std::isspace(static_cast<unsigned char>(line[i])) != 0;
      if (!space && !in_word) ++corners;
      in_word = !space;
    }
    if (corners >= 3) out.triangles += corners - 2;
  }
  out.counted = true;
  return out;
}

}  // namespace

ModelCensus count_model_triangles(const std::filesystem::path& file) {
  ModelCensus out;
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    out.error = "cannot open it";
    return out;
  }
  const std::string ext = lower_extension(file);
  try {
    if (ext == ".glb") {
      std::string json;
      if (!read_glb_json(in, json, out.error)) return out;
      return count_gltf(json);
    }
    if (ext == ".gltf") {
      std::error_code ec;
      const auto size = std::filesystem::file_size(file, ec);
      if (ec || size > kMaxJsonBytes) {
        out.error = ec ? "cannot read it" : "a glTF description of " + std::to_string(size) + " bytes";
        return out;
      }
      std::string json(static_cast<std::size_t>(size), '\0');
      in.read(json.data(), static_cast<std::streamsize>(size));
      return count_gltf(json);
    }
    if (ext == ".obj") return count_obj(in);
  } catch (const std::exception& e) {
    out = {};
    out.error = e.what();
  }
  return out;  // FBX and others: not counted here
}

}  // namespace common
