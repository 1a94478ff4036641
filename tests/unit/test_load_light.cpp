// The loader on hours and weather: what it reads, and the file:line of what it refuses.
#include <catch2/catch.hpp>

#include "load_test_support.h"
#include "scene/sim/hours.h"

using namespace scene;
using namespace load_test;
using Catch::Matchers::Contains;

namespace {

std::string phases_with_hour(const std::string& hour) {
  return R"([{"id": "siege", "title": {"en": "S"}, "start": "1233-10-01", "end": "1233-11-01", "duration_s": 10, "hour": )" +
         hour + R"(, "sources": ["record"]}])";
}

std::string shots_with_hour(const std::string& hour) {
  return R"([{"id": "overview", "overview": true, "hour": )" + hour +
         R"(, "keys": [{"at": 0, "position": [0, 800, 1500], "target": [0, 0, 0]}]}])";
}

}  // namespace

TEST_CASE("load: phase and shot hours, held or following the clock", "[load][hours]") {
  const LoadResult held =
      load(scenario({{"phases", phases_with_hour("21.5")}, {"shots", shots_with_hour("\"clock\"")}}));
  INFO((errors(held).empty() ? std::string() : errors(held).front()));
  REQUIRE(held.scenario);
  CHECK(held.scenario->phases[0].hour.mode == HourRule::Mode::Hold);
  CHECK(held.scenario->phases[0].hour.hour == 21.5f);
  CHECK(held.scenario->shots[0].hour.mode == HourRule::Mode::Clock);
  const LoadResult none = load(scenario());
  REQUIRE(none.scenario);
  CHECK(none.scenario->phases[0].hour.mode == HourRule::Mode::Unset);
  CHECK(none.scenario->shots[0].hour.mode == HourRule::Mode::Unset);
}

TEST_CASE("load: hours out of 0..24 or not \"clock\" name their file and line", "[load][hours]") {
  const auto late = errors_of(scenario({{"phases", phases_with_hour("25")}}));
  REQUIRE(late.size() == 1);
  CHECK_THAT(late[0], Contains("t.json:10:") && Contains("/phases/0/hour: expected a number in 0..24, found 25"));

  const auto noon = errors_of(scenario({{"shots", shots_with_hour("\"noon\"")}}));
  REQUIRE(noon.size() == 1);
  CHECK_THAT(noon[0], Contains("t.json:11:") && Contains("/shots/0/hour: expected an hour 0..24") &&
                          Contains("or \"clock\"") && Contains("found \"noon\""));

  const auto environment =
      errors_of(scenario({}, R"(  "environment": {"hour": {"keys": [{"t": "1233-10-01", "v": -1}]}},)"));
  REQUIRE(environment.size() == 1);
  CHECK_THAT(environment[0],
             Contains("t.json:12:") && Contains("/environment/hour/keys/0/v: expected a number in 0..24"));
}

TEST_CASE("load: the weather's tracks", "[load][weather]") {
  const LoadResult r = load(scenario(
      {},
      R"(  "environment": {"latitude": 33, "weather": {"cloud_cover": 0.4, "precipitation": {"keys": [{"t": "1233-10-02", "v": "rain"}, {"t": "1233-10-03T06:00", "v": "none"}]}, "precipitation_rate": 0.8, "snow_cover": {"interp": "smooth", "keys": [{"t": "1233-10-20", "v": 0}, {"t": "1233-10-21", "v": 0.5}]}, "mist": 0.1, "haze": 1.3, "sources": ["record"], "notes": "n"}},)"));
  INFO((errors(r).empty() ? std::string() : errors(r).front()));
  REQUIRE(r.scenario);
  const Weather& w = r.scenario->environment.weather;
  CHECK(w.cloud_cover.sample(0) == 0.4f);
  REQUIRE(w.precipitation.keys.size() == 2);
  CHECK(w.precipitation.interp == Interp::Step);
  CHECK(w.precipitation.keys[0].v == Precipitation::Rain);
  CHECK(w.precipitation.keys[1].v == Precipitation::None);
  CHECK(w.precipitation_rate.sample(0) == 0.8f);
  CHECK(w.snow_cover.interp == Interp::Smooth);
  CHECK(w.mist.sample(0) == 0.1f);
  CHECK(w.haze.sample(0) == 1.3f);
  CHECK(w.provenance.sources == std::vector<std::string>{"record"});
}

TEST_CASE("load: bad weather names file, line, pointer and what was expected", "[load][weather]") {
  const auto hail = errors_of(scenario({}, R"(  "environment": {"weather": {"precipitation": "snwo"}},)"));
  REQUIRE(hail.size() == 1);
  CHECK_THAT(hail[0], Contains("t.json:12:") && Contains("/environment/weather/precipitation: expected one of") &&
                          Contains("\"snow\"") && Contains("did you mean \"snow\"?"));

  const auto cover = errors_of(scenario({}, R"(  "environment": {"weather": {"snow_cover": 1.5}},)"));
  REQUIRE(cover.size() == 1);
  CHECK_THAT(cover[0], Contains("t.json:12:") &&
                           Contains("/environment/weather/snow_cover: expected a number in 0..1, found 1.5"));

  const auto smooth = errors_of(scenario(
      {},
      R"(  "environment": {"weather": {"precipitation": {"interp": "linear", "keys": [{"t": "1233-10-02", "v": "rain"}]}}},)"));
  REQUIRE(smooth.size() == 1);
  CHECK_THAT(smooth[0], Contains("/environment/weather/precipitation/interp") && Contains("\"step\""));

  const auto unknown = errors_of(scenario({}, R"(  "environment": {"weather": {"clouds": 0.5}},)"));
  REQUIRE(unknown.size() == 1);
  CHECK_THAT(unknown[0], Contains("t.json:12:") && Contains("cloud_cover"));
}

TEST_CASE("load: a shower keyed without a \"none\" before it is warned about", "[load][weather]") {
  const LoadResult r = load(scenario(
      {},
      R"(  "environment": {"weather": {"precipitation": {"keys": [{"t": "1233-10-02", "v": "snow"}, {"t": "1233-10-03", "v": "none"}]}}},)"));
  REQUIRE(r.scenario);
  REQUIRE(r.warnings.size() == 1);
  CHECK_THAT(r.warnings[0].to_string(), Contains("t.json:12:") &&
                                            Contains("/environment/weather/precipitation/keys/0") &&
                                            Contains("snows from the scenario's start"));
  const LoadResult fine = load(scenario(
      {},
      R"(  "environment": {"weather": {"precipitation": {"keys": [{"t": "1233-10-01", "v": "none"}, {"t": "1233-10-02", "v": "snow"}]}}},)"));
  CHECK(fine.warnings.empty());
  CHECK(load(scenario({}, R"(  "environment": {"weather": {"precipitation": "rain"}},)")).warnings.empty());
}
