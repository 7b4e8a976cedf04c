#include "doc/table_widths.h"

#include <gtest/gtest.h>

#include <numeric>

namespace medbcp::doc {
namespace {

double sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

TEST(ColumnWidths, SharesByWeightWhenEveryMinimumFits) {
  const auto w = column_widths({1, 3}, {10, 10}, 400);
  EXPECT_DOUBLE_EQ(w[0], 100);
  EXPECT_DOUBLE_EQ(w[1], 300);
}

TEST(ColumnWidths, AColumnBelowItsMinimumTakesRoomFromTheOthersByWeight) {
  // The IP column's share (100) is below what "192.168.10.10" needs (150).
  const auto w = column_widths({1, 1, 2}, {150, 0, 0}, 400);
  EXPECT_DOUBLE_EQ(w[0], 150);
  EXPECT_NEAR(w[1], 250.0 / 3, 1e-9);
  EXPECT_NEAR(w[2], 500.0 / 3, 1e-9);
  EXPECT_NEAR(sum(w), 400, 1e-9);
}

TEST(ColumnWidths, GivingRoomCanPushAnotherColumnToItsMinimumToo) {
  // After column 0 takes 300, column 1's share (50) falls below its 60.
  const auto w = column_widths({1, 1, 2}, {300, 60, 0}, 400);
  EXPECT_DOUBLE_EQ(w[0], 300);
  EXPECT_DOUBLE_EQ(w[1], 60);
  EXPECT_NEAR(w[2], 40, 1e-9);
}

TEST(ColumnWidths, SoftMinimumsGiveWayBeforeAColumnIsCrushed) {
  // Shares 100/100/200. Keeping both labels whole (150 + 150) would leave
  // the prose column 100, half its share: the labels wrap instead.
  auto w = column_widths({1, 1, 2}, {20, 20, 20}, {150, 150, 0}, 400);
  EXPECT_DOUBLE_EQ(w[0], 100);
  EXPECT_DOUBLE_EQ(w[2], 200);
  // One label alone costs the prose column little: it stays whole.
  w = column_widths({1, 1, 2}, {20, 20, 20}, {120, 0, 0}, 400);
  EXPECT_DOUBLE_EQ(w[0], 120);
  EXPECT_GT(w[2], 0.7 * 200);
}

TEST(ColumnWidths, MinimumsThatCannotFitAreScaledDownTogether) {
  const auto w = column_widths({1, 1}, {300, 100}, 200);
  EXPECT_DOUBLE_EQ(w[0], 150);
  EXPECT_DOUBLE_EQ(w[1], 50);
}

TEST(UnbreakableRuns, AreTheAsciiWordsOfACell) {
  const auto runs = unbreakable_runs("鈴木 一郎（IT担当） 192.168.10.10 R13.10.14");
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0], "IT");
  EXPECT_EQ(runs[1], "192.168.10.10");
  EXPECT_EQ(runs[2], "R13.10.14");
  EXPECT_TRUE(unbreakable_runs("電子カルテサーバ").empty());
}

TEST(EstimatedWidth, FullWidthIsOneEmAndAsciiLess) {
  EXPECT_DOUBLE_EQ(estimated_width_em("管理番号"), 4.0);
  EXPECT_NEAR(estimated_width_em("192.168.10.10"), 13 * 0.62, 1e-9);
  EXPECT_NEAR(estimated_width_em("R7.3.28 稼働中"), 8 * 0.62 + 3, 1e-9);
}

TEST(ShortLabel, TenCharactersWithoutASpaceReadAsOneWord) {
  EXPECT_TRUE(is_short_label("電子カルテシステム"));  // 9
  EXPECT_TRUE(is_short_label("稼働中"));
  EXPECT_FALSE(is_short_label("医事会計システム（レセプト）"));  // 14
  EXPECT_FALSE(is_short_label("鈴木 一郎"));                     // may break at the space
  EXPECT_FALSE(is_short_label(""));
}

}  // namespace
}  // namespace medbcp::doc
