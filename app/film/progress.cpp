#include "app/film/progress.h"

#include <unistd.h>
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

Progress::Progress(std::string what, std::int64_t total)
    : what_(std::move(what)),
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
  if (!tty_ && !last && since < 5.0 && done != 1) return;
  if (tty_ && !last && since < 0.1) return;
  last_print_ = now;
  const double r = rate();
  const double left = r > 0 ? static_cast<double>(total_ - done) / r : NAN;
  const double percent = total_ > 0 ? 100.0 * static_cast<double>(done) / static_cast<double>(total_) : 100.0;
  char line[256];
  if (tty_) {
    const int width = 24;
    const int filled = total_ > 0 ? static_cast<int>(width * done / total_) : width;
    std::string bar(static_cast<size_t>(filled), '#');
    bar.resize(width, '-');
    std::snprintf(line, sizeof line, "\r%s [%s] %lld/%lld %5.1f%%  %.2f fps  %s left  (%s)\033[K", what_.c_str(),
                  bar.c_str(), static_cast<long long>(done), static_cast<long long>(total_), percent, r,
                  format_duration(left).c_str(), label.c_str());
    drawn_ = true;
  } else {
    std::snprintf(line, sizeof line, "%s %lld/%lld (%.1f%%), %.2f fps, %s left (%s)\n", what_.c_str(),
                  static_cast<long long>(done), static_cast<long long>(total_), percent, r,
                  format_duration(left).c_str(), label.c_str());
  }
  std::fputs(line, stderr);
  std::fflush(stderr);
}

void Progress::finish() {
  if (tty_ && drawn_) std::fputs("\n", stderr);
  drawn_ = false;
}

}  // namespace app
