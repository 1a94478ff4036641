// A settlement's plan made into meshes: its buildings under its own id, its pagoda and its
// courtyard walls under theirs, so the ID pass can tell them apart.
#include <algorithm>
#include <cmath>

#include "scene/mesh/model_file.h"
#include "scene/world/settlement_plan.h"
#include "scene/world/world.h"

namespace scene {

void add_settlement(Mesh& mesh, const Heightfield& ground, const SettlementPlan& plan, const SettlementObjects& objects,
                    const BuildingModels* models) {
  for (const BuildingPlace& b : plan.buildings) {
    const std::uint32_t id = b.kind == BuildingKind::Pagoda && objects.pagoda != 0 ? objects.pagoda : objects.main;
    const Mesh* own = models ? &models->meshes[static_cast<size_t>(b.kind)] : nullptr;
    if (own && !own->empty()) {
      // The user's model fitted to the footprint, its front (-z) turned to the building's.
      const glm::vec2 front(std::sin(b.yaw), std::cos(b.yaw));
      place_model(mesh, *own, glm::vec3(b.at.x, ground.height(b.at), b.at.y), front,
                  glm::vec3(std::max(b.size.x, b.size.y)), id);
      continue;
    }
    add_building(mesh, ground, b, id);
  }
  for (const WallRun& w : plan.walls)
    add_courtyard_wall(mesh, ground, w, objects.courtyard_walls != 0 ? objects.courtyard_walls : objects.main);
}

}  // namespace scene
