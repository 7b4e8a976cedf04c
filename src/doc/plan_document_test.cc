#include "doc/plan_document.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/demo_plan.h"
#include "core/plan_template.h"
#include "core/wareki.h"
#include "doc/plan_contact_chart.h"
#include "doc/plan_tables.h"
#include "doc/plan_values.h"
#include "doc/template_parser.h"

namespace medbcp::doc {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Document build(const core::Plan& plan, std::string_view text = default_template_text()) {
  TemplateParse p = parse_template(text);
  EXPECT_TRUE(p.ok());
  return build_plan_document(plan, p.tmpl);
}

// Every text of the document, blanks as ＿, one block per line.
std::string all_text(const Document& doc) {
  std::string out;
  for (const Block& b : doc.blocks) {
    if (const auto* h = std::get_if<Heading>(&b)) out += h->full_title();
    if (const auto* p = std::get_if<Paragraph>(&b)) out += to_plain(p->text);
    if (const auto* l = std::get_if<List>(&b))
      for (std::size_t i = 0; i < l->items.size(); ++i)
        out += l->marker_text(i) + to_plain(l->items[i]) + "\n";
    if (const auto* t = std::get_if<Table>(&b))
      for (const auto& row : t->rows)
        for (const Text& cell : row) out += to_plain(cell) + "|";
    out += "\n";
  }
  return out;
}

const Table* table_named(const Document& doc, const std::string& name) {
  for (const Block& b : doc.blocks)
    if (const auto* t = std::get_if<Table>(&b); t && t->name == name) return t;
  return nullptr;
}
// A table found in a temporary document would dangle: refuse it at compile time.
const Table* table_named(const Document&& doc, const std::string& name) = delete;

TEST(PlanDocument, HeadingsFollowTheSpecChapterByChapter) {
  Document doc = build(core::demo_plan());
  std::vector<std::string> titles;
  for (const Heading* h : doc.headings(3)) titles.push_back(h->full_title());
  EXPECT_THAT(titles, ::testing::IsSupersetOf({"第１章　総則",
                                               "１　策定目的",
                                               "２　基本方針",
                                               "３　対象範囲",
                                               "４　想定する事象",
                                               "５　文書の管理および周知",
                                               "第２章　体制整備",
                                               "１　医療情報システム安全管理責任者",
                                               "２　情報機器台帳",
                                               "３　代替運用",
                                               "４　バックアップ体制",
                                               "第３章　サイバーインシデント発生時の対応",
                                               "１　初動対応",
                                               "（１）発生事象の発見・報告",
                                               "（２）被害拡大防止・二次被害抑止",
                                               "（３）証拠保全・原因調査",
                                               "（４）外部関係先への連絡",
                                               "２　業務継続対応",
                                               "（１）業務復旧対応",
                                               "（２）診療可否の判断と診療形態の決定",
                                               "附則",
                                               "別紙１　連絡体制図",
                                               "別紙２　情報機器台帳"}));
}

TEST(PlanDocument, FacilityDataFillsThePlaceholders) {
  core::Plan plan = core::demo_plan();
  Document doc = build(plan);
  std::string text = all_text(doc);
  EXPECT_THAT(text, HasSubstr(plan.facility.name + "（以下、当院という）"));
  EXPECT_THAT(text, HasSubstr(plan.officer.name + "（" + plan.officer.title + "）を当院における"));
  EXPECT_THAT(text, HasSubstr("、" + plan.facility.document_department + "にて"));
  ASSERT_TRUE(plan.facility.effective_date);
  EXPECT_THAT(text, HasSubstr("本ＢＣＰは、" + core::format_wareki(*plan.facility.effective_date) +
                              "から施行する。"));
  EXPECT_EQ(to_plain(doc.facility_name), plan.facility.name);
  EXPECT_THAT(doc.edition_line(), HasSubstr("施行"));
  EXPECT_EQ(text.find("＿"), std::string::npos) << "the demo plan is complete";
}

TEST(PlanDocument, EveryFallbackAndBackupRowIsInItsTable) {
  core::Plan plan = core::demo_plan();
  Document doc = build(plan);
  const Table* fallbacks = table_named(doc, "fallbacks");
  ASSERT_NE(fallbacks, nullptr);
  ASSERT_EQ(fallbacks->rows.size(), plan.fallbacks.size());
  for (std::size_t i = 0; i < plan.fallbacks.size(); ++i) {
    EXPECT_EQ(to_plain(fallbacks->rows[i][0]), plan.fallbacks[i].business);
    EXPECT_EQ(to_plain(fallbacks->rows[i][2]), plan.fallbacks[i].fallback);
  }
  const Table* backups = table_named(doc, "backups");
  ASSERT_NE(backups, nullptr);
  ASSERT_EQ(backups->rows.size(), plan.backups.size());
  EXPECT_EQ(backups->columns[1].header, "頻度");
  for (std::size_t i = 0; i < plan.backups.size(); ++i)
    EXPECT_EQ(to_plain(backups->rows[i][3]), plan.backups[i].restore_method);
  const Table* devices = table_named(doc, "devices");
  ASSERT_NE(devices, nullptr);
  EXPECT_EQ(devices->rows.size(), plan.devices.size());
  EXPECT_TRUE(devices->compact);
}

// 改定履歴 after 附則: every published 版, oldest first, then two empty
// rows for the revisions written by hand until the plan is printed again.
TEST(PlanDocument, TheRevisionHistoryListsEveryPublishedVersion) {
  TemplateParse p = parse_template(default_template_text());
  ASSERT_TRUE(p.ok());
  const std::vector<PlanRevision> revisions = {
      {1, core::Date{2024, 4, 1}, "制定", "院長 山田"},
      {2, core::Date{2025, 4, 1}, "別紙２に VPN 装置を追加", "院長 山田"}};
  Document doc = build_plan_document(core::demo_plan(), p.tmpl, revisions);
  const Table* history = table_named(doc, "revisions");
  ASSERT_NE(history, nullptr);
  EXPECT_EQ(history->caption, "改定履歴");
  ASSERT_EQ(history->rows.size(), 4u);
  EXPECT_EQ(to_plain(history->rows[0][0]), "第１版");
  EXPECT_EQ(to_plain(history->rows[0][1]), core::format_wareki(core::Date{2024, 4, 1}));
  EXPECT_EQ(to_plain(history->rows[1][2]), "別紙２に VPN 装置を追加");
  EXPECT_EQ(to_plain(history->rows[1][3]), "院長 山田");
  EXPECT_EQ(to_plain(history->rows[2][0]), "");  // to write in by hand
  // After 附則's 施行 sentence, before 別紙１.
  const std::string text = all_text(doc);
  EXPECT_LT(text.find("から施行する"), text.find("第１版|"));
  EXPECT_LT(text.find("第１版|"), text.find("別紙１　連絡体制図"));
  // Nothing published yet: the table is there, empty for the pen.
  const Document unpublished = build(core::demo_plan());
  const Table* empty = table_named(unpublished, "revisions");
  ASSERT_NE(empty, nullptr);
  EXPECT_EQ(empty->rows.size(), 2u);
}

TEST(PlanDocument, TemplatePlanPrintsVisibleBlanksNeverPlaceholders) {
  Document doc = build(core::template_plan(""));
  std::string text = all_text(doc);
  EXPECT_THAT(text, Not(HasSubstr("〇〇")));
  EXPECT_THAT(text, Not(HasSubstr("○○")));
  EXPECT_THAT(text, HasSubstr("＿＿＿＿（以下、当院という）"));        // facility name
  EXPECT_THAT(text, HasSubstr("＿＿＿＿（院長）を当院における"));      // officer name
  EXPECT_THAT(text, HasSubstr("＿＿部門にて"));                        // document department
  EXPECT_THAT(text, HasSubstr("令和＿＿年＿＿月＿＿日から施行する"));  // effective date
  EXPECT_THAT(text, HasSubstr("⑥＿＿"));                               // the clinic's own system
  EXPECT_TRUE(has_blank(doc.facility_name));
  // The template's 〇〇 row of 代替運用 is a row of blanks; so is the device
  // ledger, which has no devices yet.
  const Table* fallbacks = table_named(doc, "fallbacks");
  ASSERT_NE(fallbacks, nullptr);
  for (const Text& cell : fallbacks->rows.back()) EXPECT_TRUE(has_blank(cell));
  const Table* devices = table_named(doc, "devices");
  ASSERT_NE(devices, nullptr);
  ASSERT_FALSE(devices->rows.empty());
  EXPECT_TRUE(has_blank(devices->rows[0][0]));
}

TEST(PlanDocument, OptionalColumnsStayEmptyRequiredOnesShowBlanks) {
  core::Plan plan = core::demo_plan();
  plan.devices.resize(1);
  plan.devices[0].ip_address.clear();
  plan.devices[0].location.clear();
  Document doc = build(plan, "{{table devices columns=\"location ip_address\"}}\n");
  const Table* devices = table_named(doc, "devices");
  ASSERT_NE(devices, nullptr);
  EXPECT_TRUE(has_blank(devices->rows[0][0]));
  EXPECT_TRUE(is_empty(devices->rows[0][1]));
}

TEST(PlanDocument, LedgerDatesUseTheShortEraForm) {
  core::Plan plan = core::demo_plan();
  plan.devices.resize(1);
  plan.devices[0].last_stocktake = core::Date{2025, 3, 28};
  plan.devices[0].support_end = core::Date{2019, 4, 30};
  Document doc = build(plan, "{{table devices columns=\"last_stocktake support_end\"}}\n");
  const Table* devices = table_named(doc, "devices");
  ASSERT_NE(devices, nullptr);
  EXPECT_EQ(to_plain(devices->rows[0][0]), "R7.3.28");
  EXPECT_EQ(to_plain(devices->rows[0][1]), "H31.4.30");
}

TEST(PlanDocument, DepartmentGetsItsUnitOnce) {
  core::Plan plan = core::demo_plan();
  plan.facility.document_department = "事務";
  EXPECT_EQ(to_plain(plan_field(plan, "facility.document_department")), "事務部門");
  plan.facility.document_department = "医事課";
  EXPECT_EQ(to_plain(plan_field(plan, "facility.document_department")), "医事課");
  plan.facility.document_department = "";
  EXPECT_EQ(to_plain(plan_field(plan, "facility.document_department")), blank_text(6) + "部門");
}

TEST(PlanDocument, CustomTemplateChoosesColumnsAndCaption) {
  core::Plan plan = core::demo_plan();
  Document doc =
      build(plan,
            "---\ntitle: 独自計画\n---\n"
            "# 表\n{{table fallbacks caption=\"代替\" columns=\"fallback business\"}}\n");
  EXPECT_EQ(doc.title, "独自計画");
  const Table* t = table_named(doc, "fallbacks");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->caption, "代替");
  ASSERT_EQ(t->columns.size(), 2u);
  EXPECT_EQ(t->columns[0].header, "代替手段");
  EXPECT_EQ(to_plain(t->rows[0][1]), plan.fallbacks[0].business);
}

