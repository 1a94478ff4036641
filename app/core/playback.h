// Playback of presentation time: play, pause, reverse, speed presets, looping a phase or
// everything. The world is evaluate(t), so seeking anywhere, backwards too, is exact.
#pragma once

#include <array>

#include "scene/model/scenario.h"

namespace app {

enum class Loop { None, Phase, All };

class Playback {
 public:
  static constexpr std::array<double, 7> kSpeeds{0.25, 0.5, 1, 2, 4, 8, 16};

  explicit Playback(const scene::Scenario& scenario);

  double time() const { return time_; }
  double duration() const { return duration_; }
  bool playing() const { return playing_; }
  bool reversed() const { return reverse_; }
  double speed() const { return kSpeeds[speed_index_]; }
  int speed_index() const { return speed_index_; }
  Loop loop() const { return loop_; }
  int phase() const;  // the phase under the playhead

  // Moves time by real seconds × speed (backwards when reversed). At the ends: wraps when
  // looping, otherwise stops there and pauses.
  void advance(double real_seconds);
  void seek(double presentation_s);  // clamped to the scenario
  void play(bool on) { playing_ = on; }
  void toggle_play() { playing_ = !playing_; }
  void set_reverse(bool on) { reverse_ = on; }
  void set_speed_index(int index);
  void faster() { set_speed_index(speed_index_ + 1); }
  void slower() { set_speed_index(speed_index_ - 1); }
  // Loop::Phase loops the phase under the playhead when it is set.
  void set_loop(Loop loop);
  void next_phase();      // to the start of the next phase
  void previous_phase();  // to the start of this phase, or the previous one if already there
  void jump_to_phase(int index);

 private:
  void loop_bounds(double& start, double& end) const;

  const scene::Scenario& scenario_;
  double duration_;
  double time_ = 0;
  bool playing_ = false;
  bool reverse_ = false;
  int speed_index_ = 2;
  Loop loop_ = Loop::None;
  int loop_phase_ = 0;
};

}  // namespace app
