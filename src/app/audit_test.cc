// The audit log: what the triggers and the app write, that it cannot be
// edited, who may read it, and a CSV export that is safe to open in Excel.
#include "app/audit.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "app/clinic_backup_runs.h"
#include "app/database_backup.h"
#include "app/device_import.h"
#include "app/incident_export.h"
#include "app/kit.h"
#include "app/plan_service.h"
#include "app/render.h"
#include "app/sessions.h"
#include "app/users.h"
#include "store/audit_store.h"
#include "store/database_test_util.h"
#include "store/incident_store.h"

namespace medbcp::app {
namespace {

namespace fs = std::filesystem;

class Audit : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("medbcp-audit-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    ws_ = Workspace::open(store::test_database_location(dir_ / "live.db"));
  }
  void TearDown() override {
    ws_.reset();
    fs::remove_all(dir_);
  }
  // The rows as the store holds them, oldest first.
  std::vector<store::AuditRecord> rows(const std::string& action = "") {
    std::vector<store::AuditRecord> out;
    store::AuditQuery q;
    q.action = action;
    store::for_each_audit(ws_->db(), q, [&](const store::AuditRecord& r) { out.push_back(r); });
    return out;
  }
  Actor admin() {
    if (!has_users(*ws_)) {
      EXPECT_TRUE(create_first_admin(*ws_, "kanri", "correct horse battery").empty());
    }
    auto user = store_user("kanri");
    return Actor{user, "kanri", Role::Admin};
  }
  core::UserId store_user(const std::string& name) {
    auto stmt = ws_->db().prepare("SELECT id FROM users WHERE name = ?");
    stmt->bind(1, name);
    EXPECT_TRUE(stmt->step());
    return core::UserId(stmt->integer(0));
  }
  fs::path dir_;
  std::unique_ptr<Workspace> ws_;
};

TEST_F(Audit, SignInsGoodAndBadAreRecordedWithNameAndAddress) {
  admin();
  core::Instant now{1711940400};
  EXPECT_EQ(sign_in(*ws_, "kanri", "wrong password!", "192.0.2.7", now).outcome,
            SignInOutcome::WrongCredentials);
  EXPECT_EQ(sign_in(*ws_, "nobody", "whatever123", "192.0.2.8", now).outcome,
            SignInOutcome::WrongCredentials);
  EXPECT_EQ(sign_in(*ws_, "kanri", "correct horse battery", "192.0.2.7", now).outcome,
            SignInOutcome::SignedIn);

  auto failed = rows("sign_in_failed");
  ASSERT_EQ(failed.size(), 2u);
  EXPECT_EQ(failed[0].actor_name, "kanri");
  EXPECT_EQ(failed[0].remote, "192.0.2.7");
  EXPECT_EQ(failed[0].at, now.seconds);
  EXPECT_EQ(failed[1].actor_name, "nobody");
  EXPECT_FALSE(failed[1].actor_id.has_value());
  auto good = rows("sign_in");
  ASSERT_EQ(good.size(), 1u);
  EXPECT_EQ(good[0].actor_id, store_user("kanri").value);
}

TEST_F(Audit, ThrottledSignInsAreRecordedOncePerWindow) {
  core::Instant now{1711940400};
  for (int i = 0; i < 50; ++i) {
    audit_throttled_sign_in(*ws_, "kanri", "192.0.2.9", core::Instant{now.seconds + i}, 900);
  }
  EXPECT_EQ(rows("sign_in_throttled").size(), 1u);
  audit_throttled_sign_in(*ws_, "kanri", "192.0.2.10", now, 900);
  audit_throttled_sign_in(*ws_, "kanri", "192.0.2.9", core::Instant{now.seconds + 901}, 900);
  EXPECT_EQ(rows("sign_in_throttled").size(), 3u);
}

TEST_F(Audit, AccountsAndSignOutsAreRecordedWithWhoDidWhatToWhom) {
  const Actor a = admin();
  ASSERT_TRUE(add_user(*ws_, a, "uketsuke", Role::Staff, "correct horse staple").empty());
  const core::UserId id = store_user("uketsuke");
  ASSERT_TRUE(set_user_role(*ws_, a, id, Role::Editor).empty());
  ASSERT_TRUE(set_user_active(*ws_, a, id, false).empty());
  ASSERT_TRUE(set_user_active(*ws_, a, id, true).empty());
  ASSERT_TRUE(reset_password(*ws_, a, id, "another horse staple").empty());
  const Actor staff{id, "uketsuke", Role::Editor};
  ASSERT_TRUE(
      change_own_password(*ws_, staff, "another horse staple", "third horse staple x").empty());
  auto signed_in =
      sign_in(*ws_, "uketsuke", "third horse staple x", "10.0.0.5", core::Instant::now());
  ASSERT_EQ(signed_in.outcome, SignInOutcome::SignedIn);
  sign_out(*ws_, signed_in.session->token);

  ASSERT_EQ(rows("user_add").size(), 2u);  // the first administrator too
  EXPECT_EQ(rows("user_add")[1].actor_name, "kanri");
  EXPECT_EQ(rows("user_add")[1].target, "uketsuke");
  ASSERT_EQ(rows("user_role").size(), 1u);
  EXPECT_NE(rows("user_role")[0].detail.find("→"), std::string::npos);
  EXPECT_EQ(rows("user_active").size(), 2u);
  EXPECT_EQ(rows("password_reset").size(), 1u);
  ASSERT_EQ(rows("password_change").size(), 1u);
  EXPECT_EQ(rows("password_change")[0].actor_name, "uketsuke");
  ASSERT_EQ(rows("sign_out").size(), 1u);
  EXPECT_EQ(rows("sign_out")[0].actor_name, "uketsuke");
}

TEST_F(Audit, PlanChangesAreRecordedWithWhoAndWhichSection) {
  Actor editor{core::UserId(), "事務長", Role::Editor};
  init_plan(*ws_, editor, "監査医院", false);
  ASSERT_TRUE(update_plan(*ws_, editor, [](core::Plan& p) { p.facility.phone = "054-1"; }).empty());
  auto changes = rows("plan_change");
  ASSERT_FALSE(changes.empty());
  EXPECT_EQ(changes.back().actor_name, "事務長");
  EXPECT_EQ(changes.back().target, "facility");
  EXPECT_FALSE(changes.back().actor_id.has_value());
  EXPECT_GT(changes.back().at, 1700000000);
  // People read the section's title, on the page and in the CSV.
  const AuditPage page = list_audit_log(*ws_, Actor{core::UserId(), "cli", Role::Admin},
                                        AuditFilter{{}, {}, "plan_change", ""}, 1, 10);
  ASSERT_FALSE(page.entries.empty());
  EXPECT_EQ(page.entries.front().target, core::label(core::Section::Facility));
  EXPECT_NE(export_audit_csv(*ws_, Actor{core::UserId(), "cli", Role::Admin}, {})
                .find(core::label(core::Section::Facility)),
            std::string::npos);
}

TEST_F(Audit, TimelineEntriesAreRecordedWithTheirAuthor) {
  store::Database& db = ws_->db();
  core::Incident i;
  i.title = "不審なメール";
  i.discovery.discovered_at = core::Instant{1711940400};
  i.aware_at = i.discovery.discovered_at;
  i.opened_at = core::Instant{1711940500};
  i.opened_by = "佐藤";
  store::Transaction tx(db);
  core::IncidentId id = store::insert_incident(db, i);
  core::TimelineEntry e;
  e.id = core::new_entry_id();
  e.incident = id;
  e.kind = core::EntryKind::Action;
  e.occurred_at = core::Instant{1711940600};
  e.recorded_at = core::Instant{1711940660};
  e.author = "鈴木";
  e.text = "LANケーブルを抜いた";
  store::append_timeline_entry(db, e);
  tx.commit();

  auto opened = rows("incident_open");
  ASSERT_EQ(opened.size(), 1u);
  EXPECT_EQ(opened[0].actor_name, "佐藤");
  EXPECT_EQ(opened[0].detail, "不審なメール");
  auto entries = rows("timeline_entry");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].actor_name, "鈴木");
  EXPECT_EQ(entries[0].at, 1711940660);
  EXPECT_NE(entries[0].detail.find(e.id), std::string::npos);  // stored as the trigger wrote it

  // People read the entry's kind and its No. on the timeline, not the id.
  const std::int64_t no = store::load_timeline(db, id).at(0).seq;
  const std::string shown = std::string("対応（No.").append(std::to_string(no)).append("）");
  AuditFilter only_entries;
  only_entries.action = "timeline_entry";
  const AuditPage page = list_audit_log(*ws_, admin(), only_entries, 1, 10);
  ASSERT_EQ(page.entries.size(), 1u);
  EXPECT_EQ(page.entries[0].detail, shown);
  EXPECT_EQ(page.entries[0].target, "インシデント No." + std::to_string(id.value));
  const std::string csv = export_audit_csv(*ws_, admin(), only_entries);
  EXPECT_NE(csv.find(shown), std::string::npos) << csv;
  EXPECT_EQ(csv.find(e.id), std::string::npos) << csv;
}

