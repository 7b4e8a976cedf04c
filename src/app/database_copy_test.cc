// Moving a clinic in and out of an association's server: the copy holds
// every row, gives the same export bytes and the same final hashes on the
// other engine, refuses to overwrite, and a failed copy leaves nothing.
#include "app/database_copy.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "app/facilities.h"
#include "app/incident_service.h"
#include "app/plan_service.h"
#include "app/publish.h"
#include "app/users.h"
#include "store/database_test_util.h"
#include "store/facility_registry.h"
#include "store/open_database.h"
#include "store/table_copy.h"

namespace medbcp::app {
namespace {

namespace fs = std::filesystem;

const Actor kConsole{core::UserId(), "cli", Role::Admin};

class DatabaseCopy : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / store::unique_test_name("medbcp-copy-");
    fs::create_directories(dir_);
    clinic_ = (dir_ / "clinic.db").string();
    auto ws = Workspace::open(clinic_);
    ensure_demo_plan(*ws, kConsole);
    ASSERT_TRUE(add_user(*ws, kConsole, "nakamura", Role::Staff, "kiku-sakura-ume-7").empty());
    const auto published =
        publish_version(*ws, kConsole, core::Date{2026, 12, 1}, "初版", core::Instant{1796400000});
    ASSERT_TRUE(published.problems.empty());
    std::optional<User> staff;
    for (const auto& u : list_users(*ws, kConsole)) {
      if (u.name == "nakamura") staff = u;
    }
    ASSERT_TRUE(staff);
    ASSERT_TRUE(acknowledge_version(*ws, Actor{staff->id, staff->name, Role::Staff},
                                    published.version->id, core::Instant{1796400100})
                    .empty());
    StartIncidentRequest r;
    r.title = "受付端末に脅迫文";
    r.threat = core::ThreatKind::Malware;
    r.discovery = {"中村", core::Instant{1796500000}, "始業時", "脅迫文", "LANケーブルを抜いた"};
    r.aware_at = core::Instant{1796500000};
    const auto started = start_incident(*ws, kConsole, r, core::Instant{1796500000});
    ASSERT_TRUE(started.problems.empty());
    incident_ = started.id;
    for (int i = 0; i < 5; ++i) {
      LogRequest entry;
      entry.text = "経過 " + std::to_string(i) + "：電子カルテのサーバーを隔離";
      ASSERT_TRUE(log_entry(*ws, kConsole, incident_, entry, core::Instant{1796500100 + i})
                      .problems.empty());
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  // What must be the same on both sides.
  struct Fingerprint {
    std::string plan_json;
    std::string head_hash;
    std::int64_t entries = 0;
    std::size_t versions = 0;
    std::size_t users = 0;
    bool operator==(const Fingerprint&) const = default;
  };
  Fingerprint fingerprint(const std::string& location) {
    auto ws = Workspace::open(location);
    Fingerprint f;
    f.plan_json = export_plan_json(*ws, kConsole);
    const auto chain = verify_incident(*ws, kConsole, incident_);
    EXPECT_TRUE(chain.ok());
    f.head_hash = chain.head_hash;
    f.entries = chain.entries;
    f.versions = list_versions(*ws).size();
    f.users = list_users(*ws, kConsole).size();
    return f;
  }

  fs::path dir_;
  std::string clinic_;
  core::IncidentId incident_;
};

TEST_F(DatabaseCopy, AFileCopiedToANewFileIsTheSame) {
  const auto before = fingerprint(clinic_);
  const std::string copy = (dir_ / "copy.db").string();
  const auto report = copy_facility(clinic_, copy, "", core::Instant{1796600000});
  EXPECT_GT(report.rows, 20);
  EXPECT_TRUE(report.verification.ok());
  EXPECT_EQ(fingerprint(copy), before);
  EXPECT_EQ(before.entries, 6);  // the start with its report, and the five entries
  // Never over an existing file, which stays as it was.
  const auto size = fs::file_size(copy);
  EXPECT_THROW(copy_facility(clinic_, copy, "", core::Instant{1796600000}), std::runtime_error);
  EXPECT_EQ(fs::file_size(copy), size);
  for (const auto& entry : fs::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().filename().string().find(".copying"), std::string::npos);
  }
}

TEST_F(DatabaseCopy, IntoPostgresAndBackGivesTheSameBytesAndHashes) {
  if (!store::testing_postgres()) GTEST_SKIP() << "no PostgreSQL test server";
  const std::string url = store::fresh_postgres_database(store::test_postgres_url());
  add_facility(url, kConsole, "sakura", "さくら医院", core::Instant{1});
  const auto before = fingerprint(clinic_);

  // In: a new facility of the association.
  const auto in = copy_facility(clinic_, url, "aoba", core::Instant{1796600000});
  EXPECT_EQ(in.facility_code, "aoba");
  const std::string aoba = facility_workspace_location(url, "aoba");
  EXPECT_EQ(fingerprint(aoba), before);
  // Its ids go on after the copied ones: a new entry is the next in the chain.
  {
    auto ws = Workspace::open(aoba);
    LogRequest entry;
    entry.text = "移行後の記録";
    ASSERT_TRUE(
        log_entry(*ws, kConsole, incident_, entry, core::Instant{1796700000}).problems.empty());
    ASSERT_TRUE(add_user(*ws, kConsole, "suzuki", Role::Viewer, "kiku-sakura-ume-8").empty());
    EXPECT_TRUE(verify_incident(*ws, kConsole, incident_).ok());
  }
  const auto moved = fingerprint(aoba);

  // Out again: a file for the clinic's laptop, the same as the facility.
  const std::string out = (dir_ / "out.db").string();
  copy_facility(url, out, "aoba", core::Instant{1796800000});
  EXPECT_EQ(fingerprint(out), moved);

  // Not over a facility that exists; the registry and さくら unchanged.
  EXPECT_THROW(copy_facility(clinic_, url, "sakura", core::Instant{1796600000}),
               std::runtime_error);
  EXPECT_EQ(list_facilities(url).size(), 2u);
  EXPECT_EQ(load_plan(*Workspace::open(facility_workspace_location(url, "sakura"))).facility.name,
            "さくら医院");
  // To PostgreSQL, a code is needed (a usage error).
  EXPECT_THROW(copy_facility(clinic_, url, "", core::Instant{1796600000}), FacilityNotChosen);
}

TEST_F(DatabaseCopy, ACopyThatFailsHalfWayLeavesNoFacility) {
  if (!store::testing_postgres()) GTEST_SKIP() << "no PostgreSQL test server";
  const std::string url = store::fresh_postgres_database(store::test_postgres_url());
  add_facility(url, kConsole, "sakura", "さくら医院", core::Instant{1});
  // A source whose timeline was tampered with: the copy's check refuses it
  // after every row went in, and the facility goes again.
  {
    auto db = store::open_database(clinic_, store::OpenMode::AsIs);
    std::vector<std::string> guards;
    auto stmt = db->prepare(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'timeline_entries'");
    while (stmt->step()) guards.push_back(stmt->text(0));
    stmt.reset();
    for (const auto& g : guards) db->execute_script("DROP TRIGGER " + g);
    db->execute_script("UPDATE timeline_entries SET payload = payload || 'x' WHERE seq = 3");
  }
  EXPECT_THROW(copy_facility(clinic_, url, "aoba", core::Instant{1796600000}), std::runtime_error);
  const auto facilities = list_facilities(url);
  ASSERT_EQ(facilities.size(), 1u);
  EXPECT_EQ(facilities[0].code, "sakura");
  auto db = store::open_database(url, store::OpenMode::AsIs);
  auto schemas = db->prepare("SELECT count(*) FROM pg_namespace WHERE nspname = 'f_aoba'");
  ASSERT_TRUE(schemas->step());
  EXPECT_EQ(schemas->integer(0), 0);
}

}  // namespace
}  // namespace medbcp::app
