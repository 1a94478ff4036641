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

// The viewer's `--time` or scripted seek to a date-time keeps that hour while the playhead
// stays where it was sent; once it moves (playing, scrubbing), the scenario's hours take over.
class HourHold {
 public:
  // After seeking to `spec`, which resolved to presentation second `t`.
  void seek(const scene::Scenario& scenario, std::string_view spec, double t);
  // Sets the held hour on a snapshot of the held instant; any other instant is left alone.
  void apply(const scene::Scenario& scenario, scene::Snapshot& snapshot) const;
  std::optional<float> hour() const { return hour_; }

 private:
  std::optional<float> hour_;
  double at_ = 0;
};

}  // namespace app
