// The 平時 pages over HTTP: a stock-take round from start to the updated
// ledger, the backup and restore-test forms, the 点検 page — and who may
// do what (viewers read, editors record).
#include <gtest/gtest.h>

#include <regex>

#include "app/database_backup_schedule.h"
#include "app/incident_service.h"
#include "app/mail.h"
#include "app/plan_service.h"
#include "app/stocktake.h"
#include "web_test_browser.h"

namespace medbcp::web {
namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string round_path(const std::string& location) {
  std::smatch m;
  static const std::regex re("(/stocktake/[0-9a-f]{32})");
  return std::regex_search(location, m, re) ? m[1].str() : "";
}

const core::Device* device(const core::Plan& plan, const std::string& asset) {
  for (const auto& d : plan.devices) {
    if (d.asset_number == asset) return &d;
  }
  return nullptr;
}

TEST_F(WebServerTest, AStocktakeRoundFromStartToTheUpdatedLedger) {
  TestBrowser b = signed_in("editor");
  auto list = b.get("/stocktake");
  ASSERT_EQ(list->status, 200);
  EXPECT_TRUE(contains(list->body, "棚卸しを開始"));
  auto started = b.post("/stocktake", {{"title", "令和7年度 定期棚卸し"}, {"note", ""}});
  ASSERT_EQ(started->status, 303);
  const std::string round = round_path(started->get_header_value("Location"));
  ASSERT_FALSE(round.empty());

  auto page = b.get(round);
  ASSERT_EQ(page->status, 200);
  EXPECT_TRUE(contains(page->body, "令和7年度 定期棚卸し"));
  EXPECT_TRUE(contains(page->body, "PC-001 受付端末1 の結果"));

  const core::Plan before = app::load_plan(*ws_);
  const auto pc1 = std::to_string(device(before, "PC-001")->id.value);
  auto moved = b.post(round + "/results",
                      {{"device", pc1}, {"finding", "moved"}, {"new_location", "診察室3"}});
  ASSERT_EQ(moved->status, 303) << moved->body;
  EXPECT_TRUE(contains(moved->get_header_value("Location"), "#item-" + pc1));

  // Refused with the reason, nothing stored.
  b.get(round);
  auto refused = b.post(round + "/results", {{"device", pc1}, {"finding", "moved"}});
  EXPECT_EQ(refused->status, 422);
  EXPECT_TRUE(contains(refused->body, "新しい設置場所を入力してください"));

  auto unlisted = b.post(round + "/results", {{"finding", "unlisted"},
                                              {"found_name", "持ち込み無線ルータ"},
                                              {"found_kind", "network"},
                                              {"found_location", "待合室"}});
  ASSERT_EQ(unlisted->status, 303) << unlisted->body;
  b.get(round);
  auto no_name = b.post(round + "/results", {{"finding", "unlisted"}, {"found_name", ""}});
  EXPECT_EQ(no_name->status, 422);
  EXPECT_TRUE(contains(no_name->body, "機器名を入力してください"));

  auto sheet = b.get(round + "/sheet.pdf");
  ASSERT_EQ(sheet->status, 200);
  EXPECT_EQ(sheet->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(sheet->body.rfind("%PDF", 0), 0u);
  auto report = b.get(round + "/report.html");
  ASSERT_EQ(report->status, 200);
  EXPECT_TRUE(contains(report->body, "持ち込み無線ルータ"));
  EXPECT_TRUE(contains(report->get_header_value("Content-Security-Policy"), "script-src") == false);

  // Closing with unchecked devices needs the box ticked.
  b.get(round);
  auto not_yet = b.post(round + "/close", {});
  EXPECT_EQ(not_yet->status, 422);
  EXPECT_TRUE(contains(not_yet->body, "未確認の機器が"));
  auto closed = b.post(round + "/close", {{"allow_unchecked", "1"}});
  ASSERT_EQ(closed->status, 303) << closed->body;
  auto after_page = b.get(round);
  EXPECT_TRUE(contains(after_page->body, "台帳への反映"));
  EXPECT_FALSE(contains(after_page->body, "PC-001 受付端末1 の結果"));  // no more forms

  const core::Plan after = app::load_plan(*ws_);
  EXPECT_EQ(device(after, "PC-001")->location, "診察室3");
  EXPECT_EQ(after.devices.size(), before.devices.size() + 1);
  EXPECT_EQ(after.devices.back().name, "持ち込み無線ルータ");
}

TEST_F(WebServerTest, ViewersSeeStocktakesButCannotStartOrRecord) {
  auto started = app::start_stocktake(*ws_, app::cli_actor(), "点検", "");
  ASSERT_TRUE(started.round);
  TestBrowser viewer = signed_in("viewer");
  auto page = viewer.get("/stocktake/" + started.round->id.value);
  ASSERT_EQ(page->status, 200);
  EXPECT_FALSE(contains(page->body, "の結果\""));
  EXPECT_FALSE(contains(viewer.get("/stocktake")->body, "棚卸しを開始"));
  auto post = viewer.post("/stocktake/" + started.round->id.value + "/results",
                          {{"device", "1"}, {"finding", "confirmed"}});
  EXPECT_EQ(post->status, 403);
  EXPECT_EQ(viewer.post("/backups/1/runs", {{"result", "ok"}})->status, 403);
  EXPECT_EQ(viewer.get("/stocktake/" + std::string(32, 'f'))->status, 404);
}

TEST_F(WebServerTest, BackupRunsAndRestoreTestsFromTheBackupPage) {
  TestBrowser b = signed_in("editor");
  auto page = b.get("/backups");
  ASSERT_EQ(page->status, 200);
  // Each form says what it records; the time is typed as on every page.
  EXPECT_TRUE(contains(page->body, "バックアップの実施を記録</h3>"));
  EXPECT_TRUE(contains(page->body, "復旧テストの結果を記録</h3>"));
  EXPECT_FALSE(contains(page->body, "datetime-local"));
  EXPECT_TRUE(contains(page->body, "input--datetime"));
  auto run = b.post("/backups/1/runs", {{"result", "ok"}, {"at", "2025-04-01 02:00"}});
  ASSERT_EQ(run->status, 303) << run->body;
  page = b.get("/backups");
  EXPECT_TRUE(contains(page->body, "2025-04-01 02:00"));
  auto picker = b.post("/backups/1/runs", {{"result", "ok"}, {"at", "2025-04-02T02:00"}});
  ASSERT_EQ(picker->status, 303) << picker->body;  // a date-time picker's form still reads
  b.get("/backups");
  auto unreadable = b.post("/backups/1/runs", {{"result", "ok"}, {"at", "きのうの夜"}});
  EXPECT_EQ(unreadable->status, 422);
  EXPECT_TRUE(contains(unreadable->body, "日時を読めません"));

  auto bad_minutes = b.post("/backups/1/restore-tests", {{"result", "ok"}, {"minutes", "abc"}});
  EXPECT_EQ(bad_minutes->status, 422);
  EXPECT_TRUE(contains(bad_minutes->body, "分で入力してください"));
  EXPECT_TRUE(contains(bad_minutes->body, "value=\"abc\""));
  b.get("/backups");
  auto future = b.post("/backups/1/runs", {{"result", "ok"}, {"at", "2999-01-01T00:00"}});
  EXPECT_EQ(future->status, 422);
  EXPECT_TRUE(contains(future->body, "未来"));
  b.get("/backups");
  auto test = b.post("/backups/1/restore-tests",
                     {{"result", "ok"}, {"minutes", "95"}, {"note", "検証用PCへ復元"}});
  ASSERT_EQ(test->status, 303) << test->body;
  page = b.get("/backups");
  EXPECT_TRUE(contains(page->body, "95 分"));
  EXPECT_TRUE(contains(page->body, "検証用PCへ復元"));
}

// medbcp's own database: its backups (written by the daily timer) and the
// copy off the machine an administrator records on the backup page.
TEST_F(WebServerTest, TheBackupPageRecordsACopyOfMedbcpsOwnBackupOffTheMachine) {
  TestBrowser admin = signed_in("admin");
  if (ws_->db().dialect() == "postgres") {  // backed up by PostgreSQL's own tools
    EXPECT_FALSE(contains(admin.get("/backups")->body, "medbcp 自身のバックアップ"));
    return;
  }
  EXPECT_FALSE(contains(admin.get("/backups")->body, "/backups/own/copied"));  // none yet
  const auto backup = app::backup_into_folder(*ws_, app::cli_actor(), (dir_ / "own").string(), {},
                                              core::Instant::now());
  ASSERT_TRUE(backup.backup.verification.ok());
  auto page = admin.get("/backups");
  EXPECT_TRUE(contains(page->body, "medbcp 自身のバックアップ"));
  EXPECT_TRUE(contains(page->body, "/backups/own/copied"));
  EXPECT_TRUE(contains(admin.get("/")->body, "medbcp のバックアップの複製"));  // a reminder

  // An editor may not; an empty destination is named; then it is recorded.
  TestBrowser editor = signed_in("editor");
  editor.get("/backups");
  EXPECT_EQ(editor.post("/backups/own/copied", {{"to", "USB"}})->status, 403);
  auto empty = admin.post("/backups/own/copied", {{"to", ""}});
  EXPECT_EQ(empty->status, 422);
  EXPECT_TRUE(contains(empty->body, "複製した先"));
  admin.get("/backups");
  auto copied = admin.post("/backups/own/copied", {{"to", "USBディスク（金庫）"}});
  ASSERT_EQ(copied->status, 303) << copied->body;
  EXPECT_TRUE(contains(admin.get("/backups")->body, "（USBディスク（金庫））"));
  EXPECT_FALSE(contains(admin.get("/")->body, "medbcp のバックアップの複製"));
}

// The administrator's メール設定: saved with each mistake named, a test
// message that cannot be sent says why, and a queued message the server
// could not send shows on the 点検 page.
TEST_F(WebServerTest, MailSettingsAreSavedTestedAndFailuresShownOnTheChecksPage) {
  TestBrowser editor = signed_in("editor");
  EXPECT_EQ(editor.get("/settings/mail")->status, 403);
  TestBrowser admin = signed_in("admin");
  auto page = admin.get("/settings/mail");
  ASSERT_EQ(page->status, 200);
  EXPECT_TRUE(contains(page->body, "送信の設定"));
  auto bad = admin.post("/settings/mail", {{"enabled", "1"},
                                           {"smtp_url", "http://mail.example"},
                                           {"from_address", "medbcp"},
                                           {"digest_to", "ok@clinic.example\nnot an address"}});
  EXPECT_EQ(bad->status, 422);
  EXPECT_TRUE(contains(bad->body, "smtp://ホスト名:587"));
  EXPECT_TRUE(contains(bad->body, "2件目のアドレス"));
  admin.get("/settings/mail");
  // Port 1 on loopback: nobody listens, the connection is refused at once.
  auto saved = admin.post("/settings/mail", {{"enabled", "1"},
                                             {"smtp_url", "smtp://127.0.0.1:1"},
                                             {"starttls", "0"},
                                             {"from_address", "medbcp@clinic.example"},
                                             {"charset", "iso-2022-jp"}});
  ASSERT_EQ(saved->status, 303) << saved->body;
  const app::Actor cli{core::UserId(), "cli", app::Role::Admin};
  EXPECT_EQ(app::mail_settings(*ws_, cli).charset, app::MailCharset::Iso2022Jp);
  page = admin.get("/settings/mail");
  EXPECT_TRUE(contains(page->body, "smtp://127.0.0.1:1"));
  auto test = admin.post("/settings/mail/test", {{"to", "incho@clinic.example"}});
  EXPECT_EQ(test->status, 422);
  EXPECT_TRUE(contains(test->body, "接続できません"));

  // A report queues its notice; the server cannot send it: the 点検 page says so.
  ASSERT_TRUE(app::update_plan(*ws_, cli, [](core::Plan& p) {
                p.officer.email = "incho@clinic.example";
              }).empty());
  app::StartIncidentRequest r;
  r.threat = core::ThreatKind::Malware;
  r.discovery.discoverer = "受付";
  r.discovery.discovered_at = core::Instant::now();
  r.discovery.situation = "受付PCに脅迫文";
  r.separate_from_open = true;
  const auto started = app::start_incident(*ws_, cli, r, core::Instant::now());
  ASSERT_TRUE(started.problems.empty()) << started.problems[0].message;
  // (The server's own worker may have tried first: either way it failed.)
  app::deliver_mail(*ws_, core::Instant::now());
  auto checks = admin.get("/checks");
  EXPECT_TRUE(contains(checks->body, "送れていないメール"));
  EXPECT_TRUE(contains(checks->body, "インシデントが報告されました"));
}

// Those who keep the plan see every reminder in groups, the most urgent
// group first; a 職員 sees what is theirs: the devices they look after.
TEST_F(WebServerTest, TheChecksPageGroupsForEditorsAndShowsStaffTheirOwn) {
  const app::Actor cli{core::UserId(), "cli", app::Role::Admin};
  std::string asset;
  ASSERT_TRUE(app::update_plan(*ws_, cli, [&](core::Plan& p) {
                auto& d = p.devices[5];
                d.manager = "staff";
                d.introduced = core::Date{2015, 4, 1};
                d.support_end = core::Date{2020, 1, 14};
                asset = d.asset_number;
              }).empty());

  TestBrowser editor = signed_in("editor");
  const std::string all = editor.get("/checks")->body;
  EXPECT_TRUE(contains(all, "reminder-group__title")) << all;
  EXPECT_TRUE(contains(all, "機器（別紙２）"));
  EXPECT_TRUE(contains(all, "外部連絡先の確認"));

  TestBrowser staff = signed_in("staff");
  const std::string own = staff.get("/checks")->body;
  EXPECT_TRUE(contains(own, "あなたがすること"));
  EXPECT_TRUE(contains(own, asset)) << own;
  EXPECT_TRUE(contains(own, "あなたが管理者の機器です"));
  EXPECT_TRUE(contains(own, "そのほかの点検"));
  EXPECT_FALSE(contains(own, "外部連絡先の確認"));
  EXPECT_FALSE(contains(own, "周期を保存"));
  EXPECT_FALSE(contains(own, "reminder-group__title"));
  // The dashboard says the same: theirs, and the rest as a count.
  const std::string dashboard = staff.get("/")->body;
  EXPECT_TRUE(contains(dashboard, "管理者・担当者が行う点検が")) << dashboard;
  EXPECT_TRUE(contains(dashboard, asset));
  EXPECT_FALSE(contains(editor.get("/")->body, "管理者・担当者が行う点検が"));
}

// The checklist page: proposals from the records, an editor's answer (いいえ
// needs its target date), viewers read, the printout for those who export.
TEST_F(WebServerTest, TheChecklistPageProposesAndTakesAnswers) {
  TestBrowser editor = signed_in("editor");
  auto page = editor.get("/checklist");
  ASSERT_EQ(page->status, 200);
  EXPECT_TRUE(contains(page->body, "id=\"checklist-1-1\""));
  EXPECT_TRUE(contains(page->body, "記録からの提案"));
  EXPECT_TRUE(contains(page->body, "action=\"/checklist/items/2-4\""));
  EXPECT_TRUE(contains(page->body, "BCP確認表"));

  auto refused = editor.post("/checklist/items/2-4", {{"answer", "no"}});
  EXPECT_EQ(refused->status, 422);
  EXPECT_TRUE(contains(refused->body, "目標日が必要"));
  editor.get("/checklist");
  auto bad_date = editor.post("/checklist/items/2-4", {{"answer", "no"}, {"target_on", "来年"}});
  EXPECT_EQ(bad_date->status, 422);
  editor.get("/checklist");
  auto answered =
      editor.post("/checklist/items/2-4",
                  {{"answer", "no"}, {"target_on", "令和9年3月31日"}, {"note", "業者に依頼済み"}});
  ASSERT_EQ(answered->status, 303) << answered->body;
  page = editor.get("/checklist");
  EXPECT_TRUE(contains(page->body, "業者に依頼済み"));
  EXPECT_TRUE(contains(page->body, "・目標日 令和"));
  editor.get("/checklist");
  EXPECT_EQ(editor.post("/checklist/items/9-9", {{"answer", "yes"}})->status, 422);

  auto pdf = editor.get("/checklist.pdf");
  ASSERT_EQ(pdf->status, 200);
  EXPECT_EQ(pdf->body.substr(0, 5), "%PDF-");

  // 事業者確認用: a sheet per vendor, and a return that is not one is refused.
  EXPECT_TRUE(contains(page->body, "事業者確認用"));
  auto sheet = editor.get("/checklist/vendors/1.xlsx");
  ASSERT_EQ(sheet->status, 200);
  EXPECT_EQ(sheet->body.substr(0, 2), "PK");
  EXPECT_TRUE(contains(page->body, "/checklist/vendors/1.pdf"));
  auto printed = editor.get("/checklist/vendors/1.pdf");
  ASSERT_EQ(printed->status, 200);
  EXPECT_EQ(printed->body.substr(0, 5), "%PDF-");
  EXPECT_EQ(editor.get("/checklist/vendors/999.xlsx")->status, 404);
  EXPECT_EQ(editor.get("/checklist/vendors/999.pdf")->status, 404);
  editor.get("/checklist");
  auto not_a_sheet =
      editor.post_multipart("/checklist/vendors", {{"sheet", "ID,項目\n", "back.csv", "text/csv"}});
  EXPECT_EQ(not_a_sheet->status, 422);
  EXPECT_TRUE(contains(not_a_sheet->body, "XLSX"));
  editor.get("/checklist");
  auto unanswered = editor.post_multipart(
      "/checklist/vendors", {{"sheet", sheet->body, "vendor-e1.xlsx", "application/octet-stream"}});
  EXPECT_EQ(unanswered->status, 422);
  EXPECT_TRUE(contains(unanswered->body, "回答のある行が一つもありません"));

  // A plan without 別紙１'s outside contacts: the BCP確認表 items it no
  // longer covers are gaps on the dashboard, linking to the checklist.
  EXPECT_FALSE(contains(editor.get("/")->body, "BCP確認表で計画にない項目"));
  const app::Actor cli{core::UserId(), "cli", app::Role::Admin};
  ASSERT_TRUE(app::update_plan(*ws_, cli, [](core::Plan& p) {
                for (auto& s : p.systems) s.vendor.reset();
                p.external_contacts.clear();
              }).empty());
  const std::string dashboard = editor.get("/")->body;
  EXPECT_TRUE(contains(dashboard, "BCP確認表で計画にない項目")) << dashboard;
  EXPECT_TRUE(contains(dashboard, "href=\"/checklist#bcp-1-2-1\""));

  TestBrowser viewer = signed_in("viewer");
  page = viewer.get("/checklist");
  EXPECT_EQ(page->status, 200);
  EXPECT_FALSE(contains(page->body, "action=\"/checklist/items/"));
  EXPECT_EQ(viewer.post("/checklist/items/1-1", {{"answer", "yes"}})->status, 403);
  EXPECT_EQ(viewer.get("/checklist.pdf")->status, 403);
}

TEST_F(WebServerTest, TheChecksPageVerifiesContactsReviewsThePlanAndKeepsSettings) {
  TestBrowser b = signed_in("editor");
  auto page = b.get("/checks");
  ASSERT_EQ(page->status, 200);
  EXPECT_TRUE(contains(page->body, "外部連絡先の確認"));
  const auto contact = app::load_plan(*ws_).external_contacts.front();
  auto verified = b.post("/checks/contacts/" + std::to_string(contact.id.value), {});
  ASSERT_EQ(verified->status, 303);
  EXPECT_EQ(app::load_plan(*ws_).external_contacts.front().last_verified,
            core::Instant::now().tokyo_date());

  b.get("/checks");
  auto review = b.post("/checks/review", {{"reviewed_on", "令和7年4月1日"}, {"note", "年次"}});
  ASSERT_EQ(review->status, 303) << review->body;
  b.get("/checks");
  auto bad_date = b.post("/checks/review", {{"reviewed_on", "きのう"}});
  EXPECT_EQ(bad_date->status, 422);

  b.get("/checks");
  auto bad = b.post("/checks/settings", {{"stocktake_cycle_days", "0"},
                                         {"restore_test_months", "12"},
                                         {"contact_verify_months", "12"},
                                         {"plan_review_months", "12"},
                                         {"due_soon_days", "30"},
                                         {"support_end_warning_days", "90"}});
  EXPECT_EQ(bad->status, 422);
  EXPECT_TRUE(contains(bad->body, "棚卸しの周期（日）は 1〜3660"));
  b.get("/checks");
  auto saved = b.post("/checks/settings", {{"stocktake_cycle_days", "180"},
                                           {"restore_test_months", "12"},
                                           {"contact_verify_months", "12"},
                                           {"plan_review_months", "12"},
                                           {"due_soon_days", "30"},
                                           {"support_end_warning_days", "90"}});
  ASSERT_EQ(saved->status, 303);
  EXPECT_TRUE(contains(b.get("/checks")->body, "value=\"180\""));
}

}  // namespace
}  // namespace medbcp::web
