// The state of a scenario at one instant: what evaluate(scenario, t) returns.
#pragma once

#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

#include "scene/model/calendar.h"
#include "scene/model/camera.h"
#include "scene/model/scenario.h"
#include "scene/model/soldier_look.h"

namespace scene {

struct UnitSnapshot {
  bool present = false;   // inside its availability interval and strength > 0
  glm::vec2 position{0};  // [x, z] of the formation's centre
  float heading_deg = 0;  // clockwise from north (-z)
  float speed = 0;        // metres per historical hour along the path
  Formation formation = Formation::Block;
  UnitState state = UnitState::Hold;
  float strength = 0;               // men now
  std::uint32_t first_soldier = 0;  // range in Snapshot::soldiers
  std::uint32_t soldier_count = 0;
};

// One drawn figure. Compact: the renderer uploads these as instances.
struct Soldier {
  glm::vec3 position{0};   // his feet: on the terrain, a wall-walk or a ladder
  float heading = 0;       // radians, clockwise from north
  std::uint32_t unit = 0;  // index into Scenario::units
  std::uint16_t kind = 0;  // UnitKind
  Clip clip = Clip::Idle;  // what he is doing (scene/model/soldier_look.h)
  float phase = 0;         // 0..1 through the clip: loops wrap, a one-shot clip holds at 1
  std::uint32_t look = 0;  // soldier_look(unit index, slot): his build, colours and kit variants
};

struct CaptionSnapshot {
  std::uint32_t caption = 0;  // index into Scenario::captions
  float alpha = 1;            // fades in and out at its ends
};

// The moon at the instant: where it stands and how much of its disc is lit.
struct MoonState {
  glm::vec3 direction{0, -1, 0};  // unit vector towards the moon (+x east, +z south, y up)
  float illuminated = 0;          // fraction of the disc lit: 0 new, 1 full
  float age_days = 0;             // days since the last new moon, 0..29.53
  bool waxing = true;             // lit limb towards the sun's side after new moon
};

// The weather at the instant (scenario environment tracks, else the season's defaults).
struct WeatherState {
  float cloud_cover = 0;  // 0 clear .. 1 overcast
  Precipitation precipitation = Precipitation::None;
  float precipitation_rate = 0;  // 0..1: drizzle/flurries .. downpour/blizzard
  float snow_cover = 0;          // 0..1 of the ground, roofs and wall tops under snow
  float frost = 0;               // 0..1 hoar frost on fields and stubble (cold dawns)
  float wetness = 0;             // 0..1 wet ground after rain
  float mist = 0;                // 0..1 ground mist, thickest over water
  float haze = 1;                // distance haze multiplier (environment.haze times the weather's)
};

enum class LightKind : std::uint8_t { Fire, Campfire, Torch };

// A light that glows at night: burning buildings, camp fires, torches on the walls.
struct LightSource {
  glm::vec3 position{0};             // world metres, the flame's centre
  glm::vec3 colour{1, 0.5f, 0.15f};  // linear colour of the flame
  // Luminous intensity in the renderer's scene units, where the noon sun gives ~1.3 (about
  // 100,000 lux): illuminance at d metres is intensity / d². A burning quarter ~1, a camp
  // fire ~0.005, a torch ~0.001.
  float intensity = 1;
  float radius_m = 50;  // beyond this it adds nothing (smooth window)
  LightKind kind = LightKind::Fire;
  std::uint32_t flicker_seed = 0;  // stable per light, for deterministic flicker
};

struct Snapshot {
  double presentation_s = 0;         // playback seconds
  Day day = 0;                       // historical time
  int phase = 0;                     // index into Scenario::phases
  float phase_progress = 0;          // 0..1 within the phase
  float hour = 14;                   // local apparent solar hour (scene/sim/hours.h says which)
  glm::vec3 sun_direction{0, 1, 0};  // unit vector towards the sun
  MoonState moon;
  glm::mat3 celestial_to_world{1};  // rotates equatorial (star) directions into the world: the turning sky
  // (equatorial unit vectors: x towards the March equinox, y towards 6h of right ascension,
  // z towards the north celestial pole; so a star at RA α, dec δ is (cos δ cos α, cos δ sin α, sin δ))
  WeatherState weather;
  std::vector<LightSource> lights;  // fires always; camp fires and torches when it is dark

  std::vector<UnitSnapshot> units;  // parallel to Scenario::units
  std::vector<Soldier> soldiers;
  std::vector<float> ring_construction;       // parallel to Scenario::siege_rings, 0..1
  std::vector<float> earthwork_construction;  // parallel to Scenario::earthworks
  std::vector<float> wall_damage;             // parallel to Scenario::damages, 0..1
  std::vector<float> lake_level;              // parallel to Scenario::lakes, metres rel. plain
  std::vector<float> dam_breach;              // parallel to Scenario::lakes, 0 if no dam
  std::vector<float> fire_intensity;          // parallel to Scenario::fires
  std::vector<bool> engine_present;           // parallel to Scenario::engines
  std::vector<glm::vec2> engine_position;     // parallel to Scenario::engines
  std::vector<bool> camp_present;             // parallel to Scenario::camps
  std::vector<CaptionSnapshot> captions;      // the ones showing now
  Camera camera;                              // the overview shot's (or the phase's preset) camera
};

}  // namespace scene
