#include "app/core/playback.h"

#include <algorithm>
#include <cmath>

#include "scene/model/clock.h"

namespace app {

Playback::Playback(const scene::Scenario& scenario) : scenario_(scenario), duration_(scene::total_duration(scenario)) {}

int Playback::phase() const { return scene::phase_at(scenario_, time_); }

void Playback::loop_bounds(double& start, double& end) const {
  start = 0;
  end = duration_;
  if (loop_ == Loop::Phase) {
    start = scene::phase_start_s(scenario_, loop_phase_);
    end = start + scenario_.phases[static_cast<size_t>(loop_phase_)].duration_s;
  }
}

void Playback::advance(double real_seconds) {
  if (!playing_ || real_seconds <= 0) return;
  const double step = real_seconds * speed() * (reverse_ ? -1.0 : 1.0);
  double start, end;
  loop_bounds(start, end);
  double t = time_ + step;
  if (loop_ != Loop::None && end > start) {
    const double span = end - start;
    t = start + std::fmod(std::fmod(t - start, span) + span, span);
  } else if (t >= duration_ || t <= 0) {
    t = std::clamp(t, 0.0, duration_);
    playing_ = false;  // the end of the story: stop rather than wrap silently
  }
  time_ = t;
}

void Playback::seek(double presentation_s) {
  time_ = std::clamp(presentation_s, 0.0, duration_);
  if (loop_ == Loop::Phase) loop_phase_ = phase();
}

void Playback::set_speed_index(int index) { speed_index_ = std::clamp(index, 0, static_cast<int>(kSpeeds.size()) - 1); }

void Playback::set_loop(Loop loop) {
  loop_ = loop;
  loop_phase_ = phase();
}

void Playback::next_phase() {
  const int next = phase() + 1;
  if (next < static_cast<int>(scenario_.phases.size())) jump_to_phase(next);
}

void Playback::previous_phase() {
  const int current = phase();
  // A little grace so a double press goes back one phase rather than sticking at the start.
  const bool at_start = time_ - scene::phase_start_s(scenario_, current) < 0.5;
  jump_to_phase(at_start ? std::max(current - 1, 0) : current);
}

void Playback::jump_to_phase(int index) {
  if (index < 0 || index >= static_cast<int>(scenario_.phases.size())) return;
  time_ = scene::phase_start_s(scenario_, index);
  loop_phase_ = index;
}

}  // namespace app