TEST_F(Audit, BackupOutcomesReadInJapanese) {
  const Actor cli{core::UserId(), "事務長", Role::Admin};
  ASSERT_TRUE(ensure_demo_plan(*ws_, cli));
  const core::Plan plan = load_plan(*ws_);
  ASSERT_FALSE(plan.backups.empty());
  ASSERT_TRUE(record_backup_run(*ws_, cli, plan.backups[0].id, core::Outcome::Failed,
                                core::Instant::now(), "")
                  .problems.empty());
  AuditFilter runs;
  runs.action = "backup_run";
  const AuditPage page = list_audit_log(*ws_, admin(), runs, 1, 100);
  ASSERT_FALSE(page.entries.empty());
  EXPECT_EQ(page.entries.front().detail, "失敗");  // stored as "fail"
}

TEST_F(Audit, EveryExportIsRecordedWithWhoTookWhat) {
  const Actor staff{core::UserId(), "看護師 佐藤", Role::Staff};
  ensure_demo_plan(*ws_, Actor{core::UserId(), "cli", Role::Admin});
  export_plan_json(*ws_, staff);
  render_stored_plan(*ws_, staff, Format::Pdf, {});
  export_devices(*ws_, staff, DeviceExportFormat::Xlsx);
  make_offline_kit(*ws_, staff, core::Instant::now());
  StartIncidentRequest r;
  r.discovery.discoverer = "中村";
  r.discovery.situation = "脅迫文";
  const auto started = start_incident(*ws_, staff, r, core::Instant::now());
  ASSERT_TRUE(started.problems.empty());
  const auto file = export_incident_file(*ws_, staff, started.id, IncidentFile::TimelineCsv,
                                         core::Instant::now());

  const auto exports = rows("export");
  std::vector<std::string> targets;
  for (const auto& e : exports) {
    EXPECT_EQ(e.actor_name, "看護師 佐藤");
    targets.push_back(e.target);
  }
  EXPECT_EQ(targets,
            (std::vector<std::string>{"計画データ（JSON）", "計画書（pdf）", "情報機器台帳（XLSX）",
                                      "オフラインキット", "incident-1-timeline.csv"}));
  EXPECT_NE(exports.back().detail.find(file.head_hash.substr(0, 16)), std::string::npos);
  // A viewer may not take files out, and a refusal leaves no export row.
  const Actor viewer{core::UserId(), "閲覧者", Role::Viewer};
  EXPECT_THROW(export_devices(*ws_, viewer, DeviceExportFormat::CsvUtf8), PermissionDenied);
  EXPECT_EQ(rows("export").size(), exports.size());
}

