#include "doc/contact_chart_layout.h"

#include <gtest/gtest.h>

namespace medbcp::doc {
namespace {

// The content area of a landscape A4 page under a heading, in points.
constexpr double kWidth = 738, kHeight = 430;

ChartBox person(const std::string& role, int n) {
  return {role,
          {"氏名" + std::to_string(n) + "（部門）", "日中　054-000-" + std::to_string(1000 + n),
           "夜間　090-0000-" + std::to_string(1000 + n)}};
}

// 1 officer, 11 staff under 3 departments, 18 organisations in 6 groups: 30 boxes.
ContactChart thirty_contacts() {
  ContactChart chart;
  chart.officer = person("医療情報システム安全管理責任者", 0);
  int n = 1;
  for (int dept = 0; dept < 3; ++dept) {
    int head = static_cast<int>(chart.internal.size());
    chart.internal.push_back({person("部門長" + std::to_string(dept), n++), -1});
    for (int k = 0; k < (dept == 2 ? 2 : 3); ++k)
      chart.internal.push_back({person("担当者", n++), head});
  }
  const char* groups[] = {"システム事業者", "保守業者", "警察", "厚生労働省", "都道府県", "医師会"};
  for (int g = 0; g < 6; ++g) {
    ChartGroup group{groups[g], {}};
    for (int k = 0; k < 3; ++k)
      group.boxes.push_back({"株式会社サンプル" + std::to_string(g * 3 + k) + "システムズ",
                             {"担当 山田", "電話　0120-000-" + std::to_string(100 + k)},
                             k == 0});
    chart.external.push_back(group);
  }
  return chart;
}

bool overlap(const Rect& a, const Rect& b) {
  return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

TEST(ContactChartLayout, ThirtyContactsFitOneLandscapePageLegibly) {
  ContactChart chart = thirty_contacts();
  ASSERT_EQ(chart.box_count(), 30);
  ChartLayout l = layout_contact_chart(chart, kWidth, kHeight);
  EXPECT_EQ(static_cast<int>(l.boxes.size()), 30);
  EXPECT_GE(l.font_size, 6.0) << "text too small to read on paper";
  EXPECT_LE(l.height, kHeight + 0.01);
  for (const PlacedBox& b : l.boxes) {
    EXPECT_GE(b.rect.x, -0.01);
    EXPECT_GE(b.rect.y, -0.01);
    EXPECT_LE(b.rect.right(), kWidth + 0.01);
    EXPECT_LE(b.rect.bottom(), kHeight + 0.01);
  }
  for (std::size_t i = 0; i < l.boxes.size(); ++i)
    for (std::size_t j = i + 1; j < l.boxes.size(); ++j)
      EXPECT_FALSE(overlap(l.boxes[i].rect, l.boxes[j].rect)) << i << " overlaps " << j;
}

TEST(ContactChartLayout, OfficerOnTopAndEveryMemberConnected) {
  ContactChart chart = thirty_contacts();
  ChartLayout l = layout_contact_chart(chart, kWidth, kHeight);
  const PlacedBox& officer = l.boxes.front();
  EXPECT_EQ(officer.role, PlacedBox::Role::Officer);
  for (const PlacedBox& b : l.boxes) {
    if (b.role != PlacedBox::Role::Internal) continue;
    EXPECT_GT(b.rect.y, officer.rect.bottom());
    // Some connector ends on the box's top edge or its left edge.
    bool reached = false;
    for (const Connector& c : l.connectors) {
      const Point& end = c.points.back();
      bool top = std::abs(end.y - b.rect.y) < 0.01 && end.x >= b.rect.x && end.x <= b.rect.right();
      bool left =
          std::abs(end.x - b.rect.x) < 0.01 && end.y >= b.rect.y && end.y <= b.rect.bottom();
      reached = reached || top || left;
    }
    EXPECT_TRUE(reached) << b.title.front();
  }
  // External organisations sit beside the internal tree, under their group titles.
  double internal_right = 0;
  for (const PlacedBox& b : l.boxes)
    if (b.role != PlacedBox::Role::External)
      internal_right = std::max(internal_right, b.rect.right());
  int titles = 0;
  for (const PlacedLabel& label : l.labels) titles += label.role == PlacedLabel::Role::GroupTitle;
  EXPECT_GE(titles, 6);
  for (const PlacedBox& b : l.boxes) {
    if (b.role == PlacedBox::Role::External) {
      EXPECT_GT(b.rect.x, internal_right);
    }
  }
}

TEST(ContactChartLayout, ManyDepartmentsWrapIntoRowsRatherThanShrinkAway) {
  ContactChart chart;
  chart.officer = person("責任者", 0);
  for (int i = 0; i < 14; ++i)
    chart.internal.push_back({person("部門" + std::to_string(i), i + 1), -1});
  ChartLayout l = layout_contact_chart(chart, kWidth, kHeight);
  EXPECT_GE(l.font_size, 6.0);
  EXPECT_EQ(static_cast<int>(l.boxes.size()), 15);
}

TEST(ContactChartLayout, LongTextIsCutToTheBox) {
  ContactChart chart;
  chart.officer = {
      "とても長い役職名がここに入りますとても長い役職名がここに入りますとても長い役職名がここに入り"
      "ます",
      {"とても長い氏名とても長い氏名とても長い氏名とても長い氏名とても長い氏名"}};
  ChartLayout l = layout_contact_chart(chart, kWidth, kHeight);
  const PlacedBox& b = l.boxes.front();
  EXPECT_LE(b.title.size(), 2u);
  EXPECT_TRUE(b.title.back().ends_with("…"));
  EXPECT_TRUE(b.lines.front().ends_with("…"));
  double inner = (b.rect.w - 2 * l.padding) / (l.font_size / 8.0);  // at layout scale
  EXPECT_LE(estimate_text_width(b.lines.front(), 8), inner + 0.01);
}

TEST(ContactChartLayout, TextWidthCountsFullAndHalfWidth) {
  EXPECT_DOUBLE_EQ(estimate_text_width("あい", 10), 20);
  EXPECT_NEAR(estimate_text_width("ab", 10), 12, 1e-9);
  EXPECT_EQ(fit_text("短い", 10, 100), "短い");
  EXPECT_EQ(fit_text("あいうえおかきくけこ", 10, 50), "あいうえ…");
  std::vector<std::string> lines = wrap_text("あいうえおかきくけこ", 10, 50, 2);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "あいうえお");
  EXPECT_EQ(lines[1], "かきくけこ");
}

}  // namespace
}  // namespace medbcp::doc
