// What `--time` shows: the scenario at the instant a user typed, at the hour typed when the
// spec is a date-time. A phase that holds 14:00 over months still shows 22:00 for
// "1234-02-09T22:00"; seconds, phase ids and bare dates keep the scenario's own hour.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "scene/model/scenario.h"
#include "scene/model/snapshot.h"

namespace app {

// nullopt, with the reason in *error, when the spec names no instant of the scenario.
std::optional<scene::Snapshot> snapshot_for_time(const scene::Scenario& scenario, std::string_view spec,
                                                 std::string* error = nullptr);

}  // namespace app
