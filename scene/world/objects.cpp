#include "scene/world/objects.h"

namespace scene {

std::string_view to_string(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::Terrain:
      return "terrain";
    case ObjectKind::Water:
      return "water";
    case ObjectKind::Wall:
      return "wall";
    case ObjectKind::Gate:
      return "gate";
    case ObjectKind::Tower:
      return "tower";
    case ObjectKind::SiegeRing:
      return "siege_ring";
    case ObjectKind::Building:
      return "building";
    case ObjectKind::Soldier:
      return "soldier";
    case ObjectKind::SiegeEngine:
      return "siege_engine";
    case ObjectKind::Camp:
      return "camp";
    case ObjectKind::Sky:
      return "sky";
    case ObjectKind::Dam:
      return "dam";
    case ObjectKind::Earthwork:
      return "earthwork";
    case ObjectKind::Road:
      return "road";
    case ObjectKind::Ladder:
      return "ladder";
    case ObjectKind::Tree:
      return "tree";
    case ObjectKind::Reeds:
      return "reeds";
    case ObjectKind::Temple:
      return "temple";
    case ObjectKind::Pagoda:
      return "pagoda";
    case ObjectKind::CourtyardWall:
      return "courtyard_wall";
    case ObjectKind::Market:
      return "market";
    case ObjectKind::Office:
      return "office";
  }
  return "unknown";
}

std::uint32_t ObjectRegistry::add(ObjectKind kind, std::string name, std::string entity) {
  const auto id = static_cast<std::uint32_t>(objects_.size() + 1);
  objects_.push_back({id, kind, std::move(name), std::move(entity)});
  return id;
}

const ObjectInfo* ObjectRegistry::find(std::uint32_t id) const {
  return id >= 1 && id <= objects_.size() ? &objects_[id - 1] : nullptr;
}

std::uint32_t ObjectRegistry::id_of(ObjectKind kind, std::string_view entity) const {
  for (const ObjectInfo& o : objects_)
    if (o.kind == kind && o.entity == entity) return o.id;
  return 0;
}

}  // namespace scene
