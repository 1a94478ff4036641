#include "app/film/progress.h"

#include <unistd.h>
#include <algorithm>
#include <cmath>
#include <cstdio>

namespace app {

std::string format_duration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "?";
  const long s = std::lround(seconds);
  char text[32];
  if (s < 60)
    std::snprintf(text, sizeof text, "%ld s", s);
  else if (s < 3600)
    std::snprintf(text, sizeof text, "%ld:%02ld", s / 60, s % 60);
  else
    std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
  return text;
}

namespace {
// Reading a frame's PNG back and encoding it, seconds per megapixel: H.264 (libx264 medium,
// 4 threads) and ProRes 422 HQ measured at 1280x720 on the project's 2-core machine. A prior
// only: the first encoded frames replace it.
constexpr double kEncodeSecondsPerMegapixel = 0.15;
}  // namespace

JobEta::JobEta(std::uint32_t width, std::uint32_t height, std::size_t videos, std::size_t frames_per_video)
    : megapixels_(static_cast<double>(width) * height / 1e6),
      videos_left_(videos),
      frames_per_video_(static_cast<std::int64_t>(frames_per_video)),
      encode_s_per_frame_(kEncodeSecondsPerMegapixel * megapixels_) {}

void JobEta::start_rendering(std::int64_t frames) {
  render_total_ = frames;
  rendered_ = 0;
}

void JobEta::frame_rendered() {
  if (++rendered_ == 1) first_frame_done_ = Clock::now();
}

void JobEta::start_encoding() {
  encoding_ = true;
  encoded_ = 0;
  encode_start_ = Clock::now();
}

void JobEta::frame_encoded() {
  ++encoded_;
  if (encoded_ == frames_per_video_) {  // this video is done; its cost stands for the next
    encode_s_per_frame_ = std::chrono::duration<double>(Clock::now() - encode_start_).count() / encoded_;
    encoding_ = false;
    if (videos_left_ > 0) --videos_left_;
  }
}

void JobEta::skip_video() {
  if (videos_left_ > 0) --videos_left_;
}

double JobEta::seconds_left() const {
  const auto now = Clock::now();
  double left = 0;
  if (rendered_ < render_total_) {
    if (rendered_ < 2) return NAN;
    const double per_frame = std::chrono::duration<double>(now - first_frame_done_).count() / (rendered_ - 1);
    left += per_frame * static_cast<double>(render_total_ - rendered_);
  }
  double per_encode = encode_s_per_frame_;
  std::int64_t to_encode = static_cast<std::int64_t>(videos_left_) * frames_per_video_;
  if (encoding_) {
    if (encoded_ > 0) per_encode = std::chrono::duration<double>(now - encode_start_).count() / encoded_;
    to_encode -= encoded_;
  }
  return left + per_encode * static_cast<double>(std::max<std::int64_t>(to_encode, 0));
}

Progress::Progress(std::string what, std::int64_t total, const JobEta* job)
    : what_(std::move(what)),
      job_(job),
      total_(total),
      tty_(isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_print_(start_) {}

double Progress::elapsed_s() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

double Progress::rate() const {
  const double e = elapsed_s();
  return e > 0 ? static_cast<double>(done_) / e : 0.0;
}

void Progress::update(std::int64_t done, const std::string& label) {
  done_ = done;
  const auto now = std::chrono::steady_clock::now();
  const bool last = done >= total_;
  const double since = std::chrono::duration<double>(now - last_print_).count();
  if (!tty_ && !last && since < 5.0 && done != 1 && !(job_ && done == 2)) return;  // frame 2: the first estimate
  if (tty_ && !last && since < 0.1) return;
  last_print_ = now;
  const double r = rate();
  const double left = job_ ? job_->seconds_left() : r > 0 ? static_cast<double>(total_ - done) / r : NAN;
  const char* scope = job_ ? " in all" : "";
  const double percent = total_ > 0 ? 100.0 * static_cast<double>(done) / static_cast<double>(total_) : 100.0;
  char line[256];
  if (tty_) {
    const int width = 24;
    const int filled = total_ > 0 ? static_cast<int>(width * done / total_) : width;
    std::string bar(static_cast<size_t>(filled), '#');
    bar.resize(width, '-');
    std::snprintf(line, sizeof line, "\r%s [%s] %lld/%lld %5.1f%%  %.2f fps  %s left%s  (%s)\033[K", what_.c_str(),
                  bar.c_str(), static_cast<long long>(done), static_cast<long long>(total_), percent, r,
                  format_duration(left).c_str(), scope, label.c_str());
    drawn_ = true;
  } else {
    std::snprintf(line, sizeof line, "%s %lld/%lld (%.1f%%), %.2f fps, %s left%s (%s)\n", what_.c_str(),
                  static_cast<long long>(done), static_cast<long long>(total_), percent, r,
                  format_duration(left).c_str(), scope, label.c_str());
  }
  std::fputs(line, stderr);
  std::fflush(stderr);
}

void Progress::finish() {
  if (tty_ && drawn_) std::fputs("\n", stderr);
  drawn_ = false;
}

}  // namespace app
