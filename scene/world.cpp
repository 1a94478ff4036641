// Assembles the world's meshes and registers an object id for everything in it.
#include "scene/world.h"

namespace scene {

namespace {
std::string label(const Localized& name, const std::string& fallback) { return name.en.empty() ? fallback : name.en; }

const Wall* find_wall(const Scenario& scenario, const std::string& id) {
  for (const Wall& w : scenario.walls)
    if (w.id == id) return &w;
  return nullptr;
}
}  // namespace

World build_world(const Scenario& scenario) {
  World world;
  std::shared_ptr<const Heightfield> ground = scenario.ground;
  if (!ground) ground = std::make_shared<const Heightfield>(build_heightfield(scenario));

  world.sky = world.objects.add(ObjectKind::Sky, "Sky");
  world.terrain = world.objects.add(ObjectKind::Terrain, "Ground");
  world.ground = build_ground_mesh(scenario, *ground, world.terrain);

  for (const River& river : scenario.rivers)
    add_river_water(world.water, scenario, river, world.objects.add(ObjectKind::Water, label(river.name, river.id), river.id));
  for (const Moat& moat : scenario.moats)
    if (const Wall* wall = find_wall(scenario, moat.around))
      add_moat_water(world.water, scenario, moat, *wall, world.objects.add(ObjectKind::Water, "Moat of " + label(wall->name, wall->id), moat.id));
  for (const Lake& lake : scenario.lakes) world.objects.add(ObjectKind::Water, label(lake.name, lake.id), lake.id);
  for (const Wall& wall : scenario.walls)
    add_wall(world.structures, *ground, wall, world.objects.add(ObjectKind::Wall, label(wall.name, wall.id), wall.id));
  for (const Gate& gate : scenario.gates)
    if (const Wall* wall = find_wall(scenario, gate.wall))
      add_gate(world.structures, *ground, *wall, gate, world.objects.add(ObjectKind::Gate, label(gate.name, gate.id), gate.id));
  for (const Tower& tower : scenario.towers)
    add_tower(world.structures, *ground, tower, world.objects.add(ObjectKind::Tower, label(tower.name, tower.id), tower.id));
  for (size_t i = 0; i < scenario.settlements.size(); ++i) {
    const Settlement& s = scenario.settlements[i];
    add_settlement(world.structures, scenario, *ground, s, static_cast<std::uint32_t>(i + 1),
                   world.objects.add(ObjectKind::Building, label(s.name, s.id), s.id));
  }
  for (const SiegeRing& ring : scenario.siege_rings) world.objects.add(ObjectKind::SiegeRing, label(ring.name, ring.id), ring.id);
  // One id per unit for all its soldiers: picking a soldier selects his unit.
  for (const Unit& unit : scenario.units) world.objects.add(ObjectKind::Soldier, label(unit.name, unit.id), unit.id);
  return world;
}

DynamicMeshes build_dynamic(const Scenario& scenario, const World& world, const Snapshot& snapshot) {
  DynamicMeshes out;
  std::shared_ptr<const Heightfield> ground = scenario.ground;
  if (!ground) ground = std::make_shared<const Heightfield>(build_heightfield(scenario));
  for (size_t i = 0; i < scenario.siege_rings.size(); ++i) {
    const float built = i < snapshot.ring_construction.size() ? snapshot.ring_construction[i] : 1.0f;
    add_siege_ring(out.solids, *ground, scenario.siege_rings[i], built,
                   world.objects.id_of(ObjectKind::SiegeRing, scenario.siege_rings[i].id));
  }
  for (size_t i = 0; i < scenario.lakes.size(); ++i) {
    const Lake& lake = scenario.lakes[i];
    const float level = i < snapshot.lake_level.size() ? snapshot.lake_level[i] : lake.level.sample(snapshot.day, 0.0f);
    add_lake_water(out.water, scenario, lake, level, world.objects.id_of(ObjectKind::Water, lake.id));
  }
  return out;
}

}  // namespace scene
