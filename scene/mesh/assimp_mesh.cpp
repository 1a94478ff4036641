#include "scene/mesh/assimp_mesh.h"

#include <cmath>
#include <exception>
#include <system_error>

#include <assimp/material.h>
#include <assimp/postprocess.h>
#include <assimp/Importer.hpp>

#include "common/model_census.h"

namespace scene {

namespace {

glm::vec3 material_colour(const aiMaterial* material) {
  if (!material) return glm::vec3(1);
  aiColor4D c(1, 1, 1, 1);
  if (material->Get(AI_MATKEY_BASE_COLOR, c) == aiReturn_SUCCESS) return {c.r, c.g, c.b};
  aiColor3D d(1, 1, 1);
  if (material->Get(AI_MATKEY_COLOR_DIFFUSE, d) == aiReturn_SUCCESS) return {d.r, d.g, d.b};
  return glm::vec3(1);
}

bool finite(glm::vec3 v) { return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z); }

}  // namespace

void append_assimp_mesh(Mesh& out, const aiScene& ai, const aiMesh& m, const aiMatrix4x4& world,
                        const aiMatrix3x3& normal_matrix, float alpha, std::uint32_t object, std::size_t& skipped) {
  if (!m.HasPositions() || !m.HasFaces() || !(m.mPrimitiveTypes & aiPrimitiveType_TRIANGLE)) return;
  const glm::vec3 base =
      material_colour(m.mMaterialIndex < ai.mNumMaterials ? ai.mMaterials[m.mMaterialIndex] : nullptr);
  const auto first = static_cast<std::uint32_t>(out.vertices.size());
  for (unsigned v = 0; v < m.mNumVertices; ++v) {
    const aiVector3D p = world * m.mVertices[v];
    const aiVector3D n = m.HasNormals() ? normal_matrix * m.mNormals[v] : aiVector3D(0, 1, 0);
    glm::vec3 colour = base;
    if (m.HasVertexColors(0)) colour *= glm::vec3(m.mColors[0][v].r, m.mColors[0][v].g, m.mColors[0][v].b);
    glm::vec3 normal(n.x, n.y, n.z);
    const float len = glm::length(normal);
    normal = std::isfinite(len) && len > 1e-6f ? normal / len : glm::vec3(0, 1, 0);
    out.vertices.push_back({glm::vec3(p.x, p.y, p.z), normal, pack_color(colour, alpha), object});
  }
  for (unsigned f = 0; f < m.mNumFaces; ++f) {
    const aiFace& face = m.mFaces[f];
    if (face.mNumIndices != 3) continue;  // points and lines
    bool good = true;
    for (unsigned k = 0; k < 3; ++k)
      good = good && face.mIndices[k] < m.mNumVertices && finite(out.vertices[first + face.mIndices[k]].position);
    if (!good) {
      ++skipped;
      continue;
    }
    for (unsigned k = 0; k < 3; ++k) out.indices.push_back(first + face.mIndices[k]);
  }
}

ModelLoadResult import_model(const std::filesystem::path& file, std::uintmax_t max_bytes, std::uint64_t max_triangles,
                             unsigned flags, const std::function<void(const aiScene&, ModelLoadResult&)>& read) {
  ModelLoadResult out;
  const std::string name = file.string();
  try {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
      out.warning = name + ": no such model file";
      return out;
    }
    const std::uintmax_t bytes = std::filesystem::file_size(file, ec);
    if (ec || bytes == 0 || bytes > max_bytes) {
      out.warning = name + (bytes == 0 ? ": empty file" : ": unreadable or too large a model file");
      return out;
    }
    // Counted from the file's description first: a small file may describe millions.
    const common::ModelCensus census = common::count_model_triangles(file);
    if (census.counted && census.triangles > max_triangles) {
      out.warning = name + ": " + std::to_string(census.triangles) + " triangles, more than the " +
                    std::to_string(max_triangles) + " a model may have";
      return out;
    }
    Assimp::Importer importer;
    importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
    const aiScene* ai = importer.ReadFile(name, flags);
    if (!ai || (ai->mFlags & AI_SCENE_FLAGS_INCOMPLETE) || !ai->mRootNode) {
      out.warning = name + ": cannot read the model: " +
                    (importer.GetErrorString()[0] ? importer.GetErrorString() : "unknown format");
      return out;
    }
    read(*ai, out);
  } catch (const std::exception& e) {
    out = {};
    out.warning = name + ": cannot read the model: " + e.what();
  } catch (...) {
    out = {};
    out.warning = name + ": cannot read the model";
  }
  return out;
}

}  // namespace scene
