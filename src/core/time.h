// Calendar dates and instants. Instants are UTC seconds; they are shown in
// Asia/Tokyo, which has had no daylight saving since 1951, so the offset is a
// constant and we never call localtime() on the server's zone.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace medbcp::core {

// A civil (proleptic Gregorian) date without time zone.
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=>
  friend constexpr auto operator<=>(const Date&, const Date&) = default;

  // Days since 1970-01-01 (negative before).
  std::int64_t days_since_epoch() const;
  static Date from_days_since_epoch(std::int64_t days);
  Date plus_days(std::int64_t days) const;
  bool valid() const;
  // "2024-04-01"
  std::string iso() const;
  // Parses "YYYY-MM-DD" (also "YYYY/MM/DD", "YYYY/M/D"); nullopt when invalid.
  static std::optional<Date> parse(std::string_view text);
};

std::int64_t days_between(const Date& from, const Date& to);
bool is_leap_year(int year);
int days_in_month(int year, int month);

// Seconds since the Unix epoch, UTC.
struct Instant {
  std::int64_t seconds = 0;
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=>
  friend constexpr auto operator<=>(const Instant&, const Instant&) = default;

  static Instant now();
  // "2024-04-01T03:00:00Z"
  std::string iso_utc() const;
  // Accepts "YYYY-MM-DDTHH:MM[:SS](Z|+09:00|±HH:MM)"; a time without zone is
  // taken as Asia/Tokyo, because that is what a clinic's staff type.
  static std::optional<Instant> parse(std::string_view text);
  // The calendar date in Asia/Tokyo.
  Date tokyo_date() const;
  // "2024-04-01 12:00" in Asia/Tokyo.
  std::string tokyo_text() const;
  // Seconds since midnight in Asia/Tokyo, 0 to 86399.
  std::int64_t tokyo_seconds_of_day() const;
  static Instant from_tokyo(const Date& date, int hour, int minute, int second = 0);
};

inline constexpr std::int64_t kTokyoOffsetSeconds = std::int64_t{9} * 3600;

// A time a few minutes ahead still counts as now: a laptop's clock and the
// server's differ. Every check of "not in the future" allows this much.
inline constexpr std::int64_t kAllowedClockSkewSeconds = std::int64_t{5} * 60;
inline bool is_in_future(const Instant& t, const Instant& now) {
  return t.seconds > now.seconds + kAllowedClockSkewSeconds;
}

}  // namespace medbcp::core
