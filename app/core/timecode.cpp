#include "app/core/timecode.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace app {

namespace {

// Timecode counts whole frames a second: 24 for 23.976, 30 for 29.97.
std::int64_t nominal_fps(const FrameRate& rate) { return std::max<std::int64_t>(1, std::llround(rate.fps())); }

// 29.97 and 59.94 are the rates drop-frame counting exists for.
bool drop_frame_rate(const FrameRate& rate) { return rate.den == 1001 && (rate.num == 30000 || rate.num == 60000); }

// Labels drop-frame skips: frames 0-1 (0-3 at 59.94) of every minute but each tenth.
std::int64_t dropped_per_minute(const FrameRate& rate) { return nominal_fps(rate) / 15; }

std::int64_t frames_per_day(const FrameRate& rate, bool drop) {
  const std::int64_t n = nominal_fps(rate);
  if (!drop) return 24 * 3600 * n;
  return 24 * 6 * (600 * n - 9 * dropped_per_minute(rate));
}

std::int64_t frame_number(const Timecode& tc, const FrameRate& rate) {
  const std::int64_t n = nominal_fps(rate);
  const std::int64_t minutes = tc.hours * 60 + tc.minutes;
  std::int64_t count = (minutes * 60 + tc.seconds) * n + tc.frames;
  if (tc.drop_frame) count -= dropped_per_minute(rate) * (minutes - minutes / 10);
  return count;
}

bool two_digits(std::string_view text, size_t at, int& value) {
  if (at + 2 > text.size() || !std::isdigit(static_cast<unsigned char>(text[at])) ||
      !std::isdigit(static_cast<unsigned char>(text[at + 1])))
    return false;
  value = (text[at] - '0') * 10 + (text[at + 1] - '0');
  return true;
}

}  // namespace

std::string Timecode::text() const {
  char out[16];
  std::snprintf(out, sizeof out, "%02d:%02d:%02d%c%02d", hours, minutes, seconds, drop_frame ? ';' : ':', frames);
  return out;
}

Timecode default_timecode(const FrameRate& rate) { return {1, 0, 0, 0, drop_frame_rate(rate)}; }

std::optional<Timecode> parse_timecode(std::string_view text, const FrameRate& rate, std::string* error) {
  const auto fail = [&](const std::string& why) -> std::optional<Timecode> {
    if (error) *error = "--timecode \"" + std::string(text) + "\" " + why;
    return std::nullopt;
  };
  Timecode tc;
  if (text.size() != 11 || text[2] != ':' || text[5] != ':' || (text[8] != ':' && text[8] != ';') ||
      !two_digits(text, 0, tc.hours) || !two_digits(text, 3, tc.minutes) || !two_digits(text, 6, tc.seconds) ||
      !two_digits(text, 9, tc.frames))
    return fail("is not HH:MM:SS:FF (or HH:MM:SS;FF, drop-frame), e.g. 01:00:00:00");
  tc.drop_frame = text[8] == ';';
  const std::int64_t n = nominal_fps(rate);
  if (tc.hours > 23 || tc.minutes > 59 || tc.seconds > 59)
    return fail("is out of range: hours 00-23, minutes and seconds 00-59");
  if (tc.frames >= n)
    return fail("has frame " + std::to_string(tc.frames) + ", but timecode at " + rate.text() +
                " fps counts frames 00-" + std::to_string(n - 1));
  if (tc.drop_frame && !drop_frame_rate(rate))
    return fail(
        "is drop-frame (';'), which exists only at 29.97 and 59.94 fps (--fps 30000/1001 or 60000/1001); use ':'");
  if (tc.drop_frame && tc.seconds == 0 && tc.minutes % 10 != 0 && tc.frames < dropped_per_minute(rate))
    return fail("names a frame drop-frame counting skips (frames 00-" + std::to_string(dropped_per_minute(rate) - 1) +
                " of each minute not divisible by 10)");
  return tc;
}

Timecode advance_timecode(const Timecode& start, std::int64_t frames, const FrameRate& rate) {
  const std::int64_t n = nominal_fps(rate);
  const std::int64_t day = frames_per_day(rate, start.drop_frame);
  std::int64_t count = ((frame_number(start, rate) + frames) % day + day) % day;
  if (start.drop_frame) {
    // Back from a count of frames to a label: add the labels skipped so far.
    const std::int64_t drop = dropped_per_minute(rate);
    const std::int64_t per_ten = 600 * n - 9 * drop, per_minute = 60 * n - drop;
    const std::int64_t tens = count / per_ten, rest = count % per_ten;
    count += 9 * drop * tens + (rest > drop ? drop * ((rest - drop) / per_minute) : 0);
  }
  Timecode tc;
  tc.drop_frame = start.drop_frame;
  tc.frames = static_cast<int>(count % n);
  tc.seconds = static_cast<int>(count / n % 60);
  tc.minutes = static_cast<int>(count / (n * 60) % 60);
  tc.hours = static_cast<int>(count / (n * 3600) % 24);
  return tc;
}

}  // namespace app
