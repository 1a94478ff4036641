// Skinned figures: built from the rig and clips, written and read through Assimp, and
// evaluated by linear-blend skinning. figure_skin_file.h gives the file convention.
#include "scene/figures/figure_skin_file.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <exception>
#include <map>
#include <memory>
#include <tuple>

#include <assimp/material.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>
#include <assimp/Exporter.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include "scene/figures/figure_animation.h"
#include "scene/figures/figure_clips.h"
#include "scene/mesh/assimp_mesh.h"
#include "shaders/shared.h"

namespace scene {
namespace {

constexpr std::uintmax_t kMaxFileBytes = 64u << 20;  // a figure, not a city
constexpr std::size_t kMaxTriangles = 200'000;
constexpr std::size_t kMaxVertices = kFigureVertexMask + 1;  // what Vertex::object can index
constexpr int kMaxNodeDepth = 64;                            // a malicious file may nest without end
constexpr double kTicksPerSecond = 1000;

// Colour classes by material name, and the colour alpha (byte) each stands for.
constexpr int kClasses = 5;
constexpr const char* kClassNames[kClasses] = {"albedo", "skin", "banner", "garment", "faction"};
constexpr std::uint32_t kClassAlpha[kClasses] = {0, 64, 128, 192, 255};

int class_of_alpha(std::uint32_t color) {
  const std::uint32_t a = color >> 24;  // thresholds halfway, as the troop shaders' kClass*Above
  return a > 223 ? 4 : a > 159 ? 3 : a > 95 ? 2 : a > 31 ? 1 : 0;
}

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

// ---- Sampling and skinning -------------------------------------------------------------------

template <class T>
T sample(const std::vector<SkinnedFigure::Key<T>>& keys, float phase, T fallback) {
  if (keys.empty()) return fallback;
  if (phase <= keys.front().phase) return keys.front().value;
  if (phase >= keys.back().phase) return keys.back().value;
  const auto next = std::upper_bound(keys.begin(), keys.end(), phase,
                                     [](float p, const SkinnedFigure::Key<T>& k) { return p < k.phase; });
  const auto& b = *next;
  const auto& a = *(next - 1);
  const float t = b.phase > a.phase ? (phase - a.phase) / (b.phase - a.phase) : 0.0f;
  if constexpr (std::is_same_v<T, glm::quat>)
    return glm::slerp(a.value, b.value, t);
  else
    return glm::mix(a.value, b.value, t);
}

glm::mat4 node_matrix(glm::vec3 t, glm::quat r, glm::vec3 s) {
  return glm::translate(glm::mat4(1), t) * glm::mat4_cast(r) * glm::scale(glm::mat4(1), s);
}

}  // namespace

void SkinnedFigure::evaluate(Clip clip, float phase, std::vector<glm::vec3>& positions,
                             std::vector<glm::vec3>& normals) const {
  std::vector<glm::mat4> local(nodes.size());
  for (std::size_t n = 0; n < nodes.size(); ++n)
    local[n] = node_matrix(nodes[n].translation, nodes[n].rotation, nodes[n].scale);
  const std::optional<Animation>& animation = clips[static_cast<std::size_t>(clip)];
  if (animation)
    for (const Channel& c : animation->channels) {
      const Node& node = nodes[static_cast<std::size_t>(c.node)];
      local[static_cast<std::size_t>(c.node)] =
          node_matrix(sample(c.translation, phase, node.translation), sample(c.rotation, phase, node.rotation),
                      sample(c.scale, phase, node.scale));
    }
  std::vector<glm::mat4> global(nodes.size());
  for (std::size_t n = 0; n < nodes.size(); ++n)
    global[n] = nodes[n].parent < 0 ? local[n] : global[static_cast<std::size_t>(nodes[n].parent)] * local[n];
  std::vector<glm::mat4> skin(bones.size());
  std::vector<glm::mat3> skin_normal(bones.size());
  for (std::size_t b = 0; b < bones.size(); ++b) {
    skin[b] = global[static_cast<std::size_t>(bones[b].node)] * bones[b].offset;
    skin_normal[b] = glm::transpose(glm::inverse(glm::mat3(skin[b])));
  }
  for (std::size_t v = 0; v < mesh.vertices.size(); ++v) {
    const Influence& in = influences[v];
    glm::mat4 m(0.0f);
    int count = 0;
    for (std::size_t i = 0; i < 4; ++i)
      if (in.weight[i] > 0) {
        m += in.weight[i] * skin[in.bone[i]];
        ++count;
      }
    positions.push_back(glm::vec3(m * glm::vec4(mesh.vertices[v].position, 1)));
    // A rigid vertex (one bone, ours all are) takes its bone's normal matrix as it is.
    const glm::mat3 normal_matrix =
        count == 1 && in.weight[0] == 1.0f ? skin_normal[in.bone[0]] : glm::transpose(glm::inverse(glm::mat3(m)));
    const glm::vec3 n = normal_matrix * mesh.vertices[v].normal;
    const float length = glm::length(n);
    normals.push_back(length > 1e-12f ? n / length : mesh.vertices[v].normal);
  }
}

// ---- The built-in figure ---------------------------------------------------------------------

SkinnedFigure skinned_figure(const FigureBuild& build) {
  SkinnedFigure figure;
  figure.variant_options = build.variant_options;
  const std::array<Joint, kBones>& joints = rig_joints(build.mounted);
  // Nodes in an order where parents come first (a rider's pelvis hangs from the horse).
  std::vector<int> order, index_of(kBones, -1);
  while (static_cast<int>(order.size()) < kBones)
    for (int b = 0; b < kBones; ++b) {
      const int parent = b == 0 ? -1 : static_cast<int>(joints[static_cast<std::size_t>(b)].parent);
      if (index_of[static_cast<std::size_t>(b)] < 0 &&
          (parent < 0 || index_of[static_cast<std::size_t>(parent)] >= 0)) {
        index_of[static_cast<std::size_t>(b)] = static_cast<int>(order.size());
        order.push_back(b);
      }
    }
  for (const int b : order) {
    const Joint& j = joints[static_cast<std::size_t>(b)];
    SkinnedFigure::Node node;
    node.name = j.name;
    node.parent = b == 0 ? -1 : index_of[static_cast<std::size_t>(j.parent)];
    node.translation = b == 0 ? glm::vec3(0) : j.pivot - joints[static_cast<std::size_t>(j.parent)].pivot;
    figure.nodes.push_back(node);
  }
  for (int b = 0; b < kBones; ++b)
    figure.bones.push_back({index_of[static_cast<std::size_t>(b)],
                            glm::translate(glm::mat4(1), -joints[static_cast<std::size_t>(b)].pivot)});
  for (const RigPart& part : build.parts) {
    const auto base = static_cast<std::uint32_t>(figure.mesh.vertices.size());
    for (const Vertex& source : part.mesh.vertices) {
      Vertex v = source;
      v.object = figure_vertex_object(static_cast<std::uint32_t>(figure.mesh.vertices.size()) & kFigureVertexMask,
                                      part.variant_group, part.option);
      figure.mesh.vertices.push_back(v);
      SkinnedFigure::Influence influence;
      influence.bone[0] = static_cast<std::uint16_t>(part.bone);
      influence.weight[0] = 1;
      figure.influences.push_back(influence);
    }
    for (const std::uint32_t i : part.mesh.indices) figure.mesh.indices.push_back(base + i);
  }
  for (int c = 0; c < kClips; ++c) {
    const auto clip = static_cast<Clip>(c);
    const int keys = clip == Clip::Dead || clip == Clip::Sit ? 1 : kSkinKeys + 1;
    SkinnedFigure::Animation animation;
    animation.channels.resize(kBones);
    for (int b = 0; b < kBones; ++b)
      animation.channels[static_cast<std::size_t>(b)].node = index_of[static_cast<std::size_t>(b)];
    for (int k = 0; k < keys; ++k) {
      const float phase = keys == 1 ? 0.0f : static_cast<float>(k) / kSkinKeys;
      // A loop's closing key is its first, exactly.
      const FigurePose pose = figure_pose(build, clip, clip_loops(clip) && k == kSkinKeys ? 0.0f : phase);
      for (int b = 0; b < kBones; ++b)
        animation.channels[static_cast<std::size_t>(b)].rotation.push_back(
            {phase, pose.rotation[static_cast<std::size_t>(b)]});
      animation.channels[0].translation.push_back({phase, pose.root});
    }
    // A bone that holds still in a clip keeps one key; one still at rest needs no channel.
    std::vector<SkinnedFigure::Channel> moving;
    for (SkinnedFigure::Channel& channel : animation.channels) {
      auto& keys = channel.rotation;
      const bool still = std::all_of(keys.begin(), keys.end(), [&](const auto& k) {
        return std::abs(glm::dot(k.value, keys.front().value)) > 1 - 1e-7f;
      });
      if (still) keys.resize(1);
      const bool at_rest = still && std::abs(keys.front().value.w) > 1 - 1e-7f;
      if (channel.node != index_of[0] && at_rest) continue;
      moving.push_back(std::move(channel));
    }
    animation.channels = std::move(moving);
    figure.clips[static_cast<std::size_t>(c)] = std::move(animation);
  }
  return figure;
}

// ---- Writing ---------------------------------------------------------------------------------

namespace {

aiMatrix4x4 to_ai(const glm::mat4& m) {
  return aiMatrix4x4(m[0][0], m[1][0], m[2][0], m[3][0], m[0][1], m[1][1], m[2][1], m[3][1], m[0][2], m[1][2], m[2][2],
                     m[3][2], m[0][3], m[1][3], m[2][3], m[3][3]);
}
glm::mat4 to_glm(const aiMatrix4x4& m) {
  return glm::mat4(m.a1, m.b1, m.c1, m.d1, m.a2, m.b2, m.c2, m.d2, m.a3, m.b3, m.c3, m.d3, m.a4, m.b4, m.c4, m.d4);
}

// A material: colour class, variant group, option, options.
using MaterialKey = std::tuple<int, std::uint32_t, std::uint32_t, std::uint32_t>;

std::string material_name(const MaterialKey& key) {
  const auto [c, group, option, options] = key;
  std::string name = kClassNames[c];
  if (group > 0) name += ".v" + std::to_string(group) + "." + std::to_string(option) + "of" + std::to_string(options);
  return name;
}

aiMaterial* make_material(const MaterialKey& key) {
  auto* material = new aiMaterial();
  const aiString name(material_name(key));
  material->AddProperty(&name, AI_MATKEY_NAME);
  const aiColor4D white(1, 1, 1, 1);
  material->AddProperty(&white, 1, AI_MATKEY_BASE_COLOR);
  const aiColor3D white3(1, 1, 1);
  material->AddProperty(&white3, 1, AI_MATKEY_COLOR_DIFFUSE);
  return material;
}

MaterialKey material_key(const SkinnedFigure& figure, const Vertex& v) {
  const std::uint32_t group = (v.object >> kFigureVariantGroupShift) & 15u;
  const std::uint32_t option = (v.object >> kFigureVariantOptionShift) & 15u;
  const std::uint32_t options = group > 0 ? figure.variant_options[group - 1] : 1;
  return {class_of_alpha(v.color), group, option, options};
}

aiMesh* group_mesh(const SkinnedFigure& figure, const std::vector<std::uint32_t>& triangles, unsigned material,
                   const std::string& name) {
  const Mesh& mesh = figure.mesh;
  auto* m = new aiMesh();
  m->mName = aiString(name);
  m->mMaterialIndex = material;
  m->mPrimitiveTypes = aiPrimitiveType_TRIANGLE;
  std::vector<std::int64_t> local(mesh.vertices.size(), -1);
  std::vector<std::uint32_t> used;
  for (const std::uint32_t t : triangles)
    for (unsigned k = 0; k < 3; ++k)
      if (std::int64_t& l = local[mesh.indices[3 * t + k]]; l < 0) {
        l = static_cast<std::int64_t>(used.size());
        used.push_back(mesh.indices[3 * t + k]);
      }
  m->mNumVertices = static_cast<unsigned>(used.size());
  m->mVertices = new aiVector3D[m->mNumVertices];
  m->mNormals = new aiVector3D[m->mNumVertices];
  m->mColors[0] = new aiColor4D[m->mNumVertices];
  std::map<std::uint16_t, std::vector<aiVertexWeight>> weights;
  for (unsigned i = 0; i < m->mNumVertices; ++i) {
    const Vertex& v = mesh.vertices[used[i]];
    m->mVertices[i] = aiVector3D(v.position.x, v.position.y, v.position.z);
    m->mNormals[i] = aiVector3D(v.normal.x, v.normal.y, v.normal.z);
    const auto byte = [&](int shift) { return static_cast<float>((v.color >> shift) & 255u) / 255.0f; };
    m->mColors[0][i] = aiColor4D(byte(0), byte(8), byte(16), 1.0f);  // the class is the material
    const SkinnedFigure::Influence& in = figure.influences[used[i]];
    for (std::size_t k = 0; k < 4; ++k)
      if (in.weight[k] > 0) weights[in.bone[k]].emplace_back(i, in.weight[k]);
  }
  m->mNumFaces = static_cast<unsigned>(triangles.size());
  m->mFaces = new aiFace[m->mNumFaces];
  for (unsigned f = 0; f < m->mNumFaces; ++f) {
    m->mFaces[f].mNumIndices = 3;
    m->mFaces[f].mIndices = new unsigned[3];
    for (unsigned k = 0; k < 3; ++k)
      m->mFaces[f].mIndices[k] = static_cast<unsigned>(local[mesh.indices[3 * triangles[f] + k]]);
  }
  m->mNumBones = static_cast<unsigned>(weights.size());
  m->mBones = new aiBone*[weights.size()];
  unsigned b = 0;
  for (const auto& [bone, list] : weights) {
    auto* ai_bone = new aiBone();
    const SkinnedFigure::Bone& source = figure.bones[bone];
    ai_bone->mName = aiString(figure.nodes[static_cast<std::size_t>(source.node)].name);
    ai_bone->mOffsetMatrix = to_ai(source.offset);
    ai_bone->mNumWeights = static_cast<unsigned>(list.size());
    ai_bone->mWeights = new aiVertexWeight[list.size()];
    std::copy(list.begin(), list.end(), ai_bone->mWeights);
    m->mBones[b++] = ai_bone;
  }
  return m;
}

// A path without keys is left out of the channel (the node's own value holds); Assimp's
// exporter then writes no sampler for it.
template <class T, class A>
void copy_keys(const std::vector<SkinnedFigure::Key<T>>& keys, double duration, unsigned& count, A*& out) {
  count = static_cast<unsigned>(keys.size());
  out = count ? new A[count] : nullptr;
  for (unsigned k = 0; k < count; ++k) {
    out[k].mTime = keys[k].phase * duration;
    const T& v = keys[k].value;
    if constexpr (std::is_same_v<T, glm::quat>)
      out[k].mValue = aiQuaternion(v.w, v.x, v.y, v.z);
    else
      out[k].mValue = aiVector3D(v.x, v.y, v.z);
  }
}

aiAnimation* make_animation(const SkinnedFigure& figure, Clip clip) {
  const SkinnedFigure::Animation& source = *figure.clips[static_cast<std::size_t>(clip)];
  auto* animation = new aiAnimation();
  animation->mName = aiString(clip_name(clip));
  animation->mTicksPerSecond = kTicksPerSecond;
  const double duration = kClipSeconds[static_cast<std::size_t>(clip)] * kTicksPerSecond;
  animation->mDuration = duration;
  animation->mNumChannels = static_cast<unsigned>(source.channels.size());
  animation->mChannels = new aiNodeAnim*[source.channels.size()];
  for (std::size_t c = 0; c < source.channels.size(); ++c) {
    const SkinnedFigure::Channel& channel = source.channels[c];
    const SkinnedFigure::Node& node = figure.nodes[static_cast<std::size_t>(channel.node)];
    auto* out = new aiNodeAnim();
    out->mNodeName = aiString(node.name);
    copy_keys(channel.translation, duration, out->mNumPositionKeys, out->mPositionKeys);
    copy_keys(channel.rotation, duration, out->mNumRotationKeys, out->mRotationKeys);
    copy_keys(channel.scale, duration, out->mNumScalingKeys, out->mScalingKeys);
    animation->mChannels[c] = out;
  }
  return animation;
}

}  // namespace

std::string save_figure_skin_glb(const SkinnedFigure& figure, const std::filesystem::path& file) {
  if (figure.mesh.empty()) return "nothing to write";
  try {
    auto ai = std::make_unique<aiScene>();
    ai->mRootNode = new aiNode("figure");
    // The skeleton.
    std::vector<aiNode*> nodes;
    for (const SkinnedFigure::Node& n : figure.nodes) {
      auto* node = new aiNode(n.name);
      node->mTransformation = to_ai(node_matrix(n.translation, n.rotation, n.scale));
      nodes.push_back(node);
    }
    std::vector<std::vector<aiNode*>> children(nodes.size());
    std::vector<aiNode*> top;
    for (std::size_t n = 0; n < nodes.size(); ++n)
      (figure.nodes[n].parent < 0 ? top : children[static_cast<std::size_t>(figure.nodes[n].parent)])
          .push_back(nodes[n]);
    for (std::size_t n = 0; n < nodes.size(); ++n)
      if (!children[n].empty()) nodes[n]->addChildren(static_cast<unsigned>(children[n].size()), children[n].data());
    // The body: one mesh per material, all on one node.
    std::map<MaterialKey, std::vector<std::uint32_t>> groups;
    for (std::size_t t = 0; t < figure.mesh.triangle_count(); ++t)
      groups[material_key(figure, figure.mesh.vertices[figure.mesh.indices[3 * t]])].push_back(
          static_cast<std::uint32_t>(t));
    ai->mNumMaterials = static_cast<unsigned>(groups.size());
    ai->mMaterials = new aiMaterial*[groups.size()];
    ai->mNumMeshes = static_cast<unsigned>(groups.size());
    ai->mMeshes = new aiMesh*[groups.size()];
    unsigned i = 0;
    for (const auto& [key, triangles] : groups) {
      ai->mMaterials[i] = make_material(key);
      ai->mMeshes[i] = group_mesh(figure, triangles, i, "body." + material_name(key));
      ++i;
    }
    auto* body = new aiNode("body");
    body->mNumMeshes = ai->mNumMeshes;
    body->mMeshes = new unsigned[ai->mNumMeshes];
    for (unsigned m = 0; m < ai->mNumMeshes; ++m) body->mMeshes[m] = m;
    top.push_back(body);
    ai->mRootNode->addChildren(static_cast<unsigned>(top.size()), top.data());
    // The clips.
    std::vector<aiAnimation*> animations;
    for (int c = 0; c < kClips; ++c)
      if (figure.clips[static_cast<std::size_t>(c)]) animations.push_back(make_animation(figure, static_cast<Clip>(c)));
    ai->mNumAnimations = static_cast<unsigned>(animations.size());
    ai->mAnimations = new aiAnimation*[animations.size()];
    std::copy(animations.begin(), animations.end(), ai->mAnimations);
    Assimp::Exporter exporter;
    if (exporter.Export(ai.get(), "glb2", file.string()) != aiReturn_SUCCESS) return exporter.GetErrorString();
  } catch (const std::exception& e) {
    return e.what();
  }
  return {};
}

// ---- Reading ---------------------------------------------------------------------------------

namespace {

struct SkinReader {
  const aiScene& ai;
  SkinnedFigure& figure;
  std::map<std::string, int> node_of;  // the first node of each name
  std::string error;

