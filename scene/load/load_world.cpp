// Readers for the ground and what stands on it: terrain, water, fortifications, siege
// works, settlements, roads, camps and map labels.
#include "scene/load/load_entities.h"

#include <filesystem>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "common/model_census.h"
#include "scene/load/height_image.h"

namespace scene::loader {

namespace {

using rules::non_negative;
using rules::positive;

constexpr double kMaxHeight = 10'000;  // metres: no wall, hill or tower is taller

auto read_fraction(Reader& r) {
  return [&r](const Node& n) { return r.number(n, rules::unit_interval()); };
}

std::optional<float> to_float(std::optional<double> v) {
  if (!v) return std::nullopt;
  return static_cast<float>(*v);
}

std::string metres(float v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g m", static_cast<double>(v));
  return buffer;
}

bool ends_with_png(std::string_view path) {
  if (path.size() < 4) return false;
  std::string tail(path.substr(path.size() - 4));
  for (char& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return tail == ".png";
}

// A scenario's own model, examined by its description before anything reads it: over
// kMaxPropTriangles is an error; missing or unreadable leaves the built-in prop, with a warning.
void check_model_file(Reader& r, const Node& node, const std::string& relative) {
  const std::filesystem::path path = std::filesystem::path(r.file()).parent_path() / relative;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    r.warning(node.pointer, "model " + path.string() + " is not there; the built-in prop is drawn instead");
    return;
  }
  const common::ModelCensus census = common::count_model_triangles(path);
  if (!census.error.empty())
    r.warning(node.pointer,
              "model " + path.string() + " cannot be read (" + census.error + "); the built-in prop is drawn instead");
  else if (census.counted && census.triangles > common::kMaxPropTriangles)
    r.error(node.pointer, "model " + in_quotes(relative) + " has " + std::to_string(census.triangles) +
                              " triangles; a prop may have at most " + std::to_string(common::kMaxPropTriangles));
}

}  // namespace

void read_model_path(Reader& r, const Node& node, std::string& model) {
  if (!node) return;
  const auto path = r.string(node);
  if (!path) return;
  std::string lower = *path;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto ends = [&](std::string_view tail) {
    return lower.size() >= tail.size() && lower.compare(lower.size() - tail.size(), tail.size(), tail) == 0;
  };
  // Only a model file beside the scenario, as for heightmaps.
  if (!(ends(".glb") || ends(".gltf") || ends(".fbx") || ends(".obj")) || path->front() == '/' ||
      path->front() == '\\' || (path->size() > 1 && (*path)[1] == ':'))
    r.error(node.pointer,
            "expected a .glb, .gltf, .fbx or .obj path relative to the scenario file (\"models/my_tent.glb\"), found " +
                in_quotes(*path));
  else
    model = *path;
  if (!model.empty()) check_model_file(r, node, model);
}

namespace {

void read_ridge(Reader& r, const Node& node, Ridge& ridge) {
  const Object o = r.object(node, "a ridge {\"points\", \"width\", \"height\"}", {"points", "width", "height"});
  if (!o) return;
  r.set(r.polyline(o.require("points"), 1, "a line"), ridge.points);
  r.set(r.number(o.get("width"), positive()), ridge.width);
  r.set(r.number(o.get("height"), positive(kMaxHeight)), ridge.height);
}

// The image's header, before anything reads its pixels: one declaring more than
// kMaxHeightImageSide a side is refused (a small file may declare 40000 x 40000); one that is
// missing or no PNG leaves the procedural relief, with a warning.
void check_height_image(Reader& r, const Node& image, const std::string& relative) {
  const std::filesystem::path path = std::filesystem::path(r.file()).parent_path() / relative;
  int width = 0, height = 0;
  std::string error;
  if (!read_height_image_size(path, width, height, error)) {
    r.warning(image.pointer,
              "heightmap " + path.string() + " could not be read (" + error + "); using the procedural terrain");
    return;
  }
  if (width > kMaxHeightImageSide || height > kMaxHeightImageSide)
    r.error(image.pointer, "heightmap " + in_quotes(relative) + " is " + std::to_string(width) + "x" +
                               std::to_string(height) + " pixels; at most " + std::to_string(kMaxHeightImageSide) +
                               "x" + std::to_string(kMaxHeightImageSide) +
                               " are read (the ground has at most 2048 samples a side)");
  else if (width < 2 || height < 2)
    r.warning(image.pointer, "heightmap " + in_quotes(relative) + " is " + std::to_string(width) + "x" +
                                 std::to_string(height) +
                                 " pixels, too small to give a relief; using the procedural terrain");
}

void read_heightmap(Reader& r, const Node& node, Heightmap& heightmap) {
  const Object o =
      r.object(node, "a heightmap {\"image\", \"min_height\", \"max_height\"}", {"image", "min_height", "max_height"});
  if (!o) return;
  const Node image = o.require("image");
  if (const auto path = r.string(image)) {
    // Only a PNG beside the scenario: an absolute path or a device would make loading
    // depend on (or hang on) whatever the machine holds.
    if (!ends_with_png(*path) || path->front() == '/' || path->front() == '\\' ||
        (path->size() > 1 && (*path)[1] == ':'))
      r.error(image.pointer,
              "expected a PNG path relative to the scenario file (\"terrain/caizhou.png\"), found " + in_quotes(*path));
    else
      heightmap.image = *path;
  }
  if (!heightmap.image.empty()) check_height_image(r, image, heightmap.image);
  const Node min_node = o.get("min_height"), max_node = o.get("max_height");
  r.set(r.number(min_node, rules::range(-kMaxHeight, kMaxHeight)), heightmap.min_height);
  r.set(r.number(max_node, rules::range(-kMaxHeight, kMaxHeight)), heightmap.max_height);
  if (!(heightmap.min_height < heightmap.max_height))
    r.error(max_node ? max_node.pointer : o.pointer(), "max_height must be greater than min_height");
}

void read_dam(Reader& r, const Node& node, Dam& dam) {
  const Object o =
      r.object(node, "a dam {\"points\", \"height\", \"width\", \"breach\"}", {"points", "height", "width", "breach"});
  if (!o) return;
  r.set(r.polyline(o.require("points"), 2, "a line"), dam.points);
  r.set(r.number(o.get("height"), positive(kMaxHeight)), dam.height);
  r.set(r.number(o.get("width"), positive()), dam.width);
  r.set(r.track<float>(o.get("breach"), read_fraction(r)), dam.breach);
}

}  // namespace

void read_terrain(Reader& r, const Node& node, Terrain& terrain) {
  const Object o =
      r.object(node, "the terrain {\"extent\", ...}",
               {"extent", "resolution", "base_height", "relief", "ridges", "heightmap", "sources", "notes"});
  if (!o) return;
  if (const Node extent = o.require("extent")) {
    if (!extent.value->is_array() || extent.value->size() != 4) {
      r.error(extent.pointer,
              "expected [xmin, zmin, xmax, zmax] (four numbers, metres), found " + describe_found(*extent.value));
    } else {
      double v[4];
      bool ok = true;
      for (std::size_t i = 0; i < 4; ++i) {
        const auto x = r.number(r.element(extent, i), rules::any_coordinate());
        ok = ok && x;
        v[i] = x ? *x : 0;
      }
      if (ok && !(v[0] < v[2] && v[1] < v[3])) {
        r.error(extent.pointer, "expected xmin < xmax and zmin < zmax, found [" + extent.value->at(0).dump() + ", " +
                                    extent.value->at(1).dump() + ", " + extent.value->at(2).dump() + ", " +
                                    extent.value->at(3).dump() + "]");
      } else if (ok) {
        terrain.min = {static_cast<float>(v[0]), static_cast<float>(v[1])};
        terrain.max = {static_cast<float>(v[2]), static_cast<float>(v[3])};
      }
    }
  }
  r.set(r.number(o.get("resolution"), rules::integer(16, 2048)), terrain.resolution);
  r.set(r.number(o.get("base_height"), rules::range(-kMaxHeight, kMaxHeight)), terrain.base_height);
  if (const Object relief = r.object(o.get("relief"), "a relief {\"amplitude\", \"wavelength\", \"seed\"}",
                                     {"amplitude", "wavelength", "seed"})) {
    r.set(r.number(relief.get("amplitude"), non_negative(kMaxHeight)), terrain.relief_amplitude);
    r.set(r.number(relief.get("wavelength"), positive()), terrain.relief_wavelength);
    r.set(r.number(relief.get("seed"), rules::integer(0, 4294967295.0)), terrain.seed);
  }
  r.for_each(o.get("ridges"), "ridges", 0, [&](const Node& n) { read_ridge(r, n, terrain.ridges.emplace_back()); });
  if (const Node n = o.get("heightmap")) read_heightmap(r, n, terrain.heightmap.emplace());
  r.provenance(o, false);  // the model keeps no provenance for the ground; still check the ids
}

namespace {

void read_river(Reader& r, const Node& node, Ids& ids, River& river) {
  const Object o = r.object(
      node, "a river", {"id", "name", "points", "width", "depth", "bank_width", "water_level", "sources", "notes"});
  if (!o) return;
  river.id = r.id(o, ids.rivers);
  r.set(r.text(o.get("name")), river.name);
  r.set(r.polyline(o.require("points"), 2, "a line"), river.points);
  r.set(r.number(o.get("width"), positive()), river.width);
  r.set(r.number(o.get("depth"), positive(kMaxHeight)), river.depth);
  r.set(r.number(o.get("bank_width"), non_negative()), river.bank_width);
  r.set(r.number(o.get("water_level"), rules::range(-kMaxHeight, kMaxHeight)), river.water_level);
  river.provenance = r.provenance(o, false);
}

void read_lake(Reader& r, const Node& node, Ids& ids, Lake& lake) {
  const Object o = r.object(node, "a lake", {"id", "name", "outline", "bed_depth", "level", "dam", "sources", "notes"});
  if (!o) return;
  lake.id = r.id(o, ids.lakes);
  r.set(r.text(o.get("name")), lake.name);
  r.set(r.polyline(o.require("outline"), 3, "a polygon"), lake.outline);
  r.set(r.number(o.get("bed_depth"), positive(kMaxHeight)), lake.bed_depth);
  const Node level = o.get("level");
  r.set(r.track<float>(level,
                       [&](const Node& n) { return to_float(r.number(n, rules::range(-kMaxHeight, kMaxHeight))); }),
        lake.level);
  for (const auto& key : lake.level.keys)
    if (key.v > 0.5f || key.v < -lake.bed_depth - 0.5f) {
      r.warning(level.pointer, "water level " + metres(key.v) + " is outside 0 (brim) .. -bed_depth (dry)");
      break;
    }
  if (const Node dam = o.get("dam")) read_dam(r, dam, lake.dam.emplace());
  lake.provenance = r.provenance(o, false);
}

void read_wall(Reader& r, const Node& node, Ids& ids, Wall& wall) {
  const Object o = r.object(node, "a wall",
                            {"id", "name", "kind", "points", "closed", "height", "thickness", "batter", "crenellated",
                             "bastion_spacing", "facing", "sources", "notes"});
  if (!o) return;
  wall.id = r.id(o, ids.walls);
  r.set(r.text(o.get("name")), wall.name);
  r.set(r.enumeration<WallKind>(
            o.get("kind"),
            {{"city", WallKind::CityWall}, {"inner", WallKind::InnerWall}, {"outer_low", WallKind::OuterLowWall}}),
        wall.kind);
  r.set(r.boolean(o.get("closed")), wall.closed);
  r.set(r.polyline(o.require("points"), wall.closed ? 3 : 2, wall.closed ? "a closed outline" : "a line"), wall.points);
  r.set(r.number(o.get("height"), positive(kMaxHeight)), wall.height);
  r.set(r.number(o.get("thickness"), positive(1000)), wall.thickness);
  r.set(r.number(o.get("batter"), non_negative(1)), wall.batter);
  r.set(r.boolean(o.get("crenellated")), wall.crenellated);
  r.set(r.number(o.get("bastion_spacing"), non_negative()), wall.bastion_spacing);
  r.set(r.enumeration<WallFacing>(o.get("facing"), {{"earth", WallFacing::Earth}, {"brick", WallFacing::Brick}}),
        wall.facing);
  wall.provenance = r.provenance(o, false);
}

void read_gate(Reader& r, const Node& node, Ids& ids, Gate& gate) {
  const Object o = r.object(node, "a gate", {"id", "name", "wall", "position", "barbican", "sources", "notes"});
  if (!o) return;
  gate.id = r.id(o, ids.gates);
  r.set(r.text(o.get("name")), gate.name);
  r.set(r.reference(o.require("wall"), ids.walls), gate.wall);
  r.set(r.point(o.require("position")), gate.position);
  r.set(r.boolean(o.get("barbican")), gate.barbican);
  gate.provenance = r.provenance(o, false);
}

void read_tower(Reader& r, const Node& node, Ids& ids, Tower& tower) {
  const Object o = r.object(node, "a tower", {"id", "name", "kind", "position", "height", "sources", "notes"});
  if (!o) return;
  tower.id = r.id(o, ids.towers);
  r.set(r.text(o.get("name")), tower.name);
  r.set(r.enumeration<TowerKind>(
            o.get("kind"), {{"corner", TowerKind::Corner}, {"watch", TowerKind::Watch}, {"gate", TowerKind::Gate}}),
        tower.kind);
  r.set(r.point(o.require("position")), tower.position);
  r.set(r.number(o.get("height"), positive(kMaxHeight)), tower.height);
  tower.provenance = r.provenance(o, false);
}

void read_moat(Reader& r, const Node& node, Ids& ids, Moat& moat) {
  const Object o = r.object(node, "a moat", {"id", "around", "offset", "width", "depth", "sources", "notes"});
  if (!o) return;
  moat.id = r.id(o, ids.moats);
  r.set(r.reference(o.require("around"), ids.walls), moat.around);
  r.set(r.number(o.get("offset"), non_negative()), moat.offset);
  r.set(r.number(o.get("width"), positive()), moat.width);
  r.set(r.number(o.get("depth"), positive(kMaxHeight)), moat.depth);
  moat.provenance = r.provenance(o, false);
}

void read_damage(Reader& r, const Node& node, Ids& ids, WallDamage& damage) {
  const Object o =
      r.object(node, "a wall damage", {"id", "name", "wall", "position", "length", "damage", "sources", "notes"});
  if (!o) return;
  damage.id = r.id(o, ids.damages);
  r.set(r.text(o.get("name")), damage.name);
  r.set(r.reference(o.require("wall"), ids.walls), damage.wall);
  r.set(r.point(o.require("position")), damage.position);
  r.set(r.number(o.get("length"), positive()), damage.length);
  r.set(r.track<float>(o.require("damage"), read_fraction(r)), damage.damage);
  damage.provenance = r.provenance(o, false);
}

void read_siege_ring(Reader& r, const Node& node, Ids& ids, SiegeRing& ring) {
  const Object o = r.object(node, "a siege ring",
                            {"id", "name", "faction", "points", "closed", "height", "thickness", "ditch_width",
                             "ditch_depth", "watch_post_spacing", "construction", "sources", "notes"});
  if (!o) return;
  ring.id = r.id(o, ids.siege_rings);
  r.set(r.text(o.get("name")), ring.name);
  r.set(r.reference(o.require("faction"), ids.factions), ring.faction);
  r.set(r.boolean(o.get("closed")), ring.closed);
  r.set(r.polyline(o.require("points"), ring.closed ? 3 : 2, ring.closed ? "a closed outline" : "a line"), ring.points);
  r.set(r.number(o.get("height"), positive(kMaxHeight)), ring.height);
  r.set(r.number(o.get("thickness"), positive(1000)), ring.thickness);
  r.set(r.number(o.get("ditch_width"), non_negative(1000)), ring.ditch_width);
  r.set(r.number(o.get("ditch_depth"), non_negative(kMaxHeight)), ring.ditch_depth);
  r.set(r.number(o.get("watch_post_spacing"), non_negative()), ring.watch_post_spacing);
  r.set(r.track<float>(o.get("construction"), read_fraction(r)), ring.construction);
  ring.provenance = r.provenance(o, false);
}

void read_earthwork(Reader& r, const Node& node, Ids& ids, Earthwork& work) {
  const Object o =
      r.object(node, "an earthwork", {"id", "name", "kind", "faction", "points", "construction", "sources", "notes"});
  if (!o) return;
  work.id = r.id(o, ids.earthworks);
  r.set(r.text(o.get("name")), work.name);
  r.set(r.enumeration<EarthworkKind>(o.get("kind"), {{"mine", EarthworkKind::Mine},
                                                     {"countermine", EarthworkKind::Countermine},
                                                     {"retrenchment", EarthworkKind::Retrenchment}}),
        work.kind);
  r.set(r.reference(o.require("faction"), ids.factions), work.faction);
  r.set(r.polyline(o.require("points"), 2, "a line"), work.points);
  r.set(r.track<float>(o.get("construction"), read_fraction(r)), work.construction);
  work.provenance = r.provenance(o, false);
}

void read_settlement(Reader& r, const Node& node, Ids& ids, Settlement& settlement) {
  const Object o = r.object(node, "a settlement",
                            {"id", "name", "kind", "center", "radius", "houses", "models", "sources", "notes"});
  if (!o) return;
  settlement.id = r.id(o, ids.settlements);
  r.set(r.text(o.get("name")), settlement.name);
  r.set(r.enumeration<SettlementKind>(o.get("kind"), {{"city_quarter", SettlementKind::CityQuarter},
                                                      {"village", SettlementKind::Village},
                                                      {"palace", SettlementKind::Palace},
                                                      {"temple", SettlementKind::Temple},
                                                      {"market", SettlementKind::Market},
                                                      {"office", SettlementKind::Office}}),
        settlement.kind);
  r.set(r.point(o.require("center")), settlement.center);
  r.set(r.number(o.get("radius"), positive(100'000)), settlement.radius);
  r.set(r.number(o.get("houses"), rules::integer(0, 100'000)), settlement.houses);
  if (const Node models = o.get("models")) {
    static constexpr std::string_view kKinds[] = {"house", "shop", "farmhouse", "hall", "gate", "stall", "pagoda"};
    const Object m = r.object(models, "a settlement's models {\"house\": \"house.glb\", ...}",
                              {"house", "shop", "farmhouse", "hall", "gate", "stall", "pagoda"});
    if (m)
      for (std::string_view kind : kKinds) {
        std::string path;
        read_model_path(r, m.get(kind), path);
        if (!path.empty()) settlement.models[std::string(kind)] = path;
      }
  }
  settlement.provenance = r.provenance(o, false);
}

void read_grove(Reader& r, const Node& node, Ids& ids, Grove& grove) {
  const Object o = r.object(node, "a grove", {"id", "name", "kind", "center", "radius", "trees", "sources", "notes"});
  if (!o) return;
  grove.id = r.id(o, ids.groves);
  r.set(r.text(o.get("name")), grove.name);
  r.set(r.enumeration<GroveKind>(o.get("kind"), {{"willows", GroveKind::Willows},
                                                 {"elms", GroveKind::Elms},
                                                 {"orchard", GroveKind::Orchard},
                                                 {"scattered", GroveKind::Scattered}}),
        grove.kind);
  r.set(r.point(o.require("center")), grove.center);
  r.set(r.number(o.get("radius"), positive(100'000)), grove.radius);
  r.set(r.number(o.get("trees"), rules::integer(0, 100'000)), grove.trees);
  grove.provenance = r.provenance(o, false);
}

void read_road(Reader& r, const Node& node, Ids& ids, Road& road) {
  const Object o = r.object(node, "a road", {"id", "name", "kind", "width", "gate", "path", "sources", "notes"});
  if (!o) return;
  road.id = r.id(o, ids.roads);
  r.set(r.text(o.get("name")), road.name);
  r.set(r.enumeration<RoadKind>(
            o.get("kind"), {{"road", RoadKind::Road}, {"track", RoadKind::Track}, {"causeway", RoadKind::Causeway}}),
        road.kind);
  road.width = default_road_width(road.kind);
  r.set(r.number(o.get("width"), positive(200)), road.width);
  r.set(r.reference(o.get("gate"), ids.gates), road.gate);
  r.set(r.polyline(o.require("path"), 2, "a line"), road.path);
  // No source gives a road map: a road must say what it rests on (usually "reconstruction").
  road.provenance = r.provenance(o, true);
}

void read_camp(Reader& r, const Node& node, Ids& ids, Camp& camp) {
  const Object o = r.object(
      node, "a camp",
      {"id", "name", "faction", "kind", "center", "radius", "tents", "available", "model", "sources", "notes"});
  if (!o) return;
  camp.id = r.id(o, ids.camps);
  r.set(r.text(o.get("name")), camp.name);
  r.set(r.reference(o.require("faction"), ids.factions), camp.faction);
  r.set(r.enumeration<CampKind>(
            o.get("kind"), {{"gers", CampKind::Gers}, {"tents", CampKind::Tents}, {"stockade", CampKind::Stockade}}),
        camp.kind);
  r.set(r.point(o.require("center")), camp.center);
  r.set(r.number(o.get("radius"), positive(100'000)), camp.radius);
  r.set(r.number(o.get("tents"), rules::integer(0, 100'000)), camp.tents);
  r.set(r.interval(o.get("available")), camp.available);
  read_model_path(r, o.get("model"), camp.model);
  camp.provenance = r.provenance(o, false);
}

void read_place(Reader& r, const Node& node, Ids& ids, Place& place) {
  const Object o = r.object(node, "a place", {"id", "name", "kind", "position", "sources", "notes"});
  if (!o) return;
  place.id = r.id(o, ids.places);
  r.set(r.text(o.require("name")), place.name);
  r.set(r.enumeration<PlaceKind>(o.get("kind"), {{"city", PlaceKind::City},
                                                 {"river", PlaceKind::River},
                                                 {"lake", PlaceKind::Lake},
                                                 {"camp", PlaceKind::Camp},
                                                 {"landmark", PlaceKind::Landmark},
                                                 {"region", PlaceKind::Region}}),
        place.kind);
  r.set(r.point(o.require("position")), place.position);
  place.provenance = r.provenance(o, true);
}

}  // namespace

// The world's arrays, each element read by its own function above.
void read_world(Reader& r, const Object& root, Ids& ids, Scenario& s) {
  r.for_each(root.get("rivers"), "rivers", 0, [&](const Node& n) { read_river(r, n, ids, s.rivers.emplace_back()); });
  r.for_each(root.get("lakes"), "lakes", 0, [&](const Node& n) { read_lake(r, n, ids, s.lakes.emplace_back()); });
  r.for_each(root.get("walls"), "walls", 0, [&](const Node& n) { read_wall(r, n, ids, s.walls.emplace_back()); });
  r.for_each(root.get("gates"), "gates", 0, [&](const Node& n) { read_gate(r, n, ids, s.gates.emplace_back()); });
  r.for_each(root.get("towers"), "towers", 0, [&](const Node& n) { read_tower(r, n, ids, s.towers.emplace_back()); });
  r.for_each(root.get("moats"), "moats", 0, [&](const Node& n) { read_moat(r, n, ids, s.moats.emplace_back()); });
  r.for_each(root.get("damages"), "damages", 0,
             [&](const Node& n) { read_damage(r, n, ids, s.damages.emplace_back()); });
  r.for_each(root.get("siege_rings"), "siege rings", 0,
             [&](const Node& n) { read_siege_ring(r, n, ids, s.siege_rings.emplace_back()); });
  r.for_each(root.get("earthworks"), "earthworks", 0,
             [&](const Node& n) { read_earthwork(r, n, ids, s.earthworks.emplace_back()); });
  r.for_each(root.get("settlements"), "settlements", 0,
             [&](const Node& n) { read_settlement(r, n, ids, s.settlements.emplace_back()); });
  r.for_each(root.get("groves"), "groves", 0, [&](const Node& n) { read_grove(r, n, ids, s.groves.emplace_back()); });
  r.for_each(root.get("roads"), "roads", 0, [&](const Node& n) { read_road(r, n, ids, s.roads.emplace_back()); });
  r.for_each(root.get("camps"), "camps", 0, [&](const Node& n) { read_camp(r, n, ids, s.camps.emplace_back()); });
  r.for_each(root.get("places"), "places", 0, [&](const Node& n) { read_place(r, n, ids, s.places.emplace_back()); });
}

}  // namespace scene::loader
