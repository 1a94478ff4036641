#include <catch2/catch.hpp>

#include "scene/model/calendar.h"

using namespace scene;

TEST_CASE("known day numbers", "[calendar]") {
  CHECK(day_number({1233, 1, 1}, Calendar::Julian) == 2171412);
  CHECK(day_number({1233, 11, 5}, Calendar::Julian) == 2171720);
  CHECK(day_number({1234, 2, 9}, Calendar::Julian) == 2171816);
  // The Gregorian reform: Thursday 4 October 1582 (Julian) was followed by Friday 15 October.
  CHECK(day_number({1582, 10, 4}, Calendar::Julian) == 2299160);
  CHECK(day_number({1582, 10, 15}, Calendar::Gregorian) == 2299161);
  CHECK(day_number({2000, 1, 1}, Calendar::Gregorian) == 2451545);
  // Day 0 of the count: 1 January 4713 BC (Julian) = 24 November 4714 BC (proleptic Gregorian).
  CHECK(day_number({-4712, 1, 1}, Calendar::Julian) == 0);
  CHECK(day_number({-4713, 11, 24}, Calendar::Gregorian) == 0);
  CHECK(day_number({1, 1, 1}, Calendar::Julian) == 1721424);
  CHECK(day_number({0, 12, 31}, Calendar::Julian) == 1721423);
}

TEST_CASE("civil_date inverts day_number, negative years included", "[calendar]") {
  // Every day over ~13,700 years, each checked without Catch's per-assertion cost.
  for (Calendar cal : {Calendar::Julian, Calendar::Gregorian}) {
    CivilDate previous = civil_date(-2'000'001, cal);
    std::int64_t first_bad = 0;
    int bad = 0;
    for (std::int64_t n = -2'000'000; n < 3'000'000; ++n) {
      const CivilDate d = civil_date(n, cal);
      const bool next_in_month = d.year == previous.year && d.month == previous.month && d.day == previous.day + 1;
      const bool first_of_next_month =
          d.day == 1 && ((d.year == previous.year && d.month == previous.month + 1) ||
                         (d.year == previous.year + 1 && d.month == 1 && previous.month == 12));
      if (!is_valid(d, cal) || day_number(d, cal) != n || !(next_in_month || first_of_next_month)) {
        if (bad++ == 0) first_bad = n;
      }
      previous = d;
    }
    INFO("calendar " << to_string(cal) << ", first bad day number " << first_bad);
    CHECK(bad == 0);
  }
  CHECK(civil_date(2171412, Calendar::Julian) == CivilDate{1233, 1, 1});
  CHECK(civil_date(2299160, Calendar::Julian) == CivilDate{1582, 10, 4});
  CHECK(civil_date(2299161, Calendar::Gregorian) == CivilDate{1582, 10, 15});
  CHECK(civil_date(2299161, Calendar::Julian) == CivilDate{1582, 10, 5});
}

TEST_CASE("leap years differ between the calendars", "[calendar]") {
  CHECK(is_valid({1300, 2, 29}, Calendar::Julian));
  CHECK_FALSE(is_valid({1300, 2, 29}, Calendar::Gregorian));
  CHECK(is_valid({1600, 2, 29}, Calendar::Gregorian));
  CHECK(is_valid({1232, 2, 29}, Calendar::Julian));
  CHECK_FALSE(is_valid({1233, 2, 29}, Calendar::Julian));
  CHECK(is_valid({0, 2, 29}, Calendar::Julian));   // 1 BC was a leap year
  CHECK(is_valid({-4, 2, 29}, Calendar::Julian));  // 5 BC
  CHECK_FALSE(is_valid({-1, 2, 29}, Calendar::Julian));
  CHECK_FALSE(is_valid({1233, 13, 1}, Calendar::Julian));
  CHECK_FALSE(is_valid({1233, 4, 31}, Calendar::Julian));
  CHECK_FALSE(is_valid({1233, 4, 0}, Calendar::Julian));
}

