// The drill report and the tabletop kit: what each must carry on paper.
#include "doc/drill_documents.h"

#include <gtest/gtest.h>

#include "core/demo_plan.h"
#include "doc/document_text_for_tests.h"

namespace medbcp::doc {
namespace {

core::DrillScenario scenario() {
  core::DrillScenario s;
  s.code = "sample";
  s.title = "受付でランサムノート";
  s.threat = core::ThreatKind::Malware;
  s.briefing = {"月曜の朝。"};
  s.roles = {{"発見者（受付）", "報告する"}, {"責任者", "判断する"}};
  s.injects = {
      {10, "医事会計も開けない"}, {20, "業者から折り返しなし"}, {30, "報道から問い合わせ"}};
  return s;
}

TEST(DrillDocuments, TheReportCarriesMeasuresBesideThePreviousFindingsAndASignature) {
  core::IncidentView view;
  view.plan = core::demo_plan();
  view.incident.id = core::IncidentId(7);
  view.incident.title = "【訓練】受付でランサムノート";
  view.incident.drill = true;
  core::DrillRecord record{core::IncidentId(7), "sample", "受付でランサムノート", "",
                           core::DrillMode::Live};
  const auto s = scenario();
  core::DrillProgress progress;
  progress.started_at = core::Instant{0};
  progress.ended_at = core::Instant{std::int64_t{40} * 60};
  progress.participants = {{"中村 さくら", "発見者（受付）"}};
  core::DrillMeasures now;
  now.contacts = {{"officer", "責任者へ報告", 180}};
  now.care_decision = {"care_decision", "診療可否・診療形態の判断", std::nullopt};
  now.duration_seconds = std::int64_t{40} * 60;
  now.missed_steps = {"（３）証拠保全"};
  std::optional<core::DrillMeasures> before = core::DrillMeasures{};
  before->contacts = {{"officer", "責任者へ報告", 360}};
  core::FollowUpTask task;
  task.title = "夜間の番号を追記";
  task.owner = "山田 花子";
  task.due = core::Date{2027, 1, 31};
  task.plan_section = "internal_contacts";
  view.follow_ups.push_back(task);
  const std::string text =
      text_of(drill_report_document({view, record, s, progress, now, before}, core::Instant{3600}));
  EXPECT_NE(text.find("訓練実施報告書"), std::string::npos);
  EXPECT_NE(text.find("【訓練】この記録は訓練です"), std::string::npos);
  EXPECT_NE(text.find("責任者へ報告|3分0秒|6分0秒（−3分0秒）|"), std::string::npos) << text;
  EXPECT_NE(text.find("診療可否・診療形態の判断|未実施|"), std::string::npos) << text;
  EXPECT_NE(text.find("実施されなかった手順: （３）証拠保全"), std::string::npos);
  EXPECT_NE(text.find("[participants]中村 さくら|発見者（受付）|"), std::string::npos);
  EXPECT_NE(text.find("夜間の番号を追記|山田 花子|"), std::string::npos);
  EXPECT_NE(text.find("連絡体制図"), std::string::npos) << text;  // the plan section, by title
  EXPECT_NE(text.find("医療情報システム安全管理責任者|桜井 健一　　（署名）|"), std::string::npos)
      << text;
  EXPECT_NE(text.find("医事会計も開けない|出していない|"), std::string::npos) << text;
}

TEST(DrillDocuments, TheTabletopKitHasOneInjectCardPerPageAndAnObserversSheet) {
  const Document d = tabletop_kit_document(scenario(), core::demo_plan());
  int breaks = 0;
  for (const Block& b : d.blocks) breaks += std::holds_alternative<PageBreak>(b) ? 1 : 0;
  EXPECT_EQ(breaks, 3 + 1);  // a page per inject, then the observer's sheet
  const std::string text = text_of(d);
  EXPECT_NE(text.find("付与情報 ２（開始から20分後）"), std::string::npos) << text;
  EXPECT_NE(text.find("観察シート"), std::string::npos);
  EXPECT_NE(text.find("責任者（桜井 健一）へ報告"), std::string::npos) << text;
  EXPECT_NE(text.find("静岡県警察本部"), std::string::npos);  // 別紙１'s contacts to time
  EXPECT_NE(text.find("[roles]発見者（受付）|報告する|"), std::string::npos);
}

}  // namespace
}  // namespace medbcp::doc
