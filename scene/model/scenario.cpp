#include "scene/model/scenario.h"

#include <algorithm>

namespace scene {

namespace {
template <class T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
  return it == items.end() ? nullptr : &*it;
}
}  // namespace

const Shot* Scenario::overview_shot() const {
  for (const Shot& s : shots)
    if (s.overview) return &s;
  return shots.empty() ? nullptr : &shots.front();
}

const Faction* Scenario::faction(std::string_view id) const { return find_by_id(factions, id); }
const Shot* Scenario::shot(std::string_view id) const { return find_by_id(shots, id); }

int Scenario::phase_index(std::string_view id) const {
  const Phase* p = find_by_id(phases, id);
  return p ? static_cast<int>(p - phases.data()) : -1;
}

}  // namespace scene
