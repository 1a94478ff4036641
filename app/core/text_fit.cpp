#include "app/core/text_fit.h"

#include <algorithm>
#include <cmath>

namespace app {

namespace {

// Decodes the code point starting at text[i] and returns its length in bytes (1 for a
// broken sequence, so the loop always advances).
std::size_t code_point(std::string_view text, std::size_t i, char32_t& cp) {
  const auto c = static_cast<unsigned char>(text[i]);
  const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
  if (i + n > text.size()) {
    cp = c;
    return 1;
  }
  cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  return n;
}

// Chinese (and Japanese) script: a line may break before or after any of its characters.
bool breaks_anywhere(char32_t cp) { return cp >= 0x2E80 && cp <= 0xFFEF; }
// Punctuation that never starts a line (closing) or never ends one (opening).
constexpr std::u32string_view kClosing = U"、。，；：！？）」』》〉”’";
constexpr std::u32string_view kOpening = U"（「『《〈“‘";
bool closes(char32_t cp) { return kClosing.find(cp) != std::u32string_view::npos; }
bool opens(char32_t cp) { return kOpening.find(cp) != std::u32string_view::npos; }

// Words of one line: runs between spaces, each Chinese character a word of its own (with any
// closing punctuation after it). `space_before` says whether a space separated it from the last.
struct Word {
  std::string_view text;
  bool space_before = false;
};

std::vector<Word> split_words(std::string_view line) {
  constexpr std::size_t none = std::string_view::npos;
  std::vector<Word> words;
  std::size_t start = none;
  bool space = false;
  bool pending_opening = false;  // the word so far is only opening marks
  const auto flush = [&](std::size_t end) {
    if (start != none && end > start) {
      words.push_back({line.substr(start, end - start), space});
      space = false;
    }
    start = none;
  };
  for (std::size_t i = 0; i < line.size();) {
    char32_t cp;
    const std::size_t n = code_point(line, i, cp);
    if (cp == ' ') {
      flush(i);
      space = true;
    } else if (closes(cp) && start == none && !words.empty() && !space) {
      Word& last = words.back();  // closing punctuation stays with the character before it
      last.text = std::string_view(last.text.data(), last.text.size() + n);
    } else if (breaks_anywhere(cp) && !closes(cp) && !opens(cp)) {
      if (!pending_opening) flush(i);  // an opening mark stays with the character after it
      if (start == none) start = i;
      flush(i + n);
    } else if (start == none) {
      start = i;
    }
    pending_opening = start != none && opens(cp) && (pending_opening || i == start);
    i += n;
  }
  flush(line.size());
  return words;
}

// Splits one word wider than a line between its characters, but never before a closing mark
// or after an opening one: such a mark hangs past the width instead.
void split_long_word(std::string_view word, float max_width, const MeasureText& measure,
                     std::vector<std::string>& lines) {
  std::string line;
  char32_t last = 0;
  for (std::size_t i = 0; i < word.size();) {
    char32_t cp;
    const std::size_t n = code_point(word, i, cp);
    const std::string next = line + std::string(word.substr(i, n));
    const bool may_break = !line.empty() && !closes(cp) && !opens(last);
    last = cp;
    if (may_break && measure(next) > max_width) {
      lines.push_back(line);
      line = std::string(word.substr(i, n));
    } else {
      line = next;
    }
    i += n;
  }
  if (!line.empty()) lines.push_back(line);
}

void wrap_paragraph(std::string_view paragraph, float max_width, const MeasureText& measure,
                    std::vector<std::string>& lines) {
  std::string line;
  for (const Word& w : split_words(paragraph)) {
    const std::string candidate =
        line.empty() ? std::string(w.text) : line + (w.space_before ? " " : "") + std::string(w.text);
    if (measure(candidate) <= max_width) {
      line = candidate;
      continue;
    }
    if (!line.empty()) lines.push_back(line);
    line.clear();
    if (measure(w.text) <= max_width) {
      line = std::string(w.text);
    } else {
      split_long_word(w.text, max_width, measure, lines);
      line = lines.back();  // the split word's tail may take more words after it
      lines.pop_back();
    }
  }
  lines.push_back(line);
}

}  // namespace

std::vector<std::string> wrap_lines(std::string_view text, float max_width, const MeasureText& measure) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    wrap_paragraph(text.substr(start, end - start), max_width, measure, lines);
    start = end + 1;
  }
  return lines;
}

std::string fit_words(std::string_view text, float max_width, const MeasureText& measure) {
  if (measure(text) <= max_width) return std::string(text);
  std::string best, line;
  for (const Word& w : split_words(text)) {
    line = line.empty() ? std::string(w.text) : line + (w.space_before ? " " : "") + std::string(w.text);
    if (measure(line + "…") > max_width) break;
    best = line + "…";
  }
  return best;
}

std::string span_text(double days) {
  if (!(days > 0)) return {};
  if (days < 0.75) {
    const long hours = std::max(1L, std::lround(days * 24));
    return hours == 1 ? "1 hour" : std::to_string(hours) + " hours";
  }
  const long n = std::max(1L, std::lround(days));
  return n == 1 ? "1 day" : std::to_string(n) + " days";
}

std::string band_title(std::string_view title, double days, float max_width, const MeasureText& measure) {
  const std::string span = span_text(days);
  const std::string full = span.empty() ? std::string(title) : std::string(title) + " · " + span;
  if (measure(full) <= max_width) return full;
  return fit_words(title, max_width, measure);
}

}  // namespace app