  void read_nodes(const aiNode* node, int parent, int depth) {
    if (!node || depth > kMaxNodeDepth) return;
    SkinnedFigure::Node n;
    n.name = node->mName.C_Str();
    n.parent = parent;
    aiVector3D scale, position;
    aiQuaternion rotation;
    node->mTransformation.Decompose(scale, rotation, position);
    n.translation = {position.x, position.y, position.z};
    n.rotation = glm::quat(rotation.w, rotation.x, rotation.y, rotation.z);
    n.scale = {scale.x, scale.y, scale.z};
    const int index = static_cast<int>(figure.nodes.size());
    node_of.emplace(n.name, index);
    figure.nodes.push_back(std::move(n));
    for (unsigned c = 0; c < node->mNumChildren; ++c) read_nodes(node->mChildren[c], index, depth + 1);
  }

  // Colour class and variant from the material's name.
  std::pair<std::uint32_t, std::uint32_t> read_material(const aiMaterial* material, glm::vec4& colour) {
    aiString name;
    colour = glm::vec4(1);
    if (!material) return {0, 0};
    aiColor4D base;
    if (material->Get(AI_MATKEY_BASE_COLOR, base) == aiReturn_SUCCESS) colour = {base.r, base.g, base.b, base.a};
    if (material->Get(AI_MATKEY_NAME, name) != aiReturn_SUCCESS) return {0, 0};
    const std::string_view text = name.C_Str();
    int c = 0;
    for (int k = 1; k < kClasses; ++k)
      if (starts_with_nocase(text, kClassNames[k])) c = k;
    std::uint32_t object = 0;
    if (const std::size_t at = text.rfind(".v"); at != std::string_view::npos) {
      unsigned group = 0, option = 0, options = 0;
      if (std::sscanf(std::string(text.substr(at)).c_str(), ".v%u.%uof%u", &group, &option, &options) == 3 &&
          group >= 1 && group <= kVariantGroups && options >= 1 && options <= 15 && option < options) {
        object = figure_vertex_object(0, group, option);
        figure.variant_options[group - 1] = static_cast<std::uint8_t>(options);
      }
    }
    return {kClassAlpha[c], object};
  }

