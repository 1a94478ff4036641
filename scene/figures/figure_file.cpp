// Assimp in and out for figure models (soldiers): parts by node name, colour classes by
// material name; see figure_file.h for the convention.
#include "scene/figures/figure_file.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <exception>
#include <memory>
#include <vector>

#include <assimp/material.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <assimp/Exporter.hpp>

#include "scene/figures/soldier_meshes.h"
#include "scene/mesh/assimp_mesh.h"
#include "shaders/shared.h"

namespace scene {

namespace {

constexpr std::uintmax_t kMaxFileBytes = 64u << 20;  // a figure, not a city
constexpr std::size_t kMaxTriangles = 200'000;

// Colour classes by material name, and the vertex alpha each stands for (shaders/shared.h);
// the order is the exporter's material order.
constexpr unsigned kClasses = 3;
constexpr const char* kClassNames[kClasses] = {"albedo", "faction", "banner"};
constexpr float kClassAlpha[kClasses] = {shaders::kClassAlbedoAlpha, shaders::kClassFactionAlpha,
                                         shaders::kClassBannerAlpha};
constexpr int kMaxNodeDepth = 64;  // a malicious file may nest without end

// The class of a vertex colour, as the troop shaders tell it from the alpha.
int class_of_alpha(std::uint32_t color) {
  const float alpha = unpack_color(color).a;
  return alpha > shaders::kClassFactionAbove ? 1 : alpha > shaders::kClassBannerAbove ? 2 : 0;
}

bool starts_with_nocase(const char* text, const char* prefix) {
  for (; *prefix; ++text, ++prefix)
    if (!*text || std::tolower(static_cast<unsigned char>(*text)) != std::tolower(static_cast<unsigned char>(*prefix)))
      return false;
  return true;
}

int class_of_material(const aiMaterial* material) {
  aiString name;
  if (!material || material->Get(AI_MATKEY_NAME, name) != aiReturn_SUCCESS) return 0;
  if (starts_with_nocase(name.C_Str(), kClassNames[1])) return 1;
  if (starts_with_nocase(name.C_Str(), kClassNames[2])) return 2;
  return 0;
}

struct FigureReader {
  const aiScene& ai;
  Mesh& mesh;
  std::size_t skipped = 0;

  // `part`: the part named by the nearest ancestor node, or -1.
  void read(const aiNode* node, const aiMatrix4x4& parent, int part, int depth) {
    if (!node || depth > kMaxNodeDepth) return;
    const aiMatrix4x4 world = parent * node->mTransformation;
    if (const int named = part_code_of(node->mName.C_Str()); named >= 0) part = named;
    aiMatrix3x3 normal_matrix(world);
    normal_matrix.Inverse().Transpose();
    for (unsigned i = 0; i < node->mNumMeshes; ++i)
      if (node->mMeshes[i] < ai.mNumMeshes) read_mesh(*ai.mMeshes[node->mMeshes[i]], world, normal_matrix, part);
    for (unsigned c = 0; c < node->mNumChildren; ++c) read(node->mChildren[c], world, part, depth + 1);
  }

