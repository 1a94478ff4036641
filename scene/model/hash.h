// The one deterministic hash behind every variation in the world and the action: the same
// input gives the same bits on every machine, so nothing needs a random generator with state
// and every frame is the same bytes on every run.
#pragma once

#include <cstdint>

namespace scene {

// A 32-bit integer finaliser (Wellons' lowbias32): every input bit flips about half the output.
constexpr std::uint32_t mix32(std::uint32_t x) {
  x ^= x >> 16;
  x *= 0x7feb352dU;
  x ^= x >> 15;
  x *= 0x846ca68bU;
  x ^= x >> 16;
  return x;
}

// A hash of up to three words (an index, a cell, a salt): each spread by its own odd constant,
// combined, then mixed.
constexpr std::uint32_t hash32(std::uint32_t a, std::uint32_t b = 0, std::uint32_t c = 0) {
  return mix32(a * 0x9e3779b9U ^ b * 0x85ebca6bU ^ c * 0xc2b2ae35U);
}

// The top 24 bits of a hash as a float in [0, 1).
constexpr float unit_float(std::uint32_t h) { return static_cast<float>(h >> 8) * (1.0f / 16777216.0f); }

}  // namespace scene
