#include "app/core/picking.h"

namespace app {

std::uint32_t pick_nearest(const std::vector<std::uint32_t>& ids, glm::ivec2 size, glm::ivec2 click,
                           const std::function<bool(std::uint32_t)>& is_soldier) {
  const auto at = [&](glm::ivec2 p) { return ids[static_cast<std::size_t>(p.y) * size.x + p.x]; };
  const bool inside = click.x >= 0 && click.y >= 0 && click.x < size.x && click.y < size.y &&
                      ids.size() >= static_cast<std::size_t>(size.x) * size.y;
  if (!inside) return 0;
  const std::uint32_t clicked = at(click);
  if (is_soldier(clicked)) return clicked;
  std::uint32_t best = clicked;
  int best_distance = kPickRadius * kPickRadius + 1;
  for (int y = 0; y < size.y; ++y)
    for (int x = 0; x < size.x; ++x) {
      const glm::ivec2 d = glm::ivec2(x, y) - click;
      const int distance = d.x * d.x + d.y * d.y;
      if (distance < best_distance && is_soldier(at({x, y}))) {
        best = at({x, y});
        best_distance = distance;
      }
    }
  return best;
}

}  // namespace app
