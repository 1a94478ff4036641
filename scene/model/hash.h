// A 32-bit integer mix for deterministic per-soldier variety: the same input gives the same
// bits on every machine, so nothing needs a random generator with state.
#pragma once

#include <cstdint>

namespace scene {

inline std::uint32_t mix32(std::uint32_t x) {
  x ^= x >> 16;
  x *= 0x7feb352dU;
  x ^= x >> 15;
  x *= 0x846ca68bU;
  x ^= x >> 16;
  return x;
}

}  // namespace scene
