#include "core/time.h"

#include <gtest/gtest.h>

namespace medbcp::core {
namespace {

TEST(DateTest, EpochIsDayZero) {
  EXPECT_EQ((Date{1970, 1, 1}).days_since_epoch(), 0);
  EXPECT_EQ((Date{1970, 1, 2}).days_since_epoch(), 1);
  EXPECT_EQ((Date{1969, 12, 31}).days_since_epoch(), -1);
}

TEST(DateTest, KnownDayCounts) {
  EXPECT_EQ((Date{2000, 3, 1}).days_since_epoch(), 11017);
  EXPECT_EQ((Date{2024, 4, 1}).days_since_epoch(), 19814);
  EXPECT_EQ((Date{1868, 1, 25}).days_since_epoch(), -37231);
}

TEST(DateTest, RoundTripsEveryDayOverFourCenturies) {
  // 400 years is one full Gregorian cycle, so this covers every rule.
  const std::int64_t first = (Date{1800, 1, 1}).days_since_epoch();
  const std::int64_t last = (Date{2200, 12, 31}).days_since_epoch();
  Date expected{1800, 1, 1};
  for (std::int64_t d = first; d <= last; ++d) {
    const Date got = Date::from_days_since_epoch(d);
    ASSERT_EQ(got, expected) << d;
    ASSERT_EQ(got.days_since_epoch(), d);
    ASSERT_TRUE(got.valid());
    // Walk the calendar by hand to check the arithmetic independently.
    if (++expected.day > days_in_month(expected.year, expected.month)) {
      expected.day = 1;
      if (++expected.month > 12) {
        expected.month = 1;
        ++expected.year;
      }
    }
  }
}

TEST(DateTest, PlusDaysCrossesMonthsYearsAndLeapDays) {
  EXPECT_EQ((Date{2024, 2, 28}).plus_days(1), (Date{2024, 2, 29}));
  EXPECT_EQ((Date{2023, 2, 28}).plus_days(1), (Date{2023, 3, 1}));
  EXPECT_EQ((Date{2024, 12, 31}).plus_days(1), (Date{2025, 1, 1}));
  EXPECT_EQ((Date{2025, 1, 1}).plus_days(-1), (Date{2024, 12, 31}));
  EXPECT_EQ((Date{2024, 4, 1}).plus_days(365), (Date{2025, 4, 1}));
}

TEST(DateTest, DaysBetween) {
  EXPECT_EQ(days_between(Date{2024, 1, 1}, Date{2025, 1, 1}), 366);
  EXPECT_EQ(days_between(Date{2025, 1, 1}, Date{2024, 1, 1}), -366);
  EXPECT_EQ(days_between(Date{2024, 4, 1}, Date{2024, 4, 1}), 0);
}

TEST(DateTest, LeapYears) {
  EXPECT_TRUE(is_leap_year(2024));
  EXPECT_TRUE(is_leap_year(2000));
  EXPECT_FALSE(is_leap_year(1900));
  EXPECT_FALSE(is_leap_year(2023));
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(2100, 2), 28);
  EXPECT_EQ(days_in_month(2024, 4), 30);
  EXPECT_EQ(days_in_month(2024, 13), 0);
}

TEST(DateTest, Valid) {
  EXPECT_TRUE((Date{2024, 2, 29}).valid());
  EXPECT_FALSE((Date{2023, 2, 29}).valid());
  EXPECT_FALSE((Date{2024, 4, 31}).valid());
  EXPECT_FALSE((Date{2024, 0, 1}).valid());
  EXPECT_FALSE((Date{2024, 1, 0}).valid());
  EXPECT_FALSE(Date{}.valid());
  EXPECT_FALSE((Date{10000, 1, 1}).valid());
}

TEST(DateTest, Iso) {
  EXPECT_EQ((Date{2024, 4, 1}).iso(), "2024-04-01");
  EXPECT_EQ((Date{812, 12, 31}).iso(), "0812-12-31");
  EXPECT_EQ((Date{9999, 12, 31}).iso(), "9999-12-31");
  EXPECT_EQ((Date{12024, 1, 2}).iso(), "12024-01-02");  // past the fast path
}

TEST(DateTest, ParseAcceptsIsoAndSlashes) {
  EXPECT_EQ(Date::parse("2024-04-01"), (Date{2024, 4, 1}));
  EXPECT_EQ(Date::parse("2024/04/01"), (Date{2024, 4, 1}));
  EXPECT_EQ(Date::parse("2024/4/1"), (Date{2024, 4, 1}));
  EXPECT_EQ(Date::parse(" 2024-4-1 "), (Date{2024, 4, 1}));
}

TEST(DateTest, ParseRejectsMalformedOrImpossibleDates) {
  EXPECT_EQ(Date::parse(""), std::nullopt);
  EXPECT_EQ(Date::parse("2024"), std::nullopt);
  EXPECT_EQ(Date::parse("2024-04"), std::nullopt);
  EXPECT_EQ(Date::parse("2024-04/01"), std::nullopt);
  EXPECT_EQ(Date::parse("24-04-01"), std::nullopt);
  EXPECT_EQ(Date::parse("2024-02-30"), std::nullopt);
  EXPECT_EQ(Date::parse("2024-13-01"), std::nullopt);
  EXPECT_EQ(Date::parse("2024-04-01x"), std::nullopt);
  EXPECT_EQ(Date::parse("2024-004-01"), std::nullopt);
}

TEST(InstantTest, IsoUtc) {
  EXPECT_EQ(Instant{0}.iso_utc(), "1970-01-01T00:00:00Z");
  EXPECT_EQ(Instant{1711940400}.iso_utc(), "2024-04-01T03:00:00Z");
  EXPECT_EQ(Instant{-1}.iso_utc(), "1969-12-31T23:59:59Z");
}

TEST(InstantTest, ParseWithZones) {
  EXPECT_EQ(Instant::parse("2024-04-01T03:00:00Z"), Instant{1711940400});
  EXPECT_EQ(Instant::parse("2024-04-01T12:00:00+09:00"), Instant{1711940400});
  EXPECT_EQ(Instant::parse("2024-04-01T12:00+0900"), Instant{1711940400});
  EXPECT_EQ(Instant::parse("2024-03-31T22:00:00-05:00"), Instant{1711940400});
  EXPECT_EQ(Instant::parse("2024-04-01T03:00:00.123Z"), Instant{1711940400});
}

TEST(InstantTest, ParseWithoutZoneIsTokyo) {
  EXPECT_EQ(Instant::parse("2024-04-01T12:00"), Instant{1711940400});
  EXPECT_EQ(Instant::parse("2024-04-01 12:00"), Instant{1711940400});
  EXPECT_EQ(Instant::parse("2024/4/1 12:00:00"), Instant{1711940400});
}

TEST(InstantTest, ParseRejectsBadText) {
  EXPECT_EQ(Instant::parse(""), std::nullopt);
  EXPECT_EQ(Instant::parse("2024-04-01"), std::nullopt);
  EXPECT_EQ(Instant::parse("2024-04-01T24:00"), std::nullopt);
  EXPECT_EQ(Instant::parse("2024-04-01T12:60"), std::nullopt);
  EXPECT_EQ(Instant::parse("2024-04-01T12:00:61"), std::nullopt);
  EXPECT_EQ(Instant::parse("2024-04-01T12:00X"), std::nullopt);
  EXPECT_EQ(Instant::parse("2024-04-01T12:00+9"), std::nullopt);
  EXPECT_EQ(Instant::parse("2024-02-30T12:00Z"), std::nullopt);
}

TEST(InstantTest, IsoRoundTrip) {
  for (std::int64_t s : {std::int64_t{0}, std::int64_t{1711940400}, std::int64_t{-86401},
                         std::int64_t{4102444799}}) {
    EXPECT_EQ(Instant::parse(Instant{s}.iso_utc()), Instant{s}) << s;
  }
}

TEST(InstantTest, TokyoDateChangesAtFifteenUtc) {
  // 2024-03-31T14:59:59Z is 23:59:59 in Tokyo; one second later it is April.
  EXPECT_EQ(Instant{1711897199}.tokyo_date(), (Date{2024, 3, 31}));
  EXPECT_EQ(Instant{1711897200}.tokyo_date(), (Date{2024, 4, 1}));
  EXPECT_EQ(Instant{-32401}.tokyo_date(), (Date{1969, 12, 31}));
  EXPECT_EQ(Instant{-32400}.tokyo_date(), (Date{1970, 1, 1}));
}

TEST(InstantTest, TokyoText) {
  EXPECT_EQ(Instant{1711940400}.tokyo_text(), "2024-04-01 12:00");
  EXPECT_EQ(Instant{1711897200}.tokyo_text(), "2024-04-01 00:00");
}

TEST(InstantTest, FromTokyo) {
  EXPECT_EQ(Instant::from_tokyo(Date{2024, 4, 1}, 12, 0), Instant{1711940400});
  EXPECT_EQ(Instant::from_tokyo(Date{2024, 4, 1}, 0, 0, 0).tokyo_date(), (Date{2024, 4, 1}));
  EXPECT_EQ(Instant::parse(Instant::from_tokyo(Date{2024, 4, 1}, 8, 30).tokyo_text()),
            Instant::from_tokyo(Date{2024, 4, 1}, 8, 30));
}

TEST(InstantTest, SecondsOfTheJapanDay) {
  EXPECT_EQ(Instant::from_tokyo(Date{2026, 12, 7}, 3, 15, 9).tokyo_seconds_of_day(),
            3 * 3600 + 15 * 60 + 9);
  EXPECT_EQ(Instant{0}.tokyo_seconds_of_day(), 9 * 3600);           // 09:00 in Tokyo at the epoch
  EXPECT_EQ(Instant{-1 - 9 * 3600}.tokyo_seconds_of_day(), 86399);  // before 1970: still 0–86399
}

TEST(InstantTest, NowIsAfterTheProjectStarted) {
  EXPECT_GT(Instant::now(), Instant{1704067200});  // 2024-01-01
}

}  // namespace
}  // namespace medbcp::core
