// Readers for the light and air of a scenario: where on earth it is, which hour a moment
// shows (environment.hour, a phase's or shot's "hour") and the weather's tracks.
#include "scene/load/load_entities.h"

namespace scene::loader {

namespace {

std::optional<float> to_float(std::optional<double> v) {
  if (!v) return std::nullopt;
  return static_cast<float>(*v);
}

std::optional<Track<float>> fraction_track(Reader& r, const Node& node) {
  return r.track<float>(node, [&](const Node& n) { return to_float(r.number(n, rules::unit_interval())); });
}

// Like every track, precipitation holds its first key's value before that key: a first key of
// rain or snow followed by others is nearly always a shower meant to start there, not at the
// scenario's beginning.
void warn_if_falling_from_the_start(Reader& r, const Node& node, const Track<Precipitation>& track) {
  if (track.keys.size() < 2 || track.keys.front().v == Precipitation::None) return;
  const char* kind = track.keys.front().v == Precipitation::Rain ? "rain" : "snow";
  r.warning(node.pointer + "/keys/0", std::string("the first key is \"") + kind +
                                          "\", and a track holds its first value before its first key, so it " + kind +
                                          "s from the scenario's start; begin with a \"none\" key");
}

void read_weather(Reader& r, const Node& node, Weather& weather) {
  const Object o = r.object(
      node, "a weather {\"cloud_cover\", \"precipitation\", \"precipitation_rate\", \"snow_cover\", ...}",
      {"cloud_cover", "precipitation", "precipitation_rate", "snow_cover", "mist", "haze", "sources", "notes"});
  if (!o) return;
  r.set(fraction_track(r, o.get("cloud_cover")), weather.cloud_cover);
  r.set(r.track<Precipitation>(
            o.get("precipitation"),
            [&](const Node& n) {
              return r.enumeration<Precipitation>(
                  n, {{"none", Precipitation::None}, {"rain", Precipitation::Rain}, {"snow", Precipitation::Snow}});
            },
            true),
        weather.precipitation);
  warn_if_falling_from_the_start(r, o.get("precipitation"), weather.precipitation);
  r.set(fraction_track(r, o.get("precipitation_rate")), weather.precipitation_rate);
  r.set(fraction_track(r, o.get("snow_cover")), weather.snow_cover);
  r.set(fraction_track(r, o.get("mist")), weather.mist);
  r.set(r.track<float>(o.get("haze"), [&](const Node& n) { return to_float(r.number(n, rules::non_negative(100))); }),
        weather.haze);
  weather.provenance = r.provenance(o, false);
}

}  // namespace

void read_environment(Reader& r, const Node& node, Environment& environment) {
  const Object o = r.object(node, "an environment {\"latitude\", \"longitude\", \"hour\", \"haze\", \"weather\"}",
                            {"latitude", "longitude", "hour", "haze", "weather"});
  if (!o) return;
  r.set(r.number(o.get("latitude"), rules::range(-90, 90)), environment.latitude);
  r.set(r.number(o.get("longitude"), rules::range(-180, 180)), environment.longitude);
  r.set(r.track<float>(o.get("hour"), [&](const Node& n) { return to_float(r.number(n, rules::range(0, 24))); }),
        environment.hour);
  r.set(r.number(o.get("haze"), rules::non_negative(100)), environment.haze);
  if (const Node weather = o.get("weather")) read_weather(r, weather, environment.weather);
}

std::optional<HourRule> read_hour_rule(Reader& r, const Node& node) {
  if (!node) return std::nullopt;
  HourRule rule;
  if (node.value->is_string()) {
    if (node.value->get_ref<const std::string&>() == "clock") {
      rule.mode = HourRule::Mode::Clock;
      return rule;
    }
    r.error(node.pointer,
            "expected an hour 0..24 (held over the phase or shot) or \"clock\" (follow the day's "
            "clock), found " +
                describe_found(*node.value));
    return std::nullopt;
  }
  const std::optional<double> hour = r.number(node, rules::range(0, 24));
  if (!hour) return std::nullopt;
  rule.mode = HourRule::Mode::Hold;
  rule.hour = static_cast<float>(*hour);
  return rule;
}

}  // namespace scene::loader
