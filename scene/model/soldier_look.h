// What a drawn soldier looks like and does, as the scene decides it and the renderer draws it:
// his army's kit, the clip he plays, and the seed of everything that sets him apart from his
// neighbours (build, colours within his army's palette, helmet and weapon variants).
#pragma once

#include <array>
#include <cstdint>

#include "scene/model/hash.h"

namespace scene {

// An army's kit: the cut of its clothes, armour, weapons and palette (scene/figures draws them).
// A faction names its kit ("kit" in the scenario); LOOK.md §4 and docs/ARMIES.md give sources.
enum class Kit : std::uint8_t { Mongol, Jin, Song };
inline constexpr int kKits = 3;
const char* kit_name(Kit kit);  // "mongol", "jin", "song"

// The clips every figure has (a figure file may lack some: they fall back to Idle). Horses:
// Walk is a walk, Run a trot, Gallop a gallop.
enum class Clip : std::uint8_t { Idle, Walk, Run, Gallop, Shoot, Strike, Climb, Carry, Fall, Dead, Sit };
inline constexpr int kClips = 11;
const char* clip_name(Clip clip);  // "idle", "walk", ... (the animation names in figure files)

// Seconds of presentation time one cycle of a looping clip takes, or a one-shot clip lasts
// (Fall); Dead and Sit are held poses. Soldier::phase runs 0..1 over that time.
inline constexpr std::array<float, kClips> kClipSeconds = {
    3.0f,   // Idle: breathing, shifting weight
    1.1f,   // Walk
    0.7f,   // Run (horses: trot)
    0.55f,  // Gallop
    2.2f,   // Shoot: draw, loose, reach for the next arrow or span the crossbow
    1.2f,   // Strike
    1.4f,   // Climb: one rung cycle
    1.3f,   // Carry: a walk with the arms held up
    1.0f,   // Fall: once, then Dead
    1.0f,   // Dead
    1.0f,   // Sit
};
inline constexpr bool clip_loops(Clip clip) { return clip != Clip::Fall && clip != Clip::Dead && clip != Clip::Sit; }

// A soldier's look: one 32-bit seed from his unit and slot, so the same man looks the same in
// every frame and on every run. Bits 0-7 build (height and breadth), 8-19 three variant
// choices of 4 bits (headgear, weapon, extra: quiver, shield, ...), 20-31 colours.
constexpr std::uint32_t soldier_look(std::uint32_t unit_index, std::uint32_t slot) {
  return hash32(unit_index, slot, 0x6c6f6f6bU);  // "look"
}
inline constexpr int kVariantGroups = 3;
// Which option of variant group g (0..2) a look picks, out of `options` (1..15).
constexpr std::uint32_t look_variant(std::uint32_t look, int group, std::uint32_t options) {
  return options <= 1 ? 0 : ((look >> (8 + 4 * group)) & 15u) % options;
}

}  // namespace scene
