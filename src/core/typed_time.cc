#include "core/typed_time.h"

#include "core/text.h"

namespace medbcp::core {
namespace {

std::string month_day(const Date& d) {
  return std::to_string(d.month) + "月" + std::to_string(d.day) + "日";
}

std::string hour_minute(Instant t) {
  const std::string text = t.tokyo_text();  // "2026-12-06 08:06"
  return text.substr(text.size() - 5);
}

}  // namespace

TypedTime read_typed_time(std::string_view typed, Instant now) {
  const std::string text = trim(nfkc(typed));
  TypedTime out;
  if (text.empty()) return out;
  if (text == "now" || text == "今" || text == "いま") {
    out.status = TypedTime::Status::Ok;
    out.at = now;
    return out;
  }
  if (auto full = Instant::parse(text)) {
    out.status = TypedTime::Status::Ok;
    out.at = full;
    return out;
  }
  if (auto today = Instant::parse(now.tokyo_date().iso() + " " + text)) {
    if (is_in_future(*today, now)) {
      out.status = TypedTime::Status::LaterToday;
      out.yesterday = Instant{today->seconds - std::int64_t{24} * 3600};
      return out;
    }
    out.status = TypedTime::Status::Ok;
    out.at = today;
    return out;
  }
  out.status = TypedTime::Status::Unreadable;
  return out;
}

std::string later_today_message(std::string_view typed, Instant now, Instant yesterday) {
  const std::string text = trim(nfkc(typed));
  return std::string("「")
      .append(text)
      .append("」は今（")
      .append(hour_minute(now))
      .append("）より後の時刻です。前日（")
      .append(month_day(yesterday.tokyo_date()))
      .append("）のことなら、日付も入れてください（例：")
      .append(yesterday.tokyo_date().iso())
      .append(" ")
      .append(text)
      .append("）。");
}

}  // namespace medbcp::core
