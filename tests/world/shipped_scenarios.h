// The shipped scenarios, each loaded once per test process and shared by the world tests.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include <catch2/catch.hpp>

#include "load_test_support.h"
#include "scene/load/load.h"

namespace world_test {

inline const scene::Scenario& shipped(const std::string& name) {
  static std::map<std::string, scene::Scenario> cache;
  auto it = cache.find(name);
  if (it == cache.end()) {
    auto r = scene::load_scenario(std::filesystem::path(SIEGE_SOURCE_DIR) / "assets/scenarios" / name);
    INFO(Catch::Detail::stringify(load_test::errors(r)));
    REQUIRE(r.scenario);
    it = cache.emplace(name, std::move(*r.scenario)).first;
  }
  return it->second;
}

}  // namespace world_test
