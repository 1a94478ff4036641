// The scenario loader: what a valid file becomes, and the exact words for each mistake.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>

#include "load_test_support.h"

using namespace load_test;
using Catch::Matchers::Contains;

TEST_CASE("load: the test scenario is valid and read into the model", "[load]") {
  const auto r = load(scenario());
  INFO(Catch::Detail::stringify(errors(r)));
  REQUIRE(r.errors.empty());
  REQUIRE(r.warnings.empty());
  REQUIRE(r.scenario);
  const scene::Scenario& s = *r.scenario;
  CHECK(s.file == "t.json");
  CHECK(s.id == "test");
  CHECK(s.title.en == "Test");
  CHECK(s.title.zh == "测试");
  CHECK(s.calendar == scene::Calendar::Julian);
  REQUIRE(s.sources.size() == 2);
  CHECK(s.sources[1].kind == scene::SourceKind::Brief);
  CHECK(s.terrain.min == glm::vec2(-3000, -3000));
  CHECK(s.terrain.resolution == 16);
  REQUIRE(s.factions.size() == 2);
  // "#c0c8d8" in sRGB is (0.527, 0.578, 0.687) in linear light; white and black are exact.
  CHECK(s.factions[0].color.r == Approx(0.5271).epsilon(0.001));
  CHECK(s.factions[0].color.b == Approx(0.6867).epsilon(0.001));
  CHECK(s.factions[0].banner == s.factions[0].color);  // banner defaults to the colour
  CHECK(s.factions[1].color == glm::vec3(1));
  CHECK(s.factions[1].banner == glm::vec3(0));
  REQUIRE(s.units.size() == 1);
  CHECK(s.units[0].path.keys.size() == 1);  // a bare value is a constant track
  CHECK(s.units[0].path.sample(0) == glm::vec2(100, 200));
  CHECK(s.units[0].strength.keys[0].v == 30000);
  CHECK(s.units[0].provenance.sources == std::vector<std::string>{"record"});
  REQUIRE(s.phases.size() == 1);
  CHECK(s.phases[0].start.day == *scene::parse_day("1233-10-01", scene::Calendar::Julian));
  CHECK(s.phases[0].duration_s == 10);
  REQUIRE(s.shots.size() == 1);
  CHECK(s.shots[0].keys[0].fov_deg == 45);
  CHECK(s.ground);  // finalize() ran
}

TEST_CASE("load: unknown references name the id and suggest the closest", "[load]") {
  const auto e = errors_of(scenario(
      {{"units",
        R"([{"id": "tachar", "name": {"en": "T"}, "faction": "mongl", "path": [0, 0], "strength": 1, "sources": ["record"]}])"}}));
  REQUIRE(e.size() == 1);
  CHECK(e[0] == "t.json:9:62: /units/0/faction: unknown faction \"mongl\" (did you mean \"mongol\"?)");
}

TEST_CASE("load: numbers out of range say what was expected and what was found", "[load]") {
  const auto e = errors_of(scenario(
      {{"phases",
        R"([{"id": "siege", "title": {"en": "S"}, "start": "1233-10-01", "end": "1233-11-01", "duration_s": -3, "sources": ["record"]}])"}}));
  REQUIRE(e.size() == 1);
  CHECK(e[0] == "t.json:10:110: /phases/0/duration_s: expected a number > 0, found -3");

  const auto huge = errors_of(scenario(
      {{"units",
        R"([{"id": "u", "name": {"en": "U"}, "faction": "jin", "path": [1e7, 0], "strength": 1, "sources": ["record"]}])"}}));
  REQUIRE(huge.size() == 1);
  CHECK(huge[0] == "t.json:9:73: /units/0/path/0: expected a number in -1000000..1000000, found 10000000.0");

  const auto fraction = errors_of(scenario({}, R"(  "fires": [{"id": "f", "position": [0, 0], "intensity": 1.5}],)"));
  REQUIRE(fraction.size() == 1);
  CHECK(fraction[0] == "t.json:12:58: /fires/0/intensity: expected a number in 0..1, found 1.5");

  const auto resolution =
      errors_of(scenario({{"terrain", R"({"extent": [-3000, -3000, 3000, 3000], "resolution": 16.5})"}}));
  REQUIRE(resolution.size() == 1);
  CHECK_THAT(resolution[0], Contains("/terrain/resolution: expected an integer in 16..2048, found 16.5"));
}

