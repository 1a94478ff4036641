// evaluate(scenario, t): the scenario at one presentation second, computed from nothing but
// its arguments. No statics, no caches: scrubbing, exporting and testing all rely on the same
// t giving the same Snapshot whatever was evaluated before.
//
// Choices worth knowing:
// - Captions fade in and out over kCaptionFadeS seconds of playback (at most a quarter of
//   their time on screen), so a fade looks the same however much history a phase compresses.
//   An end that lies outside the scenario does not fade: a caption there from the start is
//   fully visible on the first frame.
// - The camera is the current shot's (scene/shot.h says which shot a moment uses and how far
//   through it the moment is).
// - The hour follows scene/sim/hours.h's precedence; set_hour() then derives from it all
//   that the hour decides: sun, moon, stars, weather and the lights of the night.
#include "scene/sim/evaluate.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>
#include <thread>

#include "common/side_by_side.h"
#include "scene/model/clock.h"
#include "scene/sim/formation.h"
#include "scene/sim/hours.h"
#include "scene/sim/lights.h"
#include "scene/sim/melee.h"
#include "scene/sim/on_walls.h"
#include "scene/sim/shot.h"
#include "scene/sim/sky.h"
#include "scene/sim/soldier_clips.h"
#include "scene/sim/weather.h"

