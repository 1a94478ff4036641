// SMPTE timecode for a film's first frame (`siege render --timecode`): parsed and checked
// against the frame rate, and counted forward by frames, drop-frame at 29.97 and 59.94.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/core/film_plan.h"

namespace app {

struct Timecode {
  int hours = 0, minutes = 0, seconds = 0, frames = 0;
  bool drop_frame = false;   // written with ';' before the frames
  std::string text() const;  // "01:00:00:00", "01:00:00;00"
};

// Editors' usual start of programme: the first frame of a film is 01:00:00:00 (01:00:00;00 at
// 29.97 and 59.94, which count drop-frame) unless --timecode says otherwise.
Timecode default_timecode(const FrameRate& rate);

// "HH:MM:SS:FF", or "HH:MM:SS;FF" for drop-frame (29.97 and 59.94 only). Nullopt and a reason
// for a malformed value, a field out of range (frames below the rate's whole frames per
// second), drop-frame at another rate, or a label drop-frame counting skips.
std::optional<Timecode> parse_timecode(std::string_view text, const FrameRate& rate, std::string* error = nullptr);

// The timecode `frames` frames after `start` (wrapping at 24 hours).
Timecode advance_timecode(const Timecode& start, std::int64_t frames, const FrameRate& rate);

}  // namespace app