TEST_CASE("load: unknown keys suggest the allowed key", "[load]") {
  const auto e = errors_of(scenario({}, R"(  "wals": [],)"));
  REQUIRE(e.size() == 1);
  CHECK(e[0] == "t.json:12:3: /wals: unknown key \"wals\" (did you mean \"walls\"?)");

  const auto nested = errors_of(scenario(
      {{"units",
        R"([{"id": "u", "name": {"en": "U"}, "factoin": "jin", "faction": "jin", "path": [0, 0], "strength": 1, "sources": ["record"]}])"}}));
  REQUIRE(nested.size() == 1);
  CHECK(nested[0] == "t.json:9:46: /units/0/factoin: unknown key \"factoin\" (did you mean \"faction\"?)");

  // Far from every allowed key: list them instead.
  const auto far = errors_of(scenario({{"terrain", R"({"extent": [-3000, -3000, 3000, 3000], "colour_of_sky": 1})"}}));
  REQUIRE(far.size() == 1);
  CHECK_THAT(
      far[0],
      Contains("/terrain/colour_of_sky: unknown key \"colour_of_sky\" (allowed here: \"extent\", \"resolution\""));
}

TEST_CASE("load: wrong types", "[load]") {
  const auto e = errors_of(scenario({{"title", R"("Test")"}, {"calendar", "1"}, {"id", "[]"}}));
  REQUIRE(e.size() == 3);
  CHECK(e[0] == "t.json:3:9: /id: expected a non-empty string, found an empty array []");
  CHECK(e[1] == "t.json:4:12: /title: expected a text {\"en\": \"...\", \"zh\": \"...\"}, found \"Test\"");
  CHECK(e[2] == "t.json:5:15: /calendar: expected one of \"julian\", \"gregorian\", found 1");

  const auto point = errors_of(scenario(
      {{"units",
        R"([{"id": "u", "name": {"en": "U"}, "faction": "jin", "path": [1, 2, 3], "strength": "many", "sources": ["record"]}])"}}));
  REQUIRE(point.size() == 2);
  CHECK(point[0] ==
        "t.json:9:72: /units/0/path: expected a point [x, z] (two numbers, metres), found an array of 3 values");
  CHECK(point[1] == "t.json:9:95: /units/0/strength: expected a number >= 0, found \"many\"");
}

TEST_CASE("load: required collections must not be empty", "[load]") {
  const auto e = errors_of(scenario({{"factions", "[]"}, {"phases", "[]"}, {"shots", "[]"}, {"units", "[]"}}));
  REQUIRE(e.size() == 3);
  CHECK(e[0] == "t.json:8:15: /factions: expected a non-empty array of factions, found an empty array []");
  CHECK(e[1] == "t.json:10:13: /phases: expected a non-empty array of phases, found an empty array []");
  CHECK(e[2] == "t.json:11:12: /shots: expected a non-empty array of shots, found an empty array []");
}

TEST_CASE("load: missing required keys name the object", "[load]") {
  const auto e = errors_of(scenario({{"format", ""}, {"factions", ""}}));
  REQUIRE(e.size() == 3);
  CHECK(e[0] == "t.json:1:1: missing required key \"format\"");
  CHECK(e[1] == "t.json:1:1: missing required key \"factions\"");
  // ... and the reference to a faction that is not there.
  CHECK(e[2] == "t.json:9:67: /units/0/faction: unknown faction \"mongol\" (no factions are defined)");
}

TEST_CASE("load: polylines, polygons, track keys and shot keys need enough elements", "[load]") {
  const std::string extra =
      "  \"rivers\": [{\"id\": \"ru\", \"points\": [[0, 0]]}],\n"
      "  \"lakes\": [{\"id\": \"chaitan\", \"outline\": [[0, 0], [1, 1]]}],\n"
      "  \"fires\": [{\"id\": \"f\", \"position\": [0, 0], \"intensity\": {\"keys\": []}}],";
  const auto e = errors_of(scenario({{"shots", R"([{"id": "o", "keys": []}])"}}, extra));
  REQUIRE(e.size() == 4);
  CHECK(e[0] == "t.json:11:33: /shots/0/keys: expected a non-empty array of shot keys, found an empty array []");
  CHECK(
      e[1] ==
      "t.json:12:37: /rivers/0/points: expected a line of at least 2 points [[x, z], ...], found an array of 1 value");
  CHECK(e[2] ==
        "t.json:13:42: /lakes/0/outline: expected a polygon of at least 3 points [[x, z], ...], found an array of 2 "
        "values");
  CHECK(e[3] == "t.json:14:67: /fires/0/intensity/keys: expected a non-empty array of keys, found an empty array []");
}

