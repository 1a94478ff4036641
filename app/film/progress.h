// Progress of a long export on stderr: one line rewritten in place on a terminal, a plain
// line every few seconds otherwise (logs, render-farm jobs).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace app {

class Progress {
 public:
  Progress(std::string what, std::int64_t total);
  // `done` of `total` finished; `label` names the last one (e.g. "frame 120").
  void update(std::int64_t done, const std::string& label);
  void finish();  // ends the in-place line
  double elapsed_s() const;
  double rate() const;  // items per second so far

 private:
  std::string what_;
  std::int64_t total_ = 0, done_ = 0;
  bool tty_ = false, drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_print_;
};

// "1:05:03", "4:07", "12 s"
std::string format_duration(double seconds);

}  // namespace app
