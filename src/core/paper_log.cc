#include "core/paper_log.h"

#include <algorithm>

#include "core/text.h"

namespace medbcp::core {
namespace {

// Reads code points of a UTF-8 line, half- and full-width alike.
class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}
  std::size_t pos() const { return pos_; }
  void reset(std::size_t pos) { pos_ = pos; }
  // The next code point without consuming it (0 at the end; U+FFFD for a
  // byte that starts no well-formed sequence).
  char32_t peek() const {
    if (pos_ >= s_.size()) return 0;
    return utf8_to_u32(s_.substr(pos_, length())).front();
  }
  void next() { pos_ += length(); }
  // A number of 1..max_digits digits (0-9 or ０-９); nullopt when none.
  std::optional<int> number(int max_digits) {
    int value = 0, digits = 0;
    for (;;) {
      const char32_t c = peek();
      int d = -1;
      if (c >= U'0' && c <= U'9') d = static_cast<int>(c - U'0');
      if (c >= U'０' && c <= U'９') d = static_cast<int>(c - U'０');
      if (d < 0 || digits == max_digits) break;
      value = value * 10 + d;
      ++digits;
      next();
    }
    if (digits == 0) return std::nullopt;
    return value;
  }
  bool one_of(std::u32string_view choices) {
    if (choices.find(peek()) == std::u32string_view::npos || peek() == 0) return false;
    next();
    return true;
  }
  void spaces() {
    while (one_of(U" \t\u3000")) {
    }
  }

 private:
  // Bytes of the code point at pos_ (a bad byte counts as one).
  std::size_t length() const { return std::max<std::size_t>(1, utf8_sequence_length(s_, pos_)); }

  std::string_view s_;
  std::size_t pos_ = 0;
};

struct WrittenTime {
  std::optional<Date> date;
  int hour = 0;
  int minute = 0;
  std::size_t text_starts = 0;
};

// 「[date ]H:MM」 at the start of a line, followed by a space, a comma or the end.
std::optional<WrittenTime> written_time(std::string_view line, int year_hint) {
  Scanner s(line);
  s.spaces();
  WrittenTime t;
  const std::size_t start = s.pos();
  // A date first? 「2026-12-04 」「2026/12/4 」「12/4 」
  if (auto a = s.number(4)) {
    if (s.one_of(U"-/／－")) {
      auto b = s.number(2);
      std::optional<int> c;
      const std::size_t after_b = s.pos();
      if (b && s.one_of(U"-/／－")) c = s.number(2);
      if (!c) s.reset(after_b);
      const bool full = c.has_value();
      Date d = full ? Date{*a, *b, *c} : Date{year_hint, *a, b.value_or(0)};
      const std::size_t before_space = s.pos();
      s.spaces();
      if (b && d.valid() && s.pos() > before_space) {
        t.date = d;
      } else {
        s.reset(start);
      }
    } else {
      s.reset(start);
    }
  }
  const auto hour = s.number(2);
  if (!hour || !s.one_of(U":：時")) return std::nullopt;
  const auto minute = s.number(2);
  if (!minute || *hour > 23 || *minute > 59) return std::nullopt;
  s.one_of(U"分");
  const std::size_t after_time = s.pos();
  s.spaces();
  const bool separated = s.pos() > after_time || s.one_of(U"、,，") || s.peek() == 0;
  if (!separated) return std::nullopt;  // 「9:10am」: not a time we know
  s.spaces();
  t.hour = *hour;
  t.minute = *minute;
  t.text_starts = s.pos();
  return t;
}

}  // namespace

std::vector<PaperLine> read_paper_lines(std::string_view text, const Date& first_day) {
  std::vector<PaperLine> out;
  Date day = first_day;
  std::optional<Instant> last;
  int number = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty()) {
      if (end == text.size()) break;
      continue;
    }
    PaperLine p;
    p.line_number = number;
    if (auto t = written_time(line, day.year)) {
      if (t->date) day = *t->date;
      Instant at = Instant::from_tokyo(day, t->hour, t->minute);
      if (!t->date && last && at < *last) {  // the clock went back: past midnight
        day = day.plus_days(1);
        at = Instant::from_tokyo(day, t->hour, t->minute);
      }
      p.at = at;
      last = at;
      p.text = trim(line.substr(t->text_starts));
    } else {
      p.text = trim(line);
    }
    if (!p.text.empty()) out.push_back(std::move(p));
    if (end == text.size()) break;
  }
  return out;
}

}  // namespace medbcp::core
