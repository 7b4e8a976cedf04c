// Civil-date arithmetic (Howard Hinnant's days-from-civil algorithms) and
// UTC instants shown in Asia/Tokyo as a fixed UTC+9 offset.
#include "core/time.h"

#include <chrono>
#include <cstdio>

namespace medbcp::core {
namespace {

// Floor division: -1 / 86400 must be -1, not 0, for instants before 1970.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim_ascii(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Reads between min_digits and max_digits decimal digits from the front of s.
std::optional<int> take_number(std::string_view& s, std::size_t min_digits,
                               std::size_t max_digits) {
  std::size_t n = 0;
  int value = 0;
  while (n < s.size() && n < max_digits && is_digit(s[n])) {
    value = value * 10 + (s[n] - '0');
    ++n;
  }
  if (n < min_digits) return std::nullopt;
  s.remove_prefix(n);
  return value;
}

bool take_char(std::string_view& s, char c) {
  if (s.empty() || s.front() != c) return false;
  s.remove_prefix(1);
  return true;
}

constexpr std::int64_t kSecondsPerDay = 86400;

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[month - 1];
}

std::int64_t Date::days_since_epoch() const {
  // days_from_civil: shift the year to start in March so the leap day is last.
  const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
  const std::int64_t era = floor_div(y, 400);
  const std::int64_t yoe = y - era * 400;                          // [0, 399]
  const std::int64_t mp = (month + 9) % 12;                        // March = 0
  const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;           // [0, 365]
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;  // [0, 146096]
  return era * 146097 + doe - 719468;
}

Date Date::from_days_since_epoch(std::int64_t days) {
  const std::int64_t z = days + 719468;
  const std::int64_t era = floor_div(z, 146097);
  const std::int64_t doe = z - era * 146097;  // [0, 146096]
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);  // [0, 365]
  const std::int64_t mp = (5 * doy + 2) / 153;                       // [0, 11]
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return Date{y, m, d};
}

Date Date::plus_days(std::int64_t days) const {
  return from_days_since_epoch(days_since_epoch() + days);
}

bool Date::valid() const {
  // Four-digit years only: that is what iso() writes and parse() reads.
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

std::string Date::iso() const {
  // By hand: snprintf's format parsing was most of an export's time spent on
  // dates (every device has three).
  if (year < 0 || year > 9999 || month < 0 || month > 99 || day < 0 || day > 99) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
  }
  std::string out = "0000-00-00";
  out[0] = static_cast<char>('0' + year / 1000);
  out[1] = static_cast<char>('0' + year / 100 % 10);
  out[2] = static_cast<char>('0' + year / 10 % 10);
  out[3] = static_cast<char>('0' + year % 10);
  out[5] = static_cast<char>('0' + month / 10);
  out[6] = static_cast<char>('0' + month % 10);
  out[8] = static_cast<char>('0' + day / 10);
  out[9] = static_cast<char>('0' + day % 10);
  return out;
}

std::optional<Date> Date::parse(std::string_view text) {
  std::string_view s = trim_ascii(text);
  auto year = take_number(s, 4, 4);
  if (!year || s.empty()) return std::nullopt;
  const char sep = s.front();
  if (sep != '-' && sep != '/') return std::nullopt;
  s.remove_prefix(1);
  auto month = take_number(s, 1, 2);
  if (!month || !take_char(s, sep)) return std::nullopt;
  auto day = take_number(s, 1, 2);
  if (!day || !s.empty()) return std::nullopt;
  Date d{*year, *month, *day};
  if (!d.valid()) return std::nullopt;
  return d;
}

std::int64_t days_between(const Date& from, const Date& to) {
  return to.days_since_epoch() - from.days_since_epoch();
}

Instant Instant::now() {
  const auto since_epoch = std::chrono::system_clock::now().time_since_epoch();
  return Instant{std::chrono::duration_cast<std::chrono::seconds>(since_epoch).count()};
}

std::string Instant::iso_utc() const {
  const std::int64_t days = floor_div(seconds, kSecondsPerDay);
  const std::int64_t rest = seconds - days * kSecondsPerDay;
  const Date d = Date::from_days_since_epoch(days);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year, d.month, d.day,
                static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60),
                static_cast<int>(rest % 60));
  return buf;
}

std::optional<Instant> Instant::parse(std::string_view text) {
  std::string_view s = trim_ascii(text);
  const std::size_t t = s.find_first_of("Tt ");
  if (t == std::string_view::npos) return std::nullopt;
  const auto date = Date::parse(s.substr(0, t));
  if (!date) return std::nullopt;
  s.remove_prefix(t + 1);
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);

  auto hour = take_number(s, 1, 2);
  if (!hour || !take_char(s, ':')) return std::nullopt;
  auto minute = take_number(s, 2, 2);
  if (!minute) return std::nullopt;
  int second = 0;
  if (take_char(s, ':')) {
    auto sec = take_number(s, 2, 2);
    if (!sec) return std::nullopt;
    second = *sec;
    // Fractions of a second are accepted (JavaScript writes them) and dropped.
    if (take_char(s, '.') && !take_number(s, 1, 9)) return std::nullopt;
  }
  if (*hour > 23 || *minute > 59 || second > 59) return std::nullopt;

  std::int64_t offset = kTokyoOffsetSeconds;  // no zone: what staff type is Tokyo time
  s = trim_ascii(s);
  if (!s.empty()) {
    if (s == "Z" || s == "z") {
      offset = 0;
    } else if (s.front() == '+' || s.front() == '-') {
      const int sign = s.front() == '-' ? -1 : 1;
      s.remove_prefix(1);
      auto oh = take_number(s, 2, 2);
      if (!oh) return std::nullopt;
      int om = 0;
      if (!s.empty()) {
        take_char(s, ':');
        auto m = take_number(s, 2, 2);
        if (!m || !s.empty()) return std::nullopt;
        om = *m;
      }
      if (*oh > 23 || om > 59) return std::nullopt;
      offset = sign * (std::int64_t{*oh} * 3600 + std::int64_t{om} * 60);
    } else {
      return std::nullopt;
    }
  }
  const std::int64_t local = date->days_since_epoch() * kSecondsPerDay +
                             std::int64_t{*hour} * 3600 + std::int64_t{*minute} * 60 + second;
  return Instant{local - offset};
}

Date Instant::tokyo_date() const {
  return Date::from_days_since_epoch(floor_div(seconds + kTokyoOffsetSeconds, kSecondsPerDay));
}

std::int64_t Instant::tokyo_seconds_of_day() const {
  const std::int64_t local = seconds + kTokyoOffsetSeconds;
  return local - floor_div(local, kSecondsPerDay) * kSecondsPerDay;
}

std::string Instant::tokyo_text() const {
  const std::int64_t rest = tokyo_seconds_of_day();
  const Date d = tokyo_date();
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", d.year, d.month, d.day,
                static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60));
  return buf;
}

Instant Instant::from_tokyo(const Date& date, int hour, int minute, int second) {
  return Instant{date.days_since_epoch() * kSecondsPerDay + std::int64_t{hour} * 3600 +
                 std::int64_t{minute} * 60 + second - kTokyoOffsetSeconds};
}

}  // namespace medbcp::core
