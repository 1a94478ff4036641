// The moon and the turning sky against values worked out independently: Meeus's worked
// example, a modern full moon (the total lunar eclipse of 21 January 2000), the solar eclipse
// of 2 August 1133 (Julian; a new moon near a node), the lunar dates the record gives for
// the sieges, and the sidereal clock.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <string>

#include "scene/load/load.h"
#include "scene/model/calendar.h"
#include "scene/sim/moon.h"
#include "scene/sim/sky.h"
#include "scene/sim/sun.h"
#include "test_scenarios.h"

using namespace scene;
using test_scenarios::julian;

namespace {

constexpr double kRad = 3.14159265358979323846 / 180.0;

// Days from a to b round the synodic month, in -14.8..14.8.
double age_difference(double a, double b) {
  double d = std::fmod(b - a, kSynodicMonthDays);
  if (d > kSynodicMonthDays / 2) d -= kSynodicMonthDays;
  if (d < -kSynodicMonthDays / 2) d += kSynodicMonthDays;
  return d;
}

double degrees_between(glm::vec3 a, glm::vec3 b) {
  return std::acos(std::clamp(static_cast<double>(glm::dot(glm::normalize(a), glm::normalize(b))), -1.0, 1.0)) / kRad;
}

// The moon's age at local apparent noon of a day at Caizhou's longitude.
double age_at_noon(Day day, double longitude = 114.36) {
  return sky_at(std::floor(day) + 0.5, 12.0, 33.0, longitude).moon.age_days;
}

// The local time of the new moon (elongation 0) nearest `day`, at Caizhou's longitude.
Day new_moon_near(Day day) {
  Day best = day;
  double closest = 1e9;
  for (Day t = day - 2.0; t <= day + 2.0; t += 1.0 / 288) {
    const double e = moon_position(julian_date_ut(t, 114.36) + delta_t_days(1233.9)).elongation_deg;
    const double off = std::min(e, 360.0 - e);
    if (off < closest) closest = off, best = t;
  }
  return best;
}

// The day of the month in a lunar date as the record writes it ("天兴三年正月初十" → 10,
// "宣和七年十二月十八日" → 18); 0 when it gives only the month or a cyclical day.
int lunar_day_of_month(const std::string& lunar) {
  const std::size_t month = lunar.rfind("月");
  if (month == std::string::npos) return 0;
  std::string rest = lunar.substr(month + std::string("月").size());
  if (rest.size() >= 3 && rest.compare(rest.size() - 3, 3, "日") == 0) rest.erase(rest.size() - 3);
  static const std::map<std::string, int> digits = {{"一", 1}, {"二", 2}, {"三", 3}, {"四", 4}, {"五", 5},
                                                    {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9}, {"十", 10}};
  std::vector<int> values;
  for (std::size_t i = 0; i + 3 <= rest.size(); i += 3) {
    const std::string ch = rest.substr(i, 3);
    if (ch == "初") continue;
    if (ch == "廿") {
      values.push_back(20);
      continue;
    }
    const auto it = digits.find(ch);
    if (it == digits.end()) return 0;  // a cyclical day (己卯) or anything else
    values.push_back(it->second);
  }
  if (values.empty()) return 0;
  if (values.size() == 1) return values[0];                                      // 初九, 十
  if (values.size() == 2 && values[0] == 10) return 10 + values[1];              // 十八
  if (values.size() == 2 && values[1] == 10) return values[0] * 10;              // 二十, 三十
  if (values.size() == 2 && values[0] == 20) return 20 + values[1];              // 廿三
  if (values.size() == 3 && values[1] == 10) return values[0] * 10 + values[2];  // 二十三
  return 0;
}

}  // namespace

TEST_CASE("moon: Meeus's example 47.a, 12 April 1992 0h TD", "[moon]") {
  const MoonPosition moon = moon_position(2448724.5);
  CHECK(moon.ecliptic_longitude_deg == Approx(133.162655).margin(0.3));
  CHECK(moon.ecliptic_latitude_deg == Approx(-3.229126).margin(0.2));
  CHECK(moon.distance_km == Approx(368409.7).margin(1500));
  // Meeus 47.a also gives the apparent right ascension and declination.
  CHECK(moon.right_ascension_deg == Approx(134.688470).margin(0.4));
  CHECK(moon.declination_deg == Approx(13.768368).margin(0.4));
}