TEST_F(Audit, TheLogCannotBeEditedOrDeleted) {
  audit(*ws_, Actor{core::UserId(), "cli", Role::Admin}, audit_action::kExport, "plan.json");
  EXPECT_THROW(ws_->db().execute_script("UPDATE audit_log SET actor_name = 'someone else'"),
               store::StoreError);
  EXPECT_THROW(ws_->db().execute_script("DELETE FROM audit_log"), store::StoreError);
  EXPECT_EQ(rows().size(), 1u);
}

TEST_F(Audit, OnlyAdministratorsReadTheLog) {
  Actor editor{core::UserId(7), "担当", Role::Editor};
  EXPECT_THROW(list_audit_log(*ws_, editor, {}, 1, 50), PermissionDenied);
  EXPECT_THROW(export_audit_csv(*ws_, editor, {}), PermissionDenied);
  EXPECT_NO_THROW(list_audit_log(*ws_, admin(), {}, 1, 50));
}

TEST_F(Audit, ListsNewestFirstWithFiltersAndPages) {
  Actor a = admin();
  store::Database& db = ws_->db();
  {
    store::Transaction tx(db);
    // 2024-04-01 23:30 and 2024-04-02 00:30 in Japan time.
    store::append_audit(db,
                        {0, 1711981800, std::nullopt, "a", "", "export", "one", "", std::nullopt});
    store::append_audit(db,
                        {0, 1711985400, std::nullopt, "b", "", "export", "two", "", std::nullopt});
    store::append_audit(
        db, {0, 1711985401, std::nullopt, "b", "", "import", "three", "", std::nullopt});
    tx.commit();
  }
  AuditFilter day2;
  day2.from = core::Date{2024, 4, 2};
  day2.to = core::Date{2024, 4, 2};
  AuditPage page = list_audit_log(*ws_, a, day2, 1, 10);
  ASSERT_EQ(page.total, 2);
  EXPECT_EQ(page.entries[0].target, "three");
  EXPECT_EQ(page.entries[0].action_label, "読み込み");
  EXPECT_EQ(page.entries[1].target, "two");

  AuditFilter exports;
  exports.action = "export";
  AuditPage second = list_audit_log(*ws_, a, exports, 2, 1);
  EXPECT_EQ(second.total, 2);
  ASSERT_EQ(second.entries.size(), 1u);
  EXPECT_EQ(second.entries[0].target, "one");
}

