#include "core/wareki.h"

#include <gtest/gtest.h>

namespace medbcp::core {
namespace {

struct Boundary {
  Date date;
  const char* full;  // format_wareki, full-width digits
  const char* half;  // format_wareki, ASCII digits
};

// The last day of each era and the first day of the next.
const Boundary kBoundaries[] = {
    {{1868, 1, 25}, "明治元年１月２５日", "明治元年1月25日"},
    {{1868, 12, 31}, "明治元年１２月３１日", "明治元年12月31日"},
    {{1869, 1, 1}, "明治２年１月１日", "明治2年1月1日"},
    {{1912, 7, 29}, "明治４５年７月２９日", "明治45年7月29日"},
    {{1912, 7, 30}, "大正元年７月３０日", "大正元年7月30日"},
    {{1913, 1, 1}, "大正２年１月１日", "大正2年1月1日"},
    {{1926, 12, 24}, "大正１５年１２月２４日", "大正15年12月24日"},
    {{1926, 12, 25}, "昭和元年１２月２５日", "昭和元年12月25日"},
    {{1927, 1, 1}, "昭和２年１月１日", "昭和2年1月1日"},
    {{1989, 1, 7}, "昭和６４年１月７日", "昭和64年1月7日"},
    {{1989, 1, 8}, "平成元年１月８日", "平成元年1月8日"},
    {{1990, 1, 1}, "平成２年１月１日", "平成2年1月1日"},
    {{2019, 4, 30}, "平成３１年４月３０日", "平成31年4月30日"},
    {{2019, 5, 1}, "令和元年５月１日", "令和元年5月1日"},
    {{2019, 12, 31}, "令和元年１２月３１日", "令和元年12月31日"},
    {{2020, 1, 1}, "令和２年１月１日", "令和2年1月1日"},
    {{2024, 4, 1}, "令和６年４月１日", "令和6年4月1日"},
    {{2024, 2, 29}, "令和６年２月２９日", "令和6年2月29日"},
};

TEST(WarekiTest, FormatsEveryEraBoundary) {
  for (const auto& b : kBoundaries) {
    EXPECT_EQ(format_wareki(b.date), b.full) << b.date.iso();
    EXPECT_EQ(format_wareki(b.date, DigitStyle::HalfWidth), b.half) << b.date.iso();
  }
}

TEST(WarekiTest, ParsesWhatItFormats) {
  for (const auto& b : kBoundaries) {
    EXPECT_EQ(parse_wareki(b.full), b.date) << b.full;
    EXPECT_EQ(parse_wareki(b.half), b.date) << b.half;
  }
}

TEST(WarekiTest, ToEraFields) {
  auto e = to_era(Date{2019, 4, 30});
  ASSERT_TRUE(e);
  EXPECT_EQ(e->era, "平成");
  EXPECT_EQ(e->year, 31);
  EXPECT_EQ(e->month, 4);
  EXPECT_EQ(e->day, 30);
  e = to_era(Date{2019, 5, 1});
  ASSERT_TRUE(e);
  EXPECT_EQ(e->era, "令和");
  EXPECT_EQ(e->year, 1);
}

TEST(WarekiTest, NothingBeforeMeiji) {
  EXPECT_EQ(to_era(Date{1868, 1, 24}), std::nullopt);
  EXPECT_EQ(format_wareki(Date{1868, 1, 24}), "１８６８年１月２４日");
  EXPECT_EQ(format_wareki(Date{2023, 2, 30}), "");
}

TEST(WarekiTest, ToEraAndFromEraAreInverseForEveryDay) {
  for (Date d{1868, 1, 25}; d <= Date{2030, 12, 31}; d = d.plus_days(1)) {
    const auto e = to_era(d);
    ASSERT_TRUE(e) << d.iso();
    ASSERT_EQ(from_era(e->era, e->year, e->month, e->day), d) << d.iso();
  }
}

TEST(WarekiTest, FromEraRejectsDatesOutsideTheEra) {
  EXPECT_EQ(from_era("平成", 31, 5, 1), std::nullopt);  // that day is 令和元年
  EXPECT_EQ(from_era("令和", 1, 4, 30), std::nullopt);  // that day is 平成31年
  EXPECT_EQ(from_era("昭和", 64, 1, 8), std::nullopt);
  EXPECT_EQ(from_era("平成", 1, 1, 7), std::nullopt);
  EXPECT_EQ(from_era("大正", 15, 12, 25), std::nullopt);
  EXPECT_EQ(from_era("明治", 1, 1, 24), std::nullopt);
  EXPECT_EQ(from_era("令和", 0, 5, 1), std::nullopt);
  EXPECT_EQ(from_era("令和", 6, 2, 30), std::nullopt);
  EXPECT_EQ(from_era("慶応", 4, 1, 1), std::nullopt);
}

TEST(WarekiTest, FromEraAcceptsLetters) {
  EXPECT_EQ(from_era("R", 6, 4, 1), (Date{2024, 4, 1}));
  EXPECT_EQ(from_era("h", 31, 4, 30), (Date{2019, 4, 30}));
  EXPECT_EQ(from_era("S", 64, 1, 7), (Date{1989, 1, 7}));
  EXPECT_EQ(from_era("T", 1, 7, 30), (Date{1912, 7, 30}));
  EXPECT_EQ(from_era("M", 45, 7, 29), (Date{1912, 7, 29}));
  EXPECT_EQ(from_era("X", 1, 1, 1), std::nullopt);
}

TEST(WarekiTest, ParsesAbbreviationsAndWidths) {
  EXPECT_EQ(parse_wareki("R6.4.1"), (Date{2024, 4, 1}));
  EXPECT_EQ(parse_wareki("r6.4.1"), (Date{2024, 4, 1}));
  EXPECT_EQ(parse_wareki("R06.04.01"), (Date{2024, 4, 1}));
  EXPECT_EQ(parse_wareki("H31/4/30"), (Date{2019, 4, 30}));
  EXPECT_EQ(parse_wareki("S64-1-7"), (Date{1989, 1, 7}));
  EXPECT_EQ(parse_wareki("T1.7.30"), (Date{1912, 7, 30}));
  EXPECT_EQ(parse_wareki("M45.7.29"), (Date{1912, 7, 29}));
  EXPECT_EQ(parse_wareki("R元.5.1"), (Date{2019, 5, 1}));
  EXPECT_EQ(parse_wareki("Ｒ６．４．１"), (Date{2024, 4, 1}));
  EXPECT_EQ(parse_wareki("Ｈ３１／４／３０"), (Date{2019, 4, 30}));
  EXPECT_EQ(parse_wareki("令和６年４月１日"), (Date{2024, 4, 1}));
  EXPECT_EQ(parse_wareki("令和 6年 4月 1日"), (Date{2024, 4, 1}));
  EXPECT_EQ(parse_wareki("　令和６年４月１日　"), (Date{2024, 4, 1}));
  EXPECT_EQ(parse_wareki("令和6年4月1"), (Date{2024, 4, 1}));
  EXPECT_EQ(parse_wareki("令和元年5月1日"), (Date{2019, 5, 1}));
  EXPECT_EQ(parse_wareki("㋿6年4月1日"), (Date{2024, 4, 1}));
  EXPECT_EQ(parse_wareki("㍻31年4月30日"), (Date{2019, 4, 30}));
  EXPECT_EQ(parse_wareki("令和６年４月１日（月）"), (Date{2024, 4, 1}));
  EXPECT_EQ(parse_wareki("令和6年4月1日(月曜日)"), (Date{2024, 4, 1}));
}

TEST(WarekiTest, ParseRejectsNonsense) {
  EXPECT_EQ(parse_wareki(""), std::nullopt);
  EXPECT_EQ(parse_wareki("2024-04-01"), std::nullopt);
  EXPECT_EQ(parse_wareki("令和"), std::nullopt);
  EXPECT_EQ(parse_wareki("令和6年"), std::nullopt);
  EXPECT_EQ(parse_wareki("令和6年4月"), std::nullopt);
  EXPECT_EQ(parse_wareki("令和6年○月○日"), std::nullopt);  // the template's blank
  EXPECT_EQ(parse_wareki("R6.4/1"), std::nullopt);
  EXPECT_EQ(parse_wareki("R6.4.1日"), std::nullopt);
  EXPECT_EQ(parse_wareki("X6.4.1"), std::nullopt);
  EXPECT_EQ(parse_wareki("令和6年4月1日です"), std::nullopt);
  EXPECT_EQ(parse_wareki("令和6年4月1日(祝)"), std::nullopt);
  EXPECT_EQ(parse_wareki("平成31年5月1日"), std::nullopt);
  EXPECT_EQ(parse_wareki("令和元年4月30日"), std::nullopt);
  EXPECT_EQ(parse_wareki("令和6年2月30日"), std::nullopt);
}

}  // namespace
}  // namespace medbcp::core