  void read_mesh(const aiMesh& m, const aiMatrix4x4& world, const aiMatrix3x3& normal_matrix, int part) {
    if (part < 0) part = std::max(0, part_code_of(m.mName.C_Str()));
    const aiMaterial* material = m.mMaterialIndex < ai.mNumMaterials ? ai.mMaterials[m.mMaterialIndex] : nullptr;
    append_assimp_mesh(mesh, ai, m, world, normal_matrix, kClassAlpha[class_of_material(material)],
                       static_cast<std::uint32_t>(part), skipped);
  }
};

}  // namespace

ModelLoadResult load_figure_model(const std::filesystem::path& file) {
  // No vertex joining or pre-transforming: the node tree names the parts.
  const unsigned flags =
      aiProcess_Triangulate | aiProcess_GenNormals | aiProcess_SortByPType | aiProcess_ValidateDataStructure;
  const std::string name = file.string();
  return import_model(file, kMaxFileBytes, kMaxTriangles, flags, [&](const aiScene& ai, ModelLoadResult& out) {
    FigureReader reader{ai, out.mesh};
    reader.read(ai.mRootNode, aiMatrix4x4(), -1, 0);
    if (out.mesh.triangle_count() > kMaxTriangles) {
      out.mesh = {};
      out.warning = name + ": more than " + std::to_string(kMaxTriangles) + " triangles";
    } else if (out.mesh.empty()) {
      out.mesh = {};
      out.warning = name + ": no triangles in the file";
    } else if (reader.skipped) {
      out.warning = name + ": " + std::to_string(reader.skipped) + " bad triangles left out";
    }
  });
}

namespace {

// A figure's triangles grouped by part and colour class: one aiMesh each.
using TriangleGroups = std::vector<std::uint32_t>[kPartCount][kClasses];

void group_triangles(const Mesh& mesh, TriangleGroups& groups) {
  for (std::size_t t = 0; t < mesh.triangle_count(); ++t) {
    const Vertex& v = mesh.vertices[mesh.indices[3 * t]];
    const std::uint32_t part = v.object < kPartCount ? v.object : kPartRigid;
    groups[part][class_of_alpha(v.color)].push_back(static_cast<std::uint32_t>(t));
  }
}

// A white material named after colour class `c`: the class is the material.
aiMaterial* class_material(unsigned c) {
  auto* material = new aiMaterial();
  const aiString material_name(kClassNames[c]);
  material->AddProperty(&material_name, AI_MATKEY_NAME);
  const aiColor4D white(1, 1, 1, 1);
  material->AddProperty(&white, 1, AI_MATKEY_BASE_COLOR);
  const aiColor3D white3(1, 1, 1);
  material->AddProperty(&white3, 1, AI_MATKEY_COLOR_DIFFUSE);
  return material;
}

// The triangles of one group as an aiMesh of part `part` and class `c`, with the group's own
// vertices in first-use order.
aiMesh* group_mesh(const Mesh& mesh, const std::vector<std::uint32_t>& triangles, std::uint32_t part, unsigned c) {
  auto* m = new aiMesh();
  m->mName = aiString(std::string(part_name(part)) + "." + kClassNames[c]);
  m->mMaterialIndex = c;
  m->mPrimitiveTypes = aiPrimitiveType_TRIANGLE;
  std::vector<std::int64_t> local(mesh.vertices.size(), -1);
  std::vector<std::uint32_t> used;
  for (std::uint32_t t : triangles)
    for (unsigned k = 0; k < 3; ++k)
      if (std::int64_t& l = local[mesh.indices[3 * t + k]]; l < 0) {
        l = static_cast<std::int64_t>(used.size());
        used.push_back(mesh.indices[3 * t + k]);
      }
  m->mNumVertices = static_cast<unsigned>(used.size());
  m->mVertices = new aiVector3D[m->mNumVertices];
  m->mNormals = new aiVector3D[m->mNumVertices];
  m->mColors[0] = new aiColor4D[m->mNumVertices];
  for (unsigned i = 0; i < m->mNumVertices; ++i) {
    const Vertex& v = mesh.vertices[used[i]];
    m->mVertices[i] = aiVector3D(v.position.x, v.position.y, v.position.z);
    m->mNormals[i] = aiVector3D(v.normal.x, v.normal.y, v.normal.z);
    const glm::vec4 colour = unpack_color(v.color);
    m->mColors[0][i] = aiColor4D(colour.r, colour.g, colour.b, 1.0f);  // the class is the material
  }
  m->mNumFaces = static_cast<unsigned>(triangles.size());
  m->mFaces = new aiFace[m->mNumFaces];
  for (unsigned f = 0; f < m->mNumFaces; ++f) {
    m->mFaces[f].mNumIndices = 3;
    m->mFaces[f].mIndices = new unsigned[3];
    for (unsigned k = 0; k < 3; ++k)
      m->mFaces[f].mIndices[k] = static_cast<unsigned>(local[mesh.indices[3 * triangles[f] + k]]);
  }
  return m;
}

// A node named after part `part` holding the scene's meshes `node_meshes`.
aiNode* part_node(std::uint32_t part, const std::vector<unsigned>& node_meshes, aiNode* parent) {
  auto* node = new aiNode(part_name(part));
  node->mParent = parent;
  node->mNumMeshes = static_cast<unsigned>(node_meshes.size());
  node->mMeshes = new unsigned[node_meshes.size()];
  std::copy(node_meshes.begin(), node_meshes.end(), node->mMeshes);
  return node;
}

}  // namespace

std::string save_figure_glb(const Mesh& mesh, const std::filesystem::path& file) {
  if (mesh.empty()) return "nothing to write";
  try {
    TriangleGroups groups;
    group_triangles(mesh, groups);
    auto ai = std::make_unique<aiScene>();
    ai->mRootNode = new aiNode("figure");
    ai->mNumMaterials = kClasses;
    ai->mMaterials = new aiMaterial*[kClasses];
    for (unsigned c = 0; c < kClasses; ++c) ai->mMaterials[c] = class_material(c);
    std::vector<aiMesh*> meshes;
    std::vector<aiNode*> nodes;
    for (std::uint32_t part = 0; part < kPartCount; ++part) {
      std::vector<unsigned> node_meshes;
      for (unsigned c = 0; c < kClasses; ++c) {
        if (groups[part][c].empty()) continue;
        meshes.push_back(group_mesh(mesh, groups[part][c], part, c));
        node_meshes.push_back(static_cast<unsigned>(meshes.size() - 1));
      }
      if (!node_meshes.empty()) nodes.push_back(part_node(part, node_meshes, ai->mRootNode));
    }
    ai->mNumMeshes = static_cast<unsigned>(meshes.size());
    ai->mMeshes = new aiMesh*[meshes.size()];
    std::copy(meshes.begin(), meshes.end(), ai->mMeshes);
    ai->mRootNode->addChildren(static_cast<unsigned>(nodes.size()), nodes.data());
    Assimp::Exporter exporter;
    if (exporter.Export(ai.get(), "glb2", file.string()) != aiReturn_SUCCESS) return exporter.GetErrorString();
  } catch (const std::exception& e) {
    return e.what();
  }
  return {};
}

}  // namespace scene
