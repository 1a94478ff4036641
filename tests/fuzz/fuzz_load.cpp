// libFuzzer target: the scenario loader must never crash, hang or leak on any input, and
// must keep its promise that a scenario comes back exactly when there are no errors.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "scene/load/load.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const scene::LoadResult result = scene::load_scenario_text(text, "fuzz.json");
  if (result.scenario.has_value() == !result.errors.empty()) __builtin_trap();
  for (const scene::Diagnostic& d : result.errors) {
    if (d.message.empty() || d.line < 0 || d.column < 0) __builtin_trap();
    (void)d.to_string();
  }
  return 0;
}
