// A settlement's own models for its kinds of building (its "models"), read once each; a
// missing or broken file leaves the built-in builder, with one warning naming it.
#include <cstdio>
#include <filesystem>

#include "scene/mesh/model_file.h"
#include "scene/world/settlement_plan.h"

namespace scene {

BuildingModels load_building_models(const Scenario& scenario, const Settlement& settlement) {
  BuildingModels out;
  for (int k = 0; k < kBuildingKindCount; ++k) {
    const auto kind = static_cast<BuildingKind>(k);
    const auto named = settlement.models.find(building_kind_name(kind));
    if (named == settlement.models.end()) continue;
    std::filesystem::path path(named->second);
    if (path.is_relative() && !scenario.file.empty()) path = std::filesystem::path(scenario.file).parent_path() / path;
    ModelLoadOptions options;
    options.normalize = true;
    options.fit_size = 1;  // unit footprint: add_settlement scales it to each building's
    ModelLoadResult r = load_model(path, options);
    if (!r.ok()) {
      std::fprintf(stderr, "siege: warning: settlement \"%s\": %s model %s: %s; using the built-in %s\n",
                   settlement.id.c_str(), named->first.c_str(), path.string().c_str(), r.warning.c_str(),
                   named->first.c_str());
      continue;
    }
    out.meshes[static_cast<size_t>(k)] = std::move(r.mesh);
  }
  return out;
}

}  // namespace scene
