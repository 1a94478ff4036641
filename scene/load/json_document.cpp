#include "scene/load/json_document.h"

#include <cctype>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <optional>

namespace scene {

namespace {

// A tree of a few million values would cost gigabytes in the location table; no scenario
// comes near this, so a larger document is certainly not one.
constexpr std::size_t kMaxValues = 1'000'000;

std::string hex_byte(unsigned char byte) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "0x%02X", byte);
  return buffer;
}

std::string code_point_name(std::uint32_t cp) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
  return buffer;
}

std::string position_text(TextPosition p) { return std::to_string(p.line) + ":" + std::to_string(p.column); }

// Guesses what a non-text file is from its first bytes, for a friendlier message.
std::string binary_hint(std::string_view text) {
  struct Magic {
    std::string_view bytes;
    const char* what;
  };
  static constexpr Magic kMagic[] = {
      {"\x89PNG", "a PNG image"},
      {"\xFF\xD8\xFF", "a JPEG image"},
      {"GIF8", "a GIF image"},
      {"%PDF", "a PDF document"},
      {"PK\x03\x04", "a zip archive (or .docx/.xlsx)"},
      {"\x1F\x8B", "a gzip archive"},
      {"\x7F"
       "ELF",
       "a program"},
      {"glTF", "a binary glTF model"},
      {"\xD0\xCF\x11\xE0", "an old Office document"},
  };
  for (const Magic& m : kMagic)
    if (text.substr(0, m.bytes.size()) == m.bytes) return std::string(" — is this ") + m.what + ", not a scenario?";
  return "";
}

