// Correcting what was reported at the start: the leak flag, the 認知 time
// and the affected systems and devices change through a correction entry,
// the deadlines and contacts follow, and a bad revision writes nothing.
#include "app/incident_revision.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "app/plan_service.h"
#include "core/incident_payload.h"
#include "store/database_test_util.h"

namespace medbcp::app {
namespace {

using core::Instant;

// NOLINTNEXTLINE(cert-err58-cpp): a test constant
const Instant kFound = Instant::from_tokyo(core::Date{2024, 6, 3}, 8, 40);

Instant at(std::int64_t minutes) { return Instant{kFound.seconds + minutes * 60}; }

class IncidentRevisionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("medbcp-app-revision-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    ws_ = Workspace::open(store::test_database_location(dir_ / "plan.db"));
    ASSERT_TRUE(ensure_demo_plan(*ws_, officer_));
    plan_ = load_plan(*ws_);
    StartIncidentRequest r;
    r.title = "受付端末に脅迫文";
    r.threat = core::ThreatKind::Malware;
    r.discovery = {"中村 さくら", kFound, "始業時に", "画面に脅迫文", "LANケーブルを抜いた"};
    r.systems = {plan_.systems[0].id};
    r.devices = {plan_.devices[3].id};
    r.aware_at = at(10);
    auto started = start_incident(*ws_, staff_, r, at(15));
    ASSERT_TRUE(started.problems.empty());
    id_ = started.id;
  }
  void TearDown() override {
    ws_.reset();
    std::filesystem::remove_all(dir_);
  }

  IncidentView view(std::int64_t minutes = 60) {
    return load_incident_view(*ws_, officer_, id_, at(minutes));
  }
  static bool has_ppc_deadline(const IncidentView& v) {
    return std::any_of(v.deadlines.begin(), v.deadlines.end(), [](const core::Deadline& d) {
      return d.kind == core::DeadlineKind::PpcPreliminary;
    });
  }