TEST_CASE("moon: full on 21 January 2000 (total lunar eclipse, 04:44 UT)", "[moon]") {
  const MoonPosition full = moon_position(2451564.697 + 64.0 / 86400);
  CHECK(full.illuminated > 0.98);
  CHECK(std::abs(full.ecliptic_latitude_deg) < 0.6);  // at a node: the earth's shadow falls on it
  CHECK(full.elongation_deg == Approx(180.0).margin(1.5));
  // Days since the new moon of 6 January 2000, 18:14 UT (not half a mean month: the moon ran fast).
  CHECK(full.age_days == Approx(2451564.697 - 2451550.260).margin(0.05));
  // A week later it is a waning half moon.
  const MoonPosition later = moon_position(2451564.697 + 7.4);
  CHECK_FALSE(later.waxing);
  CHECK(later.illuminated == Approx(0.5).margin(0.12));
}

TEST_CASE("moon: new at the solar eclipse of 2 August 1133 (Julian), eight centuries back", "[moon]") {
  // Conjunction: the elongation passes through 0 within that day, at a node.
  const double noon_ut = static_cast<double>(day_number({1133, 8, 2}, Calendar::Julian));
  double best_jd = 0, best = 1e9;
  for (double jd = noon_ut - 1.0; jd <= noon_ut + 1.0; jd += 1.0 / 96) {
    const MoonPosition moon = moon_position(jd + delta_t_days(1133.6));
    const double off = std::min(moon.elongation_deg, 360.0 - moon.elongation_deg);
    if (off < best) best = off, best_jd = jd;
  }
  CHECK(best < 0.3);
  CHECK(best_jd == Approx(noon_ut).margin(0.5));
  const MoonPosition at = moon_position(best_jd + delta_t_days(1133.6));
  CHECK(std::abs(at.ecliptic_latitude_deg) < 1.0);
  CHECK(at.illuminated < 0.01);
}

TEST_CASE("moon: new on the first days of the months the record names at Caizhou", "[moon]") {
  // Jin shi 18 gives the first day (朔) of three months of 天兴二年 by its cyclical name;
  // counted through the day number: 八月癸酉朔 = 6 September, 九月癸卯朔 = 6 October,
  // 十一月辛丑朔 = 3 December 1233 (Julian). A month began on the day of the new moon as the
  // Jin calendar reckoned it, to within hours; the conjunction falls within half a day of it.
  for (const auto& [month, day] : {std::pair{9, 6}, std::pair{10, 6}, std::pair{12, 3}}) {
    const Day first = julian(1233, month, day);
    INFO("1233-" << month << "-" << day);
    const Day conjunction = new_moon_near(first + 0.5);
    CHECK(conjunction > first - 0.5);
    CHECK(conjunction < first + 1.5);
  }
  // 天兴三年正月初十 (己酉) = 9 February 1234, the fall: the moon nine to ten days old.
  CHECK(std::abs(age_difference(9.5, age_at_noon(julian(1234, 2, 9)))) < 1.0);
  // The fifteenth of the eleventh month (17 December 1233) and of the first (14 February
  // 1234) are full moons; at midnight the moon stands high in the south, opposite the sun.
  CHECK(sky_at(julian(1233, 12, 17, 0), 0.0, 33.0, 114.36).moon.illuminated > 0.95f);
  const Sky full = sky_at(julian(1234, 2, 14, 0), 0.0, 33.0, 114.36);
  CHECK(full.moon.illuminated > 0.95f);
  CHECK(full.moon.direction.y > 0.5f);
  CHECK(full.moon.direction.z > 0.0f);
  // So the Double Ninth (九月初九) fell on 14 October 1233, a moon eight days old; the brief's
  // 9 September (the phase's approximate date) has a moon of about three days.
  CHECK(std::abs(age_difference(8.5, age_at_noon(julian(1233, 10, 14)))) < 1.0);
  CHECK(std::abs(age_difference(8.5, age_at_noon(julian(1233, 9, 9)))) > 3.0);
}

