// Julian and proleptic Gregorian calendars <-> chronological Julian day numbers.
//
// Both directions count from a year that starts on 1 March, so the leap day is the last day
// of the counting year and the month lengths from March on follow one closed formula. All
// divisions that may see negative values are floor divisions, so the same arithmetic is
// right for years before 1 AD (astronomical numbering: year 0 is 1 BC).
#include "scene/model/calendar.h"

#include <array>
#include <cmath>
#include <cstdio>

namespace scene {

namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// Chronological Julian day number of 1 March of year 0 in each calendar.
constexpr std::int64_t kJulianMarchEpoch = 1721118;
constexpr std::int64_t kGregorianMarchEpoch = 1721120;
constexpr std::int64_t kDaysPer4JulianYears = 4 * 365 + 1;
constexpr std::int64_t kDaysPer400GregorianYears = 400 * 365 + 97;

// Days from 1 March to the first of month index m (0 = March .. 11 = February): the month
// lengths 31,30,31,30,31 repeat from March, which this line reproduces.
std::int64_t days_before_month(std::int64_t m) { return (153 * m + 2) / 5; }

constexpr std::array<const char*, 12> kMonthNames = {"January",   "February", "March",    "April",
                                                     "May",       "June",     "July",     "August",
                                                     "September", "October",  "November", "December"};

bool is_leap_year(int year, Calendar calendar) {
  const auto y = static_cast<std::int64_t>(year);
  if (calendar == Calendar::Julian) return floor_div(y, 4) * 4 == y;
  if (floor_div(y, 400) * 400 == y) return true;
  if (floor_div(y, 100) * 100 == y) return false;
  return floor_div(y, 4) * 4 == y;
}

int days_in_month(int year, int month, Calendar calendar) {
  static constexpr std::array<int, 12> kLengths = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year, calendar)) return 29;
  return kLengths[static_cast<size_t>(month - 1)];
}

// Splits a day into its whole day number and minutes past midnight, rounded to the minute
// (so 23:59:59.9 shows as the next day's 00:00, never as "24:00").
struct DayAndMinute {
  std::int64_t day_number;
  int minute;
};
DayAndMinute split_day(Day day) {
  const auto minutes = static_cast<std::int64_t>(std::llround(day * 1440.0));
  const std::int64_t day_number = floor_div(minutes, 1440);
  return {day_number, static_cast<int>(minutes - day_number * 1440)};
}

std::string format_year(int year) {
  // Astronomical year 0 is 1 BC; a documentary writes BC years the historians' way.
  return year > 0 ? std::to_string(year) : std::to_string(1 - year) + " BC";
}

// Reads exactly `count` ASCII digits at text[pos].
bool read_digits(std::string_view text, size_t pos, size_t count, int& out) {
  if (pos + count > text.size()) return false;
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  out = value;
  return true;
}

bool fail(std::string* error, std::string message) {
  if (error) *error = std::move(message);
  return false;
}

}  // namespace

std::int64_t day_number(CivilDate date, Calendar calendar) {
  // Count years from March, so January and February belong to the previous counting year.
  const std::int64_t y = static_cast<std::int64_t>(date.year) - (date.month <= 2 ? 1 : 0);
  const std::int64_t m = (date.month + 9) % 12;  // March = 0
  const std::int64_t day_of_year = days_before_month(m) + date.day - 1;
  if (calendar == Calendar::Julian) return kJulianMarchEpoch + 365 * y + floor_div(y, 4) + day_of_year;
  return kGregorianMarchEpoch + 365 * y + floor_div(y, 4) - floor_div(y, 100) + floor_div(y, 400) + day_of_year;
}

CivilDate civil_date(std::int64_t jdn, Calendar calendar) {
  std::int64_t year = 0;  // counting year, starting 1 March
  std::int64_t day_of_year = 0;
  if (calendar == Calendar::Julian) {
    const std::int64_t days = jdn - kJulianMarchEpoch;
    const std::int64_t cycle = floor_div(days, kDaysPer4JulianYears);
    const std::int64_t day_of_cycle = days - cycle * kDaysPer4JulianYears;  // 0..1460
    // Years of 365, 365, 365, 366 days: the last day of the cycle still belongs to year 3.
    const std::int64_t year_of_cycle = (day_of_cycle - day_of_cycle / 1460) / 365;
    year = cycle * 4 + year_of_cycle;
    day_of_year = day_of_cycle - 365 * year_of_cycle;
  } else {
    const std::int64_t days = jdn - kGregorianMarchEpoch;
    const std::int64_t era = floor_div(days, kDaysPer400GregorianYears);
    const std::int64_t day_of_era = days - era * kDaysPer400GregorianYears;  // 0..146096
    // Remove the leap days of the 4-, 100- and 400-year cycles so 365 divides evenly.
    const std::int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    year = era * 400 + year_of_era;
    day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  }
  const std::int64_t m = (5 * day_of_year + 2) / 153;  // inverse of days_before_month
  CivilDate date;
  date.day = static_cast<int>(day_of_year - days_before_month(m) + 1);
  date.month = static_cast<int>(m < 10 ? m + 3 : m - 9);
  date.year = static_cast<int>(year + (date.month <= 2 ? 1 : 0));
  return date;
}

