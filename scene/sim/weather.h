// The weather at an instant: the scenario's environment.weather tracks where it keys them,
// else defaults from the season and the hour. Pure, like evaluate: anything that depends on
// the past (wet ground after rain) is read back from the tracks, not remembered.
//
// Defaults where the scenario says nothing:
//   cloud_cover 0.2 (fair); at least 0.75 while rain or snow falls;
//   precipitation none; its rate 0.5 when a kind is keyed without one;
//   snow_cover 0: snow lies only where the scenario says it does;
//   frost on clear winter nights and dawns, gone by mid-morning (none under snow);
//   mist at dawn from autumn to early spring on clear mornings, burning off after sunrise;
//   wetness from rain in the last day and a half, and mud where snow is melting;
//   haze = environment.haze × the weather's "haze" track × (1 + precipitation rate).
#pragma once

#include "scene/model/scenario.h"
#include "scene/model/snapshot.h"

namespace scene {

inline constexpr float kDefaultCloudCover = 0.2f;

// 0..1: how deep in winter the date is (1 in mid-January in the north, 0 from April to
// October), from the sun's ecliptic longitude so it holds in either calendar.
float winter_weight(Day day, double latitude_deg);
// 0..1: the season of dawn mists, mid-September to mid-March in the north.
float mist_season(Day day, double latitude_deg);
// Local apparent solar hour of sunrise on `day` (6 where the sun never sets or rises).
double sunrise_hour(Day day, double latitude_deg);

WeatherState weather_at(const Scenario& scenario, Day day, float hour);

}  // namespace scene
