// Times scene::evaluate() on synthetic armies of 1k, 10k and 100k soldiers, standing on a
// 512x512 ground, over many instants. Prints mean, p50 and p95 milliseconds per evaluate and
// nanoseconds per soldier. Two cases: armies marching and changing formation, and the same
// armies after heavy losses (fallen figures are laid out where they fell, which costs more).
//
// Times are the calling thread's CPU time (CLOCK_THREAD_CPUTIME_ID), so other processes on a
// shared machine do not inflate them; the wall-clock mean is printed alongside.
//
// Usage: siege_evaluate_bench [instants per size, default 200]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

#include <time.h>

#include "scene/model/heightfield.h"
#include "scene/sim/evaluate.h"

using namespace scene;

namespace {

constexpr Day kStart = 2171412;  // 1 January 1233 (Julian)
constexpr Day kDays = 30;

std::shared_ptr<Heightfield> rolling_ground() {
  auto ground = std::make_shared<Heightfield>();
  ground->min = {-8000, -8000};
  ground->max = {8000, 8000};
  ground->nx = ground->nz = 512;
  ground->heights.resize(512 * 512);
  for (int z = 0; z < 512; ++z)
    for (int x = 0; x < 512; ++x)
      ground->heights[static_cast<size_t>(z) * 512 + static_cast<size_t>(x)] =
          5.0f * std::sin(x * 0.05f) * std::cos(z * 0.04f);
  return ground;
}

// `units` units of 1000 men marching across the plain through block, column and line.
Scenario armies(int units, bool losses) {
  Scenario s;
  s.id = "bench";
  Phase phase;
  phase.id = "all";
  phase.start.day = kStart;
  phase.end.day = kStart + kDays;
  phase.duration_s = 60;
  s.phases.push_back(phase);
  Shot shot;
  shot.id = "overview";
  shot.overview = true;
  shot.keys.push_back({});
  s.shots.push_back(shot);
  s.ground = rolling_ground();
  for (int i = 0; i < units; ++i) {
    Unit u;
    u.id = "unit" + std::to_string(i);
    u.kind = i % 4 == 0 ? UnitKind::Cavalry : UnitKind::Infantry;
    const float row = static_cast<float>(i / 10) * 400.0f - 2000.0f;
    const float col = static_cast<float>(i % 10) * 400.0f - 2000.0f;
    u.path.interp = Interp::Smooth;
    for (int k = 0; k <= 6; ++k)
      u.path.keys.push_back({kStart + k * 5.0, {col + 300.0f * std::sin(k + i * 0.3f), row + k * 100.0f}});
    u.formation.keys = {{kStart, Formation::Block},
                        {kStart + 7.3, Formation::Column},
                        {kStart + 15.1, Formation::Line},
                        {kStart + 22.6, Formation::Wedge}};
    u.state.keys = {{kStart, UnitState::March}, {kStart + 26, UnitState::Hold}};
    if (losses)
      u.strength.keys = {{kStart, 1000.0f}, {kStart + 10, 700.0f}, {kStart + 20, 600.0f}};
    else
      u.strength.keys = {{kStart, 1000.0f}};
    s.units.push_back(std::move(u));
  }
  return s;
}

double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) * 1e-6;
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const size_t i = std::min(values.size() - 1, static_cast<size_t>(p * static_cast<double>(values.size())));
  return values[i];
}

void run(int units, bool losses, int instants) {
  const Scenario s = armies(units, losses);
  std::vector<double> ms;
  ms.reserve(static_cast<size_t>(instants));
  double wall_ms = 0;
  size_t soldiers = 0;
  double checksum = 0;     // keeps the optimiser from discarding the work
  (void)evaluate(s, 1.0);  // warm the caches and the allocator once
  for (int k = 0; k < instants; ++k) {
    // Spread over the presentation, skipping about so consecutive calls share nothing.
    const double t = 60.0 * std::fmod(k * 0.6180339887, 1.0);
    const auto begin = std::chrono::steady_clock::now();
    const double cpu_begin = thread_cpu_ms();
    const Snapshot snap = evaluate(s, t);
    ms.push_back(thread_cpu_ms() - cpu_begin);
    wall_ms += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count();
    soldiers += snap.soldiers.size();
    if (!snap.soldiers.empty()) checksum += snap.soldiers.back().position.x;
  }
  double mean = 0;
  for (double v : ms) mean += v;
  mean /= static_cast<double>(ms.size());
  const double per_call = static_cast<double>(soldiers) / static_cast<double>(instants);
  std::printf(
      "%-5s %7.0f soldiers  %-8s  cpu mean %7.3f ms  p50 %7.3f ms  p95 %7.3f ms  %6.1f ns/soldier  wall mean %7.3f ms  "
      "(%d instants, checksum %.0f)\n",
      units >= 100  ? "100k"
      : units >= 10 ? "10k"
                    : "1k",
      per_call, losses ? "losses" : "marching", mean, percentile(ms, 0.5), percentile(ms, 0.95), mean * 1e6 / per_call,
      wall_ms / static_cast<double>(instants), instants, checksum);
}

}  // namespace

int main(int argc, char** argv) {
  const int instants = argc > 1 ? std::max(1, std::atoi(argv[1])) : 200;
  std::printf("siege_evaluate_bench: scene::evaluate() per call, soldiers on a 512x512 ground\n");
  for (bool losses : {false, true})
    for (int units : {1, 10, 100}) run(units, losses, units >= 100 ? std::max(1, instants / 4) : instants);
  return 0;
}