TEST(PlanDocument, ContactChartFollowsReportsTo) {
  core::Plan plan = core::demo_plan();
  ContactChart chart = plan_contact_chart(plan);
  ASSERT_EQ(chart.internal.size(), plan.internal_contacts.size());
  for (std::size_t i = 0; i < plan.internal_contacts.size(); ++i) {
    const auto& c = plan.internal_contacts[i];
    int parent = chart.internal[i].parent;
    if (!c.reports_to) {
      EXPECT_EQ(parent, -1);
    } else {
      ASSERT_GE(parent, 0);
      EXPECT_EQ(plan.internal_contacts[parent].id, *c.reports_to);
    }
  }
  int external = 0;
  for (const ChartGroup& g : chart.external) external += static_cast<int>(g.boxes.size());
  EXPECT_EQ(external, static_cast<int>(plan.external_contacts.size()));
}

TEST(PlanDocument, CircularReportsToIsCutAtTheOfficer) {
  core::Plan plan;
  core::InternalContact a, b;
  a.id = core::InternalContactId{1};
  b.id = core::InternalContactId{2};
  a.name = "甲";
  b.name = "乙";
  a.reports_to = b.id;
  b.reports_to = a.id;
  plan.internal_contacts = {a, b};
  ContactChart chart = plan_contact_chart(plan);
  EXPECT_TRUE(chart.internal[0].parent == -1 || chart.internal[1].parent == -1);
}

}  // namespace
}  // namespace medbcp::doc
