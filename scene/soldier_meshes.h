// Procedural low-poly figures for the troop pass: one CPU mesh per figure kind and level of
// detail. A teammate may replace these with glTF models: keep the interface a plain function.
//
// Conventions the troop shaders rely on (shaders/troop.vert):
// - model space: y up, the figure faces -z (north at heading 0), feet at y = 0;
// - Vertex::object is not an object id here but a part code (kPart*): the vertex shader
//   swings legs and arms about their pivots for the walk/run cycle;
// - colour alpha says where the scenario's colours go: 255 the faction colour, 128 the unit's
//   banner colour, 0 the vertex's own albedo.
#pragma once

#include <cstdint>

#include "scene/mesh.h"
#include "scene/scenario.h"

namespace scene {

enum class FigureKind : std::uint8_t { Infantry, Spearman, Archer, Cavalry, Crew, Civilian, Bearer };
constexpr int kFigureKinds = 7;
constexpr int kFigureMeshLods = 2;  // LOD0 (full), LOD1 (coarse); LOD2 is an impostor of LOD0

// Part codes in Vertex::object.
constexpr std::uint32_t kPartRigid = 0;
constexpr std::uint32_t kPartLegA = 1;      // human leg, swings with the phase (hip pivot)
constexpr std::uint32_t kPartLegB = 2;      // human leg, opposite phase
constexpr std::uint32_t kPartArmA = 3;      // arm, shoulder pivot
constexpr std::uint32_t kPartArmB = 4;
constexpr std::uint32_t kPartHoofA = 5;     // horse legs, diagonal pairs (trot), knee-high pivot
constexpr std::uint32_t kPartHoofB = 6;

FigureKind figure_kind(UnitKind kind);
// Every kStandardEvery-th figure of a unit (from its first) carries the unit's standard.
constexpr std::uint32_t kStandardEvery = 250;

Mesh soldier_mesh(FigureKind kind, int lod);

// The box an impostor of this kind covers: a square of side 2*half_size, centred at
// `centre_height` above the feet. Baking and drawing impostors both use it.
struct ImpostorFrame {
  float half_size = 1.4f;
  float centre_height = 1.2f;
};
ImpostorFrame impostor_frame(FigureKind kind);

}  // namespace scene
