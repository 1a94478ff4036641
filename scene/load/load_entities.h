// The loader's readers for each kind of entity in a scenario file, split by subject:
// load_world.cpp (ground, water, fortifications, siege works, places), load_story.cpp
// (sources, factions, units, phases, captions, shots) and load_environment.cpp (sun, hours,
// weather). Internal to the loader.
#pragma once

#include "scene/load/load_reader.h"

namespace scene::loader {

// The ids of every collection, for duplicates and cross-references.
struct Ids {
  IdTable rivers{"river", "rivers"};
  IdTable lakes{"lake", "lakes"};
  IdTable walls{"wall", "walls"};
  IdTable gates{"gate", "gates"};
  IdTable towers{"tower", "towers"};
  IdTable moats{"moat", "moats"};
  IdTable damages{"damage", "damages"};
  IdTable siege_rings{"siege ring", "siege rings"};
  IdTable earthworks{"earthwork", "earthworks"};
  IdTable settlements{"settlement", "settlements"};
  IdTable groves{"grove", "groves"};
  IdTable roads{"road", "roads"};
  IdTable camps{"camp", "camps"};
  IdTable places{"place", "places"};
  IdTable factions{"faction", "factions"};
  IdTable units{"unit", "units"};
  IdTable fires{"fire", "fires"};
  IdTable engines{"engine", "engines"};
  IdTable phases{"phase", "phases"};
  IdTable captions{"caption", "captions"};
  IdTable shots{"shot", "shots"};
};

// Every key allowed at the top level of a scenario file (the schema test checks these).
const std::vector<std::string_view>& top_level_keys();

void read_terrain(Reader& reader, const Node& node, Terrain& terrain);
// rivers, lakes, walls, gates, towers, moats, damages, siege_rings, earthworks,
// settlements, roads, camps, places
void read_world(Reader& reader, const Object& root, Ids& ids, Scenario& scenario);

void read_sources(Reader& reader, const Node& node, std::vector<Source>& sources);
// load_environment.cpp: latitude, longitude, hours, haze and the weather's tracks.
void read_environment(Reader& reader, const Node& node, Environment& environment);
// A phase's or shot's "hour": a number 0..24 held, or "clock".
std::optional<HourRule> read_hour_rule(Reader& reader, const Node& node);
void read_settings(Reader& reader, const Node& node, Settings& settings);
// factions, units, fires, engines, phases, captions, shots
void read_story(Reader& reader, const Object& root, Ids& ids, Scenario& scenario);

// An optional "model": a .glb/.gltf/.fbx/.obj path relative to the scenario file (the file
// itself is read when the world is built; a missing one falls back with a warning there).
void read_model_path(Reader& reader, const Node& node, std::string& model);

// Checks across entities once everything is read: phases tile, one overview shot, units
// inside the terrain.
void check_story(Reader& reader, const Object& root, Scenario& scenario);

}  // namespace scene::loader
