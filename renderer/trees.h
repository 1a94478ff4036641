// The tree pass: every tree and reed clump of the World (scene/world/trees.h) as instances, as
// the troop pass draws soldiers. The trees never move, so they are sorted once into ground
// cells; per frame, on the CPU, the cells outside the frustum are skipped and each tree in the
// rest gets a level by its size on screen: the near mesh, the mid mesh (scene/world/
// tree_meshes.h), or a camera-facing impostor drawn from its kind's outline. The visible
// trees' 32-byte instances are written bin after bin into the frame slot's mapped buffer; one
// instanced draw per (kind, mesh level), one draw for every impostor. The near trees also
// cast into the sun's shadow cascades.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "renderer/context.h"
#include "renderer/light_variants.h"
#include "renderer/pipeline.h"
#include "renderer/resources.h"
#include "renderer/unique_handle.h"
#include "scene/model/calendar.h"
#include "scene/model/camera.h"
#include "scene/world/tree_meshes.h"
#include "scene/world/world.h"
#include "shaders/tree_shared.h"

namespace renderer {

struct TreeStats {
  std::uint32_t trees = 0;                 // in the world
  std::array<std::uint32_t, 3> per_lod{};  // drawn as the near mesh, the mid mesh, impostors
  std::uint64_t triangles = 0;             // submitted to the scene pass
  std::uint64_t shadow_triangles = 0;      // submitted to the shadow cascades
  std::uint32_t draws = 0;
  double prepare_ms = 0;  // CPU: cull, pick levels, write instances
};

class TreePass {
 public:
  TreePass(Context& context, const scene::World& world, VkDescriptorSetLayout scene_layout, std::uint32_t frames);
  ~TreePass();
  TreePass(const TreePass&) = delete;
  TreePass& operator=(const TreePass&) = delete;

  const TreeStats& stats() const { return stats_; }
  // -1: levels by size on screen; 0, 1, 2: every tree at that level (tests).
  int& force_level() { return force_level_; }

  // CPU: cull, pick levels and write this frame's instances into slot `slot`; `day` sets the
  // season for the shadow pass (the scene pass reads it from the frame uniforms).
  void prepare(std::uint32_t slot, const scene::Camera& camera, VkExtent2D extent, scene::Day day);
  // Inside the scene pass; `scene_set` is set 0. `lit`: the frame has local lights.
  void draw(VkCommandBuffer cmd, std::uint32_t slot, VkDescriptorSet scene_set, bool lit);
  // Inside a shadow cascade's depth pass (renderer/shadows.h): the trees drawn as meshes this
  // frame, at the mid level, through `light_view_proj`. Leaves the tree shadow pipeline bound.
  void draw_shadow(VkCommandBuffer cmd, std::uint32_t slot, const glm::mat4& light_view_proj);

 private:
  static constexpr int kLevels = 3;  // near mesh, mid mesh, impostor
  static constexpr int kKinds = scene::kTreeKindCount;
  static constexpr int kBins = kLevels * kKinds;  // level * kKinds + kind
  struct Cell {
    glm::vec3 min{1e30f}, max{-1e30f};
    std::uint32_t first = 0, count = 0;  // into instances_
  };
  struct MeshRange {
    std::uint32_t first_index = 0, index_count = 0;
    std::int32_t vertex_offset = 0;
  };
  struct Slot {
    Buffer instances;  // this frame's visible trees, bin after bin
    VkDescriptorSet set = VK_NULL_HANDLE;
  };

  void build_cells(const scene::World& world);
  void upload_meshes();
  void create_pipelines(VkDescriptorSetLayout scene_layout);

  Context& context_;
  TreeStats stats_;
  int force_level_ = -1;
  float foliage_ = 1;          // the season's leaves, for the shadow pass
  float pixel_angle_ = 1e-3f;  // radians per pixel this frame, for the impostors' least size

  std::vector<shaders::TreeGpuInstance> instances_;  // every tree, cell after cell
  std::vector<Cell> cells_;
  std::array<std::array<MeshRange, scene::kTreeMeshLevels>, kKinds> meshes_{};
  std::array<float, kKinds> heights_{};                 // metres at scale 1, for the size on screen
  std::array<std::vector<std::uint32_t>, kBins> bins_;  // this frame's trees per bin (indices into instances_)
  std::array<std::uint32_t, kBins> bin_first_{};

  Buffer vertices_, indices_, kinds_, quads_;
  Unique<VkDescriptorSetLayout> layout_;
  Unique<VkDescriptorPool> pool_;
  std::vector<Slot> slots_;
  LightVariants mesh_pipeline_, impostor_pipeline_;
  Pipeline shadow_pipeline_;
};

}  // namespace renderer
