#include "scene/model/erosion.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <queue>
#include <utility>

namespace scene {

namespace {

constexpr int kDx[8] = {-1, 0, 1, -1, 1, -1, 0, 1};
constexpr int kDz[8] = {-1, -1, -1, 0, 0, 1, 1, 1};

// How strongly one round of water cuts down: a lone hillside sample (its own cell's area)
// moves this share of the way towards the sample it drains to; a sample with a catchment A
// cells large moves as if this were sqrt(A) times larger, so valleys deepen with their reach.
constexpr float kIncision = 0.05f;
// Hillslope creep after each round: the share of the way to the mean of the four neighbours.
constexpr float kCreep = 0.12f;
// Hollows are filled this much above their rim, per sample, so water finds a way out of them.
constexpr float kFillStep = 1e-3f;

float smoothstep(float a, float b, float x) {
  const float t = std::clamp((x - a) / (b - a), 0.0f, 1.0f);
  return t * t * (3 - 2 * t);
}

// The erodible samples from the lowest up, each after every sample it could drain to: a
// priority flood from the plain around the hills (and the grid's border), which raises every
// hollow it meets to its spill height plus a little so that the water has somewhere to go.
std::vector<int> drainage_order(const ErosionGrid& g, std::vector<float>& h) {
  const std::vector<float>& k = *g.erodible;
  using Entry = std::pair<float, int>;  // height, then index: ties pop in a fixed order
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> open;
  std::vector<char> seen(h.size(), 0);
  for (int z = 0; z < g.nz; ++z)
    for (int x = 0; x < g.nx; ++x) {
      const int i = z * g.nx + x;
      const bool border = x == 0 || z == 0 || x == g.nx - 1 || z == g.nz - 1;
      if (k[i] > 0 && !border) continue;
      // An outlet: the plain, or a hill sample on the border, that touches erodible ground.
      bool touches = false;
      for (int d = 0; d < 8 && !touches; ++d) {
        const int xx = x + kDx[d], zz = z + kDz[d];
        touches = xx >= 0 && zz >= 0 && xx < g.nx && zz < g.nz && k[zz * g.nx + xx] > 0;
      }
      seen[i] = 1;
      if (touches) open.push({h[i], i});
    }
  std::vector<int> order;
  while (!open.empty()) {
    const auto [height, i] = open.top();
    open.pop();
    if (k[i] > 0) order.push_back(i);
    const int x = i % g.nx, z = i / g.nx;
    for (int d = 0; d < 8; ++d) {
      const int xx = x + kDx[d], zz = z + kDz[d];
      if (xx < 0 || zz < 0 || xx >= g.nx || zz >= g.nz) continue;
      const int j = zz * g.nx + xx;
      if (seen[j]) continue;
      seen[j] = 1;
      h[j] = std::max(h[j], height + kFillStep);
      open.push({h[j], j});
    }
  }
  return order;
}

}  // namespace

void erode_valleys(const ErosionGrid& g, int iterations) {
  std::vector<float>& h = *g.heights;
  const std::vector<float>& k = *g.erodible;
  const size_t n = h.size();
  const float cell_area = g.cell.x * g.cell.y;
  float dist[8];
  for (int d = 0; d < 8; ++d) dist[d] = std::hypot(kDx[d] * g.cell.x, kDz[d] * g.cell.y);
  // One flood orders the samples for every round (the flood is most of the cost): a sample
  // drains only to one earlier in the order, or to the plain, so the network stays a tree
  // even where a round's creep leaves a small hollow.
  const std::vector<int> order = drainage_order(g, h);
  std::vector<int> rank(n, -1), receiver(n, -1);
  for (size_t r = 0; r < order.size(); ++r) rank[order[r]] = static_cast<int>(r);
  std::vector<float> area(n), reach(n), smoothed;
  for (int round = 0; round < iterations; ++round) {
    // Each sample drains down its steepest descent (in grid order: the memory is read in rows).
    for (int i = 0; i < static_cast<int>(n); ++i) {
      if (rank[i] < 0) continue;
      const int x = i % g.nx, z = i / g.nx;
      float best = 0;
      receiver[i] = -1;
      for (int d = 0; d < 8; ++d) {
        const int xx = x + kDx[d], zz = z + kDz[d];
        if (xx < 0 || zz < 0 || xx >= g.nx || zz >= g.nz) continue;
        const int j = zz * g.nx + xx;
        if (rank[j] > rank[i]) continue;  // later in the order (the plain's rank is -1: earlier)
        const float drop = (h[i] - h[j]) / dist[d];
        if (drop > best) best = drop, receiver[i] = j, reach[i] = dist[d];
      }
      area[i] = cell_area;
    }
    // Catchments, from the tops down: each sample passes what gathered on it to its receiver.
    for (auto it = order.rbegin(); it != order.rend(); ++it)
      if (const int r = receiver[*it]; r >= 0 && k[r] > 0) area[r] += area[*it];
    // Incision, from the outlets up (implicit, so stable for any catchment): each sample moves
    // towards its receiver's already lowered height, never below it.
    for (int i : order) {
      const int r = receiver[i];
      if (r < 0) continue;
      const float f = kIncision * k[i] * std::sqrt(area[i]) / reach[i];
      h[i] = (h[i] + f * h[r]) / (1 + f);
    }
    // Creep rounds off the crests and the gullies' lips, as loess slumps.
    smoothed = h;
    for (int i = 0; i < static_cast<int>(n); ++i) {
      if (rank[i] < 0) continue;
      const int x = i % g.nx, z = i / g.nx;
      if (x == 0 || z == 0 || x == g.nx - 1 || z == g.nz - 1) continue;
      const float mean = 0.25f * (h[i - 1] + h[i + 1] + h[i - g.nx] + h[i + g.nx]);
      smoothed[i] = h[i] + kCreep * k[i] * (mean - h[i]);
    }
    h.swap(smoothed);
  }
}

void terrace_slopes(const ErosionGrid& g, float base, float low, float high, float step) {
  std::vector<float>& h = *g.heights;
  const std::vector<float>& k = *g.erodible;
  const std::vector<float> before = h;
  const float cell = std::min(g.cell.x, g.cell.y);
  for (int z = 1; z + 1 < g.nz; ++z)
    for (int x = 1; x + 1 < g.nx; ++x) {
      const int i = z * g.nx + x;
      if (k[i] <= 0) continue;
      const float above = before[i] - base;
      if (above <= low || above >= high) continue;
      const float sx = (before[i + 1] - before[i - 1]) / (2 * g.cell.x);
      const float sz = (before[i + g.nx] - before[i - g.nx]) / (2 * g.cell.y);
      const float slope = std::sqrt(sx * sx + sz * sz);
      // A tread must span a couple of samples for the grid to show it as a step, not as noise.
      const float tread_cells = step / std::max(slope, 1e-4f) / cell;
      const float weight = k[i] * smoothstep(low, low + 8, above) * (1 - smoothstep(high - 15, high, above)) *
                           smoothstep(1.5f, 3.0f, tread_cells);
      if (weight <= 0) continue;
      const float y = above / step, f = y - std::floor(y);
      // Flat tread over most of the step, the riser in its last fifth.
      const float stepped = (std::floor(y) + smoothstep(0.8f, 1.0f, f)) * step;
      h[i] = base + above + weight * (stepped - above);
    }
}

}  // namespace scene