bool is_valid(CivilDate date, Calendar calendar) {
  if (date.month < 1 || date.month > 12) return false;
  return date.day >= 1 && date.day <= days_in_month(date.year, date.month, calendar);
}

std::optional<Day> parse_day(std::string_view text, Calendar calendar, std::string* error) {
  const std::string quoted(text);
  const auto shape_error = [&] {
    fail(error, "\"" + quoted + "\" is not a date: expected YYYY-MM-DD or YYYY-MM-DDThh:mm");
    return std::nullopt;
  };
  // An optional minus sign for years before 1 BC (astronomical numbering), then exact digits.
  const size_t sign = (!text.empty() && text[0] == '-') ? 1 : 0;
  CivilDate date;
  if (!read_digits(text, sign, 4, date.year) || text.size() < sign + 10 || text[sign + 4] != '-' ||
      !read_digits(text, sign + 5, 2, date.month) || text[sign + 7] != '-' || !read_digits(text, sign + 8, 2, date.day))
    return shape_error();
  if (sign) date.year = -date.year;

  int hour = 0, minute = 0;
  const size_t date_end = sign + 10;
  if (text.size() != date_end) {
    if (text.size() != date_end + 6 || text[date_end] != 'T' || text[date_end + 3] != ':' ||
        !read_digits(text, date_end + 1, 2, hour) || !read_digits(text, date_end + 4, 2, minute))
      return shape_error();
  }

  if (date.month < 1 || date.month > 12) {
    fail(error, quoted + ": month " + std::to_string(date.month) + " is not 1..12");
    return std::nullopt;
  }
  const int month_days = days_in_month(date.year, date.month, calendar);
  if (date.day < 1 || date.day > month_days) {
    fail(error, quoted + ": " + kMonthNames[static_cast<size_t>(date.month - 1)] + " " + format_year(date.year) +
                    " has " + std::to_string(month_days) + " days in the " + std::string(to_string(calendar)) +
                    " calendar");
    return std::nullopt;
  }
  if (hour > 23) {
    fail(error, quoted + ": hour " + std::to_string(hour) + " is not 00..23");
    return std::nullopt;
  }
  if (minute > 59) {
    fail(error, quoted + ": minute " + std::to_string(minute) + " is not 00..59");
    return std::nullopt;
  }
  return static_cast<Day>(day_number(date, calendar)) + (hour * 60 + minute) / 1440.0;
}

std::string format_day(Day day, Calendar calendar, bool with_time) {
  const DayAndMinute split = split_day(day);
  const CivilDate date = civil_date(split.day_number, calendar);
  std::string text =
      std::to_string(date.day) + " " + kMonthNames[static_cast<size_t>(date.month - 1)] + " " + format_year(date.year);
  if (with_time && split.minute != 0) {
    char clock[16];
    std::snprintf(clock, sizeof clock, ", %02d:%02d", split.minute / 60, split.minute % 60);
    text += clock;
  }
  return text;
}

std::string format_iso(Day day, Calendar calendar) {
  const CivilDate date = civil_date(split_day(day).day_number, calendar);
  char text[32];
  std::snprintf(text, sizeof text, "%s%04d-%02d-%02d", date.year < 0 ? "-" : "", date.year < 0 ? -date.year : date.year,
                date.month, date.day);
  return text;
}

std::string_view to_string(Calendar calendar) { return calendar == Calendar::Julian ? "julian" : "gregorian"; }

std::optional<Calendar> calendar_from_string(std::string_view text) {
  if (text == "julian") return Calendar::Julian;
  if (text == "gregorian") return Calendar::Gregorian;
  return std::nullopt;
}

}  // namespace scene
