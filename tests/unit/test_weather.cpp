// The weather at an instant: the season's and the hour's defaults where a scenario says
// nothing, and its keyed environment.weather tracks where it does.
#include <catch2/catch.hpp>

#include "scene/sim/evaluate.h"
#include "scene/sim/weather.h"
#include "test_scenarios.h"

using namespace scene;
using test_scenarios::julian;

namespace {

Scenario plain() {
  Scenario s = test_scenarios::three_phases();
  s.environment.latitude = 33.0;
  return s;
}

}  // namespace

TEST_CASE("weather: the seasons' defaults", "[weather]") {
  const Scenario s = plain();
  CHECK(winter_weight(julian(1234, 1, 10), 33.0) > 0.95f);
  CHECK(winter_weight(julian(1233, 7, 10), 33.0) == 0.0f);
  CHECK(winter_weight(julian(1233, 7, 10), -33.0) > 0.95f);  // the southern winter
  CHECK(mist_season(julian(1233, 11, 20), 33.0) > 0.9f);
  CHECK(mist_season(julian(1233, 6, 1), 33.0) == 0.0f);
  // Winter sunrise is late, summer's early (apparent solar time, 33° N).
  CHECK(sunrise_hour(julian(1233, 12, 14), 33.0) == Approx(7.1).margin(0.15));
  CHECK(sunrise_hour(julian(1233, 6, 14), 33.0) == Approx(4.9).margin(0.15));

  const Day winter = julian(1234, 1, 10);
  const float dawn = static_cast<float>(sunrise_hour(winter, 33.0));
  const WeatherState winter_dawn = weather_at(s, winter, dawn);
  CHECK(winter_dawn.cloud_cover == kDefaultCloudCover);
  CHECK(winter_dawn.precipitation == Precipitation::None);
  CHECK(winter_dawn.snow_cover == 0.0f);
  CHECK(winter_dawn.frost > 0.5f);  // a clear winter dawn frosts the stubble
  CHECK(winter_dawn.mist > 0.3f);   // and lays mist over the water
  const WeatherState winter_afternoon = weather_at(s, winter, 14.0f);
  CHECK(winter_afternoon.frost == 0.0f);
  CHECK(winter_afternoon.mist == 0.0f);
  const WeatherState summer_dawn = weather_at(s, julian(1233, 7, 10), 5.0f);
  CHECK(summer_dawn.frost == 0.0f);
  CHECK(summer_dawn.mist == 0.0f);
  CHECK(summer_dawn.wetness == 0.0f);
  CHECK(summer_dawn.haze == 1.0f);
}

TEST_CASE("weather: keyed tracks replace the defaults and rain wets the ground for a while", "[weather]") {
  Scenario s = plain();
  s.environment.haze = 1.5f;
  Weather& w = s.environment.weather;
  w.cloud_cover.keys = {{julian(1233, 12, 1), 0.1f}, {julian(1233, 12, 3), 0.9f}};
  w.precipitation.interp = Interp::Step;
  w.precipitation.keys = {{julian(1233, 8, 1), Precipitation::None},
                          {julian(1233, 12, 5), Precipitation::Rain},
                          {julian(1233, 12, 6), Precipitation::None},
                          {julian(1234, 1, 20), Precipitation::Snow},
                          {julian(1234, 1, 21), Precipitation::None}};
  w.snow_cover.keys = {{julian(1234, 1, 20), 0.0f},
                       {julian(1234, 1, 21), 0.6f},
                       {julian(1234, 1, 28), 0.6f},
                       {julian(1234, 2, 5), 0.0f}};
  w.haze.keys = {{julian(1233, 8, 1), 2.0f}};

  CHECK(weather_at(s, julian(1233, 12, 2), 14.0f).cloud_cover == Approx(0.5f));
  const WeatherState raining = weather_at(s, julian(1233, 12, 5, 12), 14.0f);
  CHECK(raining.precipitation == Precipitation::Rain);
  CHECK(raining.precipitation_rate == 0.5f);  // a kind keyed without a rate
  CHECK(raining.cloud_cover >= 0.75f);
  CHECK(raining.wetness > 0.5f);
  CHECK(raining.haze == Approx(1.5f * 2.0f * 1.5f));
  // Half a day after the rain the ground is still wet; two days after it is dry.
  CHECK(weather_at(s, julian(1233, 12, 6, 12), 14.0f).wetness > 0.2f);
  CHECK(weather_at(s, julian(1233, 12, 8), 14.0f).wetness == 0.0f);
  CHECK(weather_at(s, julian(1233, 12, 8), 14.0f).precipitation == Precipitation::None);

  const WeatherState snowing = weather_at(s, julian(1234, 1, 20, 12), 14.0f);
  CHECK(snowing.precipitation == Precipitation::Snow);
  CHECK(snowing.snow_cover == Approx(0.3f));
  CHECK(snowing.wetness == 0.0f);
  const WeatherState lying = weather_at(s, julian(1234, 1, 25), 14.0f);
  CHECK(lying.snow_cover > 0.4f);
  CHECK(lying.precipitation == Precipitation::None);
  CHECK(lying.wetness == 0.0f);
  // The thaw (0.6 to 0 from 28 January to 5 February) turns the fields to mud.
  const WeatherState thaw = weather_at(s, julian(1234, 2, 1), 14.0f);
  CHECK(thaw.snow_cover < lying.snow_cover);
  CHECK(thaw.wetness > 0.1f);
  // Snow under an overcast sky hides the frost.
  const WeatherState snowy_dawn = weather_at(s, julian(1234, 1, 21), 7.0f);
  const WeatherState clear_dawn = weather_at(plain(), julian(1234, 1, 21), 7.0f);
  CHECK(snowy_dawn.frost < clear_dawn.frost);
  w.precipitation_rate.keys = {{julian(1234, 1, 20), 0.9f}};
  CHECK(weather_at(s, julian(1234, 1, 20, 12), 14.0f).precipitation_rate == Approx(0.9f));
}

TEST_CASE("weather: evaluate fills the snapshot's weather at the hour shown", "[weather]") {
  Scenario s = plain();
  s.environment.weather.snow_cover.keys = {{julian(1233, 11, 30), 0.0f}, {julian(1233, 12, 1), 0.7f}};
  const Snapshot snow = evaluate(s, 70.0);  // the "fall" phase, winter of 1234
  CHECK(snow.weather.snow_cover == Approx(0.7f));
  const Snapshot autumn = evaluate(s, 20.0);
  CHECK(autumn.weather.snow_cover == 0.0f);
  Snapshot dawn = snow;
  set_hour(s, dawn, 7.0f);
  CHECK(dawn.weather.frost > snow.weather.frost);
}
