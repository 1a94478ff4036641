// What the season does to growing things, by date: how much leaf the trees carry and how far
// it has turned. Pure functions of the day (the renderer feeds them to the shaders).
#pragma once

#include "scene/model/calendar.h"

namespace scene {

struct Foliage {
  float leaves = 1;  // 0 bare (winter) .. 1 full crown (summer)
  float autumn = 0;  // 0 green .. 1 yellow-brown, just before the leaves fall
};

// North China (Henan, Shanxi): deciduous trees bare from late November to late March,
// leafing in April, turning in October. Willows leaf a fortnight earlier; the renderer may
// shift `leaves` per kind.
Foliage foliage_at(Day day);

}  // namespace scene
