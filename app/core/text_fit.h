// Fitting text into a width without cutting words: wrapping captions into lines, shortening
// a timeline band's title at a word boundary with an ellipsis, "1 day" but "2 days". Widths
// come from a measure function (ImGui's font in the viewer, a fixed advance in the tests).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace app {

// Width in pixels of one line of text (no wrapping).
using MeasureText = std::function<float(std::string_view)>;

// Lines of `text` no wider than `max_width`: breaks at spaces, between Chinese characters
// (which have no spaces) and at '\n'; only a single word wider than the whole line is
// split, between its characters.
std::vector<std::string> wrap_lines(std::string_view text, float max_width, const MeasureText& measure);

// `text` if it fits; else as many whole words as fit followed by "…"; else "".
std::string fit_words(std::string_view text, float max_width, const MeasureText& measure);

// How long a phase lasts in history: "1 day", "20 days", "12 hours"; "" for none.
std::string span_text(double days);

// A timeline band's title: "Famine · 20 days" when it fits, else the title alone, else the
// title cut at a word boundary with "…", else nothing (the tooltip still has it all).
std::string band_title(std::string_view title, double days, float max_width, const MeasureText& measure);

}  // namespace app
