// The world's props: engines, tents, gers and banners as models, loaded once per scenario from
// the baked files (or a scenario's own), with the procedural prop as the fallback.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <utility>

#include "scene/mesh/mesh_lod.h"
#include "scene/mesh/model_file.h"
#include "scene/sim/projectiles.h"
#include "scene/world/world.h"

namespace scene {

namespace {

// The larger horizontal extent of the procedural prop: users' models are fitted to it.
float footprint(Prop prop) {
  Mesh whole = build_prop(prop);
  // A user's trebuchet is the whole engine: fit it to the frame with its arm at rest and crew.
  if (prop == Prop::Trebuchet)
    add_trebuchet_action(whole, build_prop(Prop::TrebuchetArm), glm::vec3(0), glm::vec2(0, -1), trebuchet::kRestAngle,
                         0, 0);
  const Bounds b = mesh_bounds(whole);
  return std::max(b.size().x, b.size().z);
}

PropLods lods_of(const Mesh& mesh) { return build_lods(mesh); }

void warn(PropModels& models, std::string text) {
  std::fprintf(stderr, "siege: warning: %s\n", text.c_str());
  models.warnings.push_back(std::move(text));
}

// A scenario's own model for a prop of kind `prop`, or empty with a warning.
// A scenario's own models, each file read once however many engines or camps use it (keyed
// by path and the prop it stands in for, whose footprint it is fitted to).
using ModelCache = std::map<std::pair<std::string, Prop>, std::optional<PropLods>>;

PropLods own_model(PropModels& models, ModelCache& cache, const Scenario& scenario, const std::string& file, Prop prop,
                   const std::string& owner) {
  if (file.empty()) return {};
  std::filesystem::path path(file);
  if (path.is_relative() && !scenario.file.empty()) path = std::filesystem::path(scenario.file).parent_path() / path;
  const auto key = std::make_pair(path.lexically_normal().string(), prop);
  if (const auto found = cache.find(key); found != cache.end()) return found->second.value_or(PropLods{});
  ModelLoadOptions options;
  options.normalize = true;
  options.fit_size = footprint(prop);
  ModelLoadResult r = load_model(path, options);
  if (!r.ok()) {
    warn(models, owner + ": " + r.warning + "; using the built-in " + prop_file_name(prop));
    cache[key] = std::nullopt;
    return {};
  }
  if (!r.warning.empty()) warn(models, owner + ": " + r.warning);
  PropLods lods = lods_of(r.mesh);
  cache[key] = lods;
  return lods;
}

}  // namespace

const PropLods& PropModels::engine(const Scenario& scenario, std::size_t i) const {
  if (i < engines.size() && !engines[i].empty()) return engines[i];
  return props[static_cast<std::size_t>(engine_prop(scenario.engines[i].kind))];
}

std::filesystem::path models_directory(const Scenario& scenario) {
  std::error_code ec;
  if (const char* env = std::getenv("SIEGE_MODELS_DIR"); env && *env) return env;
  if (!scenario.file.empty()) {
    const std::filesystem::path beside = std::filesystem::path(scenario.file).parent_path() / ".." / "models";
    if (std::filesystem::is_directory(beside, ec)) return beside;
  }
#ifdef SIEGE_DEFAULT_MODELS_DIR
  return SIEGE_DEFAULT_MODELS_DIR;
#else
  return "assets/models";
#endif
}

PropModels load_prop_models(const Scenario& scenario) {
  PropModels models;
  const std::filesystem::path dir = models_directory(scenario);
  for (std::size_t k = 0; k < kPropCount; ++k) {
    const Prop prop = static_cast<Prop>(k);
    ModelLoadResult r = load_model(dir / (std::string(prop_file_name(prop)) + ".glb"));
    if (!r.ok()) {
      warn(models, r.warning + "; using the procedural " + prop_file_name(prop));
      r.mesh = build_prop(prop);
    }
    models.props[k] = lods_of(r.mesh);
  }
  ModelCache cache;
  for (const SiegeEngine& e : scenario.engines)
    models.engines.push_back(
        own_model(models, cache, scenario, e.model, engine_prop(e.kind), "engine \"" + e.id + "\""));
  for (const Camp& c : scenario.camps)
    models.camps.push_back(own_model(models, cache, scenario, c.model,
                                     c.kind == CampKind::Gers ? Prop::Ger : Prop::Tent, "camp \"" + c.id + "\""));
  return models;
}

}  // namespace scene
