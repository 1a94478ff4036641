// Placeholder until the kits land: today's figure for every kit, its swinging parts hung on
// the nearest bones.
#include "scene/figures/kit_figures.h"

#include <map>

namespace scene {

FigureBuild build_figure(Kit /*kit*/, FigureKind kind, int lod) {
  const Mesh mesh = soldier_mesh(kind, lod);
  FigureBuild build;
  build.mounted = kind == FigureKind::Cavalry;
  std::map<std::uint32_t, Mesh> by_part;
  for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
    const Vertex& a = mesh.vertices[mesh.indices[t]];
    Mesh& part = by_part[a.object];
    for (int i = 0; i < 3; ++i) {
      Vertex v = mesh.vertices[mesh.indices[t + static_cast<std::size_t>(i)]];
      v.object = 0;
      part.indices.push_back(static_cast<std::uint32_t>(part.vertices.size()));
      part.vertices.push_back(v);
    }
  }
  for (auto& [code, part] : by_part) {
    Bone bone = build.mounted ? Bone::Pelvis : Bone::Chest;
    if (code == kPartLegA) bone = Bone::ThighL;
    if (code == kPartLegB) bone = Bone::ThighR;
    if (code == kPartArmA) bone = Bone::UpperArmL;
    if (code == kPartArmB) bone = Bone::UpperArmR;
    if (code == kPartHoofA) bone = Bone::HorseFrontL;
    if (code == kPartHoofB) bone = Bone::HorseFrontR;
    if (build.mounted && code == kPartRigid) bone = Bone::HorseBody;
    build.parts.push_back({std::move(part), bone, 0, 0});
  }
  return build;
}

}  // namespace scene
