// The incident pages through a real server: a staff member reports a
// ransomware screen, records the first steps and calls; the security officer
// decides, registers evidence, downloads the report whose text holds every
// timeline entry, and closes; a closed incident refuses new entries.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>

#include "web_test_browser.h"

namespace medbcp::web {
namespace {

class IncidentWeb : public WebServerTest {
 protected:
  // Reports an incident through the start form as a receptionist would
  // (discoverer 中村); it becomes No.1 on a fresh server.
  static void report(TestBrowser& b, const std::string& situation) {
    b.get("/incidents/new");
    auto res = b.post("/incidents", {{"discoverer", "中村"}, {"situation", situation}});
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 303);
  }
  std::string pdf_text(const std::string& pdf) {
    const auto path = dir_ / "report.pdf";
    std::ofstream(path, std::ios::binary) << pdf;
    FILE* p = ::popen(("pdftotext '" + path.string() + "' - 2>/dev/null").c_str(), "r");
    std::string out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    ::pclose(p);
    std::string squashed;
    for (char c : out) {
      if (c != ' ' && c != '\n' && c != '\f') squashed.push_back(c);
    }
    return squashed;
  }
};

TEST_F(IncidentWeb, RansomwareScenarioEndToEnd) {
  TestBrowser staff = signed_in("staff");
  auto form = staff.get("/incidents/new");
  ASSERT_EQ(form->status, 200);
  EXPECT_NE(form->body.find("発生状況"), std::string::npos);
  auto started = staff.post("/incidents", {{"discoverer", "受付 中村"},
                                           {"discovered_at", "2024-06-03 08:40"},
                                           {"how_found", "始業時に受付端末を起動"},
                                           {"situation", "画面に英語の脅迫文。ファイルが開けない"},
                                           {"actions_taken", "LANケーブルを抜いた"},
                                           {"threat", "malware"},
                                           {"system-1", "1"},
                                           {"device-4", "1"},
                                           {"personal_data_leak", "1"},
                                           {"aware_at", "2024-06-03 08:50"}});
  ASSERT_EQ(started->status, 303) << started->body;
  EXPECT_EQ(started->get_header_value("Location"), "/incidents/1?notice=added");

  auto page = staff.get("/incidents/1");
  ASSERT_EQ(page->status, 200);
  for (const char* expected : {"画面に英語の脅迫文", "初期化", "個人情報保護委員会への速報",
                               "未連絡", "tel:0120000101", "紙運用"}) {
    EXPECT_NE(page->body.find(expected), std::string::npos) << expected;
  }
  // What to do and whom to call come before what was reported.
  EXPECT_LT(page->body.find("次にすること"), page->body.find("すぐに連絡する先"));
  EXPECT_LT(page->body.find("すぐに連絡する先"), page->body.find("想定する事象"));
  EXPECT_LT(page->body.find("すぐに連絡する先"), page->body.find("報告書（PDF）"));
  EXPECT_EQ(staff
                .post("/incidents/1/steps",
                      {{"step", "isolate"}, {"state", "done"}, {"note", "受付端末1を切り離し"}})
                ->status,
            303);
  EXPECT_EQ(staff
                .post("/incidents/1/contacts", {{"contact", "e1"},
                                                {"reached", "1"},
                                                {"channel", "電話"},
                                                {"said", "受付端末1に脅迫文"},
                                                {"occurred_at", "2024-06-03 09:05"}})
                ->status,
            303);
  // The 安全管理責任者 is in the picker, first, and can be logged.
  EXPECT_NE(staff.get("/incidents/1")
                ->body.find("<option value=\"officer\">桜井 健一（院長・"
                            "安全管理責任者）</option>"),
            std::string::npos);
  EXPECT_EQ(staff
                .post("/incidents/1/contacts", {{"contact", "officer"},
                                                {"reached", "1"},
                                                {"channel", "電話"},
                                                {"said", "院長に報告"},
                                                {"occurred_at", "2024-06-03 09:06"}})
                ->status,
            303);
  EXPECT_EQ(
      staff.post("/incidents/1/log", {{"kind", "fact"}, {"text", "他の端末は正常に動作"}})->status,
      303);
  // Decisions are the security officer's.
  EXPECT_EQ(staff.post("/incidents/1/decisions", {{"kind", "care"}, {"reason", "x"}})->status, 403);

  TestBrowser officer = signed_in("admin");
  officer.get("/incidents/1");
  auto bad = officer.post("/incidents/1/decisions", {{"kind", "care"}, {"care", "reduced"}});
  EXPECT_EQ(bad->status, 422);
  EXPECT_NE(bad->body.find("判断の理由を入力してください"), std::string::npos);
  EXPECT_EQ(officer
                .post("/incidents/1/decisions", {{"kind", "system_recovery"},
                                                 {"system", "1"},
                                                 {"possible", "no"},
                                                 {"vendor", "富岳メディカル"},
                                                 {"reason", "サーバも暗号化されていた"}})
                ->status,
            303);
  EXPECT_EQ(officer
                .post("/incidents/1/decisions", {{"kind", "care"},
                                                 {"care", "reduced"},
                                                 {"care_mode", "予約患者のみ"},
                                                 {"reason", "紙カルテで対応できる範囲"}})
                ->status,
            303);
  EXPECT_EQ(officer
                .post("/incidents/1/evidence", {{"item", "脅迫文の画面の写真"},
                                                {"device", "4"},
                                                {"location", "事務室の金庫"},
                                                {"holder", "山田 花子"}})
                ->status,
            303);

  page = officer.get("/incidents/1");
  // Start, step, contact, fact, two decisions, evidence.
  EXPECT_NE(page->body.find("時系列 8 件・改ざんなし"), std::string::npos);
  EXPECT_NE(page->body.find("予約患者のみ"), std::string::npos);

  auto pdf = officer.get("/incidents/1/report.pdf");
  ASSERT_EQ(pdf->status, 200);
  ASSERT_EQ(pdf->body.substr(0, 5), "%PDF-");
  const std::string text = pdf_text(pdf->body);
  for (const char* entry : {"インシデント開始", "該当端末等のネットワークからの切り離し",
                            "富岳メディカルシステム株式会社", "他の端末は正常に動作",
                            "サーバも暗号化されていた", "予約患者のみ", "脅迫文の画面の写真"}) {
    EXPECT_NE(text.find(entry), std::string::npos) << entry;
  }
  auto json = officer.get("/incidents/1/timeline.json");
  EXPECT_EQ(json->status, 200);
  EXPECT_NE(json->body.find("\"verified\": true"), std::string::npos);

  EXPECT_EQ(officer
                .post("/incidents/1/close", {{"lessons", "オフラインのバックアップが有効だった"},
                                             {"close_anyway", "1"},
                                             {"follow_up-0-title", "VPN装置の更新"},
                                             {"follow_up-0-owner", "鈴木"},
                                             {"follow_up-0-due", "2024-07-01"}})
                ->status,
            303);
  // Closed: nothing more is written, except by reopening.
  staff.get("/incidents/1");
  auto refused = staff.post("/incidents/1/log", {{"kind", "note"}, {"text", "追記"}});
  EXPECT_EQ(refused->status, 422);
  EXPECT_NE(refused->body.find("終了しています"), std::string::npos);
  EXPECT_EQ(officer.post("/incidents/1/reopen", {{"reason", "別の端末でも脅迫文"}})->status, 303);
  EXPECT_NE(officer.get("/incidents/1/verify")->body.find("見つかりませんでした"),
            std::string::npos);
}

TEST_F(IncidentWeb, ViewersReadButCannotWrite) {
  TestBrowser staff = signed_in("staff");
  ASSERT_NO_FATAL_FAILURE(report(staff, "不審なポップアップ"));
  TestBrowser viewer = signed_in("viewer");
  auto page = viewer.get("/incidents/1");
  EXPECT_EQ(page->status, 200);
  // No form that appends to the incident, and no button of one.
  EXPECT_EQ(page->body.find("action=\"/incidents/1/"), std::string::npos);
  EXPECT_EQ(page->body.find("時系列に記録</button>"), std::string::npos);
  EXPECT_EQ(viewer.post("/incidents/1/log", {{"kind", "note"}, {"text", "x"}})->status, 403);
  EXPECT_EQ(viewer.get("/incidents/9")->status, 404);
}

// A leak found in the afternoon: the 責任者 corrects the start's report, the
// PPC deadline appears, the timeline says what changed and why.
TEST_F(IncidentWeb, TheOfficerCorrectsTheLeakFlagAndTheSystemsAsACorrection) {
  TestBrowser staff = signed_in("staff");
  ASSERT_NO_FATAL_FAILURE(report(staff, "脅迫文"));
  EXPECT_EQ(staff.get("/incidents/1")->body.find("action=\"/incidents/1/facts\""),
            std::string::npos);
  EXPECT_EQ(
      staff.post("/incidents/1/facts", {{"personal_data_leak", "1"}, {"reason", "x"}})->status,
      403);

  TestBrowser officer = signed_in("editor");
  auto page = officer.get("/incidents/1");
  ASSERT_NE(page->body.find("action=\"/incidents/1/facts\""), std::string::npos);
  EXPECT_EQ(page->body.find("個人情報保護委員会への速報"), std::string::npos);

  auto no_reason = officer.post("/incidents/1/facts", {{"personal_data_leak", "1"}});
  EXPECT_EQ(no_reason->status, 422);
  EXPECT_NE(no_reason->body.find("訂正の理由"), std::string::npos);
  EXPECT_EQ(officer.get("/incidents/1")->body.find("個人情報保護委員会への速報"),
            std::string::npos);

  // The form starts from the facts as they read now.
  std::smatch m;
  ASSERT_TRUE(
      std::regex_search(page->body, m, std::regex(R"(name="aware_at"[^>]*value="([^"]+))")));
  auto fixed = officer.post("/incidents/1/facts", {{"personal_data_leak", "1"},
                                                   {"aware_at", m[1].str()},
                                                   {"system-1", "1"},
                                                   {"reason", "業者の調査で患者名簿の送信を確認"}});
  ASSERT_EQ(fixed->status, 303) << fixed->body;
  auto after = officer.get("/incidents/1");
  EXPECT_NE(after->body.find("個人情報保護委員会への速報"), std::string::npos);
  EXPECT_NE(after->body.find("個人情報漏えいのおそれ なし → あり"), std::string::npos);
  EXPECT_NE(after->body.find("業者の調査で患者名簿の送信を確認"), std::string::npos);
  EXPECT_NE(after->body.find("電子カルテシステム"), std::string::npos);
}

TEST_F(IncidentWeb, ASecondReportOffersTheOpenIncidentFirst) {
  TestBrowser staff = signed_in("staff");
  ASSERT_NO_FATAL_FAILURE(report(staff, "脅迫文"));

  TestBrowser other = signed_in("editor");
  auto form = other.get("/incidents/new");
  EXPECT_NE(form->body.find("id=\"open-incidents\""), std::string::npos);
  EXPECT_NE(form->body.find("href=\"/incidents/1#timeline\""), std::string::npos);
  EXPECT_NE(form->body.find("別の出来事として新しく報告する"), std::string::npos);
  auto refused = other.post("/incidents", {{"discoverer", "佐藤"}, {"situation", "同じ脅迫文"}});
  EXPECT_EQ(refused->status, 422);
  EXPECT_NE(refused->body.find("対応中のインシデントがあります"), std::string::npos);
  EXPECT_EQ(other.get("/incidents/2")->status, 404);

  auto separate = other.post(
      "/incidents",
      {{"discoverer", "佐藤"}, {"situation", "別件の不審メール"}, {"separate_event", "1"}});
  EXPECT_EQ(separate->status, 303);
  EXPECT_EQ(other.get("/incidents/2")->status, 200);
}

TEST_F(IncidentWeb, FollowUpsAreRowsAndABadRowIsNamedAndNothingIsClosed) {
  TestBrowser staff = signed_in("staff");
  ASSERT_NO_FATAL_FAILURE(report(staff, "脅迫文"));
  TestBrowser officer = signed_in("admin");
  auto page = officer.get("/incidents/1");
  EXPECT_NE(page->body.find("name=\"follow_up-4-due\""), std::string::npos);
  EXPECT_NE(page->body.find("2件目"), std::string::npos);

  auto refused = officer.post("/incidents/1/close", {{"lessons", "教訓"},
                                                     {"follow_up-0-title", "VPN装置の更新"},
                                                     {"follow_up-0-due", "来月"},
                                                     {"follow_up-2-owner", "山田"}});
  EXPECT_EQ(refused->status, 422);
  EXPECT_NE(refused->body.find("1件目の期限「来月」を読めません"), std::string::npos);
  EXPECT_NE(refused->body.find("3件目の再発防止策の内容を入力してください"), std::string::npos);
  EXPECT_NE(officer.get("/incidents/1")->body.find("インシデントを終了</button>"),
            std::string::npos);

  ASSERT_EQ(officer
                .post("/incidents/1/close", {{"lessons", "教訓"},
                                             {"close_anyway", "1"},
                                             {"follow_up-0-title", "VPN装置の更新"},
                                             {"follow_up-0-owner", "鈴木"},
                                             {"follow_up-0-due", "令和8年1月31日"}})
                ->status,
            303);
  const auto home = officer.get("/")->body;
  EXPECT_NE(home.find("VPN装置の更新"), std::string::npos);
  EXPECT_NE(home.find("鈴木"), std::string::npos);
}

TEST_F(IncidentWeb, AnUploadedFileIsHashedAndItsFormNeedsTheToken) {
  TestBrowser staff = signed_in("staff");
  ASSERT_NO_FATAL_FAILURE(report(staff, "脅迫文"));
  const auto page = staff.get("/incidents/1");
  // The token is a hidden field of the upload form, not a part of its URL.
  EXPECT_NE(page->body.find("action=\"/incidents/1/evidence\""), std::string::npos);
  EXPECT_EQ(page->body.find("csrf="), std::string::npos);
  httplib::MultipartFormDataItems items = {{"item", "脅迫文のテキストファイル", "", ""},
                                           {"location", "事務室の金庫", "", ""},
                                           {"holder", "山田 花子", "", ""},
                                           {"file", "abc", "README-DECRYPT.txt", "text/plain"}};
  EXPECT_EQ(staff.post_multipart("/incidents/1/evidence", items, false)->status, 403);
  ASSERT_EQ(staff.post_multipart("/incidents/1/evidence", items)->status, 303);
  const auto after = staff.get("/incidents/1");
  EXPECT_NE(after->body.find("README-DECRYPT.txt"), std::string::npos);
  // SHA-256("abc")
  EXPECT_NE(after->body.find("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            std::string::npos);
}

TEST_F(IncidentWeb, EveryFieldIdOfThePageIsUnique) {
  TestBrowser officer = signed_in("admin");
  officer.get("/incidents/new");
  ASSERT_EQ(officer.post("/incidents", {{"discoverer", "中村"}, {"situation", "脅迫文"}})->status,
            303);
  officer.post("/incidents/1/log", {{"kind", "fact"}, {"text", "二件目"}});
  const std::string body = officer.get("/incidents/1")->body;
  std::map<std::string, int> ids;
  static const std::regex id_re(" id=\"([^\"]+)\"");
  for (auto it = std::sregex_iterator(body.begin(), body.end(), id_re);
       it != std::sregex_iterator(); ++it) {
    ++ids[(*it)[1].str()];
  }
  ASSERT_GT(ids.size(), 20u);
  for (const auto& [id, count] : ids) EXPECT_EQ(count, 1) << id;
  // Every in-page link (the contents line, the error summaries) has a target.
  static const std::regex anchor_re("href=\"#([^\"]+)\"");
  int anchors = 0;
  for (auto it = std::sregex_iterator(body.begin(), body.end(), anchor_re);
       it != std::sregex_iterator(); ++it, ++anchors) {
    EXPECT_TRUE(ids.count((*it)[1].str())) << "#" << (*it)[1].str();
  }
  EXPECT_GE(anchors, 7);
}

TEST_F(IncidentWeb, EveryDashboardOfSomeoneWhoMayReportStartsWithTheReportButton) {
  for (const char* role : {"staff", "editor", "admin"}) {
    TestBrowser b = signed_in(role);
    const std::string home = b.get("/")->body;
    const auto button = home.find("class=\"button button--report\"");
    ASSERT_NE(button, std::string::npos) << role;
    EXPECT_NE(home.find("href=\"/incidents/new\"", button - 40), std::string::npos) << role;
    // Before anything else of the page's main part.
    EXPECT_LT(button, home.find("<h2")) << role;
  }
  TestBrowser viewer = signed_in("viewer");  // may not report: no button to a 403
  EXPECT_EQ(viewer.get("/")->body.find("button--report"), std::string::npos);
}

TEST_F(IncidentWeb, TheDashboardLeadsToAnOpenIncidentAndListsItsFollowUps) {
  TestBrowser staff = signed_in("staff");
  EXPECT_EQ(staff.get("/")->body.find("対応中のインシデント"), std::string::npos);
  ASSERT_NO_FATAL_FAILURE(report(staff, "脅迫文が出た"));
  auto home = staff.get("/");
  EXPECT_NE(home->body.find("対応中のインシデントがあります（1件）"), std::string::npos);
  EXPECT_NE(home->body.find("href=\"/incidents/1\""), std::string::npos);

  TestBrowser officer = signed_in("admin");
  officer.get("/incidents/1");
  ASSERT_EQ(officer
                .post("/incidents/1/close", {{"lessons", "切り離しが早かった"},
                                             {"close_anyway", "1"},
                                             {"follow_up-0-title", "VPN装置の更新"},
                                             {"follow_up-0-owner", "鈴木"},
                                             {"follow_up-0-due", "2020-01-31"},
                                             {"follow_up-1-title", "職員研修"},
                                             {"follow_up-1-owner", "山田"}})
                ->status,
            303);
  home = officer.get("/");
  EXPECT_EQ(home->body.find("対応中のインシデント"), std::string::npos);
  EXPECT_NE(home->body.find("再発防止策（インシデントと訓練からの課題・2件）"), std::string::npos);
  EXPECT_NE(home->body.find("VPN装置の更新"), std::string::npos);
  EXPECT_NE(home->body.find("期限切れ"), std::string::npos);  // 2020-01-31 has passed
  EXPECT_NE(home->body.find("担当 鈴木"), std::string::npos);

  // Staff read the tasks but do not tick them off; the 担当者 and up do.
  EXPECT_EQ(staff.get("/")->body.find("/tasks/1/done"), std::string::npos);
  EXPECT_EQ(staff.post("/tasks/1/done", {})->status, 403);
  ASSERT_NE(officer.get("/")->body.find("action=\"/tasks/1/done\""), std::string::npos);
  EXPECT_EQ(officer.post("/tasks/1/done", {})->status, 303);
  EXPECT_EQ(officer.post("/tasks/1/done", {})->status, 404);  // already done
  home = officer.get("/");
  EXPECT_EQ(home->body.find("VPN装置の更新"), std::string::npos);
  EXPECT_NE(home->body.find("再発防止策（インシデントと訓練からの課題・1件）"), std::string::npos);
}

TEST_F(IncidentWeb, MissingDiscoveryReportIsShownBesideTheFields) {
  TestBrowser staff = signed_in("staff");
  staff.get("/incidents/new");
  auto res = staff.post("/incidents", {{"discovered_at", "明日の朝"}});
  EXPECT_EQ(res->status, 422);
  EXPECT_NE(res->body.find("日時を読めません"), std::string::npos);
  EXPECT_NE(res->body.find("明日の朝"), std::string::npos);  // what was typed stays
}

}  // namespace
}  // namespace medbcp::web
