#include "app/core/script.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace app {

namespace {

using nlohmann::json;

glm::vec2 point(const json& j, const char* what) {
  if (!j.is_array() || j.size() != 2 || !j[0].is_number() || !j[1].is_number())
    throw std::runtime_error(std::string(what) + " must be [x, y] in window pixels");
  return {j[0].get<float>(), j[1].get<float>()};
}

int button(const json& e) {
  const std::string b = e.value("button", "left");
  if (b == "left") return 0;
  if (b == "right") return 1;
  if (b == "middle") return 2;
  throw std::runtime_error("button \"" + b + "\" is not left, right or middle");
}

ScriptEvent parse_event(const json& e) {
  if (!e.is_object()) throw std::runtime_error("an event must be an object");
  ScriptEvent ev;
  if (!e.contains("frame") || !e["frame"].is_number_integer() || e["frame"].get<int>() < 0)
    throw std::runtime_error("\"frame\" must be a whole number ≥ 0");
  ev.frame = e["frame"].get<int>();
  if (e.contains("key")) {
    ev.kind = ScriptEvent::Kind::Key;
    ev.chord.key = e["key"].get<std::string>();
    for (const json& m : e.value("mods", json::array())) {
      const std::string mod = m.get<std::string>();
      if (mod == "shift")
        ev.chord.shift = true;
      else if (mod == "ctrl")
        ev.chord.ctrl = true;
      else if (mod == "alt")
        ev.chord.alt = true;
      else
        throw std::runtime_error("mod \"" + mod + "\" is not shift, ctrl or alt");
    }
  } else if (e.contains("click")) {
    ev.kind = ScriptEvent::Kind::Click;
    ev.from = point(e["click"], "\"click\"");
    ev.button = button(e);
  } else if (e.contains("move")) {
    ev.kind = ScriptEvent::Kind::Move;
    ev.from = point(e["move"], "\"move\"");
  } else if (e.contains("drag")) {
    ev.kind = ScriptEvent::Kind::Drag;
    const json& d = e["drag"];
    if (!d.is_array() || d.size() != 2) throw std::runtime_error("\"drag\" must be [[x0, y0], [x1, y1]]");
    ev.from = point(d[0], "drag start");
    ev.to = point(d[1], "drag end");
    ev.button = button(e);
    ev.frames = std::max(1, e.value("frames", 5));
  } else if (e.contains("scroll")) {
    ev.kind = ScriptEvent::Kind::Scroll;
    ev.scroll = e["scroll"].get<float>();
    ev.from = point(e.value("at", json::array({0, 0})), "\"at\"");
  } else if (e.contains("screenshot")) {
    ev.kind = ScriptEvent::Kind::Screenshot;
    ev.path = e["screenshot"].get<std::string>();
    ev.with_ui = e.value("ui", true);
  } else if (e.contains("resize")) {
    ev.kind = ScriptEvent::Kind::Resize;
    const glm::vec2 s = point(e["resize"], "\"resize\"");
    ev.size = glm::ivec2(s);
    if (ev.size.x < 0 || ev.size.y < 0) throw std::runtime_error("\"resize\" must not be negative");
  } else if (e.contains("seek")) {
    ev.kind = ScriptEvent::Kind::Seek;
    ev.time = e["seek"].is_string() ? e["seek"].get<std::string>() : e["seek"].dump();
  } else if (e.contains("quit")) {
    ev.kind = ScriptEvent::Kind::Quit;
  } else {
    throw std::runtime_error("expected one of key, click, move, drag, scroll, screenshot, resize, seek, quit");
  }
  return ev;
}

}  // namespace

std::optional<Script> parse_script(const std::string& text, const std::string& name, std::string& error) {
  json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) {
    error = name + ": not a JSON object (see docs/VIEWER.md for the script format)";
    return std::nullopt;
  }
  Script script;
  try {
    if (doc.contains("window")) script.window = glm::ivec2(point(doc["window"], "\"window\""));
    script.fixed_dt = doc.value("fixed_dt", script.fixed_dt);
    if (!(script.fixed_dt > 0 && script.fixed_dt < 10))
      throw std::runtime_error("\"fixed_dt\" must be in (0, 10) seconds");
  } catch (const std::exception& e) {
    error = name + ": " + e.what();
    return std::nullopt;
  }
  const json events = doc.value("events", json::array());
  for (size_t i = 0; i < events.size(); ++i) {
    try {
      script.events.push_back(parse_event(events[i]));
    } catch (const std::exception& e) {
      error = name + ": /events/" + std::to_string(i) + ": " + e.what();
      return std::nullopt;
    }
  }
  std::stable_sort(script.events.begin(), script.events.end(),
                   [](const ScriptEvent& a, const ScriptEvent& b) { return a.frame < b.frame; });
  return script;
}

std::optional<Script> load_script(const std::string& path, std::string& error) {
  std::ifstream file(path);
  if (!file) {
    error = path + ": cannot open the script";
    return std::nullopt;
  }
  std::stringstream text;
  text << file.rdbuf();
  return parse_script(text.str(), path, error);
}

}  // namespace app