TEST_CASE("load: duplicate ids name both places", "[load]") {
  const auto e = errors_of(scenario({{"factions", R"([{"id": "jin", "name": {"en": "Jin"}, "color": "#ffffff"},
    {"id": "jin", "name": {"en": "Jin again"}, "color": "#ffffff"}])"}}));
  // The two-line override moves the following members down by one line.
  REQUIRE(e.size() == 2);
  CHECK(e[0] == "t.json:9:12: /factions/1/id: duplicate id \"jin\" (first defined at 8:23)");
  CHECK(e[1] == "t.json:10:67: /units/0/faction: unknown faction \"mongol\" (known factions: \"jin\")");
}

TEST_CASE("load: keyframes must be in strictly increasing time, naming both dates", "[load]") {
  const auto e = errors_of(scenario(
      {{"units",
        R"([{"id": "u", "name": {"en": "U"}, "faction": "jin", "strength": 1, "sources": ["record"], "path": {"interp": "smooth", "keys": [{"t": "1233-11-07", "v": [0, 0]}, {"t": "1233-11-05", "v": [1, 1]}]}}])"}}));
  REQUIRE(e.size() == 1);
  CHECK(e[0] ==
        "t.json:9:180: /units/0/path/keys/1/t: keys must be in strictly increasing time: 1233-11-05 is not after "
        "1233-11-07 (key 0)");
}

TEST_CASE("load: dates that do not exist or are malformed", "[load]") {
  const auto e = errors_of(scenario(
      {{"phases",
        R"([{"id": "a", "title": {"en": "A"}, "start": "1233-02-30", "end": "1233/11/01", "duration_s": 1, "sources": ["record"]}])"}}));
  REQUIRE(e.size() == 2);
  CHECK(e[0] == "t.json:10:57: /phases/0/start: 1233-02-30: February 1233 has 28 days in the julian calendar");
  CHECK(e[1] == "t.json:10:78: /phases/0/end: \"1233/11/01\" is not a date: expected YYYY-MM-DD or YYYY-MM-DDThh:mm");
}

TEST_CASE("load: dates are read in the scenario's calendar", "[load]") {
  // 1100 is a leap year in the Julian calendar but not in the Gregorian.
  const std::string phases =
      R"([{"id": "a", "title": {"en": "A"}, "start": "1100-02-29", "end": "1100-03-01", "duration_s": 1, "sources": ["record"]}])";
  CHECK(errors_of(scenario({{"phases", phases}})).empty());
  const auto e = errors_of(scenario({{"phases", phases}, {"calendar", R"("gregorian")"}}));
  REQUIRE(e.size() == 1);
  CHECK_THAT(e[0], Contains("/phases/0/start: 1100-02-29: February 1100 has 28 days in the gregorian calendar"));
}

TEST_CASE("load: historical dates keep the lunar date and the approximate flag", "[load]") {
  const auto r = load(scenario(
      {{"phases",
        R"([{"id": "a", "title": {"en": "A"}, "start": {"date": "1233-10-12", "approximate": true, "lunar": "天兴二年九月初九"}, "end": "1233-10-13T06:30", "duration_s": 1, "sources": ["record"]}])"}}));
  INFO(Catch::Detail::stringify(errors(r)));
  REQUIRE(r.scenario);
  const scene::Phase& p = r.scenario->phases[0];
  CHECK(p.start.approximate);
  CHECK(p.start.lunar == "天兴二年九月初九");
  CHECK_FALSE(p.end.approximate);
  CHECK(p.end.day - p.start.day == Approx(1.0 + 6.5 / 24));
}

TEST_CASE("load: phases must tile the scenario", "[load]") {
  const auto e = errors_of(scenario(
      {{"phases",
        R"([{"id": "a", "title": {"en": "A"}, "start": "1233-10-01", "end": "1233-11-01", "duration_s": 1, "sources": ["record"]},
    {"id": "b", "title": {"en": "B"}, "start": "1233-11-02", "end": "1233-11-02", "duration_s": 1, "sources": ["record"]}])"}}));
  REQUIRE(e.size() == 2);
  CHECK(e[0] ==
        "t.json:11:48: /phases/1/start: phases must follow one another without gap or overlap: phase \"b\" starts "
        "1233-11-02 but the previous phase \"a\" ends 1233-11-01");
  CHECK(e[1] ==
        "t.json:11:69: /phases/1/end: phase \"b\" must end after it starts: 1233-11-02 is not after 1233-11-02");
}

TEST_CASE("load: exactly one overview shot, none warns and uses the first", "[load]") {
  const std::string key = R"("keys": [{"at": 0, "position": [0, 800, 1500], "target": [0, 0, 0]}])";
  const auto two = errors_of(scenario({{"shots", "[{\"id\": \"a\", \"overview\": true, " + key +
                                                     "}, {\"id\": \"b\", \"overview\": true, " + key + "}]"}}));
  REQUIRE(two.size() == 1);
  CHECK(two[0] ==
        "t.json:11:138: /shots/1/overview: only one shot may be the overview; shot \"a\" already is (at 11:37)");

  const auto none = load(scenario({{"shots", "[{\"id\": \"a\", " + key + "}, {\"id\": \"b\", " + key + "}]"}}));
  REQUIRE(none.errors.empty());
  REQUIRE(none.warnings.size() == 1);
  CHECK(none.warnings[0].to_string() ==
        "t.json:11:12: /shots: no shot has \"overview\": true; using the first shot, \"a\", as the establishing shot");
  REQUIRE(none.scenario);
  CHECK(none.scenario->overview_shot()->id == "a");
}

TEST_CASE("load: shot keys' \"at\" lies in 0..1 and increases", "[load]") {
  const auto e = errors_of(scenario(
      {{"shots",
        R"([{"id": "o", "overview": true, "keys": [{"at": 0.5, "position": [0, 1, 2], "target": [0, 0, 0]}, {"at": 0.5, "position": [0, 1, 2], "target": [0, 0, 0]}, {"at": 2, "position": [0, 1, 2], "target": [0, 0, 0], "fov": 200}]}])"}}));
  REQUIRE(e.size() == 3);
  CHECK(e[0] ==
        "t.json:11:116: /shots/0/keys/1/at: shot keys must have strictly increasing \"at\": 0.5 is not after the "
        "previous key's 0.5");
  CHECK(e[1] == "t.json:11:173: /shots/0/keys/2/at: expected a number in 0..1, found 2");
  CHECK(e[2] == "t.json:11:227: /shots/0/keys/2/fov: expected a number in 1..170, found 200");
}

TEST_CASE("load: colours are #rrggbb", "[load]") {
  const auto e = errors_of(
      scenario({{"factions", R"([{"id": "jin", "name": {"en": "Jin"}, "color": "gold", "banner": "#12345"}])"}}, ""));
  REQUIRE(e.size() == 3);
  CHECK(e[0] == "t.json:8:62: /factions/0/color: expected a colour \"#rrggbb\" (six hex digits, sRGB), found \"gold\"");
  CHECK(e[1] ==
        "t.json:8:80: /factions/0/banner: expected a colour \"#rrggbb\" (six hex digits, sRGB), found \"#12345\"");
  CHECK_THAT(e[2], Contains("unknown faction \"mongol\""));
}

TEST_CASE("load: enumerated strings list the allowed values", "[load]") {
  const auto e = errors_of(scenario(
      {{"units",
        R"([{"id": "u", "name": {"en": "U"}, "faction": "jin", "kind": "knights", "path": [0, 0], "strength": 1, "sources": ["record"], "formation": "colum", "state": {"interp": "linear", "keys": [{"t": "1233-10-01", "v": "hold"}]}}])"}}));
  REQUIRE(e.size() == 3);
  CHECK(e[0] ==
        "t.json:9:72: /units/0/kind: expected one of \"infantry\", \"spearmen\", \"archers\", \"cavalry\", "
        "\"siege_crew\", \"civilians\", found \"knights\"");
  CHECK(e[1] ==
        "t.json:9:150: /units/0/formation: expected one of \"block\", \"column\", \"line\", \"wedge\", \"camp\", "
        "\"scattered\", found \"colum\" (did you mean \"column\"?)");
  CHECK(e[2] ==
        "t.json:9:179: /units/0/state/interp: this track holds named states, which always step: expected "
        "\"step\" (or no \"interp\"), found \"linear\"");
}

TEST_CASE("load: units, phases and places must carry sources", "[load]") {
  const auto e = errors_of(scenario(
      {{"units", R"([{"id": "u", "name": {"en": "U"}, "faction": "jin", "path": [0, 0], "strength": 1}])"},
       {"phases",
        R"([{"id": "a", "title": {"en": "A"}, "start": "1233-10-01", "end": "1233-11-01", "duration_s": 1, "sources": []}])"}},
      R"(  "places": [{"id": "caizhou", "name": {"en": "Caizhou"}, "position": [0, 0], "sources": ["recrod"]}],)"));
  REQUIRE(e.size() == 3);
  CHECK(e[0] ==
        "t.json:9:13: /units/0: missing required key \"sources\" (units, phases, places and roads must name at least "
        "one source)");
  CHECK(e[1] == "t.json:10:120: /phases/0/sources: expected a non-empty array of source ids, found an empty array []");
  CHECK(e[2] == "t.json:12:91: /places/0/sources/0: unknown source \"recrod\" (did you mean \"record\"?)");
}

TEST_CASE("load: every kind of reference is checked", "[load]") {
  const std::string extra = R"(  "walls": [{"id": "outer", "points": [[0, 0], [100, 0], [100, 100]]}],
  "gates": [{"id": "g", "wall": "outr", "position": [0, 0]}],
  "moats": [{"id": "m", "around": "inner"}],
  "damages": [{"id": "d", "wall": "outer2", "position": [0, 0], "damage": 0}],
  "siege_rings": [{"id": "changli", "faction": "mongols", "points": [[0, 0], [1, 0], [1, 1]]}],
  "camps": [{"id": "c", "faction": "song", "center": [0, 0]}],
  "engines": [{"id": "e", "faction": "jjn", "path": [0, 0]}],
  "earthworks": [{"id": "w", "faction": "x", "points": [[0, 0], [1, 1]], "sources": ["nope"]}],)";
  const auto e = errors_of(scenario(
      {{"phases",
        R"([{"id": "siege", "title": {"en": "S"}, "start": "1233-10-01", "end": "1233-11-01", "duration_s": 1, "sources": ["record"], "shot": "overveiw"}])"},
       {"shots",
        R"([{"id": "overview", "phase": "seige", "follow": "tahcar", "keys": [{"at": 0, "position": [0, 1, 2], "target": [0, 0, 0]}]}])"}},
      extra));
  const std::vector<std::string> expected = {
      "t.json:10:144: /phases/0/shot: unknown shot \"overveiw\" (did you mean \"overview\"?)",
      "t.json:11:41: /shots/0/phase: unknown phase \"seige\" (did you mean \"siege\"?)",
      "t.json:11:60: /shots/0/follow: unknown unit \"tahcar\" (did you mean \"tachar\"?)",
      "t.json:13:33: /gates/0/wall: unknown wall \"outr\" (did you mean \"outer\"?)",
      "t.json:14:35: /moats/0/around: unknown wall \"inner\" (known walls: \"outer\")",
      "t.json:15:35: /damages/0/wall: unknown wall \"outer2\" (did you mean \"outer\"?)",
      "t.json:16:48: /siege_rings/0/faction: unknown faction \"mongols\" (did you mean \"mongol\"?)",
      "t.json:17:36: /camps/0/faction: unknown faction \"song\" (known factions: \"jin\", \"mongol\")",
      "t.json:18:38: /engines/0/faction: unknown faction \"jjn\" (did you mean \"jin\"?)",
      "t.json:19:41: /earthworks/0/faction: unknown faction \"x\" (known factions: \"jin\", \"mongol\")",
      "t.json:19:86: /earthworks/0/sources/0: unknown source \"nope\" (known sources: \"brief\", \"record\")",
  };
  CHECK(e == expected);
}

TEST_CASE("load: all errors are reported, in file order", "[load]") {
  // Three unrelated mistakes in three places: three errors, not one.
  const auto e =
      errors_of(scenario({{"calendar", R"("julain")"}, {"terrain", R"({"extent": [3000, -3000, -3000, 3000]})"}},
                         R"(  "fires": [{"id": "f", "position": [0, 0], "intensity": 0, "radius": 0}],)"));
  REQUIRE(e.size() == 3);
  CHECK(
      e[0] ==
      "t.json:5:15: /calendar: expected one of \"julian\", \"gregorian\", found \"julain\" (did you mean \"julian\"?)");
  CHECK(e[1] == "t.json:7:25: /terrain/extent: expected xmin < xmax and zmin < zmax, found [3000, -3000, -3000, 3000]");
  CHECK(e[2] == "t.json:12:71: /fires/0/radius: expected a number > 0, found 0");
}

TEST_CASE("load: a syntax error stops, with its place", "[load]") {
  const auto e = errors_of("{\n  \"format\": \"siege-scenario/1\",\n}\n");
  REQUIRE(e.size() == 1);
  CHECK(e[0] == "t.json:3:1: trailing comma before '}' (JSON allows none)");
}

TEST_CASE("load: duplicate keys are errors, and the rest is still checked", "[load]") {
  const auto e = errors_of(scenario({}, "  \"id\": \"again\",\n  \"walls\": 3,"));
  REQUIRE(e.size() == 2);
  CHECK(e[0] == "t.json:12:3: /id: duplicate key \"id\" (first at 3:3); only the first is used");
  CHECK(e[1] == "t.json:13:12: /walls: expected an array of walls [...], found 3");
}

TEST_CASE("load: the top level must be an object", "[load]") {
  CHECK(errors_of("[1, 2]") == std::vector<std::string>{"t.json:1:1: expected a scenario object {\"format\": "
                                                        "\"siege-scenario/1\", ...}, found an array of 2 values"});
  CHECK(errors_of(
            "{\"format\": \"siege-scenario/2\", \"id\": \"x\", \"title\": {\"en\": \"x\"}, \"calendar\": \"julian\", "
            "\"terrain\": {\"extent\": [0, 0, 1, 1]}, \"factions\": [{\"id\": \"a\", \"name\": {\"en\": \"a\"}, "
            "\"color\": \"#000000\"}], "
            "\"phases\": [{\"id\": \"p\", \"title\": {\"en\": \"p\"}, \"start\": \"1233-01-01\", \"end\": "
            "\"1233-01-02\", \"duration_s\": 1, \"sources\": []}], "
            "\"shots\": [{\"id\": \"s\", \"keys\": [{\"at\": 0, \"position\": [0, 0, 0], \"target\": [0, 0, 1]}]}]}")
            .front() == "t.json:1:12: /format: expected \"siege-scenario/1\", found \"siege-scenario/2\"");
}

TEST_CASE("load: text needs \"en\", \"zh\" is optional", "[load]") {
  const auto e = errors_of(scenario({{"title", R"({"zh": "蔡州"})"}}));
  REQUIRE(e.size() == 1);
  CHECK(e[0] == "t.json:4:12: /title: missing required key \"en\"");
}

TEST_CASE("load: tracks in both forms", "[load]") {
  const auto r = load(scenario(
      {{"units",
        R"([{"id": "u", "name": {"en": "U"}, "faction": "jin", "sources": ["record"], "path": {"interp": "eased", "keys": [{"t": "1233-10-01", "v": [0, 0]}, {"t": "1233-10-03", "v": [100, 0], "notes": "at the gate"}]}, "strength": {"keys": [{"t": "1233-10-01", "v": 1000}, {"t": "1233-10-02", "v": 500}]}, "formation": {"interp": "step", "keys": [{"t": "1233-10-01", "v": "column"}]}, "state": "march", "heading": 90}])"}}));
  INFO(Catch::Detail::stringify(errors(r)));
  REQUIRE(r.scenario);
  const scene::Unit& u = r.scenario->units[0];
  CHECK(u.path.interp == scene::Interp::Eased);
  REQUIRE(u.path.keys.size() == 2);
  CHECK(u.path.keys[1].t - u.path.keys[0].t == 2);
  CHECK(u.strength.interp == scene::Interp::Linear);  // the default
  CHECK(u.formation.keys[0].v == scene::Formation::Column);
  CHECK(u.state.interp == scene::Interp::Step);
  CHECK(u.state.keys[0].v == scene::UnitState::March);
  CHECK(u.heading.keys[0].v == 90);
}

TEST_CASE("load: a unit far outside the terrain is a warning", "[load]") {
  const auto r = load(scenario(
      {{"units",
        R"([{"id": "u", "name": {"en": "U"}, "faction": "jin", "path": [90000, 0], "strength": 1, "sources": ["record"]}])"}}));
  REQUIRE(r.errors.empty());
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].to_string() ==
        "t.json:9:72: /units/0/path: point [90000, 0] is far outside the terrain extent [-3000, -3000, 3000, 3000]");
  CHECK(r.scenario);
}

TEST_CASE("load: binary files get one clear sentence", "[load]") {
  const auto e = errors_of(std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16));
  REQUIRE(e.size() == 1);
  CHECK(e[0] == "t.json:1:1: not UTF-8 text: byte 0x89 at line 1 column 1 — is this a PNG image, not a scenario?");
}

TEST_CASE("load: a flood of errors is cut short, quickly", "[load]") {
  // 20,000 factions and 20,000 units that each name a missing one: suggestions for every
  // unit would cost minutes; only the first errors are kept, and the rest are counted.
  std::string factions = "[", units = "[";
  for (int i = 0; i < 20000; ++i) {
    const std::string n = std::to_string(i);
    factions +=
        std::string(i ? "," : "") + R"({"id": "faction_)" + n + R"(", "name": {"en": "F"}, "color": "#000000"})";
    units += std::string(i ? "," : "") + R"({"id": "u)" + n + R"(", "name": {"en": "U"}, "faction": "missing_)" + n +
             R"(", "path": [0, 0], "strength": 1, "sources": ["record"], "bogus_key_)" + n + R"(": 1})";
  }
  const auto start = std::chrono::steady_clock::now();
  const auto r = load(scenario({{"factions", factions + "]"}, {"units", units + "]"}}));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  REQUIRE(r.errors.size() == 501);
  CHECK(r.errors.back().to_string() == "t.json: ... and 39500 more errors not shown; fix these and check again");
  CHECK(seconds < 5);
}

TEST_CASE("load: a text over 1,000 characters is an error at its line, in either language", "[load]") {
  const std::string long_en(20'000, 'x');
  std::string long_zh;
  for (int i = 0; i < 1001; ++i) long_zh += "城";  // 1,001 characters, 3,003 bytes
  const std::string at_limit(1000, 'y');
  const auto captions = [](const std::string& en, const std::string& zh) {
    return R"(  "captions": [{"id": "c", "text": {"en": ")" + en + R"(", "zh": ")" + zh +
           R"("}, "from": "1233-10-02", "to": "1233-10-05", "sources": ["record"]}],)";
  };
  const auto r = load(scenario({}, captions(long_en, long_zh)));
  REQUIRE(r.errors.size() == 2);
  CHECK(r.errors[0].line == kExtra);
  CHECK(r.errors[0].pointer == "/captions/0/text/en");
  CHECK_THAT(r.errors[0].message, Contains("20000 characters") && Contains("at most 1000"));
  CHECK(r.errors[1].pointer == "/captions/0/text/zh");
  CHECK_THAT(r.errors[1].message, Contains("1001 characters"));
  // Exactly at the limit is fine, in characters rather than bytes.
  std::string zh_at_limit;
  for (int i = 0; i < 1000; ++i) zh_at_limit += "城";
  const auto ok = load(scenario({}, captions(at_limit, zh_at_limit)));
  INFO(Catch::Detail::stringify(errors(ok)));
  CHECK(ok.errors.empty());
}

