// Work split into parts that run at once: part 0 on the calling thread, each other part on
// its own thread. For CPU work whose parts write only their own outputs (the soldiers' layout,
// the troop pass's bins), so the result does not depend on how many parts there are.
#pragma once

#include <cstddef>
#include <future>
#include <vector>

namespace common {

// Calls part(0) .. part(count - 1) side by side and returns when all have returned; rethrows
// what a part threw (the first part's first).
template <class Part>
void side_by_side(std::size_t count, const Part& part) {
  std::vector<std::future<void>> others;
  for (std::size_t i = 1; i < count; ++i) others.push_back(std::async(std::launch::async, [&part, i] { part(i); }));
  if (count > 0) part(std::size_t{0});
  for (std::future<void>& other : others) other.get();
}

}  // namespace common
