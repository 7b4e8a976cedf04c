// 和暦 conversion. Era boundaries are the days the new era began:
//   明治 1868-01-25  大正 1912-07-30  昭和 1926-12-25  平成 1989-01-08  令和 2019-05-01
// 明治 is taken to start on 1868-01-25 (慶応4年1月1日 in the Gregorian calendar),
// because the change of era in 慶応4年9月 was declared retroactive to that new
// year's day; this is the convention of most date libraries. Dates before
// 1873 (明治6年, when Japan adopted the Gregorian calendar) are mapped
// proleptically: 1868-01-25 is 明治元年1月25日 here, not 慶応4年1月1日 as
// written at the time. A BCP never needs such dates, but the rule is stated.
#include "core/wareki.h"

#include <array>

#include "core/numbering.h"
#include "core/text.h"

namespace medbcp::core {
namespace {

struct Era {
  const char* name;
  char letter;  // the customary Latin abbreviation: R6.4.1
  Date first_day;
};

// Newest first, so the first era that began on or before a date is its era.
constexpr std::array<Era, 5> kEras = {{
    {"令和", 'R', {2019, 5, 1}},
    {"平成", 'H', {1989, 1, 8}},
    {"昭和", 'S', {1926, 12, 25}},
    {"大正", 'T', {1912, 7, 30}},
    {"明治", 'M', {1868, 1, 25}},
}};

const Era* find_era(std::string_view name) {
  if (name.size() == 1) {
    char c = name[0];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    for (const Era& e : kEras) {
      if (e.letter == c) return &e;
    }
    return nullptr;
  }
  for (const Era& e : kEras) {
    if (name == e.name) return &e;
  }
  return nullptr;
}

// The era after `era`, or nullptr for the current one.
const Era* next_era(const Era* era) { return era == &kEras[0] ? nullptr : era - 1; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::optional<int> take_number(std::string_view& s) {
  std::size_t n = 0;
  int value = 0;
  while (n < s.size() && n < 4 && is_digit(s[n])) value = value * 10 + (s[n++] - '0');
  if (n == 0) return std::nullopt;
  s.remove_prefix(n);
  return value;
}

bool take(std::string_view& s, std::string_view prefix) {
  if (!s.starts_with(prefix)) return false;
  s.remove_prefix(prefix.size());
  return true;
}

std::string number_text(int n, DigitStyle style) {
  return style == DigitStyle::FullWidth ? full_width_number(n) : std::to_string(n);
}

}  // namespace

std::optional<EraDate> to_era(const Date& date) {
  if (!date.valid()) return std::nullopt;
  for (const Era& e : kEras) {
    if (date >= e.first_day) {
      return EraDate{e.name, date.year - e.first_day.year + 1, date.month, date.day};
    }
  }
  return std::nullopt;
}

std::optional<Date> from_era(std::string_view era, int year, int month, int day) {
  const Era* e = find_era(era);
  if (e == nullptr || year < 1) return std::nullopt;
  const Date date{e->first_day.year + year - 1, month, day};
  if (!date.valid() || date < e->first_day) return std::nullopt;
  const Era* next = next_era(e);
  if (next != nullptr && date >= next->first_day) return std::nullopt;
  return date;
}

std::string format_wareki(const Date& date, DigitStyle style) {
  const auto era = to_era(date);
  if (!era) {
    // Before 明治 there is no era we support; write the Western year instead.
    if (!date.valid()) return "";
    return number_text(date.year, style) + "年" + number_text(date.month, style) + "月" +
           number_text(date.day, style) + "日";
  }
  const std::string year = era->year == 1 ? "元" : number_text(era->year, style);
  return era->era + year + "年" + number_text(era->month, style) + "月" +
         number_text(era->day, style) + "日";
}

std::optional<Date> parse_wareki(std::string_view text) {
  // NFKC turns full-width digits, letters and punctuation into ASCII and
  // the one-character era signs (㋿ ㍻ ㍼ ㍽ ㍾) into their two kanji.
  std::string normalized;
  for (char c : nfkc(text)) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') normalized += c;
  }
  std::string_view s = normalized;

  const Era* era = nullptr;
  for (const Era& e : kEras) {
    if (take(s, e.name)) {
      era = &e;
      break;
    }
  }
  if (era == nullptr && !s.empty()) {
    era = find_era(s.substr(0, 1));
    if (era != nullptr) s.remove_prefix(1);
  }
  if (era == nullptr) return std::nullopt;

  std::optional<int> year = take(s, "元") ? std::optional<int>(1) : take_number(s);
  if (!year) return std::nullopt;

  // Either 年・月・日 or one punctuation mark used twice: R6.4.1, H31/4/30, R6-4-1.
  int month = 0;
  int day = 0;
  if (take(s, "年")) {
    auto m = take_number(s);
    if (!m || !take(s, "月")) return std::nullopt;
    auto d = take_number(s);
    if (!d) return std::nullopt;
    take(s, "日");
    month = *m;
    day = *d;
  } else {
    if (s.empty() || (s[0] != '.' && s[0] != '/' && s[0] != '-')) return std::nullopt;
    const std::string sep(1, s[0]);
    s.remove_prefix(1);
    auto m = take_number(s);
    if (!m || !take(s, sep)) return std::nullopt;
    auto d = take_number(s);
    if (!d) return std::nullopt;
    month = *m;
    day = *d;
  }
  // A trailing weekday as printed on forms, e.g. "(月)" or "（月曜日）", is allowed.
  if (take(s, "(")) {
    bool weekday = false;
    for (std::string_view w : {"日", "月", "火", "水", "木", "金", "土"}) {
      if (take(s, w)) {
        weekday = true;
        break;
      }
    }
    if (!weekday) return std::nullopt;
    if (!take(s, "曜日")) take(s, "曜");
    if (!take(s, ")")) return std::nullopt;
  }
  if (!s.empty()) return std::nullopt;
  return from_era(era->name, *year, month, day);
}

}  // namespace medbcp::core