TEST_F(Audit, CsvExportIsForExcelAndNeutralisesFormulas) {
  Actor a = admin();
  core::Instant now{1711940400};  // 2024-04-01 12:00:00 in Japan time
  sign_in(*ws_, "=HYPERLINK(\"http://example.com/\",\"click\")", "x", "192.0.2.1", now);
  std::string csv = export_audit_csv(*ws_, a, {});
  ASSERT_TRUE(csv.starts_with("\xEF\xBB\xBF日時（日本時間）,操作,"));
  EXPECT_NE(csv.find("2024-04-01 12:00:00,ログイン失敗,sign_in_failed,"
                     "\"'=HYPERLINK(\"\"http://example.com/\"\",\"\"click\"\")\",192.0.2.1"),
            std::string::npos)
      << csv;
  // The export is in the log, and so in the file it produced.
  EXPECT_NE(csv.find("監査ログの書き出し"), std::string::npos);
}

TEST_F(Audit, SpreadsheetSafeLeavesOrdinaryTextAlone) {
  EXPECT_EQ(spreadsheet_safe("受付PC"), "受付PC");
  EXPECT_EQ(spreadsheet_safe("a=b"), "a=b");
  EXPECT_EQ(spreadsheet_safe(""), "");
  EXPECT_EQ(spreadsheet_safe("+81-54"), "'+81-54");
  EXPECT_EQ(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(spreadsheet_safe("＝1+1"), "'＝1+1");
}

TEST_F(Audit, BackupAndRestoreAreRecorded) {
  MEDBCP_SQLITE_ONLY();  // medbcp's backup copies a SQLite file
  Actor a = admin();
  init_plan(*ws_, a, "監査医院", false);
  std::string backup = (dir_ / "backup.db").string();
  backup_database(*ws_, a, backup);
  ASSERT_EQ(rows("db_backup").size(), 1u);
  EXPECT_EQ(rows("db_backup")[0].target, backup);
  RestoreReport report = restore_database(*ws_, a, backup, core::Instant::now());
  ASSERT_TRUE(report.restored);
  auto restores = rows("db_restore");
  ASSERT_EQ(restores.size(), 1u);
  EXPECT_NE(restores[0].detail.find(report.replaced_path), std::string::npos);
  EXPECT_EQ(restores[0].actor_name, "kanri");
}

}  // namespace
}  // namespace medbcp::app
