// "Did you mean ...?": the closest of a few known words to a misspelt one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scene {

// Edit distance (insertions, deletions, substitutions and swaps of neighbours), ignoring
// ASCII case. Long inputs are cut at 64 bytes: a suggestion is for typos, not essays.
int edit_distance(std::string_view a, std::string_view b);

// The candidate closest to word, if it is close enough to be a plausible typo.
std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean \"x\"?)" or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace scene
