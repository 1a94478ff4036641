#include "scene/sim/weather.h"

#include <algorithm>
#include <cmath>

#include "scene/sim/angles.h"
#include "scene/sim/sun.h"

namespace scene {

namespace {

constexpr float kPrecipitationCloud = 0.75f;  // the least cloud under falling rain or snow
constexpr float kDefaultRate = 0.5f;
constexpr float kFrostStrength = 1.0f;
constexpr float kMistStrength = 0.6f;
constexpr double kWetHistoryDays = 1.5;  // rain wets the ground for this long
constexpr int kWetSamples = 12;
constexpr float kMeltWetness = 4.0f;  // wetness per unit of snow cover lost in a day

float smoothstep(double edge0, double edge1, double x) {
  const double t = std::clamp((x - edge0) / (edge1 - edge0), 0.0, 1.0);
  return static_cast<float>(t * t * (3 - 2 * t));
}

// The sun's ecliptic longitude, turned half a year for the southern hemisphere.
double seasonal_longitude(Day day, double latitude_deg) {
  const double longitude = sun_equatorial(day).ecliptic_longitude_deg;
  return latitude_deg >= 0 ? longitude : longitude + 180.0;
}

// The rate of what falls at `day`: rain or snow as keyed, else nothing.
float precipitation_rate(const Weather& weather, Day day, Precipitation& kind) {
  kind = weather.precipitation.sample(day, Precipitation::None);
  if (kind == Precipitation::None) return 0.0f;
  return std::clamp(weather.precipitation_rate.sample(day, kDefaultRate), 0.0f, 1.0f);
}

// 1 from the evening through dawn, when clear nights frost the fields; 0 from mid-morning.
float frost_time(double hour, double sunrise) {
  const double sunset = 24.0 - sunrise;
  const float morning = 1.0f - smoothstep(sunrise + 1.0, sunrise + 3.0, hour);
  const float evening = smoothstep(sunset, sunset + 2.0, hour);
  return std::max(morning, evening);
}

// Rises in the last hours of the night, thickest about sunrise, gone a few hours after.
float mist_time(double hour, double sunrise) {
  return smoothstep(sunrise - 3.0, sunrise - 0.5, hour) * (1.0f - smoothstep(sunrise + 0.5, sunrise + 3.0, hour));
}

// Wet ground: the heaviest recent rain, fading over kWetHistoryDays, or snow melting into mud
// (cover lost over the last day).
float wetness_at(const Weather& weather, Day day) {
  float wet = 0.0f;
  for (int k = 0; k <= kWetSamples; ++k) {
    const double ago = kWetHistoryDays * k / kWetSamples;
    Precipitation kind = Precipitation::None;
    const float rate = precipitation_rate(weather, day - ago, kind);
    if (kind == Precipitation::Rain) wet = std::max(wet, rate * static_cast<float>(1.0 - ago / kWetHistoryDays));
  }
  const float melted = weather.snow_cover.sample(day - 1.0, 0.0f) - weather.snow_cover.sample(day, 0.0f);
  wet = std::max(wet, kMeltWetness * melted);
  return std::min(1.0f, wet * 1.5f);
}

}  // namespace

float winter_weight(Day day, double latitude_deg) {
  // Coldest about a month after the solstice (longitude 270°): mid-January.
  const double c = std::cos((seasonal_longitude(day, latitude_deg) - 300.0) * kRad);
  return std::clamp(static_cast<float>((c - 0.2) / 0.8), 0.0f, 1.0f);
}

float mist_season(Day day, double latitude_deg) {
  return std::max(0.0f, static_cast<float>(std::cos((seasonal_longitude(day, latitude_deg) - 262.0) * kRad)));
}

double sunrise_hour(Day day, double latitude_deg) {
  const double declination = sun_equatorial(day).declination_deg * kRad;
  const double latitude = latitude_deg * kRad;
  // The upper limb on the horizon, refraction included: the centre 0.83° below.
  const double c = (std::sin(-0.83 * kRad) - std::sin(latitude) * std::sin(declination)) /
                   (std::cos(latitude) * std::cos(declination));
  if (c <= -1.0 || c >= 1.0) return 6.0;
  return 12.0 - std::acos(c) / kRad / 15.0;
}

WeatherState weather_at(const Scenario& scenario, Day day, float hour) {
  const Environment& environment = scenario.environment;
  const Weather& keyed = environment.weather;
  WeatherState w;
  w.precipitation_rate = precipitation_rate(keyed, day, w.precipitation);
  w.cloud_cover = std::clamp(keyed.cloud_cover.sample(day, kDefaultCloudCover), 0.0f, 1.0f);
  if (w.precipitation != Precipitation::None)
    w.cloud_cover = std::max(w.cloud_cover, kPrecipitationCloud + (1.0f - kPrecipitationCloud) * w.precipitation_rate);
  w.snow_cover = std::clamp(keyed.snow_cover.sample(day, 0.0f), 0.0f, 1.0f);

  const double sunrise = sunrise_hour(day, environment.latitude);
  const float clear = 1.0f - w.cloud_cover;
  w.frost = kFrostStrength * winter_weight(day, environment.latitude) * clear * clear * frost_time(hour, sunrise) *
            (1.0f - w.snow_cover);
  if (w.precipitation == Precipitation::Rain) w.frost = 0.0f;
  w.mist = keyed.mist.empty()
               ? kMistStrength * mist_season(day, environment.latitude) * clear * mist_time(hour, sunrise)
               : std::clamp(keyed.mist.sample(day, 0.0f), 0.0f, 1.0f);
  w.wetness = wetness_at(keyed, day);
  w.haze = environment.haze * std::max(0.0f, keyed.haze.sample(day, 1.0f)) * (1.0f + w.precipitation_rate);
  return w;
}

}  // namespace scene