TEST_CASE("moon: the shipped scenarios' exact lunar dates have the moon of their day", "[moon]") {
  int checked = 0;
  for (const char* id : {"caizhou", "taiyuan"}) {
    const std::string path = std::string(SIEGE_SOURCE_DIR) + "/assets/scenarios/" + id + ".json";
    const LoadResult result = load_scenario(path);
    REQUIRE(result.scenario.has_value());
    const Scenario& s = *result.scenario;
    for (const Phase& phase : s.phases) {
      for (const HistoricalDate* date : {&phase.start, &phase.end}) {
        const int day_of_month = lunar_day_of_month(date->lunar);
        if (date->approximate || day_of_month == 0) continue;
        INFO(id << " phase " << phase.id << ": " << date->lunar << " on " << format_iso(date->day, s.calendar));
        CHECK(std::abs(age_difference(day_of_month - 0.5, age_at_noon(date->day, s.environment.longitude))) < 1.0);
        ++checked;
      }
    }
  }
  CHECK(checked >= 1);
  CHECK(lunar_day_of_month("天兴二年九月初九") == 9);
  CHECK(lunar_day_of_month("宣和七年十二月十八日") == 18);
  CHECK(lunar_day_of_month("天兴二年十二月己卯") == 0);
  CHECK(lunar_day_of_month("靖康二年四月") == 0);
  CHECK(lunar_day_of_month("正月二十") == 20);
  CHECK(lunar_day_of_month("正月廿三") == 23);
}

TEST_CASE("sky: the sidereal clock from the sun agrees with Greenwich sidereal time", "[sky]") {
  // 1 March 2000 (Gregorian), 21:00 local apparent time at 114.36° E.
  const double longitude = 114.36;
  const Day day = static_cast<double>(day_number({2000, 3, 1}, Calendar::Gregorian)) + 21.0 / 24;
  const Sky sky = sky_at(day, 21.0, 33.0, longitude);
  const double jd = julian_date_ut(day, longitude);
  const double gmst = 280.46061837 + 360.98564736629 * (jd - 2451545.0);
  const double lst = std::fmod(std::fmod(gmst + longitude, 360.0) + 360.0, 360.0);
  double diff = std::fmod(sky.local_sidereal_deg - lst + 540.0, 360.0) - 180.0;
  CHECK(std::abs(diff) < 0.3);
}

TEST_CASE("sky: the celestial rotation puts the pole and the sun where they belong", "[sky]") {
  const Day day = julian(1234, 2, 9, 10);
  for (double hour : {3.0, 10.0, 17.5, 22.0}) {
    const Sky sky = sky_at(day, hour, 33.0, 114.36);
    const glm::mat3& m = sky.celestial_to_world;
    CHECK(glm::determinant(m) == Approx(1.0f).margin(1e-4));
    CHECK(glm::length(m * glm::vec3(1, 0, 0)) == Approx(1.0f).margin(1e-5));
    // The pole star stands due north at the latitude's height.
    const glm::vec3 pole = m * glm::vec3(0, 0, 1);
    CHECK(std::asin(pole.y) / kRad == Approx(33.0).margin(1e-3));
    CHECK(pole.x == Approx(0.0f).margin(1e-5));
    CHECK(pole.z < 0.0f);
    // The sun's equatorial direction lands on the sun.
    const double a = sky.sun_right_ascension_deg * kRad, d = sky.sun_declination_deg * kRad;
    const glm::vec3 equatorial(std::cos(d) * std::cos(a), std::cos(d) * std::sin(a), std::sin(d));
    CHECK(degrees_between(m * equatorial, sky.sun_direction) < 0.01);
  }
  // An hour later the stars have turned 15° about the pole, westwards.
  const Sky a = sky_at(day, 20.0, 33.0, 114.36), b = sky_at(day, 21.0, 33.0, 114.36);
  const glm::vec3 equator_star(1, 0, 0);
  CHECK(degrees_between(a.celestial_to_world * equator_star, b.celestial_to_world * equator_star) ==
        Approx(15.0).margin(0.01));
}

TEST_CASE("sun: the declination of Meeus's example 25.a, 13 October 1992", "[sun]") {
  const Day day = static_cast<double>(day_number({1992, 10, 13}, Calendar::Gregorian));
  CHECK(sun_equatorial(day).declination_deg == Approx(-7.78507).margin(0.05));
  CHECK(sun_equatorial(day).right_ascension_deg == Approx(198.38083).margin(0.05));
}
