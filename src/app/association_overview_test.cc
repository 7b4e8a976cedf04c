// The association's overview: every facility's counts, kept in the registry
// and recounted only where something was committed since.
#include "app/association_overview.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "app/association_export.h"
#include "app/checklist_service.h"
#include "app/facilities.h"
#include "app/incident_service.h"
#include "app/plan_service.h"
#include "app/readiness_keeper.h"
#include "store/database_test_util.h"
#include "store/facility_registry.h"

namespace medbcp::app {
namespace {

const Actor kConsole{core::UserId(), "cli", Role::Admin};
constexpr core::Date kToday{2026, 12, 6};

core::Instant started_at() { return core::Instant{1796500000}; }

void start_an_incident(Workspace& ws) {
  StartIncidentRequest r;
  r.title = "受付端末に脅迫文";
  r.threat = core::ThreatKind::Malware;
  r.discovery = {"中村", started_at(), "始業時", "脅迫文", "LANケーブルを抜いた"};
  r.aware_at = started_at();
  ASSERT_TRUE(start_incident(ws, kConsole, r, started_at()).problems.empty());
}

TEST(AssociationOverviewOnSqlite, AFileIsOneLine) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("medbcp-overview-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string file = (dir / "clinic.db").string();
  {
    auto ws = Workspace::open(file);
    init_plan(*ws, kConsole, "あおば医院", false);
  }
  const auto rows = association_overview(file, kToday);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].name, "あおば医院");
  EXPECT_TRUE(rows[0].has_plan);
  EXPECT_GT(rows[0].gaps, 0);  // a template plan has 〇〇 to fill
  EXPECT_EQ(rows[0].kit, core::KitState::None);
  std::filesystem::remove_all(dir);
}

class AssociationOverview : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!store::testing_postgres()) GTEST_SKIP() << "no PostgreSQL test server";
    url_ = store::fresh_postgres_database(store::test_postgres_url());
    add_facility(url_, kConsole, "aoba", "あおば医院", core::Instant{1});
    add_facility(url_, kConsole, "sakura", "さくら医院", core::Instant{2});
  }
  std::unique_ptr<Workspace> facility(const std::string& code) {
    return Workspace::open(facility_workspace_location(url_, code));
  }
  void set_stored_gaps(const std::string& code, int gaps) {
    auto db = store::open_database(url_, store::OpenMode::AsIs);
    db->prepare("UPDATE medbcp_registry.facility_readiness SET gaps = ? WHERE schema_name = ?")
        ->bind(1, gaps)
        .bind(2, "f_" + code)
        .run();
  }
  std::string url_;
};

TEST_F(AssociationOverview, ListsEveryFacilityWithItsCountsAndNoContents) {
  {
    auto aoba = facility("aoba");
    start_an_incident(*aoba);
  }
  const auto rows = association_overview(url_, kToday);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].code, "aoba");
  EXPECT_EQ(rows[0].name, "あおば医院");
  EXPECT_EQ(rows[0].open_incidents, 1);
  ASSERT_TRUE(rows[0].open_since);
  EXPECT_EQ(*rows[0].open_since, started_at());
  EXPECT_EQ(rows[1].code, "sakura");
  EXPECT_EQ(rows[1].open_incidents, 0);
  EXPECT_FALSE(rows[1].open_since);
  for (const auto& r : rows) {
    EXPECT_TRUE(r.has_plan);
    EXPECT_GT(r.gaps, 0);
    EXPECT_FALSE(r.edition);  // nothing published yet
    EXPECT_EQ(r.kit, core::KitState::None);
    EXPECT_EQ(r.computed_on, kToday);
  }
}

// A registry made before the checklist and drill counts existed gets their
// columns on the first overview after an upgrade.
TEST_F(AssociationOverview, ARegistryFromBeforeTheChecklistGainsItsColumns) {
  {
    auto db = store::open_database(url_, store::OpenMode::AsIs);
    db->execute_script(
        "ALTER TABLE medbcp_registry.facility_readiness DROP COLUMN checklist_yes,"
        " DROP COLUMN checklist_no, DROP COLUMN checklist_unanswered,"
        " DROP COLUMN checklist_lapsed, DROP COLUMN checklist_target_passed,"
        " DROP COLUMN last_drill");
  }
  const auto rows = association_overview(url_, kToday);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_GT(rows[0].checklist_unanswered, 0);  // counted and stored in the new columns
  EXPECT_EQ(association_overview(url_, kToday).at(0).checklist_unanswered,
            rows[0].checklist_unanswered);
}