TEST_CASE("load: armies larger than the machine draws at 1:1 are warned about, with the figure and where", "[load]") {
  const std::string huge =
      R"([{"id": "horde", "name": {"en": "Horde"}, "faction": "mongol", "path": [100, 200], "strength": 10000000, "sources": ["record"]}])";
  const auto r = load(scenario({{"units", huge}}));
  INFO(Catch::Detail::stringify(errors(r)));
  REQUIRE(r.errors.empty());
  REQUIRE(r.warnings.size() == 2);  // the unit, and the whole army
  CHECK(r.warnings[0].line == kUnits);
  CHECK(r.warnings[0].pointer == "/units");
  CHECK_THAT(r.warnings[0].message, Contains("10000000 figures"));
  CHECK(r.warnings[1].pointer == "/units/0/strength");
  CHECK_THAT(r.warnings[1].message,
             Contains("horde") && Contains("10000000 figures") && Contains("soldiers_per_figure"));

  // Ten soldiers a figure brings it to 1,000,000: no warning.
  const auto thinned = load(scenario({{"units", huge}}, R"(  "settings": {"soldiers_per_figure": 10},)"));
  CHECK(thinned.warnings.empty());

  // 5,000 small units.
  std::string many = "[";
  for (int i = 0; i < 5000; ++i)
    many += std::string(i ? "," : "") + R"({"id": "u)" + std::to_string(i) +
            R"(", "name": {"en": "U"}, "faction": "jin", "path": [0, 0], "strength": 10, "sources": ["record"]})";
  many += "]";
  const auto crowd = load(scenario({{"units", many}}));
  REQUIRE(crowd.errors.empty());
  REQUIRE(crowd.warnings.size() == 1);
  CHECK(crowd.warnings[0].line == kUnits);
  CHECK_THAT(crowd.warnings[0].message, Contains("5000 units"));
}