// Length of the UTF-8 sequence starting at text[i], or 0 if it is not valid UTF-8
// (overlong forms, surrogates and code points past U+10FFFF are invalid).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  std::size_t n = 0;
  std::uint32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0)
    n = 2, cp = b0 & 0x1F;
  else if ((b0 & 0xF0) == 0xE0)
    n = 3, cp = b0 & 0x0F;
  else if ((b0 & 0xF8) == 0xF0)
    n = 4, cp = b0 & 0x07;
  else
    return 0;
  if (i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  static constexpr std::uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMinimum[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Thrown inside the parser only, caught in parse_json: the one syntax error that stops it.
struct SyntaxError {
  TextPosition at;
  std::string message;
};

class Parser {
 public:
  Parser(std::string_view text, std::size_t start, JsonParseResult& out) : text_(text), pos_(start), out_(out) {}

  void parse_document() {
    skip_whitespace();
    if (at_end()) fail("the file is empty; a scenario is one JSON object { ... }");
    out_.document.root = parse_value("", 0, true);
    skip_whitespace();
    if (!at_end()) {
      fail("unexpected " + describe_here() +
           " after the end of the JSON document (only one top-level value is allowed)");
    }
  }

 private:
  std::string_view text_;
  std::size_t pos_;
  int line_ = 1;
  int column_ = 1;
  std::size_t value_count_ = 0;
  JsonParseResult& out_;

  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }
  TextPosition here() const { return {line_, column_}; }

  void advance() {
    const unsigned char c = static_cast<unsigned char>(text_[pos_++]);
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else if (!is_continuation(c)) {
      // Column counts characters: a multi-byte character moves it once, at its lead byte.
      ++column_;
    }
  }

  [[noreturn]] void fail(std::string message) { throw SyntaxError{here(), std::move(message)}; }
  [[noreturn]] void fail_at(TextPosition at, std::string message) { throw SyntaxError{at, std::move(message)}; }

  // What the character at the current position is, in words.
  std::string describe_here() const {
    if (at_end()) return "end of file";
    const unsigned char c = static_cast<unsigned char>(text_[pos_]);
    if (c < 0x20 || c == 0x7F) return "control character " + code_point_name(c);
    if (c < 0x80) return std::string("'") + static_cast<char>(c) + "'";
    const std::size_t n = utf8_sequence_length(text_, pos_);
    return "'" + std::string(text_.substr(pos_, n ? n : 1)) + "'";
  }

  void skip_whitespace() {
    while (!at_end()) {
      const char c = text_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        advance();
      } else if (c == '/' && pos_ + 1 < text_.size() && (text_[pos_ + 1] == '/' || text_[pos_ + 1] == '*')) {
        fail("comments are not allowed in JSON; put remarks in a \"notes\" field");
      } else {
        return;
      }
    }
  }

  void count_value() {
    if (++value_count_ > kMaxValues)
      fail("too many values (over " + std::to_string(kMaxValues) + "); this is not a scenario file");
  }

  nlohmann::json parse_value(const std::string& pointer, int depth, bool record) {
    if (depth > kMaxJsonDepth)
      fail("nested too deeply (more than " + std::to_string(kMaxJsonDepth) + " levels of [ ] and { })");
    count_value();
    if (record) out_.document.values[pointer] = here();
    const char c = peek();
    switch (c) {
      case '{':
        return parse_object(pointer, depth, record);
      case '[':
        return parse_array(pointer, depth, record);
      case '"':
        return parse_string();
      case 't':
        return parse_literal("true", true);
      case 'f':
        return parse_literal("false", false);
      case 'n':
        return parse_literal("null", nullptr);
      case '\'':
        fail("strings must be in double quotes \"...\", not single quotes");
      case 'N':
        fail("NaN is not a JSON number");
      case 'I':
        fail("Infinity is not a JSON number");
      case '+':
        fail("a number must not start with '+'");
      case '.':
        fail("a number must start with a digit (write 0.5, not .5)");
      default:
        break;
    }
    if (c == '-' || (c >= '0' && c <= '9')) return parse_number();
    if (at_end()) fail("unexpected end of file: expected a value");
    fail("unexpected " + describe_here() + ": expected a value (object, array, string, number, true, false or null)");
  }

  nlohmann::json parse_literal(std::string_view word, nlohmann::json value) {
    const TextPosition start = here();
    if (text_.substr(pos_, word.size()) != word) {
      std::size_t end = pos_;
      while (end < text_.size() && end - pos_ < 20 && std::isalnum(static_cast<unsigned char>(text_[end]))) ++end;
      const std::string found(text_.substr(pos_, end - pos_));
      fail_at(start, "unexpected word \"" + found + "\": expected a value (strings need double quotes)");
    }
    for (std::size_t i = 0; i < word.size(); ++i) advance();
    return value;
  }

  nlohmann::json parse_object(const std::string& pointer, int depth, bool record) {
    const TextPosition open = here();
    advance();  // '{'
    nlohmann::json object = nlohmann::json::object();
    skip_whitespace();
    if (peek() == '}') {
      advance();
      return object;
    }
    while (true) {
      skip_whitespace();
      const TextPosition key_position = here();
      if (peek() == '}') fail("trailing comma before '}' (JSON allows none)");
      if (peek() == '\'') fail("object keys must be in double quotes \"...\", not single quotes");
      if (at_end()) fail_at(open, "unexpected end of file: this '{' is never closed");
      if (peek() != '"') fail("expected a key in double quotes, found " + describe_here());
      std::string key = parse_string().get<std::string>();
      skip_whitespace();
      if (peek() != ':') fail("expected ':' after the key \"" + key + "\", found " + describe_here());
      advance();
      skip_whitespace();
      const std::string member_pointer = json_pointer_append(pointer, key);
      const bool duplicate = object.contains(key);
      if (duplicate && record) {
        const TextPosition first = out_.document.key_at(member_pointer);
        out_.problems.push_back(
            {key_position, member_pointer,
             "duplicate key \"" + key + "\" (first at " + position_text(first) + "); only the first is used"});
      }
      const bool record_member = record && !duplicate;
      if (record_member) out_.document.keys[member_pointer] = key_position;
      nlohmann::json value = parse_value(member_pointer, depth + 1, record_member);
      if (!duplicate) object.emplace(std::move(key), std::move(value));
      skip_whitespace();
      if (peek() == ',') {
        advance();
        continue;
      }
      if (peek() == '}') {
        advance();
        return object;
      }
      if (at_end()) fail_at(open, "unexpected end of file: this '{' is never closed");
      if (peek() == '"') fail("missing ',' between object members");
      fail("expected ',' or '}' after an object member, found " + describe_here());
    }
  }

  nlohmann::json parse_array(const std::string& pointer, int depth, bool record) {
    const TextPosition open = here();
    advance();  // '['
    nlohmann::json array = nlohmann::json::array();
    skip_whitespace();
    if (peek() == ']') {
      advance();
      return array;
    }
    while (true) {
      skip_whitespace();
      if (peek() == ']') fail("trailing comma before ']' (JSON allows none)");
      if (at_end()) fail_at(open, "unexpected end of file: this '[' is never closed");
      array.push_back(parse_value(json_pointer_append(pointer, array.size()), depth + 1, record));
      skip_whitespace();
      if (peek() == ',') {
        advance();
        continue;
      }
      if (peek() == ']') {
        advance();
        return array;
      }
      if (at_end()) fail_at(open, "unexpected end of file: this '[' is never closed");
      fail("expected ',' or ']' after an array element, found " + describe_here());
    }
  }

  unsigned parse_hex4() {
    unsigned value = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = peek();
      unsigned digit;
      if (c >= '0' && c <= '9')
        digit = c - '0';
      else if (c >= 'a' && c <= 'f')
        digit = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F')
        digit = c - 'A' + 10;
      else
        fail("\\u must be followed by four hex digits");
      value = value * 16 + digit;
      advance();
    }
    return value;
  }

  static void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  void parse_escape(std::string& out) {
    const TextPosition start = here();
    advance();  // '\'
    if (at_end()) fail("unexpected end of file inside a string");
    const char c = peek();
    switch (c) {
      case '"':
        out += '"';
        break;
      case '\\':
        out += '\\';
        break;
      case '/':
        out += '/';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        advance();
        std::uint32_t cp = parse_hex4();
        if (cp >= 0xDC00 && cp <= 0xDFFF)
          fail_at(start,
                  "lone surrogate \\u" + code_point_name(cp).substr(2) + " (a low surrogate without a high one)");
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          if (peek() != '\\' || pos_ + 1 >= text_.size() || text_[pos_ + 1] != 'u')
            fail_at(start, "lone surrogate \\u" + code_point_name(cp).substr(2) +
                               " (a high surrogate must be followed by \\uDC00..\\uDFFF)");
          advance();
          advance();
          const std::uint32_t low = parse_hex4();
          if (low < 0xDC00 || low > 0xDFFF)
            fail_at(start, "lone surrogate \\u" + code_point_name(cp).substr(2) +
                               " (a high surrogate must be followed by \\uDC00..\\uDFFF)");
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(out, cp);
        return;  // parse_hex4 already moved past the digits
      }
      default:
        fail_at(start,
                "invalid escape \\" +
                    (static_cast<unsigned char>(c) > 0x20 && static_cast<unsigned char>(c) < 0x7F ? std::string(1, c)
                                                                                                  : describe_here()) +
                    " in a string (allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
    }
    advance();
  }

  nlohmann::json parse_string() {
    const TextPosition open = here();
    advance();  // '"'
    std::string out;
    while (true) {
      if (at_end()) fail_at(open, "unexpected end of file: this string is never closed (missing '\"')");
      const unsigned char c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') {
        advance();
        return out;
      }
      if (c == '\\') {
        parse_escape(out);
        continue;
      }
      if (c == '\n' || c == '\r') fail("line break inside a string (missing closing '\"'? write \\n for a line break)");
      if (c == '\t') fail("tab character inside a string; write \\t");
      if (c < 0x20) fail("control character " + code_point_name(c) + " inside a string; escape it as \\u00XX");
      out += static_cast<char>(c);
      advance();
    }
  }

  nlohmann::json parse_number() {
    const TextPosition start = here();
    const std::size_t begin = pos_;
    const auto digit = [&] { return peek() >= '0' && peek() <= '9'; };
    if (peek() == '-') {
      advance();
      if (peek() == 'I') fail_at(start, "-Infinity is not a JSON number");
      if (!digit()) fail("expected a digit after '-'");
    }
    // Significant digits and where the decimal point falls, to tell overflow from underflow.
    long long first_significant = -1;  // index among all mantissa digits
    long long integer_digits = 0;
    long long mantissa_index = 0;
    const auto take_digit = [&] {
      if (peek() != '0' && first_significant < 0) first_significant = mantissa_index;
      ++mantissa_index;
      advance();
    };
    if (peek() == '0') {
      take_digit();
      if (digit()) fail_at(start, "numbers must not have leading zeros");
    } else {
      while (digit()) take_digit();
    }
    integer_digits = mantissa_index;
    bool is_integer = true;
    if (peek() == '.') {
      is_integer = false;
      advance();
      if (!digit()) fail("expected a digit after the decimal point");
      while (digit()) take_digit();
    }
    long long exponent = 0;
    if (peek() == 'e' || peek() == 'E') {
      is_integer = false;
      advance();
      bool negative = false;
      if (peek() == '+' || peek() == '-') {
        negative = peek() == '-';
        advance();
      }
      if (!digit()) fail("expected a digit in the exponent");
      while (digit()) {
        if (exponent < 1'000'000'000) exponent = exponent * 10 + (peek() - '0');
        advance();
      }
      if (negative) exponent = -exponent;
    }
    const std::string_view literal = text_.substr(begin, pos_ - begin);
    if (is_integer) {
      std::int64_t value = 0;
      const auto [end, ec] = std::from_chars(literal.data(), literal.data() + literal.size(), value);
      if (ec == std::errc() && end == literal.data() + literal.size()) return value;
    }
    double value = 0;
    const auto [end, ec] = std::from_chars(literal.data(), literal.data() + literal.size(), value);
    if (ec == std::errc::result_out_of_range) {
      // Decimal exponent of the leading significant digit: positive means huge, else tiny.
      const long long magnitude = first_significant < 0 ? 0 : integer_digits - 1 - first_significant + exponent;
      if (magnitude > 0) fail_at(start, "number too large: " + std::string(literal.substr(0, 40)));
      return literal.front() == '-' ? -0.0 : 0.0;  // underflow: as near zero as a double gets
    }
    if (ec != std::errc() || end != literal.data() + literal.size())
      fail_at(start, "malformed number " + std::string(literal.substr(0, 40)));
    return value;
  }
};

}  // namespace

