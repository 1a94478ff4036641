#include "app/core/film_plan.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "scene/model/clock.h"
#include "scene/sim/shot.h"

namespace app {

namespace {

void set_error(std::string* error, std::string text) {
  if (error) *error = std::move(text);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::optional<std::int64_t> parse_int(std::string_view s) {
  s = trim(s);
  if (s.empty()) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

std::optional<double> parse_double(std::string_view s) {
  s = trim(s);
  if (s.empty()) return std::nullopt;
  double value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::int64_t gcd(std::int64_t a, std::int64_t b) {
  while (b != 0) {
    const std::int64_t r = a % b;
    a = b;
    b = r;
  }
  return a;
}

// A phase by id or by 1-based number; -1 if neither.
int find_phase(const scene::Scenario& scenario, std::string_view text) {
  text = trim(text);
  for (size_t i = 0; i < scenario.phases.size(); ++i)
    if (scenario.phases[i].id == text) return static_cast<int>(i);
  if (const auto n = parse_int(text); n && *n >= 1 && *n <= static_cast<std::int64_t>(scenario.phases.size()))
    return static_cast<int>(*n - 1);
  return -1;
}

std::string list_phases(const scene::Scenario& scenario) {
  std::string out;
  for (size_t i = 0; i < scenario.phases.size(); ++i)
    out += (i ? ", " : "") + std::to_string(i + 1) + " " + scenario.phases[i].id;
  return out;
}

std::string list_cuts(const std::vector<Cut>& cuts) {
  std::string out;
  for (const Cut& c : cuts) out += (out.empty() ? "" : ", ") + std::to_string(c.number) + " " + c.shot;
  return out;
}

double phase_end_s(const scene::Scenario& scenario, int phase) {
  return scene::phase_start_s(scenario, phase) + scenario.phases[static_cast<size_t>(phase)].duration_s;
}

}  // namespace

std::string FrameRate::text() const {
  return den == 1 ? std::to_string(num) : std::to_string(num) + "/" + std::to_string(den);
}

std::optional<FrameRate> parse_frame_rate(std::string_view text, std::string* error) {
  text = trim(text);
  FrameRate rate;
  const auto fail = [&] {
    set_error(error, "--fps \"" + std::string(text) +
                         "\" is not a frame rate above 0 and at most 1000 (e.g. 24, 25, 30, 23.976, 30000/1001)");
    return std::nullopt;
  };
  if (const size_t slash = text.find('/'); slash != std::string_view::npos) {
    const auto num = parse_int(text.substr(0, slash)), den = parse_int(text.substr(slash + 1));
    if (!num || !den || *num <= 0 || *den <= 0) return fail();
    rate = {*num, *den};
  } else if (text == "23.976" || text == "23.98") {
    rate = {24000, 1001};
  } else if (text == "29.97") {
    rate = {30000, 1001};
  } else if (text == "59.94") {
    rate = {60000, 1001};
  } else {
    const auto value = parse_double(text);
    if (!value || *value <= 0) return fail();
    // Up to three decimals, as a fraction over 1000.
    const double scaled = std::round(*value * 1000.0);
    if (std::fabs(scaled - *value * 1000.0) > 1e-6 || scaled < 1) return fail();
    rate = {static_cast<std::int64_t>(scaled), 1000};
  }
  const std::int64_t g = gcd(rate.num, rate.den);
  rate.num /= g;
  rate.den /= g;
  if (rate.fps() > 1000.0 || rate.fps() <= 0) return fail();
  return rate;
}

bool parse_size(std::string_view text, std::uint32_t& width, std::uint32_t& height, std::uint32_t max_width,
                std::uint32_t max_height) {
  text = trim(text);
  size_t x = text.find_first_of("xX");
  if (x == std::string_view::npos) return false;
  const auto w = parse_int(text.substr(0, x)), h = parse_int(text.substr(x + 1));
  if (!w || !h || *w < 16 || *h < 16 || *w > max_width || *h > max_height) return false;
  width = static_cast<std::uint32_t>(*w);
  height = static_cast<std::uint32_t>(*h);
  return true;
}

std::optional<std::vector<std::int64_t>> parse_frame_spec(std::string_view text, std::int64_t count,
                                                          std::string* error) {
  std::vector<std::int64_t> frames;
  const std::string whole(text);
  const auto fail = [&](const std::string& why) {
    set_error(error, "--frames \"" + whole + "\": " + why + " (e.g. 0-299,450; the film has frames 0-" +
                         std::to_string(count - 1) + ")");
    return std::nullopt;
  };
  if (trim(text).empty()) return fail("empty");
  while (!text.empty()) {
    const size_t comma = text.find(',');
    const std::string_view item = trim(text.substr(0, comma));
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    if (item.empty()) return fail("an empty item between commas");
    std::int64_t first = 0, last = 0;
    if (const size_t dash = item.find('-', 1); dash != std::string_view::npos) {
      const auto a = parse_int(item.substr(0, dash));
      const std::string_view rest = trim(item.substr(dash + 1));
      const auto b = rest.empty() ? std::optional<std::int64_t>(count - 1) : parse_int(rest);
      if (!a || !b) return fail("\"" + std::string(item) + "\" is not FIRST-LAST");
      first = *a;
      last = *b;
    } else {
      const auto a = parse_int(item);
      if (!a) return fail("\"" + std::string(item) + "\" is not a frame number");
      first = last = *a;
    }
    if (first < 0 || last < 0) return fail("frames are numbered from 0");
    if (last < first) return fail("\"" + std::string(item) + "\" runs backwards");
    if (last >= count) return fail("frame " + std::to_string(last) + " is past the end");
    for (std::int64_t f = first; f <= last; ++f) frames.push_back(f);
  }
  std::sort(frames.begin(), frames.end());
  frames.erase(std::unique(frames.begin(), frames.end()), frames.end());
  return frames;
}

std::vector<std::int64_t> slice_frames(const std::vector<std::int64_t>& frames, int task, int chunks) {
  if (chunks <= 0 || task < 0 || task >= chunks) return {};
  const auto n = static_cast<std::int64_t>(frames.size());
  const std::int64_t begin = n * task / chunks, end = n * (task + 1) / chunks;
  return {frames.begin() + begin, frames.begin() + end};
}

std::vector<Cut> director_cuts(const scene::Scenario& scenario) {
  std::vector<Cut> cuts;
  for (int p = 0; p < static_cast<int>(scenario.phases.size()); ++p) {
    const scene::Shot* shot = scene::current_shot(scenario, p);
    const std::string id = shot ? shot->id : std::string();
    if (!cuts.empty() && cuts.back().shot == id) {
      cuts.back().last_phase = p;
      cuts.back().end_s = phase_end_s(scenario, p);
      continue;
    }
    cuts.push_back(
        {static_cast<int>(cuts.size()) + 1, id, p, p, scene::phase_start_s(scenario, p), phase_end_s(scenario, p)});
  }
  return cuts;
}

std::optional<FilmSpan> resolve_phase_span(const scene::Scenario& scenario, std::string_view spec, std::string* error) {
  spec = trim(spec);
  if (spec.empty()) return FilmSpan{0, scene::total_duration(scenario), "the whole scenario"};
  int first = find_phase(scenario, spec), last = first;
  if (first < 0) {
    // "A-B": try every dash, so ids with dashes still work.
    for (size_t dash = spec.find('-'); dash != std::string_view::npos; dash = spec.find('-', dash + 1)) {
      const int a = find_phase(scenario, spec.substr(0, dash)), b = find_phase(scenario, spec.substr(dash + 1));
      if (a >= 0 && b >= 0) {
        first = a;
        last = b;
        break;
      }
    }
  }
  if (first < 0) {
    set_error(error, "--phase \"" + std::string(spec) +
                         "\" is not a phase or a range of phases; the phases are: " + list_phases(scenario));
    return std::nullopt;
  }
  if (last < first) {
    set_error(error, "--phase \"" + std::string(spec) + "\" runs backwards; the phases are: " + list_phases(scenario));
    return std::nullopt;
  }
  const auto& phases = scenario.phases;
  std::string label = first == last ? "phase " + std::to_string(first + 1) + " (" + phases[first].id + ")"
                                    : "phases " + std::to_string(first + 1) + "-" + std::to_string(last + 1) + " (" +
                                          phases[first].id + ".." + phases[last].id + ")";
  return FilmSpan{scene::phase_start_s(scenario, first), phase_end_s(scenario, last), label};
}

std::optional<FilmSpan> resolve_shot_span(const scene::Scenario& scenario, std::string_view spec, std::string* error) {
  spec = trim(spec);
  const std::vector<Cut> cuts = director_cuts(scenario);
  if (spec.empty()) return FilmSpan{0, scene::total_duration(scenario), "the whole scenario"};
  const auto n = static_cast<std::int64_t>(cuts.size());
  const auto fail = [&](const std::string& why) {
    set_error(error,
              "--shot \"" + std::string(spec) + "\" " + why + "; the film's shots (cuts) are: " + list_cuts(cuts));
    return std::nullopt;
  };
  // A shot id the director uses exactly once.
  std::vector<const Cut*> uses;
  for (const Cut& c : cuts)
    if (c.shot == spec) uses.push_back(&c);
  if (uses.size() == 1)
    return FilmSpan{uses[0]->start_s, uses[0]->end_s,
                    "shot " + std::to_string(uses[0]->number) + " (" + uses[0]->shot + ")"};
  if (uses.size() > 1) {
    std::string numbers;
    for (const Cut* c : uses) numbers += (numbers.empty() ? "" : " and ") + std::to_string(c->number);
    return fail("is used by cuts " + numbers + "; give the number of the one you want");
  }
  if (scenario.shot(std::string(spec)))
    return fail("is a shot of the scenario that the film does not cut to; to see the film through it, use --camera " +
                std::string(spec));
  std::optional<std::int64_t> a, b;
  if (const size_t dash = spec.find('-'); dash != std::string_view::npos) {
    a = parse_int(spec.substr(0, dash));
    b = parse_int(spec.substr(dash + 1));
  } else {
    a = b = parse_int(spec);
  }
  if (!a || !b) return fail("is not a shot number, a range of them (3-5), or a shot id");
  if (*a < 1 || *b > n) return fail("is outside 1-" + std::to_string(n));
  if (*b < *a) return fail("runs backwards");
  const Cut& first = cuts[static_cast<size_t>(*a - 1)];
  const Cut& last = cuts[static_cast<size_t>(*b - 1)];
  const std::string label =
      *a == *b ? "shot " + std::to_string(*a) + " (" + first.shot + ")"
               : "shots " + std::to_string(*a) + "-" + std::to_string(*b) + " (" + first.shot + ".." + last.shot + ")";
  return FilmSpan{first.start_s, last.end_s, label};
}

std::optional<FilmTiming> plan_timing(const FilmSpan& span, FrameRate rate, std::optional<double> speed,
                                      std::optional<double> duration_s, std::string* error) {
  FilmTiming timing;
  timing.rate = rate;
  timing.start_s = span.start_s;
  const double length = span.length();
  if (!(length > 0)) {
    set_error(error, "the film's span (" + span.label + ") is empty");
    return std::nullopt;
  }
  if (speed && duration_s) {
    set_error(error, "give --speed or --duration, not both");
    return std::nullopt;
  }
  if (duration_s) {
    if (!(*duration_s > 0) || !std::isfinite(*duration_s)) {
      set_error(error, "--duration must be a number of seconds above 0");
      return std::nullopt;
    }
    timing.frame_count = std::max<std::int64_t>(1, std::llround(*duration_s * rate.fps()));
    timing.step_s = length / static_cast<double>(timing.frame_count);
  } else {
    const double s = speed.value_or(1.0);
    if (!(s > 0) || !std::isfinite(s)) {
      set_error(error, "--speed must be above 0 (presentation seconds per film second)");
      return std::nullopt;
    }
    timing.step_s = s / rate.fps();
    timing.frame_count = std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(length / timing.step_s - 1e-9)));
  }
  if (timing.frame_count > 10'000'000) {
    set_error(error, "the film would have " + std::to_string(timing.frame_count) + " frames; that is too many");
    return std::nullopt;
  }
  return timing;
}

namespace {
// Finds the one integer field: returns [begin, end) of it, or npos if there is not exactly one.
std::pair<size_t, size_t> frame_field(std::string_view pattern) {
  size_t found_begin = std::string_view::npos, found_end = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '%') continue;
    if (i + 1 < pattern.size() && pattern[i + 1] == '%') {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < pattern.size() && pattern[j] >= '0' && pattern[j] <= '9') ++j;
    if (j >= pattern.size() || pattern[j] != 'd' || j - i - 1 > 2) return {std::string_view::npos, 0};
    if (found_begin != std::string_view::npos) return {std::string_view::npos, 0};
    found_begin = i;
    found_end = j + 1;
    i = j;
  }
  return {found_begin, found_end};
}
std::string unescape_percent(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    out += s[i];
    if (s[i] == '%' && i + 1 < s.size() && s[i + 1] == '%') ++i;
  }
  return out;
}
}  // namespace

bool is_frame_pattern(std::string_view pattern) { return frame_field(pattern).first != std::string_view::npos; }

std::string expand_frame_pattern(std::string_view pattern, std::int64_t frame) {
  const auto [begin, end] = frame_field(pattern);
  if (begin == std::string_view::npos) return std::string(pattern);
  const std::string spec(pattern.substr(begin, end - begin - 1));  // "%05"
  char number[64];
  std::snprintf(number, sizeof number, (spec + "lld").c_str(), static_cast<long long>(frame));
  return unescape_percent(pattern.substr(0, begin)) + number + unescape_percent(pattern.substr(end));
}

std::string replace_frame_field(std::string_view pattern, std::string_view text) {
  const auto [begin, end] = frame_field(pattern);
  if (begin == std::string_view::npos) return std::string(pattern);
  return unescape_percent(pattern.substr(0, begin)) + std::string(text) + unescape_percent(pattern.substr(end));
}

std::string fnv1a_hex(std::string_view bytes) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
  return out;
}

}  // namespace app
