#include "web/record_form.h"

#include <charconv>

namespace medbcp::web {

std::optional<core::Date> parse_typed_date(std::string_view typed) {
  std::string text = core::trim(core::nfkc(typed));
  if (auto d = core::Date::parse(text); d && d->valid()) return d;
  if (auto d = core::parse_wareki(text); d && d->valid()) return d;
  return std::nullopt;
}

std::optional<int> parse_typed_count(std::string_view typed, int max) {
  std::string text = core::trim(core::nfkc(typed));
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || value < 0 ||
      value > max) {
    return std::nullopt;
  }
  return value;
}

}  // namespace medbcp::web