  void read_mesh(const aiMesh& m) {
    if (!(m.mPrimitiveTypes & aiPrimitiveType_TRIANGLE) || !m.mNumVertices) return;
    if (!m.mNumBones) {
      error = "a mesh (\"" + std::string(m.mName.C_Str()) + "\") without a skin";
      return;
    }
    const aiMaterial* material = m.mMaterialIndex < ai.mNumMaterials ? ai.mMaterials[m.mMaterialIndex] : nullptr;
    glm::vec4 material_colour;
    const auto [alpha, variant] = read_material(material, material_colour);
    Mesh& mesh = figure.mesh;
    const auto base = static_cast<std::uint32_t>(mesh.vertices.size());
    if (base + m.mNumVertices > kMaxVertices) {
      error = "more than " + std::to_string(kMaxVertices) + " vertices";
      return;
    }
    for (unsigned i = 0; i < m.mNumVertices; ++i) {
      Vertex v;
      v.position = {m.mVertices[i].x, m.mVertices[i].y, m.mVertices[i].z};
      v.normal = m.mNormals ? glm::vec3(m.mNormals[i].x, m.mNormals[i].y, m.mNormals[i].z) : glm::vec3(0, 1, 0);
      glm::vec4 c = material_colour;
      if (m.mColors[0]) c *= glm::vec4(m.mColors[0][i].r, m.mColors[0][i].g, m.mColors[0][i].b, 1);
      const auto byte = [](float x) {
        return static_cast<std::uint32_t>(std::lround(std::clamp(x, 0.0f, 1.0f) * 255));
      };
      v.color = byte(c.r) | byte(c.g) << 8 | byte(c.b) << 16 | alpha << 24;
      v.object = (base + i) | variant;
      mesh.vertices.push_back(v);
    }
    for (unsigned f = 0; f < m.mNumFaces; ++f) {
      const aiFace& face = m.mFaces[f];
      if (face.mNumIndices != 3 || face.mIndices[0] >= m.mNumVertices || face.mIndices[1] >= m.mNumVertices ||
          face.mIndices[2] >= m.mNumVertices)
        continue;
      for (unsigned k = 0; k < 3; ++k) mesh.indices.push_back(base + face.mIndices[k]);
    }
    // Weights: the four largest per vertex, normalised.
    std::vector<std::vector<std::pair<float, std::uint16_t>>> per_vertex(m.mNumVertices);
    for (unsigned b = 0; b < m.mNumBones; ++b) {
      const aiBone& bone = *m.mBones[b];
      const auto node = node_of.find(bone.mName.C_Str());
      if (node == node_of.end()) {
        error = "bone \"" + std::string(bone.mName.C_Str()) + "\" names no node";
        return;
      }
      const auto index = static_cast<std::uint16_t>(figure.bones.size());
      figure.bones.push_back({node->second, to_glm(bone.mOffsetMatrix)});
      for (unsigned w = 0; w < bone.mNumWeights; ++w)
        if (bone.mWeights[w].mVertexId < m.mNumVertices && bone.mWeights[w].mWeight > 0)
          per_vertex[bone.mWeights[w].mVertexId].emplace_back(bone.mWeights[w].mWeight, index);
    }
    for (auto& list : per_vertex) {
      std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
      SkinnedFigure::Influence in;
      float total = 0;
      for (std::size_t k = 0; k < std::min<std::size_t>(4, list.size()); ++k) total += list[k].first;
      if (total <= 0) {  // unweighted: it follows the mesh's first bone
        in.bone[0] = static_cast<std::uint16_t>(figure.bones.size() - m.mNumBones);
        in.weight[0] = 1;
      }
      for (std::size_t k = 0; total > 0 && k < std::min<std::size_t>(4, list.size()); ++k) {
        in.bone[k] = list[k].second;
        in.weight[k] = list[k].first / total;
      }
      figure.influences.push_back(in);
    }
  }

