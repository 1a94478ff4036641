// Assembles the world's meshes and registers an object id for everything in it.
#include "scene/world/world.h"

#include <algorithm>

#include "scene/mesh/mesh_lod.h"
#include "scene/mesh/model_file.h"
#include "scene/sim/projectiles.h"
#include "scene/world/occlusion.h"

namespace scene {

namespace {
std::string label(const Localized& name, const std::string& fallback) { return name.en.empty() ? fallback : name.en; }

const Wall* find_wall(const Scenario& scenario, const std::string& id) {
  for (const Wall& w : scenario.walls)
    if (w.id == id) return &w;
  return nullptr;
}

// The first damage whose span covers the gate or tower: it is drawn per snapshot in that
// damage's state; -1: it stands as built.
int damage_at_gate(const Scenario& scenario, const Gate& gate) {
  for (size_t i = 0; i < scenario.damages.size(); ++i)
    if (const Wall* wall = find_wall(scenario, scenario.damages[i].wall);
        wall && damage_covers_gate(*wall, scenario.damages[i], gate))
      return static_cast<int>(i);
  return -1;
}
int damage_at_tower(const Scenario& scenario, const Tower& tower) {
  for (size_t i = 0; i < scenario.damages.size(); ++i)
    if (const Wall* wall = find_wall(scenario, scenario.damages[i].wall);
        wall && damage_covers_tower(*wall, scenario.damages[i], tower))
      return static_cast<int>(i);
  return -1;
}
ObjectKind settlement_kind(SettlementKind kind) {
  switch (kind) {
    case SettlementKind::Temple:
      return ObjectKind::Temple;
    case SettlementKind::Market:
      return ObjectKind::Market;
    case SettlementKind::Office:
      return ObjectKind::Office;
    default:
      return ObjectKind::Building;
  }
}

// Every camp's mesh, built once at level 0 (a tent is a few dozen triangles), its id, and its
// reach in the shadow casters' bounds.
void add_camps(World& world, const Scenario& scenario, const Heightfield& ground) {
  for (size_t i = 0; i < scenario.camps.size(); ++i) {
    const Camp& camp = scenario.camps[i];
    Mesh& mesh = world.camps.emplace_back();
    const PropLods& own = world.models.camps[i];
    const PropLods& dwelling =
        !own.empty() ? own
                     : world.models.props[static_cast<size_t>(camp.kind == CampKind::Gers ? Prop::Ger : Prop::Tent)];
    const CampModels camp_models{&dwelling.front(), &world.models.props[static_cast<size_t>(Prop::Banner)].front()};
    add_camp(mesh, scenario, ground, camp, static_cast<std::uint32_t>(i + 1),
             world.objects.add(ObjectKind::Camp, label(camp.name, camp.id), camp.id), camp_models);
    world.casters_min = glm::min(world.casters_min,
                                 glm::vec3(camp.center.x - camp.radius - 150, -50, camp.center.y - camp.radius - 50));
    world.casters_max =
        glm::max(world.casters_max, glm::vec3(camp.center.x + camp.radius + 150, 80, camp.center.y + camp.radius + 50));
  }
}

}  // namespace

World build_world(const Scenario& scenario) {
  World world;
  std::shared_ptr<const Heightfield> ground = scenario.ground;
  if (!ground) ground = std::make_shared<const Heightfield>(build_heightfield(scenario));

  world.sky = world.objects.add(ObjectKind::Sky, "Sky");
  world.terrain = world.objects.add(ObjectKind::Terrain, "Ground");
  world.ground = build_terrain_chunks(scenario, *ground, world.terrain);

  for (const River& river : scenario.rivers)
    add_river_water(world.water, scenario, river,
                    world.objects.add(ObjectKind::Water, label(river.name, river.id), river.id));
  for (const Moat& moat : scenario.moats)
    if (const Wall* wall = find_wall(scenario, moat.around))
      add_moat_water(world.water, scenario, moat, *wall,
                     world.objects.add(ObjectKind::Water, "Moat of " + label(wall->name, wall->id), moat.id));
  for (const Lake& lake : scenario.lakes) world.objects.add(ObjectKind::Water, label(lake.name, lake.id), lake.id);
  for (const Wall& wall : scenario.walls) {
    std::vector<glm::vec2> cuts;  // damaged segments are drawn per frame, in their state
    for (const WallDamage& d : scenario.damages)
      if (d.wall == wall.id) cuts.push_back(damage_span(wall, d));
    add_wall(world.structures, *ground, wall, world.objects.add(ObjectKind::Wall, label(wall.name, wall.id), wall.id),
             cuts, gate_stations(scenario, wall));
  }
  // A gate or tower in a damaged segment keeps its id but is drawn per frame, in the damage's state.
  for (const Gate& gate : scenario.gates)
    if (const Wall* wall = find_wall(scenario, gate.wall)) {
      const std::uint32_t id = world.objects.add(ObjectKind::Gate, label(gate.name, gate.id), gate.id);
      if (damage_at_gate(scenario, gate) < 0)
        add_gate(world.structures, *ground, *wall, gate, id, 0, false, barbican_reach(scenario, *wall));
    }
  for (const Tower& tower : scenario.towers) {
    const std::uint32_t id = world.objects.add(ObjectKind::Tower, label(tower.name, tower.id), tower.id);
    if (damage_at_tower(scenario, tower) < 0) add_tower(world.structures, *ground, tower, id);
  }
  // Settlements: each keeps the id it always had; the ids of their newer parts (courtyard
  // walls, pagodas) come after all of them.
  std::vector<SettlementPlan> plans;
  std::vector<SettlementObjects> parts;
  for (size_t i = 0; i < scenario.settlements.size(); ++i) {
    const Settlement& s = scenario.settlements[i];
    plans.push_back(plan_settlement(scenario, s, static_cast<std::uint32_t>(i + 1)));
    parts.push_back({world.objects.add(settlement_kind(s.kind), label(s.name, s.id), s.id)});
  }
  for (size_t i = 0; i < scenario.settlements.size(); ++i) {
    const Settlement& s = scenario.settlements[i];
    if (!plans[i].walls.empty())
      parts[i].courtyard_walls = world.objects.add(ObjectKind::CourtyardWall, "Walls of " + label(s.name, s.id), s.id);
    if (std::any_of(plans[i].buildings.begin(), plans[i].buildings.end(),
                    [](const BuildingPlace& b) { return b.kind == BuildingKind::Pagoda; }))
      parts[i].pagoda = world.objects.add(ObjectKind::Pagoda, "Pagoda of " + label(s.name, s.id), s.id);
    const BuildingModels own = load_building_models(scenario, s);
    add_settlement(world.structures, *ground, plans[i], parts[i], &own);
  }
  for (const SiegeRing& ring : scenario.siege_rings)
    world.objects.add(ObjectKind::SiegeRing, label(ring.name, ring.id), ring.id);
  // One id per unit for all its soldiers: picking a soldier selects his unit.
  for (const Unit& unit : scenario.units) world.objects.add(ObjectKind::Soldier, label(unit.name, unit.id), unit.id);
  // Props from their models (assets/models or the scenario's own), loaded once.
  world.models = load_prop_models(scenario);
  // Registered after the soldiers so earlier ids stay as they were.
  add_camps(world, scenario, *ground);
  for (const SiegeEngine& e : scenario.engines) world.objects.add(ObjectKind::SiegeEngine, label(e.name, e.id), e.id);
  for (const Earthwork& e : scenario.earthworks) world.objects.add(ObjectKind::Earthwork, label(e.name, e.id), e.id);
  for (const WallDamage& d : scenario.damages)
    world.objects.add(ObjectKind::Earthwork, "Rubble: " + label(d.name, d.id), d.id);
  for (const Unit& unit : scenario.units)
    if (unit.ladders > 0) world.objects.add(ObjectKind::Ladder, "Ladders of " + label(unit.name, unit.id), unit.id);

  // Walls, towers, gates and houses darken towards their feet (roads, added below, lie flat).
  bake_ground_occlusion(world.structures, *ground);
  for (Mesh& camp : world.camps) bake_ground_occlusion(camp, *ground);
  for (const Vertex& v : world.structures.vertices)
    world.casters_min = glm::min(world.casters_min, v.position),
    world.casters_max = glm::max(world.casters_max, v.position);
  for (const SiegeRing& ring : scenario.siege_rings)
    for (glm::vec2 p : ring.points) {
      world.casters_min = glm::min(world.casters_min, glm::vec3(p.x - 20, ground->height(p) - 5, p.y - 20));
      world.casters_max =
          glm::max(world.casters_max, glm::vec3(p.x + 20, ground->height(p) + ring.height + 10, p.y + 20));
    }
  // Roads last: their ids come after every earlier kind's, and lying flat on the ground they
  // cast no shadow worth widening the casters' bounds (and the shadow map's texels) for.
  const std::size_t roads_from = world.structures.indices.size();
  for (const Road& road : scenario.roads)
    add_road(world.structures, scenario, *ground, road,
             world.objects.add(ObjectKind::Road, label(road.name, road.id), road.id));
  // Trees last of all, so every earlier id stays as it was.
  world.trees = place_trees(scenario, *ground, world.objects);
  // What never moves casts from known places; rings, camps and engines are added per frame.
  add_casters(world.static_casters, world.ground, *ground, world.structures);
  for (const Mesh& camp : world.camps)
    add_casters(world.static_casters, world.ground, *ground, camp);  // occupied or not
  world.structure_chunks = build_structure_chunks(world.structures, kStructureChunkMetres, roads_from);
  world.heightfield = ground;
  return world;
}

DynamicMeshes build_dynamic(const Scenario& scenario, const World& world, const Snapshot& snapshot,
                            std::optional<glm::vec3> eye, bool with_camps) {
  DynamicMeshes out;
  std::shared_ptr<const Heightfield> ground = scenario.ground;
  if (!ground) ground = std::make_shared<const Heightfield>(build_heightfield(scenario));
  for (size_t i = 0; i < scenario.siege_rings.size(); ++i) {
    const float built = i < snapshot.ring_construction.size() ? snapshot.ring_construction[i] : 1.0f;
    add_siege_ring(out.solids, *ground, scenario.siege_rings[i], built,
                   world.objects.id_of(ObjectKind::SiegeRing, scenario.siege_rings[i].id));
  }
  for (size_t i = 0; with_camps && i < scenario.camps.size() && i < world.camps.size(); ++i)
    if (i >= snapshot.camp_present.size() || snapshot.camp_present[i]) out.solids.append(world.camps[i]);
  for (size_t i = 0; i < scenario.engines.size(); ++i) {
    const SiegeEngine& e = scenario.engines[i];
    if (i < snapshot.engine_present.size() && !snapshot.engine_present[i]) continue;
    const glm::vec2 at =
        i < snapshot.engine_position.size() ? snapshot.engine_position[i] : e.path.sample(snapshot.day, glm::vec2(0));
    const std::uint32_t id = world.objects.id_of(ObjectKind::SiegeEngine, e.id);
    const glm::vec3 base(at.x, ground->height(at), at.y);
    if (world.models.engines.size() != scenario.engines.size()) {  // a World not from build_world
      add_siege_engine(out.solids, scenario, *ground, e, at, id);
      if (e.kind == EngineKind::Trebuchet) {
        const ArmPose pose = trebuchet_arm(scenario, snapshot, i);
        add_trebuchet_action(out.solids, build_prop(Prop::TrebuchetArm), base, engine_facing(e, at), pose.angle,
                             pose.pull, id);
      }
      continue;
    }
    // The engine's model at the level of detail its distance from the camera calls for.
    const PropLods& lods = world.models.engine(scenario, i);
    std::size_t level = 0;
    if (eye) {
      const Bounds b = mesh_bounds(lods.front());
      level = choose_lod(glm::length(*eye - base), glm::length(b.size()), lods.size());
    }
    const Faction* faction = scenario.faction(e.faction);
    place_model(out.solids, lods[level], base, engine_facing(e, at), glm::vec3(1), id, glm::vec3(1),
                pack_color(faction ? faction->banner : glm::vec3(0.5f)));
    // The built-in trebuchet's arm swings with its volley schedule (an engine's own model is
    // drawn as it is); the crew are left out at the coarsest level.
    if (e.kind == EngineKind::Trebuchet && world.models.engines[i].empty()) {
      const PropLods& arm = world.models.props[static_cast<size_t>(Prop::TrebuchetArm)];
      const ArmPose pose = trebuchet_arm(scenario, snapshot, i);
      add_trebuchet_action(out.solids, arm[std::min(level, arm.size() - 1)], base, engine_facing(e, at), pose.angle,
                           pose.pull, id, level + 1 < lods.size());
    }
  }
  for (size_t i = 0; i < scenario.earthworks.size(); ++i) {
    const Earthwork& e = scenario.earthworks[i];
    const float built = i < snapshot.earthwork_construction.size() ? snapshot.earthwork_construction[i] : 1.0f;
    add_earthwork(out.solids, *ground, e, built, world.objects.id_of(ObjectKind::Earthwork, e.id));
  }
  const auto damage_state = [&](size_t i) { return i < snapshot.wall_damage.size() ? snapshot.wall_damage[i] : 0.0f; };
  for (size_t i = 0; i < scenario.damages.size(); ++i) {
    const WallDamage& d = scenario.damages[i];
    const Wall* wall = find_wall(scenario, d.wall);
    if (!wall) continue;
    float state = damage_state(i);
    // A gate forced within this segment: the wall beside it is scarred, never gapped, and its
    // passage stays clear for the broken-open gatehouse.
    glm::vec2 opening{0};
    for (const Gate& gate : scenario.gates)
      if (d.length <= kGateForcedMaxLength && damage_at_gate(scenario, gate) == static_cast<int>(i)) {
        state = std::min(state, 0.6f);
        if (damage_state(i) >= 0.5f) opening = gate_site(*wall, gate).passage;
      }
    const ObjectInfo* rubble = nullptr;
    for (const ObjectInfo& o : world.objects.objects())
      if (o.kind == ObjectKind::Earthwork && o.entity == d.id && o.name.rfind("Rubble: ", 0) == 0) rubble = &o;
    add_wall_damage(out.solids, *ground, *wall, d, state, static_cast<std::uint32_t>(i + 1),
                    world.objects.id_of(ObjectKind::Wall, wall->id), rubble ? rubble->id : 0, opening,
                    gate_stations(scenario, *wall));
  }
  for (const Gate& gate : scenario.gates)
    if (const int i = damage_at_gate(scenario, gate); i >= 0)
      if (const Wall* wall = find_wall(scenario, gate.wall))
        add_gate(out.solids, *ground, *wall, gate, world.objects.id_of(ObjectKind::Gate, gate.id),
                 damage_state(static_cast<size_t>(i)),
                 scenario.damages[static_cast<size_t>(i)].length > kGateForcedMaxLength,
                 barbican_reach(scenario, *wall));
  for (const Tower& tower : scenario.towers)
    if (const int i = damage_at_tower(scenario, tower); i >= 0)
      add_tower(out.solids, *ground, tower, world.objects.id_of(ObjectKind::Tower, tower.id),
                damage_state(static_cast<size_t>(i)));
  for (const LadderPose& ladder : ladders_at(scenario, snapshot))
    add_ladder(out.solids, ladder.foot, ladder.top,
               world.objects.id_of(ObjectKind::Ladder, scenario.units[ladder.unit].id));
  for (size_t i = 0; i < scenario.lakes.size(); ++i) {
    const Lake& lake = scenario.lakes[i];
    const float level = i < snapshot.lake_level.size() ? snapshot.lake_level[i] : lake.level.sample(snapshot.day, 0.0f);
    add_lake_water(out.water, scenario, lake, level, world.objects.id_of(ObjectKind::Water, lake.id));
  }
  return out;
}

}  // namespace scene
