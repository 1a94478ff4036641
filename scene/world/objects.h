// Object ids: one per thing a user can point at. The ID pass writes them per pixel, the
// viewer picks with them, compositors use them as mattes. 0 means nothing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace scene {

enum class ObjectKind {
  Terrain,
  Water,
  Wall,
  Gate,
  Tower,
  SiegeRing,
  Building,
  Soldier,
  SiegeEngine,
  Camp,
  Sky,
  Dam,
  Earthwork,
  Road,
  Ladder,         // one per unit that carries scaling ladders: all its ladders
  Tree,           // one per grove, river bank or village's trees: all its trees
  Reeds,          // one per river or lake: its reed beds
  Temple,         // a temple settlement's halls and walls
  Pagoda,         // a temple's pagoda
  CourtyardWall,  // one per settlement: the walls round its compounds
  Market,         // a market settlement's stalls and shops
  Office          // a yamen compound's halls
};
std::string_view to_string(ObjectKind kind);

struct ObjectInfo {
  std::uint32_t id = 0;
  ObjectKind kind = ObjectKind::Terrain;
  std::string name;    // for people: "Outer wall of Caizhou"
  std::string entity;  // the scenario id it comes from, if any
};

class ObjectRegistry {
 public:
  std::uint32_t add(ObjectKind kind, std::string name, std::string entity = {});
  const std::vector<ObjectInfo>& objects() const { return objects_; }
  const ObjectInfo* find(std::uint32_t id) const;
  // First object of a kind with this entity id; 0 if none.
  std::uint32_t id_of(ObjectKind kind, std::string_view entity) const;

 private:
  std::vector<ObjectInfo> objects_;
};

}  // namespace scene
