#include "core/backup_rotation.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace medbcp::core {
namespace {

constexpr std::string_view kPrefix = "medbcp-";
constexpr std::string_view kSuffix = ".db";

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

struct Taken {
  std::string name;
  Instant at;
};

}  // namespace

std::string backup_file_name(const Instant& taken) {
  const Date day = taken.tokyo_date();
  const std::int64_t in_day = taken.tokyo_seconds_of_day();
  char buf[40];
  std::snprintf(buf, sizeof buf, "medbcp-%04d%02d%02d-%02d%02d%02d.db", day.year, day.month,
                day.day, static_cast<int>(in_day / 3600), static_cast<int>(in_day / 60 % 60),
                static_cast<int>(in_day % 60));
  return buf;
}

std::optional<Instant> backup_file_time(std::string_view name) {
  // medbcp-YYYYMMDD-HHMMSS.db
  if (name.size() != kPrefix.size() + 15 + kSuffix.size() || !name.starts_with(kPrefix) ||
      !name.ends_with(kSuffix)) {
    return std::nullopt;
  }
  const std::string_view stamp = name.substr(kPrefix.size(), 15);
  if (stamp[8] != '-' || !all_digits(stamp.substr(0, 8)) || !all_digits(stamp.substr(9))) {
    return std::nullopt;
  }
  const Date day{number(stamp.substr(0, 4)), number(stamp.substr(4, 2)),
                 number(stamp.substr(6, 2))};
  const int hour = number(stamp.substr(9, 2));
  const int minute = number(stamp.substr(11, 2));
  const int second = number(stamp.substr(13, 2));
  if (!day.valid() || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  return Instant::from_tokyo(day, hour, minute, second);
}

Date week_start(const Date& day) {
  // 1970-01-01 was a Thursday: days since then + 3, modulo 7, counts from Monday.
  const std::int64_t days = day.days_since_epoch();
  const std::int64_t from_monday = ((days + 3) % 7 + 7) % 7;
  return Date::from_days_since_epoch(days - from_monday);
}

std::vector<std::string> backups_to_remove(const std::vector<std::string>& names,
                                           const RotationPolicy& policy) {
  std::vector<Taken> files;
  for (const auto& name : names) {
    if (auto at = backup_file_time(name)) files.push_back({name, *at});
  }
  // Newest first: the first file met on a day (or in a week) is the one kept.
  std::sort(files.begin(), files.end(), [](const Taken& a, const Taken& b) { return a.at > b.at; });
  std::set<std::string> keep;
  auto keep_newest_per = [&](auto period_of, int periods) {
    std::set<Date> seen;
    for (const auto& f : files) {
      const Date period = period_of(f.at.tokyo_date());
      if (seen.contains(period)) continue;
      if (static_cast<int>(seen.size()) >= periods) break;
      seen.insert(period);
      keep.insert(f.name);
    }
  };
  keep_newest_per([](const Date& d) { return d; }, std::max(policy.keep_daily, 1));
  keep_newest_per([](const Date& d) { return week_start(d); }, std::max(policy.keep_weekly, 0));
  std::vector<std::string> out;
  for (auto it = files.rbegin(); it != files.rend(); ++it) {
    if (!keep.contains(it->name)) out.push_back(it->name);
  }
  return out;
}

}  // namespace medbcp::core