TEST_F(AssociationOverview, OnlyFacilitiesThatChangedAreCountedAgain) {
  const auto first = association_overview(url_, kToday);
  ASSERT_EQ(first.size(), 2u);
  const int real_gaps = first[1].gaps;
  // What is stored is what is shown while nothing changes: no plan is opened.
  set_stored_gaps("aoba", 900);
  set_stored_gaps("sakura", 901);
  auto second = association_overview(url_, kToday);
  EXPECT_EQ(second[0].gaps, 900);
  EXPECT_EQ(second[1].gaps, 901);
  // A commit in one facility makes only its line be counted again.
  {
    auto sakura = facility("sakura");
    ASSERT_TRUE(
        update_plan(*sakura, kConsole, [](core::Plan& p) { p.facility.phone = "054-1"; }).empty());
  }
  auto third = association_overview(url_, kToday);
  EXPECT_EQ(third[0].gaps, 900);
  EXPECT_NE(third[1].gaps, 901);
  EXPECT_LE(third[1].gaps, real_gaps);
  // A new day counts everything again: what is overdue depends on the date.
  auto tomorrow = association_overview(url_, kToday.plus_days(1));
  EXPECT_NE(tomorrow[0].gaps, 900);
}

// The association sees each clinic's checklist in counts: an いいえ past its
// target date makes the clinic one that needs attention.
TEST_F(AssociationOverview, TheChecklistIsCountedAndALateTargetNeedsAttention) {
  {
    auto sakura = facility("sakura");
    ChecklistAnswerRequest no;
    no.item_id = "2-9";
    no.target_on = core::Date{2026, 12, 31};
    ASSERT_TRUE(answer_checklist_item(*sakura, kConsole, default_checklist(), no, kToday,
                                      core::Instant::from_tokyo(kToday, 10, 0))
                    .empty());
  }
  auto rows = association_overview(url_, kToday);
  ASSERT_EQ(rows[1].code, "sakura");
  EXPECT_GE(rows[1].checklist_no, 1);
  EXPECT_GT(rows[1].checklist_unanswered, 0);
  EXPECT_EQ(rows[1].checklist_target_passed, 0);
  EXPECT_NE(checklist_text(rows[1]).find("いいえ"), std::string::npos);
  rows = association_overview(url_, core::Date{2027, 1, 10});
  EXPECT_EQ(rows[1].checklist_target_passed, 1);
  EXPECT_TRUE(needs_attention(rows[1]));
  EXPECT_NE(checklist_text(rows[1]).find("目標日超過 1"), std::string::npos);
}

// A page must not wait for every plan: it counts what its budget allows
// and shows the rest as waiting, with whatever was counted before.
TEST_F(AssociationOverview, APageCountsAFewAndMarksTheRestAwaiting) {
  auto directory = FacilityDirectory::for_association(url_);
  auto rows = association_overview(*directory, kToday, 1);  // nothing counted yet
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_FALSE(rows[0].awaiting_count);
  EXPECT_TRUE(rows[0].has_plan);
  EXPECT_TRUE(rows[1].awaiting_count);
  EXPECT_EQ(rows[1].name, "さくら医院");  // the registry's name while it waits
  EXPECT_EQ(recount_stale_readiness(*directory, kToday, 0), 1u);
  EXPECT_EQ(recount_stale_readiness(*directory, kToday, 5), 0u);
  for (const auto& r : association_overview(*directory, kToday, 0)) {
    EXPECT_FALSE(r.awaiting_count) << r.code;
    EXPECT_TRUE(r.has_plan) << r.code;
  }
}

// Another thread (the server's keeper) may be half-way through counting:
// until it saves, the row is waiting, never the old counts shown as fresh.
TEST_F(AssociationOverview, AFacilityBeingCountedIsWaitingNotFresh) {
  auto directory = FacilityDirectory::for_association(url_);
  ASSERT_EQ(recount_stale_readiness(*directory, kToday, 10), 0u);
  set_stored_gaps("sakura", 901);
  store::begin_readiness_count(directory->home().db(), "sakura");
  const auto sakura = association_overview(*directory, kToday, 0)[1];
  EXPECT_TRUE(sakura.awaiting_count);
  EXPECT_EQ(recount_stale_readiness(*directory, kToday, 10), 0u);
  EXPECT_NE(association_overview(*directory, kToday, 0)[1].gaps, 901);
}

TEST_F(AssociationOverview, TheKeeperCountsWhatChangedWithoutBeingAsked) {
  auto directory = FacilityDirectory::for_association(url_);
  const core::Date today = core::Instant::now().tokyo_date();  // the keeper's day
  ASSERT_EQ(recount_stale_readiness(*directory, today, 10), 0u);
  set_stored_gaps("sakura", 901);
  {
    auto sakura = facility("sakura");
    ASSERT_TRUE(
        update_plan(*sakura, kConsole, [](core::Plan& p) { p.facility.phone = "054-1"; }).empty());
  }
  ASSERT_TRUE(association_overview(*directory, today, 0)[1].awaiting_count);
  const ReadinessKeeper keeper(*directory, std::chrono::milliseconds(20));
  core::FacilityReadiness sakura;
  for (int i = 0; i < 500; ++i) {  // at most 10 s
    sakura = association_overview(*directory, today, 0)[1];
    if (!sakura.awaiting_count) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_FALSE(sakura.awaiting_count);
  EXPECT_NE(sakura.gaps, 901);
}

}  // namespace
}  // namespace medbcp::app
