// A moment as a person types it while an incident runs: a full date and
// time ("2026-12-06 08:40"), a time alone ("08:40", meaning today), or
// "今". A time alone that is later than now is not silently moved to
// yesterday (「08:15」 typed at 08:06 became the day before): it is told
// apart, so the caller can ask or refuse, naming the day it would mean.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/time.h"

namespace medbcp::core {

struct TypedTime {
  enum class Status { Empty, Ok, Unreadable, LaterToday };
  Status status = Status::Empty;
  std::optional<Instant> at;  // Ok: the moment meant
  // LaterToday: the same time yesterday, the likely meaning ("23:50"
  // written down after midnight).
  std::optional<Instant> yesterday;
};

TypedTime read_typed_time(std::string_view text, Instant now);

// 「08:15」は今（08:06）より後の時刻です。前日（12月5日）のことなら… — for a
// LaterToday answer.
std::string later_today_message(std::string_view typed, Instant now, Instant yesterday);

}  // namespace medbcp::core