TextPosition JsonDocument::value_at(const std::string& pointer) const {
  const auto it = values.find(pointer);
  return it == values.end() ? TextPosition{} : it->second;
}

TextPosition JsonDocument::key_at(const std::string& pointer) const {
  const auto it = keys.find(pointer);
  return it == keys.end() ? value_at(pointer) : it->second;
}

std::string json_pointer_append(const std::string& pointer, std::string_view token) {
  std::string out = pointer;
  out.reserve(pointer.size() + token.size() + 1);
  out += '/';
  for (const char c : token) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string json_pointer_append(const std::string& pointer, std::size_t index) {
  return pointer + "/" + std::to_string(index);
}

std::string describe_size(std::uintmax_t bytes) {
  char buffer[64];
  if (bytes < 1024) {
    std::snprintf(buffer, sizeof buffer, "%ju bytes", bytes);
  } else if (bytes < (std::uintmax_t{1} << 20)) {
    std::snprintf(buffer, sizeof buffer, "%.1f KiB", static_cast<double>(bytes) / 1024.0);
  } else if (bytes < (std::uintmax_t{1} << 30)) {
    std::snprintf(buffer, sizeof buffer, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  } else {
    std::snprintf(buffer, sizeof buffer, "%.1f GiB", static_cast<double>(bytes) / (1024.0 * 1024.0 * 1024.0));
  }
  return buffer;
}

std::string too_large_message(std::uintmax_t bytes) {
  return "file is " + describe_size(bytes) + "; scenario files are limited to " + std::to_string(kMaxJsonBytes >> 20) +
         " MiB";
}

JsonParseResult parse_json(std::string_view text) {
  JsonParseResult result;
  const auto stop = [&](TextPosition at, std::string message) {
    result.ok = false;
    result.problems.push_back({at, "", std::move(message)});
    return result;
  };
  if (text.size() > kMaxJsonBytes) return stop({}, too_large_message(text.size()));

  // Byte-order marks: UTF-8's is harmless (some Windows editors add it); UTF-16/32 are not.
  std::size_t start = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF")
    start = 3;
  else if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF")
    return stop({1, 1}, "the file is UTF-16 text; save it as UTF-8");

  // Validate all of the text as UTF-8 first, so the parser can count characters safely and
  // a binary file gets one clear sentence instead of a confusing syntax error.
  int line = 1, column = 1;
  for (std::size_t i = start; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0 || c == 0) {
      const std::string what = c == 0 ? "not text: a NUL byte" : "not UTF-8 text: byte " + hex_byte(c);
      return stop({line, column},
                  what + " at line " + std::to_string(line) + " column " + std::to_string(column) + binary_hint(text));
    }
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += n;
  }

  Parser parser(text, start, result);
  try {
    parser.parse_document();
    result.ok = true;
  } catch (const SyntaxError& e) {
    result.ok = false;
    result.document = {};
    result.problems.clear();  // duplicate keys before the syntax error are moot without a tree
    result.problems.push_back({e.at, "", e.message});
  } catch (const std::bad_alloc&) {
    return stop({}, "out of memory while reading the file");
  }
  return result;
}

}  // namespace scene
