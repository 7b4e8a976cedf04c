#include "core/typed_time.h"

#include <gtest/gtest.h>

namespace medbcp::core {
namespace {

// 2026-12-06 08:06 in Tokyo.
// NOLINTNEXTLINE(cert-err58-cpp): a test constant
const Instant kNow = *Instant::parse("2026-12-06 08:06");

TEST(TypedTime, ATimeAloneIsTodayWhenItHasPassed) {
  const TypedTime t = read_typed_time("07:30", kNow);
  ASSERT_EQ(t.status, TypedTime::Status::Ok);
  EXPECT_EQ(t.at->tokyo_text(), "2026-12-06 07:30");
  // Full-width digits and a few minutes ahead (clocks differ) are today too.
  EXPECT_EQ(read_typed_time("０８：１０", kNow).at->tokyo_text(), "2026-12-06 08:10");
}

TEST(TypedTime, ATimeAloneLaterThanNowIsToldApartNotMovedToYesterday) {
  const TypedTime t = read_typed_time("08:15", kNow);
  ASSERT_EQ(t.status, TypedTime::Status::LaterToday);
  EXPECT_FALSE(t.at);
  EXPECT_EQ(t.yesterday->tokyo_text(), "2026-12-05 08:15");
  EXPECT_EQ(later_today_message("08:15", kNow, *t.yesterday),
            "「08:15」は今（08:06）より後の時刻です。前日（12月5日）のことなら、"
            "日付も入れてください（例：2026-12-05 08:15）。");
}

TEST(TypedTime, FullDatesNowAndNonsense) {
  EXPECT_EQ(read_typed_time("2026-12-04 09:00", kNow).at->tokyo_text(), "2026-12-04 09:00");
  EXPECT_EQ(read_typed_time("今", kNow).at, kNow);
  EXPECT_EQ(read_typed_time("  ", kNow).status, TypedTime::Status::Empty);
  EXPECT_EQ(read_typed_time("朝", kNow).status, TypedTime::Status::Unreadable);
}

}  // namespace
}  // namespace medbcp::core