TEST_CASE("load: a unit standing in a river, a full lake or a moat is warned about at its key", "[load]") {
  const std::string world = R"(
  "rivers": [{"id": "ru", "points": [[-3000, 500], [3000, 500]], "width": 80}],
  "lakes": [{"id": "pond", "outline": [[1000, -1000], [1400, -1000], [1400, -600], [1000, -600]], "bed_depth": 4,
             "level": {"keys": [{"t": "1233-10-01", "v": 0}, {"t": "1233-10-10", "v": -4}]}}],
  "walls": [{"id": "city", "points": [[-300, -300], [300, -300], [300, 300], [-300, 300]], "thickness": 10}],
  "moats": [{"id": "m", "around": "city", "offset": 15, "width": 30}],)";
  const auto unit_at = [&](const std::string& path) {
    return R"([{"id": "u", "name": {"en": "U"}, "faction": "jin", "path": )" + path +
           R"(, "strength": 100, "sources": ["record"]}])";
  };
  const auto warnings_for = [&](const std::string& path) {
    const auto r = load(scenario({{"units", unit_at(path)}}, world));
    INFO(Catch::Detail::stringify(errors(r)));
    REQUIRE(r.errors.empty());
    return r.warnings;
  };
  // In the river, on the first key: the path itself is the key.
  auto w = warnings_for("[0, 510]");
  REQUIRE(w.size() == 1);
  CHECK(w[0].line == kUnits);
  CHECK(w[0].pointer == "/units/0/path");
  CHECK_THAT(w[0].message, Contains("river \"ru\"") && Contains("move it to the bank"));
  // In the moat (15 + 5 = 20 to 50 m beyond the wall's line), at the second key.
  w = warnings_for(R"({"keys": [{"t": "1233-10-01", "v": [0, -1500]}, {"t": "1233-10-05", "v": [0, -340]}]})");
  REQUIRE(w.size() == 1);
  CHECK(w[0].pointer == "/units/0/path/keys/1/v");
  CHECK_THAT(w[0].message, Contains("moat of wall \"city\"") && Contains("1233-10-05"));
  // In the lake while it is full; not once it has drained.
  w = warnings_for(R"({"keys": [{"t": "1233-10-02", "v": [1200, -800]}]})");
  REQUIRE(w.size() == 1);
  CHECK_THAT(w[0].message, Contains("lake \"pond\""));
  CHECK(warnings_for(R"({"keys": [{"t": "1233-10-20", "v": [1200, -800]}]})").empty());
  // On the bank, inside the walls, beyond the moat: dry.
  CHECK(warnings_for("[0, 600]").empty());
  CHECK(warnings_for("[0, 0]").empty());
  CHECK(warnings_for("[0, -370]").empty());
}
