#include "app/core/timeline_markers.h"

#include <algorithm>
#include <cmath>

#include "app/core/labels.h"
#include "app/core/text_fit.h"
#include "scene/model/clock.h"

namespace app {

namespace {

// The first key at which a track reaches `level`.
template <class T>
const scene::Key<T>* first_reaching(const scene::Track<T>& track, T level) {
  for (const auto& key : track.keys)
    if (key.v >= level) return &key;
  return nullptr;
}

std::string name_of(const scene::Localized& name, const std::string& id) {
  return name.en.empty() && name.zh.empty() ? id : bilingual(name);
}

// A caption's words for a tooltip: each language cut at a word (or character) near 90
// characters, never inside a UTF-8 sequence.
std::string caption_excerpt(const scene::Localized& text) {
  const MeasureText characters = [](std::string_view s) {
    float n = 0;
    for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
  };
  std::string out = fit_words(text.en, 90, characters);
  if (!text.zh.empty()) out += (out.empty() ? "" : "\n") + fit_words(text.zh, 60, characters);
  return out;
}

}  // namespace

std::vector<Marker> timeline_markers(const scene::Scenario& s) {
  std::vector<Marker> out;
  if (s.phases.empty()) return out;
  const scene::Day first = s.phases.front().start.day, last = s.phases.back().end.day;
  const auto add = [&](Marker::Kind kind, scene::Day day, std::string label) {
    if (!std::isfinite(day) || day < first || day > last) return;
    out.push_back({kind, scene::presentation_at(s, day), day, std::move(label)});
  };
  for (const scene::Unit& u : s.units) {
    add(Marker::Kind::Event, u.available.from, "Arrives: " + name_of(u.name, u.id));
    for (const auto& key : u.path.keys) add(Marker::Kind::Keyframe, key.t, name_of(u.name, u.id) + ": waypoint");
  }
  for (const scene::WallDamage& d : s.damages)
    if (const auto* k = first_reaching(d.damage, 1.0f))
      add(Marker::Kind::Event, k->t, "Breach: " + name_of(d.name, d.id));
  for (const scene::SiegeRing& r : s.siege_rings)
    if (const auto* k = first_reaching(r.construction, 1.0f))
      add(Marker::Kind::Event, k->t, "Closed: " + name_of(r.name, r.id));
  for (const scene::Lake& l : s.lakes)
    if (l.dam)
      if (const auto* k = first_reaching(l.dam->breach, 0.5f))
        add(Marker::Kind::Event, k->t, "Dam broken: " + name_of(l.name, l.id));
  for (const scene::Fire& f : s.fires)
    if (const auto* k = first_reaching(f.intensity, 0.05f))
      add(Marker::Kind::Event, k->t, "Fire: " + name_of(f.name, f.id));
  for (const scene::Caption& c : s.captions) {
    add(Marker::Kind::Caption, std::max(c.when.from, first), caption_excerpt(c.text));
  }
  std::stable_sort(out.begin(), out.end(), [](const Marker& a, const Marker& b) { return a.t < b.t; });
  return out;
}

}  // namespace app