namespace scene {

namespace {

constexpr double kCaptionFadeS = 0.6;

// Alpha of a caption at presentation second t: ramps at its ends, unless an end lies outside
// the scenario.
float caption_alpha(const Scenario& scenario, const Caption& caption, double t) {
  const Day first = scenario.phases.front().start.day;
  const Day last = scenario.phases.back().end.day;
  const bool fades_in = caption.when.from > first;
  const bool fades_out = caption.when.to < last;
  const double from_s = presentation_at(scenario, caption.when.from);
  const double to_s = presentation_at(scenario, caption.when.to);
  const double fade = std::min(kCaptionFadeS, 0.25 * (to_s - from_s));
  if (fade <= 0) return 1.0f;
  double alpha = 1.0;
  if (fades_in) alpha = std::min(alpha, (t - from_s) / fade);
  if (fades_out) alpha = std::min(alpha, (to_s - t) / fade);
  return static_cast<float>(std::clamp(alpha, 0.0, 1.0));
}

// Whether a present unit of another faction has its centre within `range` of unit i's.
bool enemy_within(const Scenario& scenario, const std::vector<UnitSnapshot>& units, size_t i, float range) {
  const std::string& own = scenario.units[i].faction;
  for (size_t j = 0; j < units.size(); ++j) {
    if (!units[j].present || scenario.units[j].faction == own) continue;
    const glm::vec2 d = units[j].position - units[i].position;
    if (glm::dot(d, d) < range * range) return true;
  }
  return false;
}

// Below this many figures the soldiers are laid out on the calling thread: starting threads
// would cost more than they save.
constexpr size_t kParallelFigures = 20000;
// A unit is laid out in pieces of this many slots, each with its own feet kept dry: a fixed
// size, so the soldiers do not depend on the number of threads.
constexpr std::uint32_t kPieceSlots = 16384;

SoldierLayout layout_of(const Scenario& scenario, const Snapshot& snap, const UnitMotion& motion, const DryGround& dry,
                        size_t i) {
  SoldierLayout layout;
  const Unit& unit = scenario.units[i];
  layout.unit = &unit;
  layout.unit_index = static_cast<std::uint32_t>(i);
  layout.day = snap.day;
  layout.presentation_s = snap.presentation_s;
  layout.motion = motion;
  layout.strength = snap.units[i].strength;
  layout.soldiers_per_figure = scenario.settings.soldiers_per_figure;
  layout.ground = scenario.ground.get();
  layout.base_height = scenario.terrain.base_height;
  layout.scenario = &scenario;
  layout.enemy_in_range = snap.units[i].present && enemy_within(scenario, snap.units, i, kBowRange);
  layout.dry = unit.fords || unit.afloat ? nullptr : &dry;
  return layout;
}

// A piece of one unit's slots: laid out on its own, so pieces can be laid out side by side.
struct Piece {
  std::uint32_t unit = 0, slot_begin = 0, slot_end = 0;
  std::uint32_t count = 0;  // men laid out
};

// Pieces [begin, end) appended to `out`, in order.
void lay_out_pieces(const std::vector<SoldierLayout>& layouts, std::span<Piece> pieces, std::vector<Soldier>& out) {
  for (Piece& piece : pieces) {
    const SoldierLayout& layout = layouts[piece.unit];
    const size_t first = out.size();
    append_soldiers(layout, out, piece.slot_begin, piece.slot_end);
    piece.count = static_cast<std::uint32_t>(out.size() - first);
  }
}

// The units and their soldiers. Each present unit is cut into pieces of kPieceSlots; with
// many figures, contiguous runs of pieces of about equal size are laid out on their own
// threads into their own lists and joined in order: the same soldiers whatever the number of
// threads.
void evaluate_units(const Scenario& scenario, Snapshot& snap, unsigned max_threads) {
  const size_t unit_count = scenario.units.size();
  snap.units.resize(unit_count);
  std::vector<UnitMotion> motions(unit_count);
  std::vector<std::uint32_t> bounds(unit_count, 0);
  for (size_t i = 0; i < unit_count; ++i) {
    const Unit& unit = scenario.units[i];
    UnitSnapshot& u = snap.units[i];
    u.strength = unit.strength.sample(snap.day, 0.0f);
    u.present = unit.available.contains(snap.day) && u.strength > 0;
    motions[i] = unit_motion(unit, snap.day);
    u.position = motions[i].position;
    u.heading_deg = motions[i].heading_deg;
    u.speed = motions[i].speed;
    u.formation = unit.formation.sample(snap.day, Formation::Block);
    u.state = unit.state.sample(snap.day, UnitState::Hold);
    if (u.present) bounds[i] = figure_count(unit, scenario.settings.soldiers_per_figure);
  }
  const DryGround dry(scenario, snap.day);
  std::vector<SoldierLayout> layouts;
  layouts.reserve(unit_count);
  for (size_t i = 0; i < unit_count; ++i) layouts.push_back(layout_of(scenario, snap, motions[i], dry, i));
  std::vector<Piece> pieces;
  size_t figures_bound = 0;
  for (size_t i = 0; i < unit_count; ++i) {
    for (std::uint32_t slot = 0; slot < bounds[i]; slot += kPieceSlots)
      pieces.push_back({static_cast<std::uint32_t>(i), slot, std::min(slot + kPieceSlots, bounds[i]), 0});
    figures_bound += bounds[i];
  }

  const size_t threads = figures_bound < kParallelFigures ? 1 : std::clamp<size_t>(max_threads, 1, 16);
  // Cut the pieces where the running figure count passes each thread's share.
  std::vector<size_t> cuts{0};
  size_t running = 0;
  for (size_t p = 0; p < pieces.size(); ++p) {
    running += pieces[p].slot_end - pieces[p].slot_begin;
    if (cuts.size() < threads && running * threads >= figures_bound * cuts.size() && p + 1 < pieces.size())
      cuts.push_back(p + 1);
  }
  cuts.push_back(pieces.size());
  const auto run = [&](size_t r) { return std::span<Piece>(pieces.data() + cuts[r], cuts[r + 1] - cuts[r]); };
  const auto bound_of = [&](size_t r) {
    size_t n = 0;
    for (const Piece& piece : run(r)) n += piece.slot_end - piece.slot_begin;
    return n;
  };
  snap.soldiers.reserve(figures_bound);
  std::vector<std::vector<Soldier>> parts(cuts.size() - 1);
  common::side_by_side(parts.size(), [&](size_t r) {
    std::vector<Soldier>& out = r == 0 ? snap.soldiers : parts[r];  // the first run straight into the snapshot
    out.reserve(out.size() + bound_of(r));
    lay_out_pieces(layouts, run(r), out);
  });
  for (size_t r = 1; r < parts.size(); ++r) snap.soldiers.insert(snap.soldiers.end(), parts[r].begin(), parts[r].end());

  for (const Piece& piece : pieces) snap.units[piece.unit].soldier_count += piece.count;
  std::uint32_t first = 0;
  for (UnitSnapshot& u : snap.units) {
    u.first_soldier = first;
    first += u.soldier_count;
  }
}

// The state of every wall, ring, earthwork, lake, fire, engine and camp on the snapshot's day.
void evaluate_works(const Scenario& scenario, Snapshot& snap) {
  snap.ring_construction.reserve(scenario.siege_rings.size());
  for (const SiegeRing& ring : scenario.siege_rings)
    snap.ring_construction.push_back(std::clamp(ring.construction.sample(snap.day, 1.0f), 0.0f, 1.0f));
  snap.earthwork_construction.reserve(scenario.earthworks.size());
  for (const Earthwork& work : scenario.earthworks)
    snap.earthwork_construction.push_back(std::clamp(work.construction.sample(snap.day, 1.0f), 0.0f, 1.0f));
  snap.wall_damage.reserve(scenario.damages.size());
  for (const WallDamage& damage : scenario.damages)
    snap.wall_damage.push_back(std::clamp(damage.damage.sample(snap.day, 0.0f), 0.0f, 1.0f));
  snap.lake_level.reserve(scenario.lakes.size());
  snap.dam_breach.reserve(scenario.lakes.size());
  for (const Lake& lake : scenario.lakes) {
    snap.lake_level.push_back(lake.level.sample(snap.day, 0.0f));
    snap.dam_breach.push_back(lake.dam ? std::clamp(lake.dam->breach.sample(snap.day, 0.0f), 0.0f, 1.0f) : 0.0f);
  }
  snap.fire_intensity.reserve(scenario.fires.size());
  for (const Fire& fire : scenario.fires)
    snap.fire_intensity.push_back(std::clamp(fire.intensity.sample(snap.day, 0.0f), 0.0f, 1.0f));
  snap.engine_present.reserve(scenario.engines.size());
  snap.engine_position.reserve(scenario.engines.size());
  for (const SiegeEngine& engine : scenario.engines) {
    snap.engine_present.push_back(engine.available.contains(snap.day));
    snap.engine_position.push_back(engine.path.sample(snap.day));
  }
  snap.camp_present.reserve(scenario.camps.size());
  for (const Camp& camp : scenario.camps) snap.camp_present.push_back(camp.available.contains(snap.day));
}

}  // namespace

void set_hour(const Scenario& scenario, Snapshot& snap, float hour) {
  snap.hour = std::clamp(hour, 0.0f, 24.0f);
  const Sky sky = sky_at(snap.day, snap.hour, scenario.environment.latitude, scenario.environment.longitude);
  snap.sun_direction = sky.sun_direction;
  snap.moon = sky.moon;
  snap.celestial_to_world = sky.celestial_to_world;
  snap.weather = weather_at(scenario, snap.day, snap.hour);
  snap.lights = lights_at(scenario, snap);
}

Snapshot evaluate(const Scenario& scenario, double presentation_s) {
  return evaluate(scenario, presentation_s, std::thread::hardware_concurrency());
}

Snapshot evaluate(const Scenario& scenario, double presentation_s, unsigned threads) {
  Snapshot snap;
  snap.presentation_s = presentation_s;
  const Day day = day_at(scenario, presentation_s);
  snap.day = day;
  snap.phase = phase_at(scenario, presentation_s);
  if (!scenario.phases.empty()) {
    const double duration = scenario.phases[static_cast<size_t>(snap.phase)].duration_s;
    const double local = presentation_s - phase_start_s(scenario, snap.phase);
    snap.phase_progress = duration > 0 ? static_cast<float>(std::clamp(local / duration, 0.0, 1.0)) : 1.0f;
  }
  evaluate_units(scenario, snap, threads);
  put_men_on_walls(scenario, snap);
  evaluate_works(scenario, snap);
  fight_at_breaches(scenario, snap);  // after the walls are manned and the day's damage is known
  set_hour(scenario, snap, hour_at(scenario, day, snap.phase).hour);

  if (!scenario.phases.empty()) {
    for (size_t i = 0; i < scenario.captions.size(); ++i) {
      const Caption& caption = scenario.captions[i];
      if (!caption.when.contains(day)) continue;
      snap.captions.push_back({static_cast<std::uint32_t>(i), caption_alpha(scenario, caption, presentation_s)});
    }
  }

  if (const Shot* shot = current_shot(scenario, scenario.phases.empty() ? -1 : snap.phase))
    snap.camera =
        sample_shot(scenario, *shot, shot_progress(scenario, *shot, presentation_s, snap.phase_progress), snap.units);
  return snap;
}

}  // namespace scene