  std::filesystem::path dir_;
  std::unique_ptr<Workspace> ws_;
  core::Plan plan_;
  core::IncidentId id_;
  Actor officer_{core::UserId(1), "桜井 健一", Role::Admin};
  Actor staff_{core::UserId(2), "中村 さくら", Role::Staff};
};

TEST_F(IncidentRevisionTest, ALeakFoundLaterBringsThePpcDeadlinesAndContact) {
  ASSERT_FALSE(has_ppc_deadline(view()));
  FactsRevision r;
  r.personal_data_leak = true;
  r.reason = "業者の調査で患者名簿の送信が確認された";
  auto result = revise_incident_facts(*ws_, officer_, id_, r, at(120));
  ASSERT_TRUE(result.problems.empty()) << result.problems[0].message;
  const auto v = view(130);
  EXPECT_TRUE(v.incident.personal_data_leak);
  EXPECT_TRUE(has_ppc_deadline(v));
  EXPECT_TRUE(std::any_of(v.still_to_reach.begin(), v.still_to_reach.end(), [](const auto& c) {
    return c.category == core::ExternalCategory::PrivacyCommission;
  }));
  // The opening entry stays as written; the correction names it and says why.
  ASSERT_EQ(v.timeline.size(), 2u);
  EXPECT_FALSE(core::read_opening(v.timeline[0].payload)->personal_data_leak);
  EXPECT_EQ(v.timeline[1].kind, core::EntryKind::Correction);
  EXPECT_EQ(v.timeline[1].corrects, v.timeline[0].id);
  EXPECT_NE(v.timeline[1].text.find("個人情報漏えいのおそれ なし → あり"), std::string::npos);
  EXPECT_NE(v.timeline[1].text.find("患者名簿"), std::string::npos);
  EXPECT_EQ(v.timeline[1].author, "桜井 健一");
  EXPECT_TRUE(v.chain.ok());
}

TEST_F(IncidentRevisionTest, ALaterAwareTimeMovesTheDeadlines) {
  FactsRevision leak;
  leak.personal_data_leak = true;
  leak.reason = "漏えいのおそれ";
  ASSERT_TRUE(revise_incident_facts(*ws_, officer_, id_, leak, at(20)).problems.empty());
  const auto due_before = view().deadlines.front().due;
  FactsRevision r;
  r.aware_at = at(60);
  r.reason = "院長が報告を受けたのは9時40分だった";
  auto result = revise_incident_facts(*ws_, officer_, id_, r, at(120));
  ASSERT_TRUE(result.problems.empty()) << result.problems[0].message;
  const auto v = view(130);
  EXPECT_EQ(v.incident.aware_at, at(60));
  EXPECT_TRUE(v.incident.personal_data_leak);  // the earlier correction stands
  EXPECT_EQ(v.deadlines.front().due.seconds - due_before.seconds, 50 * 60);
  EXPECT_NE(v.timeline.back().text.find("認知日時 2024-06-03 08:50 → 2024-06-03 09:40"),
            std::string::npos)
      << v.timeline.back().text;
}

TEST_F(IncidentRevisionTest, SystemsAndDevicesAreAddedAndRemovedByName) {
  FactsRevision r;
  r.systems = std::vector<core::SystemId>{plan_.systems[1].id};
  r.devices = std::vector<core::DeviceId>{plan_.devices[3].id, plan_.devices[0].id};
  r.reason = "医事会計も暗号化されていた";
  auto result = revise_incident_facts(*ws_, officer_, id_, r, at(120));
  ASSERT_TRUE(result.problems.empty()) << result.problems[0].message;
  const auto v = view(130);
  ASSERT_EQ(v.incident.systems.size(), 1u);
  EXPECT_EQ(v.incident.systems[0].name, plan_.systems[1].name);
  ASSERT_EQ(v.incident.devices.size(), 2u);
  EXPECT_EQ(v.incident.devices[1].asset_number, plan_.devices[0].asset_number);
  EXPECT_NE(v.timeline.back().text.find("影響を受けたシステム " + plan_.systems[0].name + " → " +
                                        plan_.systems[1].name),
            std::string::npos)
      << v.timeline.back().text;
}

TEST_F(IncidentRevisionTest, ABadRevisionNamesTheFieldAndWritesNothing) {
  auto refused = [&](const FactsRevision& r, const char* field) {
    auto result = revise_incident_facts(*ws_, officer_, id_, r, at(120));
    ASSERT_FALSE(result.problems.empty()) << field;
    EXPECT_EQ(result.problems[0].field, field);
    EXPECT_FALSE(result.entry);
  };
  FactsRevision no_reason;
  no_reason.personal_data_leak = true;
  refused(no_reason, "reason");
  FactsRevision nothing;
  nothing.personal_data_leak = false;  // as it already is
  nothing.reason = "確認";
  refused(nothing, "revision");
  FactsRevision future;
  future.aware_at = at(24 * 60);
  future.reason = "誤り";
  refused(future, "aware_at");
  FactsRevision same_minute;  // the form shows minutes: its own value is no change
  same_minute.aware_at = Instant{at(10).seconds + 30};
  same_minute.reason = "確認";
  refused(same_minute, "revision");
  FactsRevision before;
  before.aware_at = at(-30);
  before.reason = "誤り";
  refused(before, "aware_at");
  FactsRevision twice;
  twice.systems = std::vector<core::SystemId>{plan_.systems[1].id, plan_.systems[1].id};
  twice.reason = "誤り";
  refused(twice, "systems");
  FactsRevision unknown;
  unknown.devices = std::vector<core::DeviceId>{core::DeviceId(9999)};
  unknown.reason = "誤り";
  refused(unknown, "devices");
  EXPECT_EQ(view().timeline.size(), 1u);
  // Staff report; the 責任者 corrects what the deadlines hang on.
  FactsRevision r;
  r.personal_data_leak = true;
  r.reason = "漏えい";
  EXPECT_THROW(revise_incident_facts(*ws_, staff_, id_, r, at(120)), PermissionDenied);
}

}  // namespace
}  // namespace medbcp::app
