// The 訓練 pages through a real server: the editor starts a drill, the
// staff records on the drill's page as on the real day, the facilitator
// reveals injects, pauses and ends it with findings that become tasks, and
// downloads the report; staff cannot run a drill, and a drill is never
// listed among incidents.
#include <gtest/gtest.h>

#include "web_test_browser.h"

namespace medbcp::web {
namespace {

class DrillWeb : public WebServerTest {};

TEST_F(DrillWeb, ADrillIsStartedRunAndEndedOnItsPage) {
  TestBrowser editor = signed_in("editor");
  auto page = editor.get("/drills");
  ASSERT_EQ(page->status, 200);
  for (const char* expected : {"訓練を始める", "月曜の朝、受付の電子カルテにランサムノート",
                               "/drills/kit/warning-sign.pdf", "職員ごとの訓練参加", "鈴木 一郎"}) {
    EXPECT_NE(page->body.find(expected), std::string::npos) << expected;
  }
  auto started =
      editor.post("/drills", {{"scenario", "ransomware-monday"},
                              {"mode", "live"},
                              {"participants", "中村 さくら:発見者（受付）\n山田 花子:事務長"}});
  ASSERT_EQ(started->status, 303) << started->body;
  EXPECT_EQ(started->get_header_value("Location"), "/incidents/1?notice=added#drill");

  auto drill = editor.get("/incidents/1");
  ASSERT_EQ(drill->status, 200);
  for (const char* expected : {"【訓練】月曜の朝", "これは訓練です", "次の付与情報を出す",
                               "（訓練: 実際の期限ではありません）", "訓練を終える",
                               "参加者: 中村 さくら（発見者（受付））"}) {
    EXPECT_NE(drill->body.find(expected), std::string::npos) << expected;
  }
  // The real day's forms work on a drill: a staff member logs a step.
  TestBrowser staff = signed_in("staff");
  staff.get("/incidents/1");
  auto step =
      staff.post("/incidents/1/steps", {{"step", "isolate"}, {"state", "done"}, {"note", "抜線"}});
  EXPECT_EQ(step->status, 303) << step->body;
  // …but not the facilitator's controls.
  staff.get("/incidents/1");
  EXPECT_EQ(staff.post("/drills/1/inject", {})->status, 403);
  EXPECT_EQ(staff.post("/drills", {{"scenario", "warning-sign"}, {"mode", "live"}})->status, 403);

  editor.get("/incidents/1");
  EXPECT_EQ(editor.post("/drills/1/inject", {})->status, 303);
  drill = editor.get("/incidents/1");
  EXPECT_NE(drill->body.find("医事会計システムの端末でも"), std::string::npos);
  EXPECT_EQ(editor.post("/drills/1/pause", {})->status, 303);
  EXPECT_NE(editor.get("/incidents/1")->body.find("再開する"), std::string::npos);
  EXPECT_EQ(editor.post("/drills/1/inject", {})->status, 422);  // paused
  EXPECT_EQ(editor.post("/drills/1/resume", {})->status, 303);

  // A finding whose date does not read is refused whole.
  auto bad = editor.post("/drills/1/end",
                         {{"finding-0-title", "夜間の番号を追記"}, {"finding-0-due", "来月"}});
  EXPECT_EQ(bad->status, 422);
  EXPECT_NE(bad->body.find("1件目の期日が読めません"), std::string::npos);
  EXPECT_NE(editor.get("/incidents/1")->body.find("次の付与情報を出す"), std::string::npos);

  auto ended = editor.post("/drills/1/end", {{"summary", "連絡の順番を見直す"},
                                             {"finding-0-title", "夜間の番号を別紙１に追記"},
                                             {"finding-0-owner", "山田 花子"},
                                             {"finding-0-due", "2027-01-31"},
                                             {"finding-0-section", "internal_contacts"}});
  ASSERT_EQ(ended->status, 303) << ended->body;
  drill = editor.get("/incidents/1");
  EXPECT_NE(drill->body.find("振り返りと課題"), std::string::npos);
  EXPECT_NE(drill->body.find("夜間の番号を別紙１に追記"), std::string::npos);
  EXPECT_EQ(drill->body.find("次の付与情報を出す"), std::string::npos);
  EXPECT_EQ(editor.post("/drills/1/end", {})->status, 422);  // ended twice
  // The finding is a task on the dashboard, opening the plan section it concerns.
  auto dashboard = editor.get("/");
  EXPECT_NE(dashboard->body.find("夜間の番号を別紙１に追記"), std::string::npos);
  EXPECT_NE(dashboard->body.find("href=\"/plan/internal_contacts\""), std::string::npos);

  auto pdf = editor.get("/drills/1/report.pdf");
  ASSERT_EQ(pdf->status, 200);
  EXPECT_EQ(pdf->body.substr(0, 5), "%PDF-");
  EXPECT_EQ(editor.get("/drills/kit/warning-sign.pdf")->status, 200);
  EXPECT_EQ(editor.get("/drills/kit/no-such.pdf")->status, 404);

  // Never an incident: the incident list has none, the drill list has it.
  EXPECT_NE(editor.get("/incidents")->body.find("インシデントの記録はありません"),
            std::string::npos);
  EXPECT_NE(editor.get("/drills")->body.find("/incidents/1"), std::string::npos);
}

TEST_F(DrillWeb, ARealIncidentComesFirstAndARealIncidentIsNotADrill) {
  TestBrowser staff = signed_in("staff");
  staff.get("/incidents/new");
  ASSERT_EQ(staff.post("/incidents", {{"discoverer", "中村"}, {"situation", "脅迫文"}})->status,
            303);
  TestBrowser editor = signed_in("editor");
  auto page = editor.get("/drills");
  EXPECT_NE(page->body.find("対応中の実際のインシデントがあります"), std::string::npos);
  auto refused = editor.post("/drills", {{"scenario", "warning-sign"}, {"mode", "live"}});
  EXPECT_EQ(refused->status, 422);
  EXPECT_NE(refused->body.find("実際の対応が先です"), std::string::npos);
  auto unknown = editor.post(
      "/drills", {{"scenario", "no-such"}, {"mode", "live"}, {"despite_open_incident", "1"}});
  EXPECT_EQ(unknown->status, 422);
  EXPECT_NE(unknown->body.find("訓練シナリオ「no-such」はありません"), std::string::npos);
  // The real incident's page has no drill panel; the drill routes refuse it.
  EXPECT_EQ(editor.get("/incidents/1")->body.find("これは訓練です"), std::string::npos);
  EXPECT_EQ(editor.post("/drills/1/inject", {})->status, 404);
  EXPECT_EQ(editor.get("/drills/1/report.pdf")->status, 404);
}

}  // namespace
}  // namespace medbcp::web
