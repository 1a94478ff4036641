// Historical time: a continuous day count, and the civil calendars historians write it in.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace scene {

// Historical time in days: the chronological Julian day number (a day starts at local
// midnight) plus the fraction of the day. 1 January 1233 (Julian) is day 2171412.
using Day = double;

// Julian for these centuries, as historians of the Song, Jin and Mongols write them;
// Gregorian is accepted for completeness (proleptic before 1582).
enum class Calendar { Julian, Gregorian };

struct CivilDate {
  int year = 0;   // astronomical numbering: 0 = 1 BC
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

// Chronological Julian day number of a civil date.
std::int64_t day_number(CivilDate date, Calendar calendar);
// Inverse of day_number.
CivilDate civil_date(std::int64_t day_number, Calendar calendar);
bool is_valid(CivilDate date, Calendar calendar);

// Parses "YYYY-MM-DD" or "YYYY-MM-DDThh:mm" in the given calendar. On failure returns
// nullopt and, if error is given, a sentence saying what is wrong ("month 13 is not 1..12").
std::optional<Day> parse_day(std::string_view text, Calendar calendar, std::string* error = nullptr);

// "5 November 1233" (and ", 06:30" when the time of day is not midnight and with_time).
std::string format_day(Day day, Calendar calendar, bool with_time = false);
// "1233-11-05"
std::string format_iso(Day day, Calendar calendar);

std::string_view to_string(Calendar calendar);
std::optional<Calendar> calendar_from_string(std::string_view text);

// A date as a source gives it: the day, whether it is approximate, and the Chinese lunar
// date with reign era exactly as written (e.g. "天兴二年九月初九"), which may be empty.
struct HistoricalDate {
  Day day = 0;
  bool approximate = false;
  std::string lunar;
};

}  // namespace scene
