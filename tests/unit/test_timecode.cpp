// Start timecodes for a film (app/core/timecode): parsing with the rate's rules, and counting
// frames forward, drop-frame at 29.97 and 59.94.
#include <catch2/catch.hpp>

#include "app/core/timecode.h"

using namespace app;

namespace {
FrameRate rate_of(const char* text) { return parse_frame_rate(text).value(); }
std::string after(const char* start, std::int64_t frames, const char* fps) {
  const FrameRate rate = rate_of(fps);
  return advance_timecode(parse_timecode(start, rate).value(), frames, rate).text();
}
}  // namespace

TEST_CASE("a film starts at 01:00:00:00, drop-frame at 29.97 and 59.94", "[export]") {
  CHECK(default_timecode(rate_of("24")).text() == "01:00:00:00");
  CHECK(default_timecode(rate_of("23.976")).text() == "01:00:00:00");
  CHECK(default_timecode(rate_of("29.97")).text() == "01:00:00;00");
  CHECK(default_timecode(rate_of("59.94")).text() == "01:00:00;00");
  CHECK(default_timecode(rate_of("30")).text() == "01:00:00:00");
}

TEST_CASE("timecodes count whole frames at the rate's nominal frames per second", "[export]") {
  CHECK(after("00:00:00:00", 24, "24") == "00:00:01:00");
  CHECK(after("00:59:59:23", 1, "24") == "01:00:00:00");
  CHECK(after("00:00:00:00", 24, "23.976") == "00:00:01:00");  // 23.976 counts 24 labels a second
  CHECK(after("23:59:59:24", 1, "25") == "00:00:00:00");       // wraps at 24 hours
  CHECK(after("01:00:00:00", 90000, "25") == "02:00:00:00");
}

TEST_CASE("drop-frame skips two labels a minute (four at 59.94) but every tenth minute", "[export]") {
  CHECK(after("00:00:59;29", 1, "29.97") == "00:01:00;02");
  CHECK(after("00:09:59;29", 1, "29.97") == "00:10:00;00");
  CHECK(after("00:00:00;00", 17982, "29.97") == "00:10:00;00");   // ten minutes of 29.97
  CHECK(after("01:00:00;00", 107892, "29.97") == "02:00:00;00");  // an hour is 107892 frames
  CHECK(after("00:00:59;59", 1, "59.94") == "00:01:00;04");
  CHECK(after("00:01:00;02", -1, "29.97") == "00:00:59;29");
  // 29.97 may also count non-drop, written with ':'.
  CHECK(after("00:00:59:29", 1, "29.97") == "00:01:00:00");
}

TEST_CASE("bad timecodes say why", "[export]") {
  std::string error;
  CHECK_FALSE(parse_timecode("1:00:00:00", rate_of("24"), &error));
  CHECK(error.find("is not HH:MM:SS:FF") != std::string::npos);
  CHECK_FALSE(parse_timecode("01:00:00:24", rate_of("24"), &error));
  CHECK(error.find("counts frames 00-23") != std::string::npos);
  CHECK(parse_timecode("01:00:00:24", rate_of("25")));
  CHECK_FALSE(parse_timecode("24:00:00:00", rate_of("24"), &error));
  CHECK(error.find("out of range") != std::string::npos);
  CHECK_FALSE(parse_timecode("01:00:00;00", rate_of("25"), &error));
  CHECK(error.find("only at 29.97 and 59.94") != std::string::npos);
  CHECK_FALSE(parse_timecode("00:01:00;01", rate_of("29.97"), &error));
  CHECK(error.find("skips") != std::string::npos);
  CHECK(parse_timecode("00:10:00;00", rate_of("29.97")));
  CHECK(parse_timecode("00:01:00;02", rate_of("29.97")));
  CHECK_FALSE(parse_timecode("00:01:00;03", rate_of("59.94"), &error));
  CHECK_FALSE(parse_timecode("01:00:00:0x", rate_of("24"), &error));
}
