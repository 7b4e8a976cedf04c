// 和暦 (Japanese era calendar): 明治・大正・昭和・平成・令和, with 元年 for
// the first year, and the exact boundaries (e.g. 令和 from 2019-05-01).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/time.h"

namespace medbcp::core {

struct EraDate {
  std::string era;  // "令和"
  int year = 0;     // 1 for 元年
  int month = 0;
  int day = 0;
};

// nullopt before 明治 (1868-01-25 in the Gregorian calendar as used here).
std::optional<EraDate> to_era(const Date& date);
// Inverse of to_era; nullopt if the era year/month/day is outside the era.
std::optional<Date> from_era(std::string_view era, int year, int month, int day);

enum class DigitStyle { FullWidth, HalfWidth };
// "令和６年４月１日" (full-width digits, default) or "令和6年4月1日"; "令和元年５月１日".
std::string format_wareki(const Date& date, DigitStyle style = DigitStyle::FullWidth);
// Parses "令和6年4月1日", "令和６年４月１日", "令和元年5月1日", "R6.4.1", "H31/4/30".
std::optional<Date> parse_wareki(std::string_view text);

}  // namespace medbcp::core
