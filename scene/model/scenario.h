// The scenario: everything the visualizer shows, as loaded and validated from a JSON file.
// Immutable once loaded; scene::evaluate() reads it to produce a Snapshot at any time.
//
// Units are metres; axes: +x east, +z south, y up, origin at the city centre. A 2D position
// in the file is [x, z]. Every JSON key named below in comments is the key in the file.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "scene/model/calendar.h"
#include "scene/model/soldier_look.h"
#include "scene/model/track.h"

namespace scene {

struct Heightfield;  // model/heightfield.h: the carved ground, derived at load

struct Localized {  // {"en": "Caizhou", "zh": "蔡州"}; zh may be empty
  std::string en;
  std::string zh;
};

// Where a claim comes from. "sources": ids into Scenario::sources; "notes": free text, used
// for the brief-versus-record remarks a lecturer must see.
struct Provenance {
  std::vector<std::string> sources;
  std::string notes;
};

enum class SourceKind { Brief, Record, Reconstruction };  // "brief" [S], "record" [R], "reconstruction" [~]
struct Source {
  std::string id;
  SourceKind kind = SourceKind::Record;
  std::string citation;  // "citation"
  std::string notes;
};

struct Ridge {  // "ridges": a line of hills; one point is a single hill
  std::vector<glm::vec2> points;
  float width = 1000;  // metres, half-height width across the ridge
  float height = 100;  // metres above the plain
};

struct Heightmap {    // "heightmap": a greyscale PNG over the terrain extent
  std::string image;  // path relative to the scenario file
  float min_height = 0;
  float max_height = 100;
};

struct Terrain {
  glm::vec2 min{-6000, -6000};  // "extent": [xmin, zmin, xmax, zmax]
  glm::vec2 max{6000, 6000};
  int resolution = 512;        // grid vertices per side for the whole extent
  float base_height = 0;       // "base_height": height of the plain
  float relief_amplitude = 2;  // "relief": {"amplitude", "wavelength", "seed"} gentle noise
  float relief_wavelength = 1500;
  std::uint32_t seed = 1;
  std::vector<Ridge> ridges;
  std::optional<Heightmap> heightmap;
};

struct River {
  std::string id;
  Localized name;
  std::vector<glm::vec2> points;  // centre line, upstream first
  float width = 70;               // water surface width
  float depth = 4;                // channel depth below the plain at the centre
  float bank_width = 20;          // sloped bank on each side
  float water_level = -1.5f;      // water surface relative to the plain
  Provenance provenance;
};

struct Dam {
  std::vector<glm::vec2> points;
  float height = 4;
  float width = 12;
  Track<float> breach;  // 0 intact .. 1 fully broken
};

struct Lake {
  std::string id;
  Localized name;
  std::vector<glm::vec2> outline;  // closed polygon
  float bed_depth = 4;             // deepest point below the plain
  Track<float> level;              // water surface relative to the plain: 0 brim .. -bed_depth dry
  std::optional<Dam> dam;
  Provenance provenance;
};

enum class WallKind { CityWall, InnerWall, OuterLowWall };  // "city", "inner", "outer_low" (羊马墙)
// What a wall's faces show: bare rammed earth (夯土, the north's usual until the Ming) or a
// brick facing over the earth core (LOOK.md §1).
enum class WallFacing { Earth, Brick };  // "earth", "brick"

struct Wall {
  std::string id;
  Localized name;
  WallKind kind = WallKind::CityWall;
  std::vector<glm::vec2> points;
  bool closed = true;
  float height = 11;
  float thickness = 10;  // at the base
  float batter = 0.15f;  // inward slope of the faces, metres per metre of height
  bool crenellated = true;
  float bastion_spacing = 0;  // metres between 马面 bastions; 0 = none
  WallFacing facing = WallFacing::Earth;
  Provenance provenance;
};

struct Gate {
  std::string id;
  Localized name;
  std::string wall;       // wall id
  glm::vec2 position{0};  // snapped to the wall by the world builder
  bool barbican = false;  // 瓮城
  Provenance provenance;
};

enum class TowerKind { Corner, Watch, Gate };
struct Tower {
  std::string id;
  Localized name;
  TowerKind kind = TowerKind::Corner;
  glm::vec2 position{0};
  float height = 16;
  Provenance provenance;
};

struct Moat {
  std::string id;
  std::string around;  // wall id
  float offset = 20;   // distance from the wall's outer face
  float width = 25;
  float depth = 3;
  Provenance provenance;
};

struct WallDamage {  // a segment of a wall that is damaged and may be breached
  std::string id;
  Localized name;
  std::string wall;
  glm::vec2 position{0};  // centre of the segment, snapped to the wall
  float length = 40;
  Track<float> damage;  // 0 intact, (0,1) damaged, 1 breached
  Provenance provenance;
};

// The changli at Caizhou, the lock-the-city works at Taiyuan: an earthen rampart with a
// ditch and watch posts, built progressively along its path.
struct SiegeRing {
  std::string id;
  Localized name;
  std::string faction;
  std::vector<glm::vec2> points;
  bool closed = true;
  float height = 5;
  float thickness = 8;
  float ditch_width = 8;
  float ditch_depth = 3;
  float watch_post_spacing = 300;
  Track<float> construction;  // fraction of the path built, 0..1
  Provenance provenance;
};

enum class EarthworkKind { Mine, Countermine, Retrenchment };
struct Earthwork {  // mines, counter-mines, inner retrenchments
  std::string id;
  Localized name;
  EarthworkKind kind = EarthworkKind::Mine;
  std::string faction;
  std::vector<glm::vec2> points;
  Track<float> construction;
  Provenance provenance;
};

// "city_quarter", "village", "palace", "temple" (a monastery's halls round a pagoda),
// "market" (open shop streets round a square), "office" (a prefecture's yamen compound).
enum class SettlementKind { CityQuarter, Village, Palace, Temple, Market, Office };
struct Settlement {
  std::string id;
  Localized name;
  SettlementKind kind = SettlementKind::Village;
  glm::vec2 center{0};
  float radius = 150;
  int houses = 20;
  // "models": a user's glTF/FBX/OBJ per building kind ("house", "shop", "farmhouse", "hall",
  // "gate", "stall", "pagoda"), relative to the scenario file; a kind not named is built in.
  std::map<std::string, std::string> models;
  Provenance provenance;
};

// Trees a scenario places itself (rivers' banks and villages get theirs from the world
// builder): an orchard's rows, an elm grove, a lane of willows, scattered trees.
enum class GroveKind { Willows, Elms, Orchard, Scattered };  // "willows", "elms", "orchard", "scattered"
struct Grove {
  std::string id;
  Localized name;
  GroveKind kind = GroveKind::Scattered;
  glm::vec2 center{0};
  float radius = 100;
  int trees = 50;
  Provenance provenance;
};

// A road out of the city: a ribbon of packed earth draped on the ground, with a flat deck
// where it crosses a river or moat. The sources give no road map: every road is a
// reconstruction and its note says so.
enum class RoadKind { Road, Track, Causeway };  // "road", "track", "causeway" (raised on an embankment)
struct Road {
  std::string id;
  Localized name;
  RoadKind kind = RoadKind::Road;
  float width = 8;              // metres of packed earth; the default depends on the kind
  std::string gate;             // "gate": the road begins at this gate; may be empty
  std::vector<glm::vec2> path;  // "path": centre line [x, z], at least 2 points
  Provenance provenance;
};
// The width a road has when its "width" is not given.
inline float default_road_width(RoadKind kind) { return kind == RoadKind::Track ? 4.0f : 8.0f; }

enum class CampKind { Gers, Tents, Stockade };
struct Camp {
  std::string id;
  Localized name;
  std::string faction;
  CampKind kind = CampKind::Tents;
  glm::vec2 center{0};
  float radius = 300;
  int tents = 60;
  Interval available;  // "available": {"from": date, "to": date}
  std::string
      model;  // "model": a glTF/FBX/OBJ file for its tents or gers, relative to the scenario file; empty: the built-in one
  Provenance provenance;
};

enum class PlaceKind { City, River, Lake, Camp, Landmark, Region };
struct Place {  // a label on the map
  std::string id;
  Localized name;
  PlaceKind kind = PlaceKind::Landmark;
  glm::vec2 position{0};
  Provenance provenance;
};

struct Faction {
  std::string id;
  Localized name;
  glm::vec3 color{1};   // "color": "#rrggbb", linear after loading
  glm::vec3 banner{1};  // "banner": "#rrggbb"
  Kit kit = Kit::Song;  // "kit": how its soldiers are dressed and armed (scene/model/soldier_look.h)
  Provenance provenance;
};

enum class UnitKind { Infantry, Spearmen, Archers, Cavalry, SiegeCrew, Civilians };
enum class Formation { Block, Column, Line, Wedge, Camp, Scattered };
enum class UnitState { March, Hold, Assault, Rout, Camp };

struct Unit {
  std::string id;
  Localized name;
  std::string faction;
  Localized commander;
  UnitKind kind = UnitKind::Infantry;
  Interval available;
  Track<glm::vec2> path;  // "path": waypoints [x, z] on the terrain
  Track<Formation> formation;
  Track<UnitState> state;
  Track<float> strength;          // men
  bool strength_estimate = true;  // "strength_estimate"
  Track<float> heading;           // degrees clockwise from north; empty: face along the path
  int ladders = 0;               // "ladders": scaling ladders the unit carries; set against a wall when it assaults one
  bool ladders_estimate = true;  // "ladders_estimate"
  bool fords = false;            // "fords": wades rivers and moats; its men may stand in water
  bool afloat = false;           // "afloat": in boats; its men stand on the water
  Provenance provenance;
};

struct Fire {
  std::string id;
  Localized name;
  glm::vec2 position{0};
  float radius = 60;
  Track<float> intensity;  // 0..1
  Provenance provenance;
};

enum class EngineKind { Trebuchet, SiegeTower, SiegeShed, Ram };
struct SiegeEngine {
  std::string id;
  Localized name;
  std::string faction;
  EngineKind kind = EngineKind::Trebuchet;
  Track<glm::vec2> path;            // a fixed battery has one key
  std::optional<glm::vec2> target;  // where its stones fall
  float shots_per_hour = 6;
  Interval available;
  std::string model;  // "model": a glTF/FBX/OBJ file, relative to the scenario file; empty: the built-in one
  Provenance provenance;
};

// How a phase or a shot sets the hour of day shown (docs/SCENARIO_FORMAT.md, "Hours"):
// "hour": 9.5 holds that local solar hour; "hour": "clock" follows the historical clock.
struct HourRule {
  enum class Mode : std::uint8_t { Unset, Hold, Clock };
  Mode mode = Mode::Unset;
  float hour = 14;  // Hold: the local apparent solar hour, 0..24
};

struct Phase {
  std::string id;
  Localized title;
  HistoricalDate start;
  HistoricalDate end;      // == the next phase's start: phases tile the scenario
  double duration_s = 20;  // presentation seconds
  Localized summary;
  std::string shot;  // preset shot id for lecture mode; may be empty
  HourRule hour;     // "hour"; unset: the clock for a phase under two days, else 14:00
  Provenance provenance;
};

enum class CaptionStyle { Title, LowerThird, Quote, Note };
struct Caption {
  std::string id;
  Localized text;
  std::string attribution;
  CaptionStyle style = CaptionStyle::LowerThird;
  Interval when;  // "from", "to": dates
  Provenance provenance;
};

struct ShotKey {
  double at = 0;  // 0..1 over the shot's span
  glm::vec3 position{0};
  glm::vec3 target{0};
  float fov_deg = 45;
};

struct Shot {
  std::string id;
  Localized title;
  std::string phase;   // the phase this shot belongs to; empty: the whole scenario
  std::string follow;  // unit id the camera tracks (target offset by the unit); may be empty
  Interp interp = Interp::Eased;
  std::vector<ShotKey> keys;  // at least one
  bool overview = false;      // the establishing shot: frames city, river and siege ring
  HourRule hour;              // "hour": overrides the phase's while this shot is current
  // The lens (docs/SCENARIO_FORMAT.md, "Shots"); scene::Camera carries it to the renderer.
  float aperture = 0;         // f-stop; 0 (absent): a pinhole, no depth of field
  float focus_m = 0;          // 0 (absent): the distance from the camera to its target
  float focal_length_mm = 0;  // 0 (absent): the keys' fov sets the field of view
  float film_back_mm = 36;    // the sensor's width
};

enum class Precipitation : std::uint8_t { None, Rain, Snow };  // "none", "rain", "snow"

// "environment.weather": tracks keyed by date like every other; an empty track leaves that
// quantity to the season's and the hour's default (scene/sim/weather.h).
struct Weather {
  Track<float> cloud_cover;            // 0 clear .. 1 overcast
  Track<Precipitation> precipitation;  // steps
  Track<float> precipitation_rate;     // 0..1; empty while it falls: 0.5
  Track<float> snow_cover;             // 0..1 of the ground under snow; empty: none
  Track<float> mist;                   // 0..1 ground mist
  Track<float> haze;                   // multiplies environment.haze; empty: 1
  Provenance provenance;
};

// Hours are local apparent solar time throughout: 12:00 is the sun on the meridian, and a
// date-time's "hh:mm" is read the same way (docs/SCENARIO_FORMAT.md, "Hours").
struct Environment {
  double latitude = 33.0;  // degrees north
  double longitude = 114.4;
  Track<float> hour;  // local solar hour keyed by date; empty: the phase's rule (scene/sim/hours.h)
  float haze = 1;     // distance haze density multiplier
  Weather weather;
};

struct Settings {
  float soldiers_per_figure = 1;  // real soldiers per drawn figure; 1 is the goal
};

struct Scenario {
  std::string file;  // path it was loaded from
  std::string id;
  Localized title;
  Calendar calendar = Calendar::Julian;
  Environment environment;
  Settings settings;
  std::vector<Source> sources;
  Terrain terrain;
  std::vector<River> rivers;
  std::vector<Lake> lakes;
  std::vector<Wall> walls;
  std::vector<Gate> gates;
  std::vector<Tower> towers;
  std::vector<Moat> moats;
  std::vector<WallDamage> damages;
  std::vector<SiegeRing> siege_rings;
  std::vector<Earthwork> earthworks;
  std::vector<Settlement> settlements;
  std::vector<Grove> groves;
  std::vector<Road> roads;
  std::vector<Camp> camps;
  std::vector<Place> places;
  std::vector<Faction> factions;
  std::vector<Unit> units;
  std::vector<Fire> fires;
  std::vector<SiegeEngine> engines;
  std::vector<Phase> phases;
  std::vector<Caption> captions;
  std::vector<Shot> shots;

  // Derived at load time by scene::finalize(): the carved ground that soldiers stand on.
  std::shared_ptr<const Heightfield> ground;

  const Shot* overview_shot() const;
  const Faction* faction(std::string_view id) const;
  int phase_index(std::string_view id) const;  // -1 if none
  const Shot* shot(std::string_view id) const;
};

}  // namespace scene
