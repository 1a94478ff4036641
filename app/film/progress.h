// Progress of a long export on stderr: one line rewritten in place on a terminal, a plain
// line every few seconds otherwise (logs, render-farm jobs).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

namespace app {

// The time left for a whole film job, rendering and encoding together, printed as the one
// ETA. Rendering is timed per frame from the second frame on: the renderer's start-up and the
// first frame's one-time costs (pipelines, uploads) would inflate every estimate after them.
// A video's encoding is timed per frame once it has begun. Until a video's encoding has
// begun, its cost is the one measured on the video before it, else a prior (seconds per
// megapixel: reading a PNG back and encoding it, measured on the project's 2-core machine).
class JobEta {
 public:
  JobEta(std::uint32_t width, std::uint32_t height, std::size_t videos, std::size_t frames_per_video);
  void start_rendering(std::int64_t frames);  // `frames` to render
  void frame_rendered();
  void start_encoding();  // the next video
  void frame_encoded();
  void skip_video();            // the next video is already there: nothing to encode
  double seconds_left() const;  // NaN while frames are left to render and fewer than 2 are done

 private:
  using Clock = std::chrono::steady_clock;
  double megapixels_;
  std::size_t videos_left_;
  std::int64_t frames_per_video_, render_total_ = 0, rendered_ = 0, encoded_ = 0;
  bool encoding_ = false;
  double encode_s_per_frame_;  // the prior, then the last video's measured cost
  Clock::time_point first_frame_done_, encode_start_;
};

class Progress {
 public:
  // With `job`, the time left shown is the whole job's (rendering and encoding).
  Progress(std::string what, std::int64_t total, const JobEta* job = nullptr);
  // `done` of `total` finished; `label` names the last one (e.g. "frame 120").
  void update(std::int64_t done, const std::string& label);
  void finish();  // ends the in-place line
  double elapsed_s() const;
  double rate() const;  // items per second so far

 private:
  std::string what_;
  const JobEta* job_;
  std::int64_t total_ = 0, done_ = 0;
  bool tty_ = false, drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_print_;
};

// "1:05:03", "4:07", "12 s"
std::string format_duration(double seconds);

}  // namespace app
