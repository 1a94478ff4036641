// What a click picks from the ids around it: far soldiers are one or two pixels, so a click a
// few pixels off one still takes him, the nearest when several are near.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include <glm/glm.hpp>

namespace app {

// Target pixels either side of the click that are searched for a soldier.
inline constexpr int kPickRadius = 4;

// `ids`: a row-major window `size` of object ids; `click`: the clicked pixel within it. The
// clicked id when it is a soldier; else the nearest soldier's within kPickRadius (the first
// in reading order among equals); else the clicked id.
std::uint32_t pick_nearest(const std::vector<std::uint32_t>& ids, glm::ivec2 size, glm::ivec2 click,
                           const std::function<bool(std::uint32_t)>& is_soldier);

}  // namespace app
