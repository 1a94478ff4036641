#include "app/core/time_spec.h"

#include "scene/model/clock.h"
#include "scene/sim/evaluate.h"

namespace app {

std::optional<scene::Snapshot> snapshot_for_time(const scene::Scenario& scenario, std::string_view spec,
                                                 std::string* error) {
  const std::optional<double> t = scene::resolve_time(scenario, spec, error);
  if (!t) return std::nullopt;
  scene::Snapshot snapshot = scene::evaluate(scenario, *t);
  if (const std::optional<float> hour = scene::hour_in_time_spec(scenario, spec))
    scene::set_hour(scenario, snapshot, *hour);
  return snapshot;
}

void HourHold::seek(const scene::Scenario& scenario, std::string_view spec, double t) {
  hour_ = scene::hour_in_time_spec(scenario, spec);
  at_ = t;
}

void HourHold::apply(const scene::Scenario& scenario, scene::Snapshot& snapshot) const {
  if (hour_ && snapshot.presentation_s == at_) scene::set_hour(scenario, snapshot, *hour_);
}

}  // namespace app