TEST_CASE("parse_day reads dates and times strictly", "[calendar]") {
  std::string error;
  auto day = parse_day("1233-11-05", Calendar::Julian, &error);
  REQUIRE(day);
  CHECK(*day == 2171720.0);
  day = parse_day("1233-11-05T06:30", Calendar::Julian);
  REQUIRE(day);
  CHECK(*day == Approx(2171720.0 + 6.5 / 24).epsilon(1e-12));
  day = parse_day("-0043-03-15", Calendar::Julian);
  REQUIRE(day);
  CHECK(civil_date(static_cast<std::int64_t>(*day), Calendar::Julian) == CivilDate{-43, 3, 15});

  CHECK_FALSE(parse_day("1233-02-30", Calendar::Julian, &error));
  CHECK(error == "1233-02-30: February 1233 has 28 days in the julian calendar");
  CHECK_FALSE(parse_day("1300-02-29", Calendar::Gregorian, &error));
  CHECK(error == "1300-02-29: February 1300 has 28 days in the gregorian calendar");
  CHECK(parse_day("1300-02-29", Calendar::Julian));
  CHECK_FALSE(parse_day("1233-13-01", Calendar::Julian, &error));
  CHECK(error == "1233-13-01: month 13 is not 1..12");
  CHECK_FALSE(parse_day("1233-00-10", Calendar::Julian, &error));
  CHECK(error == "1233-00-10: month 0 is not 1..12");
  CHECK_FALSE(parse_day("1233-11-05T24:00", Calendar::Julian, &error));
  CHECK(error == "1233-11-05T24:00: hour 24 is not 00..23");
  CHECK_FALSE(parse_day("1233-11-05T10:60", Calendar::Julian, &error));
  CHECK(error == "1233-11-05T10:60: minute 60 is not 00..59");

  for (const char* bad :
       {"", "1233", "1233-1-05", "1233-11-5", "233-11-05", "1233/11/05", "1233-11-05T6:30", "1233-11-05T06:30:00",
        "1233-11-05 ", " 1233-11-05", "1233-11-05T", "+1233-11-05", "1233-11-0x", "12a3-11-05"}) {
    INFO(bad);
    error.clear();
    CHECK_FALSE(parse_day(bad, Calendar::Julian, &error));
    CHECK_FALSE(error.empty());
  }
  CHECK_FALSE(parse_day("1233-11-31", Calendar::Julian));  // no error pointer: still fine
}

TEST_CASE("format_day and format_iso", "[calendar]") {
  const Day nov5 = 2171720;
  CHECK(format_day(nov5, Calendar::Julian) == "5 November 1233");
  CHECK(format_day(nov5 + 6.5 / 24, Calendar::Julian) == "5 November 1233");
  CHECK(format_day(nov5 + 6.5 / 24, Calendar::Julian, true) == "5 November 1233, 06:30");
  CHECK(format_day(nov5, Calendar::Julian, true) == "5 November 1233");
  CHECK(format_day(2171816, Calendar::Julian) == "9 February 1234");
  CHECK(format_day(2299161, Calendar::Gregorian) == "15 October 1582");
  CHECK(format_day(1721423, Calendar::Julian) == "31 December 1 BC");
  CHECK(format_iso(nov5 + 0.99, Calendar::Julian) == "1233-11-05");
  CHECK(format_iso(2171816, Calendar::Julian) == "1234-02-09");
  CHECK(format_iso(*parse_day("-0043-03-15", Calendar::Julian), Calendar::Julian) == "-0043-03-15");
  // Rounded to the minute: a hair before midnight is the next day, not "24:00".
  CHECK(format_day(nov5 + 1 - 1e-7, Calendar::Julian, true) == "6 November 1233");
  // Round trip through the text form.
  for (const char* text : {"1233-01-01", "1233-09-09T21:15", "1125-12-31T23:59", "1582-10-04"}) {
    const auto day = parse_day(text, Calendar::Julian);
    REQUIRE(day);
    const std::string iso = format_iso(*day, Calendar::Julian);
    CHECK(std::string(text).substr(0, 10) == iso);
  }
}

TEST_CASE("calendar names", "[calendar]") {
  CHECK(to_string(Calendar::Julian) == "julian");
  CHECK(to_string(Calendar::Gregorian) == "gregorian");
  CHECK(calendar_from_string("julian") == Calendar::Julian);
  CHECK(calendar_from_string("gregorian") == Calendar::Gregorian);
  CHECK_FALSE(calendar_from_string("Julian"));
  CHECK_FALSE(calendar_from_string("lunar"));
}
