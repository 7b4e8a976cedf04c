#include "core/paper_log.h"

#include <gtest/gtest.h>

namespace medbcp::core {
namespace {

constexpr Date kDay{2026, 12, 4};

Instant tokyo(int day, int hour, int minute) {
  return Instant::from_tokyo(Date{2026, 12, day}, hour, minute);
}

TEST(PaperLog, TheTimeWrittenOnALineDatesIt) {
  const auto lines = read_paper_lines(
      "08:40 受付PCに脅迫文\n"
      "9:10 LANケーブルを抜いた\n"
      "０９：３０　院長に電話（つながった）\n"
      "10時05分、業者に連絡\n"
      "時刻のないメモ\n",
      kDay);
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0].at, tokyo(4, 8, 40));
  EXPECT_EQ(lines[0].text, "受付PCに脅迫文");
  EXPECT_EQ(lines[1].at, tokyo(4, 9, 10));
  EXPECT_EQ(lines[1].text, "LANケーブルを抜いた");
  EXPECT_EQ(lines[2].at, tokyo(4, 9, 30));
  EXPECT_EQ(lines[2].text, "院長に電話（つながった）");  // written as it was
  EXPECT_EQ(lines[3].at, tokyo(4, 10, 5));
  EXPECT_EQ(lines[3].text, "業者に連絡");
  EXPECT_FALSE(lines[4].at);
  EXPECT_EQ(lines[4].text, "時刻のないメモ");
  EXPECT_EQ(lines[4].line_number, 5);
}

TEST(PaperLog, ASheetThatCrossesMidnightMovesToTheNextDay) {
  const auto lines = read_paper_lines("23:50 バックアップ確認\n00:20 業者到着\n", kDay);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].at, tokyo(4, 23, 50));
  EXPECT_EQ(lines[1].at, tokyo(5, 0, 20));
}

TEST(PaperLog, ADateOnALineSetsTheDayForTheLinesAfterIt) {
  const auto lines = read_paper_lines(
      "2026-12-06 09:00 警察に相談\n09:30 相談番号を控えた\n12/7 8:00 再開\n", kDay);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].at, tokyo(6, 9, 0));
  EXPECT_EQ(lines[1].at, tokyo(6, 9, 30));
  EXPECT_EQ(lines[2].at, tokyo(7, 8, 0));
  EXPECT_EQ(lines[2].text, "再開");
}

TEST(PaperLog, WhatOnlyLooksLikeATimeStaysText) {
  const auto lines = read_paper_lines("\n9:10am 英語の表示\n12/4 の件\n25:00 不明\n\n", kDay);
  ASSERT_EQ(lines.size(), 3u);
  for (const auto& l : lines) EXPECT_FALSE(l.at) << l.text;
  EXPECT_EQ(lines[0].text, "9:10am 英語の表示");
  EXPECT_EQ(lines[0].line_number, 2);
}

}  // namespace
}  // namespace medbcp::core
