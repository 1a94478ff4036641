// Readers for who is there and what happens: sources, factions, units, fires, engines,
// phases, captions and camera shots; and the checks that span them.
#include "scene/load/load_entities.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "scene/model/water.h"

namespace scene::loader {

namespace {

using rules::non_negative;
using rules::positive;

constexpr double kMaxStrength = 10'000'000;  // men in one unit
constexpr double kMaxLadders = 2'000;        // scaling ladders one unit carries

std::optional<float> to_float(std::optional<double> v) {
  if (!v) return std::nullopt;
  return static_cast<float>(*v);
}

std::optional<Formation> read_formation(Reader& r, const Node& n) {
  return r.enumeration<Formation>(n, {{"block", Formation::Block},
                                      {"column", Formation::Column},
                                      {"line", Formation::Line},
                                      {"wedge", Formation::Wedge},
                                      {"camp", Formation::Camp},
                                      {"scattered", Formation::Scattered}});
}

std::optional<UnitState> read_state(Reader& r, const Node& n) {
  return r.enumeration<UnitState>(n, {{"march", UnitState::March},
                                      {"hold", UnitState::Hold},
                                      {"assault", UnitState::Assault},
                                      {"rout", UnitState::Rout},
                                      {"camp", UnitState::Camp}});
}

void read_unit(Reader& r, const Node& node, Ids& ids, Unit& unit) {
  const Object o =
      r.object(node, "a unit",
               {"id", "name", "faction", "commander", "kind", "available", "path", "formation", "state", "strength",
                "strength_estimate", "heading", "ladders", "ladders_estimate", "fords", "afloat", "sources", "notes"});
  if (!o) return;
  unit.id = r.id(o, ids.units);
  r.set(r.text(o.require("name")), unit.name);
  r.set(r.reference(o.require("faction"), ids.factions), unit.faction);
  r.set(r.text(o.get("commander")), unit.commander);
  r.set(r.enumeration<UnitKind>(o.get("kind"), {{"infantry", UnitKind::Infantry},
                                                {"spearmen", UnitKind::Spearmen},
                                                {"archers", UnitKind::Archers},
                                                {"cavalry", UnitKind::Cavalry},
                                                {"siege_crew", UnitKind::SiegeCrew},
                                                {"civilians", UnitKind::Civilians}}),
        unit.kind);
  r.set(r.interval(o.get("available")), unit.available);
  r.set(r.track<glm::vec2>(o.require("path"), [&](const Node& n) { return r.point(n); }), unit.path);
  r.set(r.track<Formation>(
            o.get("formation"), [&](const Node& n) { return read_formation(r, n); }, true),
        unit.formation);
  r.set(r.track<UnitState>(
            o.get("state"), [&](const Node& n) { return read_state(r, n); }, true),
        unit.state);
  r.set(r.track<float>(o.require("strength"),
                       [&](const Node& n) { return to_float(r.number(n, non_negative(kMaxStrength))); }),
        unit.strength);
  r.set(r.boolean(o.get("strength_estimate")), unit.strength_estimate);
  r.set(r.track<float>(o.get("heading"), [&](const Node& n) { return to_float(r.number(n, rules::range(-720, 720))); }),
        unit.heading);
  if (const auto ladders = r.number(o.get("ladders"), rules::integer(0, kMaxLadders)))
    unit.ladders = static_cast<int>(*ladders);
  r.set(r.boolean(o.get("ladders_estimate")), unit.ladders_estimate);
  r.set(r.boolean(o.get("fords")), unit.fords);
  r.set(r.boolean(o.get("afloat")), unit.afloat);
  unit.provenance = r.provenance(o, true);
}

void read_engine(Reader& r, const Node& node, Ids& ids, SiegeEngine& engine) {
  const Object o = r.object(
      node, "a siege engine",
      {"id", "name", "faction", "kind", "path", "target", "shots_per_hour", "available", "model", "sources", "notes"});
  if (!o) return;
  engine.id = r.id(o, ids.engines);
  r.set(r.text(o.get("name")), engine.name);
  r.set(r.reference(o.require("faction"), ids.factions), engine.faction);
  r.set(r.enumeration<EngineKind>(o.get("kind"), {{"trebuchet", EngineKind::Trebuchet},
                                                  {"siege_tower", EngineKind::SiegeTower},
                                                  {"siege_shed", EngineKind::SiegeShed},
                                                  {"ram", EngineKind::Ram}}),
        engine.kind);
  r.set(r.track<glm::vec2>(o.require("path"), [&](const Node& n) { return r.point(n); }), engine.path);
  if (const auto target = r.point(o.get("target"))) engine.target = *target;
  r.set(r.number(o.get("shots_per_hour"), non_negative(3600)), engine.shots_per_hour);
  r.set(r.interval(o.get("available")), engine.available);
  read_model_path(r, o.get("model"), engine.model);
  engine.provenance = r.provenance(o, false);
}

void read_phase(Reader& r, const Node& node, Ids& ids, Phase& phase) {
  const Object o = r.object(
      node, "a phase", {"id", "title", "start", "end", "duration_s", "summary", "shot", "hour", "sources", "notes"});
  if (!o) return;
  phase.id = r.id(o, ids.phases);
  r.set(r.text(o.require("title")), phase.title);
  r.set(r.historical_date(o.require("start")), phase.start);
  r.set(r.historical_date(o.require("end")), phase.end);
  r.set(r.number(o.require("duration_s"), positive(24 * 3600)), phase.duration_s);
  r.set(r.text(o.get("summary")), phase.summary);
  r.set(r.reference(o.get("shot"), ids.shots), phase.shot);
  r.set(read_hour_rule(r, o.get("hour")), phase.hour);
  phase.provenance = r.provenance(o, true);
}

void read_caption(Reader& r, const Node& node, Ids& ids, Caption& caption) {
  const Object o =
      r.object(node, "a caption", {"id", "text", "attribution", "style", "from", "to", "sources", "notes"});
  if (!o) return;
  caption.id = r.id(o, ids.captions);
  r.set(r.text(o.require("text")), caption.text);
  r.set(r.string(o.get("attribution"), true), caption.attribution);
  r.set(r.enumeration<CaptionStyle>(o.get("style"), {{"title", CaptionStyle::Title},
                                                     {"lower_third", CaptionStyle::LowerThird},
                                                     {"quote", CaptionStyle::Quote},
                                                     {"note", CaptionStyle::Note}}),
        caption.style);
  const Node from_node = o.get("from"), to_node = o.get("to");
  const auto from = r.date(from_node);
  const auto to = r.date(to_node);
  if (from) caption.when.from = *from;
  if (to) caption.when.to = *to;
  if (from && to && !(*to > *from))
    r.error(to_node.pointer, "a caption must end after it starts: " + describe_found(*to_node.value) +
                                 " is not after " + describe_found(*from_node.value));
  caption.provenance = r.provenance(o, false);
}

void read_shot(Reader& r, const Node& node, Ids& ids, Shot& shot) {
  const Object o = r.object(node, "a shot",
                            {"id", "title", "phase", "follow", "interp", "overview", "hour", "aperture", "focus_m",
                             "focal_length_mm", "film_back_mm", "keys", "sources", "notes"});
  if (!o) return;
  shot.id = r.id(o, ids.shots);
  r.set(r.text(o.get("title")), shot.title);
  r.set(r.reference(o.get("phase"), ids.phases), shot.phase);
  r.set(r.reference(o.get("follow"), ids.units), shot.follow);
  r.set(r.interp(o.get("interp")), shot.interp);
  r.set(r.boolean(o.get("overview")), shot.overview);
  r.set(read_hour_rule(r, o.get("hour")), shot.hour);
  // The lens: f-stops from the fastest lenses made to a pinhole's; focus in front of the camera.
  r.set(r.number(o.get("aperture"), rules::range(0.5, 128)), shot.aperture);
  const Node focus_node = o.get("focus_m");
  if (const auto focus = r.number(focus_node, rules::range(-1e6, 1e6)); focus && *focus <= 0)
    r.error(focus_node.pointer,
            "the focus must lie in front of the camera (metres > 0), found " + describe_found(*focus_node.value));
  else if (focus)
    shot.focus_m = static_cast<float>(*focus);
  r.set(r.number(o.get("focal_length_mm"), rules::range(1, 5000)), shot.focal_length_mm);
  r.set(r.number(o.get("film_back_mm"), rules::range(1, 200)), shot.film_back_mm);
  r.provenance(o, false);
  const Node keys = o.require("keys");
  std::optional<double> previous_at;
  r.for_each(keys, "shot keys", 1, [&](const Node& key_node) {
    const Object k = r.object(key_node, "a shot key {\"at\", \"position\", \"target\", \"fov\"}",
                              {"at", "position", "target", "fov"});
    if (!k) return;
    ShotKey key;
    const Node at_node = k.require("at");
    const auto at = r.number(at_node, rules::unit_interval());
    if (at) {
      if (previous_at && !(*at > *previous_at))
        r.error(at_node.pointer, "shot keys must have strictly increasing \"at\": " + describe_found(*at_node.value) +
                                     " is not after the previous key's " +
                                     describe_found(nlohmann::json(*previous_at)));
      previous_at = at;
      key.at = *at;
    }
    r.set(r.point3(k.require("position")), key.position);
    r.set(r.point3(k.require("target")), key.target);
    r.set(r.number(k.get("fov"), rules::range(1, 170)), key.fov_deg);
    shot.keys.push_back(key);
  });
}

// "1233-11-05", or "1233-11-05T06:30" when the time of day matters.
std::string iso(Day day, Calendar calendar) {
  std::string text = format_iso(day, calendar);
  const double minutes = std::round((day - std::floor(day)) * 1440.0);
  if (minutes > 0 && minutes < 1440) {
    char clock[16];
    std::snprintf(clock, sizeof clock, "T%02d:%02d", static_cast<int>(minutes) / 60, static_cast<int>(minutes) % 60);
    text += clock;
  }
  return text;
}

}  // namespace

void read_sources(Reader& r, const Node& node, std::vector<Source>& sources) {
  r.for_each(node, "sources", 0, [&](const Node& n) {
    Source& source = sources.emplace_back();
    const Object o = r.object(n, "a source {\"id\", \"kind\", \"citation\"}", {"id", "kind", "citation", "notes"});
    if (!o) return;
    source.id = r.id(o, r.sources);
    r.set(r.enumeration<SourceKind>(o.require("kind"), {{"brief", SourceKind::Brief},
                                                        {"record", SourceKind::Record},
                                                        {"reconstruction", SourceKind::Reconstruction}}),
          source.kind);
    r.set(r.string(o.require("citation")), source.citation);
    r.set(r.string(o.get("notes"), true), source.notes);
  });
}

void read_settings(Reader& r, const Node& node, Settings& settings) {
  const Object o = r.object(node, "settings {\"soldiers_per_figure\"}", {"soldiers_per_figure"});
  if (!o) return;
  r.set(r.number(o.get("soldiers_per_figure"), positive(10'000)), settings.soldiers_per_figure);
}

void read_story(Reader& r, const Object& root, Ids& ids, Scenario& s) {
  r.for_each(root.require("factions"), "factions", 1, [&](const Node& node) {
    Faction& faction = s.factions.emplace_back();
    const Object o = r.object(node, "a faction", {"id", "name", "color", "banner", "kit", "sources", "notes"});
    if (!o) return;
    faction.id = r.id(o, ids.factions);
    r.set(r.text(o.require("name")), faction.name);
    r.set(r.colour(o.require("color")), faction.color);
    faction.banner = faction.color;
    r.set(r.colour(o.get("banner")), faction.banner);
    // A faction called after an army wears that army's kit unless it says otherwise.
    const std::initializer_list<std::pair<std::string_view, Kit>> kits = {
        {kit_name(Kit::Mongol), Kit::Mongol}, {kit_name(Kit::Jin), Kit::Jin}, {kit_name(Kit::Song), Kit::Song}};
    faction.kit = Kit::Song;
    for (const auto& [name, kit] : kits)
      if (faction.id == name) faction.kit = kit;
    r.set(r.enumeration<Kit>(o.get("kit"), kits), faction.kit);
    faction.provenance = r.provenance(o, false);
  });

  r.for_each(root.get("units"), "units", 0, [&](const Node& n) { read_unit(r, n, ids, s.units.emplace_back()); });

  r.for_each(root.get("fires"), "fires", 0, [&](const Node& node) {
    Fire& fire = s.fires.emplace_back();
    const Object o = r.object(node, "a fire", {"id", "name", "position", "radius", "intensity", "sources", "notes"});
    if (!o) return;
    fire.id = r.id(o, ids.fires);
    r.set(r.text(o.get("name")), fire.name);
    r.set(r.point(o.require("position")), fire.position);
    r.set(r.number(o.get("radius"), positive(100'000)), fire.radius);
    r.set(r.track<float>(o.require("intensity"), [&](const Node& n) { return r.number(n, rules::unit_interval()); }),
          fire.intensity);
    fire.provenance = r.provenance(o, false);
  });

  r.for_each(root.get("engines"), "engines", 0,
             [&](const Node& n) { read_engine(r, n, ids, s.engines.emplace_back()); });
  r.for_each(root.require("phases"), "phases", 1,
             [&](const Node& n) { read_phase(r, n, ids, s.phases.emplace_back()); });
  r.for_each(root.get("captions"), "captions", 0,
             [&](const Node& n) { read_caption(r, n, ids, s.captions.emplace_back()); });
  r.for_each(root.require("shots"), "shots", 1, [&](const Node& n) { read_shot(r, n, ids, s.shots.emplace_back()); });
}

namespace {

// What a two-core machine draws at 1:1 (docs/BENCHMARK.md: 100,000 figures and the world in
// about 0.1 s a frame): legal above these, but the viewer crawls and a film takes hours.
constexpr double kFiguresPerUnitWarning = 1'000'000;
constexpr double kFiguresWarning = 1'000'000;
constexpr std::size_t kUnitsWarning = 1'000;

void check_army_size(Reader& r, const Node& units, const Scenario& s) {
  const double ratio = s.settings.soldiers_per_figure > 0 ? s.settings.soldiers_per_figure : 1.0;
  const auto figures_of = [&](const Unit& unit) {
    double strongest = 0;
    for (const auto& key : unit.strength.keys) strongest = std::max(strongest, static_cast<double>(key.v));
    return std::round(strongest / ratio);
  };
  const auto count = [](double n) {
    char text[32];
    std::snprintf(text, sizeof text, "%.0f", n);
    return std::string(text);
  };
  double total = 0;
  for (std::size_t i = 0; i < s.units.size(); ++i) {
    const double figures = figures_of(s.units[i]);
    total += figures;
    if (figures > kFiguresPerUnitWarning)
      r.warning(json_pointer_append(json_pointer_append(units.pointer, i), "strength"),
                "unit " + in_quotes(s.units[i].id) + " is drawn as " + count(figures) + " figures; above " +
                    count(kFiguresPerUnitWarning) + " this machine cannot draw it at an interactive rate " +
                    "(100,000 figures take about 0.1 s a frame on two CPU cores): raise settings.soldiers_per_figure");
  }
  if (total > kFiguresWarning)
    r.warning(units.pointer,
              "the units are drawn as " + count(total) + " figures at their strongest; above " +
                  count(kFiguresWarning) +
                  " the viewer falls below a frame a second on two CPU cores: " + "raise settings.soldiers_per_figure");
  if (s.units.size() > kUnitsWarning)
    r.warning(units.pointer, std::to_string(s.units.size()) + " units; above " + std::to_string(kUnitsWarning) +
                                 " the viewer's unit list and the per-unit work of every frame grow unwieldy: " +
                                 "merge small units into larger ones");
}

// Where key k of item i's path stands in the file: the path itself when it is one point.
std::string path_key_pointer(const Node& collection, std::size_t i, std::size_t k) {
  const std::string item = json_pointer_append(json_pointer_append(collection.pointer, i), "path");
  const nlohmann::json& element = (*collection.value)[i];
  const auto found = element.is_object() ? element.find("path") : element.end();
  const bool constant = found == element.end() || !found->is_object();
  return constant ? item : json_pointer_append(json_pointer_append(json_pointer_append(item, "keys"), k), "v");
}

// A unit placed in water stands on the riverbed, under the surface: one warning a unit.
void check_units_on_dry_ground(Reader& r, const Node& units, const Scenario& s) {
  for (std::size_t i = 0; i < s.units.size(); ++i) {
    const Unit& unit = s.units[i];
    if (unit.fords || unit.afloat) continue;  // wading or in boats: meant to be on the water
    for (std::size_t k = 0; k < unit.path.keys.size(); ++k) {
      const auto& key = unit.path.keys[k];
      const Day day = std::isfinite(key.t) ? key.t : s.phases.empty() ? 0.0 : s.phases.front().start.day;
      const std::string water = water_at(s, key.v, day);
      if (water.empty()) continue;
      r.warning(path_key_pointer(units, i, k),
                "unit " + in_quotes(unit.id) + " stands in " + water + " on " + iso(day, s.calendar) +
                    ": its soldiers would stand on the bed, under the water; move it to the bank, or say "
                    "\"fords\": true or \"afloat\": true");
      break;
    }
  }
}

}  // namespace

void check_story(Reader& r, const Object& root, Scenario& s) {
  const Node phases = root.get("phases");
  const auto phase_pointer = [&](std::size_t i, const char* key) {
    return json_pointer_append(json_pointer_append(phases.pointer, i), key);
  };
  // Phases tile the scenario: each one ends after it starts, and where the next begins.
  const bool phases_read = phases && phases.value->is_array() && phases.value->size() == s.phases.size();
  for (std::size_t i = 0; phases_read && i < s.phases.size(); ++i) {
    const Phase& p = s.phases[i];
    if (p.start.day == 0 || p.end.day == 0) continue;  // already reported as a bad date
    if (!(p.start.day < p.end.day))
      r.error(phase_pointer(i, "end"), "phase " + in_quotes(p.id) +
                                           " must end after it starts: " + iso(p.end.day, s.calendar) +
                                           " is not after " + iso(p.start.day, s.calendar));
    if (i + 1 < s.phases.size()) {
      const Phase& next = s.phases[i + 1];
      if (next.start.day != 0 && next.start.day != p.end.day)
        r.error(phase_pointer(i + 1, "start"), "phases must follow one another without gap or overlap: phase " +
                                                   in_quotes(next.id) + " starts " + iso(next.start.day, s.calendar) +
                                                   " but the previous phase " + in_quotes(p.id) + " ends " +
                                                   iso(p.end.day, s.calendar));
    }
  }

  // One establishing shot; none is allowed (the first stands in), two are ambiguous.
  const Node shots = root.get("shots");
  const bool shots_read = shots && shots.value->is_array() && shots.value->size() == s.shots.size();
  int first_overview = -1;
  for (std::size_t i = 0; shots_read && i < s.shots.size(); ++i) {
    if (!s.shots[i].overview) continue;
    const std::string pointer = json_pointer_append(json_pointer_append(shots.pointer, i), "overview");
    if (first_overview < 0)
      first_overview = static_cast<int>(i);
    else
      r.error(pointer,
              "only one shot may be the overview; shot " + in_quotes(s.shots[first_overview].id) + " already is (at " +
                  r.where(json_pointer_append(json_pointer_append(shots.pointer, first_overview), "overview")) + ")");
  }
  if (shots_read && first_overview < 0 && !s.shots.empty()) {
    r.warning(shots.pointer, "no shot has \"overview\": true; using the first shot, " + in_quotes(s.shots[0].id) +
                                 ", as the establishing shot");
    s.shots[0].overview = true;
  }

  // Things far off the map are legal but almost always a typo in a coordinate.
  const auto outside = [&](glm::vec2 p) {
    const glm::vec2 margin = (s.terrain.max - s.terrain.min) * 0.25f;
    return glm::any(glm::lessThan(p, s.terrain.min - margin)) || glm::any(glm::greaterThan(p, s.terrain.max + margin));
  };
  const auto check_path = [&](const Node& collection, std::size_t i, const Track<glm::vec2>& path) {
    for (std::size_t k = 0; k < path.keys.size(); ++k) {
      if (!outside(path.keys[k].v)) continue;
      const std::string pointer = path_key_pointer(collection, i, k);
      char text[160];
      std::snprintf(text, sizeof text, "point [%g, %g] is far outside the terrain extent [%g, %g, %g, %g]",
                    path.keys[k].v.x, path.keys[k].v.y, s.terrain.min.x, s.terrain.min.y, s.terrain.max.x,
                    s.terrain.max.y);
      r.warning(pointer, text);
      return;  // one warning per path is enough to find it
    }
  };
  const Node units = root.get("units");
  if (units && units.value->is_array() && units.value->size() == s.units.size())
    for (std::size_t i = 0; i < s.units.size(); ++i) check_path(units, i, s.units[i].path);
  const Node engines = root.get("engines");
  if (engines && engines.value->is_array() && engines.value->size() == s.engines.size())
    for (std::size_t i = 0; i < s.engines.size(); ++i) check_path(engines, i, s.engines[i].path);
  if (units && units.value->is_array() && units.value->size() == s.units.size()) {
    check_army_size(r, units, s);
    check_units_on_dry_ground(r, units, s);
  }
}

}  // namespace scene::loader
