// Assimp in and out for prop models; see model_file.h for the convention (figures: scene/figures/figure_file.cpp).
#include "scene/mesh/model_file.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>
#include <system_error>

#include <assimp/material.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <assimp/Exporter.hpp>

#include "common/model_census.h"
#include "scene/mesh/assimp_mesh.h"

namespace scene {

namespace {

constexpr std::uintmax_t kMaxFileBytes = 256u << 20;  // a prop, not a city
constexpr std::size_t kMaxTriangles = common::kMaxPropTriangles;

ModelLoadResult read_scene(const aiScene& ai, const std::string& name) {
  ModelLoadResult out;
  std::size_t skipped = 0;
  for (unsigned m = 0; m < ai.mNumMeshes; ++m) {
    // The importer pre-transformed the nodes: identity here. Alpha 0: a prop is never farmland.
    if (ai.mMeshes[m]) append_assimp_mesh(out.mesh, ai, *ai.mMeshes[m], aiMatrix4x4(), aiMatrix3x3(), 0.0f, 0, skipped);
    if (out.mesh.triangle_count() > kMaxTriangles) {
      out.mesh = {};
      out.warning = name + ": more than " + std::to_string(kMaxTriangles) + " triangles, too heavy for a prop";
      return out;
    }
  }
  if (out.mesh.empty()) {
    out.mesh = {};
    out.warning = name + ": no triangles in the file";
  } else if (skipped) {
    out.warning = name + ": " + std::to_string(skipped) + " bad triangles left out";
  }
  return out;
}

}  // namespace

Bounds mesh_bounds(const Mesh& mesh) {
  Bounds b;
  for (std::uint32_t i : mesh.indices) {
    b.min = glm::min(b.min, mesh.vertices[i].position);
    b.max = glm::max(b.max, mesh.vertices[i].position);
  }
  return b;
}

ModelLoadResult load_model(const std::filesystem::path& file, const ModelLoadOptions& options) {
  const unsigned flags = aiProcess_Triangulate | aiProcess_PreTransformVertices | aiProcess_GenNormals |
                         aiProcess_JoinIdenticalVertices | aiProcess_SortByPType | aiProcess_FindDegenerates |
                         aiProcess_ValidateDataStructure;
  ModelLoadResult out =
      import_model(file, kMaxFileBytes, kMaxTriangles, flags,
                   [&](const aiScene& ai, ModelLoadResult& result) { result = read_scene(ai, file.string()); });
  if (out.mesh.empty()) return out;

  Bounds b = mesh_bounds(out.mesh);
  glm::vec3 shift(0);
  float scale = 1;
  if (options.normalize) shift = -glm::vec3((b.min.x + b.max.x) * 0.5f, b.min.y, (b.min.z + b.max.z) * 0.5f);
  if (options.fit_size > 0) {
    const float extent = std::max(b.size().x, b.size().z);
    if (extent > 1e-6f && std::isfinite(extent)) scale = options.fit_size / extent;
  }
  if (shift != glm::vec3(0) || scale != 1)
    for (Vertex& v : out.mesh.vertices) v.position = (v.position + shift) * scale;
  return out;
}

std::string save_model_glb(const Mesh& mesh, const std::filesystem::path& file) {
  if (mesh.empty()) return "nothing to write";
  try {
    auto ai = std::make_unique<aiScene>();
    ai->mRootNode = new aiNode("prop");
    ai->mRootNode->mNumMeshes = 1;
    ai->mRootNode->mMeshes = new unsigned[1]{0};
    ai->mNumMaterials = 1;
    ai->mMaterials = new aiMaterial* [1] { new aiMaterial() };
    const aiString material_name("prop");
    ai->mMaterials[0]->AddProperty(&material_name, AI_MATKEY_NAME);
    const aiColor4D white(1, 1, 1, 1);
    ai->mMaterials[0]->AddProperty(&white, 1, AI_MATKEY_BASE_COLOR);
    const aiColor3D white3(1, 1, 1);
    ai->mMaterials[0]->AddProperty(&white3, 1, AI_MATKEY_COLOR_DIFFUSE);
    ai->mNumMeshes = 1;
    ai->mMeshes = new aiMesh* [1] { new aiMesh() };
    aiMesh& m = *ai->mMeshes[0];
    m.mName = aiString("prop");
    m.mMaterialIndex = 0;
    m.mPrimitiveTypes = aiPrimitiveType_TRIANGLE;
    m.mNumVertices = static_cast<unsigned>(mesh.vertices.size());
    m.mVertices = new aiVector3D[m.mNumVertices];
    m.mNormals = new aiVector3D[m.mNumVertices];
    m.mColors[0] = new aiColor4D[m.mNumVertices];
    for (unsigned i = 0; i < m.mNumVertices; ++i) {
      const Vertex& v = mesh.vertices[i];
      m.mVertices[i] = aiVector3D(v.position.x, v.position.y, v.position.z);
      m.mNormals[i] = aiVector3D(v.normal.x, v.normal.y, v.normal.z);
      const glm::vec4 c = unpack_color(v.color);
      m.mColors[0][i] = aiColor4D(c.r, c.g, c.b, 1.0f);
    }
    m.mNumFaces = static_cast<unsigned>(mesh.triangle_count());
    m.mFaces = new aiFace[m.mNumFaces];
    for (unsigned f = 0; f < m.mNumFaces; ++f) {
      m.mFaces[f].mNumIndices = 3;
      m.mFaces[f].mIndices = new unsigned[3]{mesh.indices[3 * f], mesh.indices[3 * f + 1], mesh.indices[3 * f + 2]};
    }
    Assimp::Exporter exporter;
    if (exporter.Export(ai.get(), "glb2", file.string()) != aiReturn_SUCCESS) return exporter.GetErrorString();
  } catch (const std::exception& e) {
    return e.what();
  }
  return {};
}

void place_model(Mesh& out, const Mesh& model, glm::vec3 base, glm::vec2 forward, glm::vec3 scale, std::uint32_t object,
                 glm::vec3 tint, std::uint32_t faction_colour) {
  const float len = glm::length(forward);
  const glm::vec2 f = len > 1e-6f ? forward / len : glm::vec2(0, -1);
  // Local -z goes to (f.x, 0, f.y); local +x to the right of that, (-f.y, 0, f.x).
  const glm::vec3 ax(-f.y, 0, f.x), ay(0, 1, 0), az(-f.x, 0, -f.y);
  const bool tinted = tint != glm::vec3(1);
  const auto first = static_cast<std::uint32_t>(out.vertices.size());
  out.vertices.reserve(out.vertices.size() + model.vertices.size());
  for (const Vertex& v : model.vertices) {
    Vertex w = v;
    const glm::vec3 p = v.position * scale;
    w.position = base + ax * p.x + ay * p.y + az * p.z;
    // Normals under a non-uniform scale go by the inverse scale.
    const glm::vec3 n = v.normal / scale;
    const glm::vec3 wn = ax * n.x + ay * n.y + az * n.z;
    const float nl = glm::length(wn);
    w.normal = nl > 1e-6f ? wn / nl : glm::vec3(0, 1, 0);
    if (faction_colour && (v.color & 0x00FFFFFFu) == (kFactionColourKey & 0x00FFFFFFu))
      w.color = faction_colour;
    else if (tinted)
      w.color = pack_color(glm::vec3(unpack_color(v.color)) * tint, unpack_color(v.color).a);
    w.object = object;
    out.vertices.push_back(w);
  }
  out.indices.reserve(out.indices.size() + model.indices.size());
  for (std::uint32_t i : model.indices) out.indices.push_back(first + i);
}

}  // namespace scene
