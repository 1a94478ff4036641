// The arithmetic of a film, with no GPU and no files: which presentation second each frame
// shows, which frames a run renders (--frames, --task/--chunks), which part of the scenario a
// film covers (--phase, --shot), and the names of frame files. `siege render` builds on it;
// unit tests check it alone (tests/unit/test_frame_spec.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scene/model/scenario.h"

namespace app {

// A frame rate as a fraction: 24, 25, 30000/1001 ("29.97" is read as 30000/1001).
struct FrameRate {
  std::int64_t num = 24, den = 1;
  double fps() const { return static_cast<double>(num) / static_cast<double>(den); }
  std::string text() const;  // "24" or "30000/1001", as ffmpeg reads it
};
// "24", "23.976", "29.97", "59.94", "30000/1001", "12.5". Rejects 0, negatives, over 1000.
std::optional<FrameRate> parse_frame_rate(std::string_view text, std::string* error = nullptr);

// "WIDTHxHEIGHT", each side 16..max_side.
bool parse_size(std::string_view text, std::uint32_t& width, std::uint32_t& height, std::uint32_t max_width = 8192,
                std::uint32_t max_height = 8192);

// "0-299,450,500-": frames of a film of `count` frames (0-based). An open end ("500-") runs to
// the last frame. Returns the frames ascending and without repeats; nullopt and a reason on
// bad text, an empty selection, or a frame at or past `count`.
std::optional<std::vector<std::int64_t>> parse_frame_spec(std::string_view text, std::int64_t count,
                                                          std::string* error = nullptr);

// Slice `task` of `chunks` (0-based): a contiguous run of `frames`, sizes differing by at most
// one, together covering every frame exactly once. Empty when there are more chunks than frames.
std::vector<std::int64_t> slice_frames(const std::vector<std::int64_t>& frames, int task, int chunks);

// The part of the presentation a film covers: [start_s, end_s).
struct FilmSpan {
  double start_s = 0, end_s = 0;
  std::string label;  // "the whole scenario", "phases 3-5 (siege_begins..song_arrival)", ...
  double length() const { return end_s - start_s; }
};

// One cut of the director's film: a run of consecutive phases that current_shot() gives the
// same shot. Numbered from 1 in the film's order.
struct Cut {
  int number = 0;
  std::string shot;  // shot id
  int first_phase = 0, last_phase = 0;
  double start_s = 0, end_s = 0;
};
std::vector<Cut> director_cuts(const scene::Scenario& scenario);

// --phase: "famine", "3" (1-based), "3-5", "siege_begins-song_arrival". --shot (in a film):
// cut numbers "3", "3-5", or the id of a shot the director uses once ("changli"). An empty
// spec is the whole scenario. On failure returns nullopt and says why, listing valid choices.
std::optional<FilmSpan> resolve_phase_span(const scene::Scenario& scenario, std::string_view spec,
                                           std::string* error = nullptr);
std::optional<FilmSpan> resolve_shot_span(const scene::Scenario& scenario, std::string_view spec,
                                          std::string* error = nullptr);

// Frame f shows presentation second start_s + f * step_s; the film has frame_count frames.
struct FilmTiming {
  FrameRate rate;
  double start_s = 0;
  double step_s = 0;  // presentation seconds per frame: speed / fps
  std::int64_t frame_count = 0;
  double time_of(std::int64_t frame) const { return start_s + static_cast<double>(frame) * step_s; }
  double film_seconds() const { return static_cast<double>(frame_count) / rate.fps(); }
};
// Real time (speed 1) unless `speed` (presentation seconds per film second) or `duration_s`
// (the film's length; the span is compressed into it) is given; not both.
std::optional<FilmTiming> plan_timing(const FilmSpan& span, FrameRate rate, std::optional<double> speed,
                                      std::optional<double> duration_s, std::string* error = nullptr);

// Frame file names. A pattern has exactly one printf integer field: %d or %0Nd ("%%" is a
// literal %). Returns false if `pattern` is not such a pattern.
bool is_frame_pattern(std::string_view pattern);
std::string expand_frame_pattern(std::string_view pattern, std::int64_t frame);
// The pattern with its integer field replaced by `text` (for the manifest's and legend's names).
std::string replace_frame_field(std::string_view pattern, std::string_view text);

// FNV-1a 64-bit of bytes, as 16 hex digits: fingerprints of scenario files in manifests.
std::string fnv1a_hex(std::string_view bytes);

}  // namespace app
