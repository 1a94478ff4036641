// Formations -> soldiers: where each drawn figure of a unit stands at one instant.
//
// Every figure owns a stable slot (figure i is always slot i), so a formation change moves
// each soldier from his slot in the old shape to his slot in the new one instead of
// reshuffling the crowd. Everything here is a pure function of (unit, time): positions come
// from the slot, a hash of (unit index, slot) for jitter, and the unit's tracks.
//
// Transitions. Formation and state tracks step, but soldiers should not teleport: around each
// change at key time tk the layout blends from the old shape to the new one over
// [tk - kTransitionHalfDays, tk + kTransitionHalfDays] (3 hours either side; narrowed to half
// the gap when keys are closer), each soldier starting a little later than the last by a
// hash of his slot, so the change ripples through the ranks.
//
// Casualties. A unit draws round(max strength / soldiers per figure) figures for as long as
// it is present. When strength falls, figures fall in a fixed pseudo-random order (a
// permutation of the slots), and a fallen figure lies in his slot as the unit stood when the
// strength crossed his threshold; if the strength rises again, he stands up again. To keep
// this cheap, ranks are taken in at most 128 groups of consecutive ranks, and a man lies as
// the unit stood when the first of his group fell (exact for units of up to 128 figures).
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "scene/model/heightfield.h"
#include "scene/model/scenario.h"
#include "scene/model/snapshot.h"
#include "scene/sim/dry_ground.h"

namespace scene {

constexpr double kTransitionHalfDays = 1.0 / 8.0;

// Metres between neighbours within a rank, and from rank to rank. Horses need more room.
struct Spacing {
  float lateral = 1.5f;
  float depth = 1.8f;
};
Spacing formation_spacing(UnitKind kind);

// A formation's geometry for one head count, worked out once per unit rather than per man.
struct Shape {
  Formation formation = Formation::Block;
  Spacing spacing;
  std::uint32_t count = 1;
  std::uint32_t columns = 1;  // grid formations: men per rank
  std::uint32_t ranks = 1;    // grid rows, or wedge ranks
  float centroid_shift = 0;   // wedge: puts the triangle's centroid on the centre
  float jitter = 0.18f;       // random displacement, as a fraction of the spacing
};
Shape make_shape(Formation formation, std::uint32_t count, UnitKind kind);
// Slot `slot` of a shape in the formation's own frame, without jitter: x to the right,
// y forward (along the heading), metres from the formation's centre.
glm::vec2 shape_offset(const Shape& shape, std::uint32_t slot);
// The same for a one-off question (tests, tools).
glm::vec2 slot_offset(Formation formation, std::uint32_t slot, std::uint32_t count, UnitKind kind);

// Where a unit's centre is, which way it faces and how fast it moves at one instant.
struct UnitMotion {
  glm::vec2 position{0};
  float heading_deg = 0;  // clockwise from north (-z)
  float speed = 0;        // metres per historical hour
};
// Heading comes from the heading track, or else from the direction of travel (a central
// difference over half an hour either side), or, standing still, the last leg travelled.
UnitMotion unit_motion(const Unit& unit, Day day);

// A stepped track near one of its changes: the value before and after and how far the
// change has got (0..1), plus when each value's run of keys began.
template <class E>
struct StepBlend {
  E from{};
  E to{};
  float blend = 1;  // 0: all `from`, 1: all `to`
  Day from_since = 0;
  Day to_since = 0;
};
StepBlend<Formation> formation_blend(const Track<Formation>& track, Day day);
StepBlend<UnitState> state_blend(const Track<UnitState>& track, Day day);

// What all figures of one unit share at one instant; computed once per unit.
struct FormationFrame {
  glm::vec2 centre{0};
  float heading_rad = 0;     // clockwise from north
  glm::vec2 forward{0, -1};  // [x, z] unit vector along the heading
  glm::vec2 right{1, 0};     // [x, z] unit vector to the formation's right
  Day day = 0;
  UnitKind kind = UnitKind::Infantry;
  std::uint32_t unit_index = 0;
  std::uint32_t count = 0;
  std::uint32_t seed = 0;  // the unit's noise seed, from unit_index
  StepBlend<Formation> formation;
  StepBlend<UnitState> state;
  Shape from_shape, to_shape;  // formation.from and formation.to for `count` men
};
FormationFrame formation_frame(const Unit& unit, std::uint32_t unit_index, Day day, const UnitMotion& motion,
                               std::uint32_t count);

struct SoldierPlacement {
  glm::vec2 xz{0};
  float heading_rad = 0;
  bool running = false;  // routing: the renderer plays the run cycle
};
SoldierPlacement place_soldier(const FormationFrame& frame, std::uint32_t slot);

// Figures drawn for a unit: its largest strength over the figure ratio, rounded; an upper
// bound on what append_soldiers() adds.
std::uint32_t figure_count(const Unit& unit, float soldiers_per_figure);

// The order in which figures fall: a permutation of [0, count) (figure slot -> rank);
// figure `slot` is standing while round(strength / soldiers_per_figure) > rank.
// Pseudo-random, so casualties thin the whole formation rather than one rank.
std::uint32_t casualty_rank(std::uint32_t unit_index, std::uint32_t slot, std::uint32_t count);

// casualty_rank() with its per-unit set-up done once: three rounds of invertible mixing on
// the smallest power of two >= count, cycle-walked into [0, count).
struct CasualtyOrder {
  std::uint32_t count = 0;
  std::uint32_t bits = 1;
  std::uint32_t keys[3] = {};
  std::uint32_t rank(std::uint32_t slot) const;
};
CasualtyOrder casualty_order(std::uint32_t unit_index, std::uint32_t count);

// The last time before `day` at which the strength fell below `level`: when a figure with
// that threshold fell. nullopt if the strength has not been at `level` or above before.
std::optional<Day> fall_time(const Track<float>& strength, Day day, float level);

struct SoldierLayout {
  const Unit* unit = nullptr;
  std::uint32_t unit_index = 0;
  Day day = 0;
  double presentation_s = 0;  // drives the walk cycle, so it plays at playback speed
  UnitMotion motion;          // unit_motion(*unit, day)
  float strength = 0;         // strength now
  float soldiers_per_figure = 1;
  const Heightfield* ground = nullptr;  // null: a flat plain at base_height
  float base_height = 0;
  // When the fallen fell, in presentation seconds (their Fall clip); null: long ago, Dead.
  const Scenario* scenario = nullptr;
  bool enemy_in_range = false;     // an enemy unit's centre within kBowRange (soldier_clips.h)
  const DryGround* dry = nullptr;  // null: no water is kept clear of (the unit fords: also null)
};
// Appends the unit's figures, standing and fallen, to `out`: where each stands (out of the
// water, when `dry` is given), his look, clip and phase (scene/sim/soldier_clips.h). A figure whose threshold the
// strength has never reached yet (reinforcements still to come) is not drawn. With a slot
// range, only the figures of slots [slot_begin, slot_end): a piece of a large unit, laid out
// and kept dry on its own so that pieces can be laid out side by side.
void append_soldiers(const SoldierLayout& layout, std::vector<Soldier>& out, std::uint32_t slot_begin = 0,
                     std::uint32_t slot_end = std::numeric_limits<std::uint32_t>::max());

}  // namespace scene