  static int clip_of(std::string_view name) {
    if (const std::size_t bar = name.rfind('|'); bar != std::string_view::npos) name = name.substr(bar + 1);
    for (int c = 0; c < kClips; ++c)
      if (starts_with_nocase(name, clip_name(static_cast<Clip>(c))) &&
          name.size() == std::string_view(clip_name(static_cast<Clip>(c))).size())
        return c;
    return -1;
  }

  void read_animation(const aiAnimation& a) {
    const int clip = clip_of(a.mName.C_Str());
    if (clip < 0 || figure.clips[static_cast<std::size_t>(clip)]) return;
    const double duration = a.mDuration > 0 ? a.mDuration : 1;
    SkinnedFigure::Animation animation;
    for (unsigned c = 0; c < a.mNumChannels; ++c) {
      const aiNodeAnim& in = *a.mChannels[c];
      const auto node = node_of.find(in.mNodeName.C_Str());
      if (node == node_of.end()) continue;
      SkinnedFigure::Channel channel;
      channel.node = node->second;
      const auto phase = [&](double t) { return static_cast<float>(std::clamp(t / duration, 0.0, 1.0)); };
      for (unsigned k = 0; k < in.mNumPositionKeys; ++k)
        channel.translation.push_back(
            {phase(in.mPositionKeys[k].mTime),
             {in.mPositionKeys[k].mValue.x, in.mPositionKeys[k].mValue.y, in.mPositionKeys[k].mValue.z}});
      for (unsigned k = 0; k < in.mNumScalingKeys; ++k)
        channel.scale.push_back(
            {phase(in.mScalingKeys[k].mTime),
             {in.mScalingKeys[k].mValue.x, in.mScalingKeys[k].mValue.y, in.mScalingKeys[k].mValue.z}});
      for (unsigned k = 0; k < in.mNumRotationKeys; ++k) {
        const aiQuaternion& q = in.mRotationKeys[k].mValue;
        channel.rotation.push_back({phase(in.mRotationKeys[k].mTime), glm::quat(q.w, q.x, q.y, q.z)});
      }
      animation.channels.push_back(std::move(channel));
    }
    figure.clips[static_cast<std::size_t>(clip)] = std::move(animation);
  }
};

}  // namespace

SkinnedLoad load_figure_skin(const std::filesystem::path& file) {
  SkinnedLoad out;
  const unsigned flags = aiProcess_Triangulate | aiProcess_GenNormals | aiProcess_SortByPType |
                         aiProcess_LimitBoneWeights | aiProcess_ValidateDataStructure;
  const std::string name = file.string();
  const ModelLoadResult result =
      import_model(file, kMaxFileBytes, kMaxTriangles, flags, [&](const aiScene& ai, ModelLoadResult& status) {
        SkinnedFigure figure;
        figure.variant_options = {1, 1, 1};
        SkinReader reader{ai, figure, {}, {}};
        reader.read_nodes(ai.mRootNode, -1, 0);
        for (unsigned m = 0; m < ai.mNumMeshes && reader.error.empty(); ++m)
          if (ai.mMeshes[m]) reader.read_mesh(*ai.mMeshes[m]);
        for (unsigned a = 0; a < ai.mNumAnimations && reader.error.empty(); ++a)
          if (ai.mAnimations[a]) reader.read_animation(*ai.mAnimations[a]);
        if (reader.error.empty() && figure.mesh.triangle_count() == 0) reader.error = "no triangles in the file";
        if (reader.error.empty() && figure.mesh.triangle_count() > kMaxTriangles)
          reader.error = "more than " + std::to_string(kMaxTriangles) + " triangles";
        if (reader.error.empty() && !figure.clips[static_cast<std::size_t>(Clip::Idle)])
          reader.error = "no \"idle\" animation";
        if (!reader.error.empty()) {
          status.warning = name + ": " + reader.error;
          return;
        }
        status.mesh.vertices.resize(1);  // import_model's success is ours to say
        out.figure = std::move(figure);
      });
  if (!out.figure) out.warning = result.warning.empty() ? name + ": cannot read the figure" : result.warning;
  return out;
}

}  // namespace scene
