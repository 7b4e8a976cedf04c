// The overview as people work with it: filtered, sorted, and written to the
// spreadsheet with the rows and order of the page.
#include "app/association_export.h"

#include <gtest/gtest.h>

namespace medbcp::app {
namespace {

core::FacilityReadiness ready(const std::string& code, const std::string& name) {
  core::FacilityReadiness r;
  r.code = code;
  r.name = name;
  r.has_plan = true;
  r.edition = 2;
  r.published_on = core::Date{2026, 11, 1};
  r.acknowledged = 5;
  r.accounts = 5;
  r.kit = core::KitState::Current;
  r.computed_on = core::Date{2026, 12, 6};
  return r;
}

std::vector<core::FacilityReadiness> rows() {
  auto aoba = ready("aoba", "あおば内科");
  aoba.last_drill = core::Date{2026, 10, 15};
  auto sakura = ready("sakura", "さくら医院");
  sakura.gaps = 3;
  sakura.open_incidents = 1;
  sakura.open_since = core::Instant{1796500000};
  auto kaede = ready("kaede", "=HYPERLINK(\"x\")かえで");
  kaede.overdue = 2;
  kaede.acknowledged = 1;
  return {sakura, aoba, kaede};
}

std::vector<std::string> codes(const std::vector<core::FacilityReadiness>& rs) {
  std::vector<std::string> out;
  for (const auto& r : rs) out.push_back(r.code);
  return out;
}

TEST(AssociationExport, AttentionIsAnythingLeftToDo) {
  const auto all = rows();
  EXPECT_TRUE(needs_attention(all[0]));   // gaps and an open incident
  EXPECT_FALSE(needs_attention(all[1]));  // all done
  EXPECT_TRUE(needs_attention(all[2]));   // overdue, 1 of 5 confirmed
  auto no_plan = ready("x", "x");
  no_plan.has_plan = false;
  EXPECT_TRUE(needs_attention(no_plan));
}

TEST(AssociationExport, FiltersByCodeOrNameAndByAttention) {
  OverviewQuery q;
  EXPECT_EQ(codes(apply_overview_query(rows(), q)),
            (std::vector<std::string>{"aoba", "kaede", "sakura"}));
  q.needs_attention = true;
  EXPECT_EQ(codes(apply_overview_query(rows(), q)), (std::vector<std::string>{"kaede", "sakura"}));
  q = {};
  q.text = "ＳＡＫ";  // full-width capitals, as typed
  EXPECT_EQ(codes(apply_overview_query(rows(), q)), (std::vector<std::string>{"sakura"}));
  q.text = "あおば";
  EXPECT_EQ(codes(apply_overview_query(rows(), q)), (std::vector<std::string>{"aoba"}));
}

TEST(AssociationExport, SortsByTheChosenColumnEitherWay) {
  OverviewQuery q;
  q.sort = "gaps";
  q.descending = true;
  EXPECT_EQ(codes(apply_overview_query(rows(), q)).front(), "sakura");
  q.sort = "acknowledged";
  q.descending = false;
  EXPECT_EQ(codes(apply_overview_query(rows(), q)).front(), "kaede");  // 1 of 5
  q.sort = "overdue";
  q.descending = true;
  EXPECT_EQ(codes(apply_overview_query(rows(), q)).front(), "kaede");
  q.sort = "no-such-column";  // by code
  EXPECT_EQ(codes(apply_overview_query(rows(), q)),
            (std::vector<std::string>{"sakura", "kaede", "aoba"}));
}

TEST(AssociationExport, CsvHasTheRowsInOrderAndNoFormulas) {
  OverviewQuery q;
  const std::string csv = overview_csv(apply_overview_query(rows(), q));
  ASSERT_TRUE(csv.starts_with("\xEF\xBB\xBF施設コード,施設名,計画,不備"));
  const auto aoba = csv.find(
      "\r\naoba,あおば内科,あり,0,0,0,第2版,2026-11-01,5,5,最新,0,,はい 0・いいえ 0・未回答 0,"
      "2026-10-15,,2026-12-06");
  EXPECT_NE(aoba, std::string::npos) << csv;
  EXPECT_LT(aoba, csv.find("\r\nkaede,"));
  EXPECT_LT(csv.find("\r\nkaede,"), csv.find("\r\nsakura,"));
  // A clinic's name that starts like a formula stays text.
  EXPECT_EQ(csv.find(",=HYPERLINK"), std::string::npos);
  EXPECT_NE(csv.find("'=HYPERLINK"), std::string::npos);
  EXPECT_NE(csv.find("要対応"), std::string::npos);
}

TEST(AssociationExport, XlsxIsAWorkbook) {
  const std::string xlsx = overview_xlsx(rows(), core::Date{2026, 12, 6});
  ASSERT_TRUE(xlsx.starts_with("PK"));
  EXPECT_NE(xlsx.find("xl/worksheets/sheet1.xml"), std::string::npos);
}

TEST(AssociationExport, PagesCoverEveryRowOnceAndAnyNumberIsMadeValid) {
  auto page = overview_page(250, 100, 1);
  EXPECT_EQ(page.pages, 3u);
  EXPECT_EQ(page.from, 0u);
  EXPECT_EQ(page.to, 100u);
  page = overview_page(250, 100, 3);
  EXPECT_EQ(page.from, 200u);
  EXPECT_EQ(page.to, 250u);
  EXPECT_EQ(overview_page(250, 100, 99).number, 3u);  // past the end: the last page
  EXPECT_EQ(overview_page(250, 100, 0).number, 1u);
  page = overview_page(0, 100, 2);  // nothing to show: one empty page
  EXPECT_EQ(page.pages, 1u);
  EXPECT_EQ(page.from, page.to);
  EXPECT_EQ(overview_page(100, 100, 1).pages, 1u);
  EXPECT_EQ(overview_page(101, 100, 2).from, 100u);
}

}  // namespace
}  // namespace medbcp::app
