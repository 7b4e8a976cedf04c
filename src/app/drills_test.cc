// Drills: started from a scenario, run on the incident machinery, never
// counted as a real incident, measured, ended with findings that become
// tasks; the training record, the reminders and the checklist follow.
#include "app/drills.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "app/association_overview.h"
#include "app/checklist_service.h"
#include "app/drill_output.h"
#include "app/plan_service.h"
#include "app/reminders.h"
#include "store/database_test_util.h"
#include "store/incident_store.h"

namespace medbcp::app {
namespace {

using core::Instant;

// NOLINTNEXTLINE(cert-err58-cpp): a test constant
const Instant kStart = Instant::from_tokyo(core::Date{2026, 11, 2}, 9, 0);

Instant at(std::int64_t minutes) { return Instant{kStart.seconds + minutes * 60}; }

class DrillTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("medbcp-app-drill-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    ws_ = Workspace::open(store::test_database_location(dir_ / "plan.db"));
    ASSERT_TRUE(ensure_demo_plan(*ws_, officer_));
    plan_ = load_plan(*ws_);
  }
  void TearDown() override {
    ws_.reset();
    std::filesystem::remove_all(dir_);
  }

  core::IncidentId start(const std::string& scenario = "ransomware-monday", Instant when = kStart) {
    StartDrillRequest r;
    r.scenario_code = scenario;
    r.participants = {{"中村 さくら", "発見者（受付）"},
                      {"桜井 健一", "医療情報システム安全管理責任者"},
                      {"山田 花子", "事務長"}};
    auto started = start_drill(*ws_, officer_, catalog_, r, when);
    EXPECT_TRUE(started.problems.empty()) << started.problems[0].message;
    return started.id;
  }
  std::size_t incident_rows() { return store::list_incidents(ws_->db()).size(); }

  std::filesystem::path dir_;
  std::unique_ptr<Workspace> ws_;
  core::Plan plan_;
  ScenarioCatalog catalog_ = load_scenarios();
  Actor officer_{core::UserId(1), "桜井 健一", Role::Admin};
  Actor staff_{core::UserId(2), "中村 さくら", Role::Staff};
};

TEST(DrillScenarios, FourBuiltInScenariosCoverTheTemplatesEvents) {
  const auto catalog = load_scenarios();
  EXPECT_TRUE(catalog.problems.empty());
  ASSERT_EQ(catalog.scenarios.size(), 4u) << catalog.codes();
  std::vector<core::ThreatKind> threats;
  for (const auto& s : catalog.scenarios) {
    threats.push_back(s.threat);
    EXPECT_FALSE(s.briefing.empty()) << s.code;
    EXPECT_GE(s.roles.size(), 3u) << s.code;
    EXPECT_GE(s.injects.size(), 3u) << s.code;
  }
  for (auto t : {core::ThreatKind::Malware, core::ThreatKind::TargetedEmail,
                 core::ThreatKind::UnauthorizedAccess, core::ThreatKind::Precursor}) {
    EXPECT_NE(std::find(threats.begin(), threats.end(), t), threats.end());
  }
  const auto* monday = catalog.find("ransomware-monday");
  ASSERT_NE(monday, nullptr);
  EXPECT_EQ(monday->injects[0].minute, 10);
}

TEST(DrillScenarios, AFoldersFilesAddAndReplaceABrokenOneIsNamedWithItsLine) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("medbcp-scenarios-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "own.txt") << "code | own-drill\ntitle | 院内の訓練\nthreat | other\n"
                                    "briefing | 説明\nsituation | 状況\nrole | 進行役 | 進める\n"
                                    "inject | 5 | 停電\n";
  std::ofstream(dir / "broken.txt") << "code | broken\ntitle | 壊れた\nthreat | malware\n"
                                       "briefing | 説明\nsituation | 状況\nrole | 役 | 何か\n"
                                       "inject | 1o | 時刻が読めない\n";
  const auto catalog = load_scenarios(dir.string());
  EXPECT_NE(catalog.find("own-drill"), nullptr);
  EXPECT_EQ(catalog.find("broken"), nullptr);
  ASSERT_EQ(catalog.problems.size(), 1u);
  EXPECT_NE(catalog.problems[0].message.find("broken.txt 7行目"), std::string::npos)
      << catalog.problems[0].message;
  EXPECT_NE(catalog.problems[0].message.find("1o"), std::string::npos);
  EXPECT_EQ(catalog.scenarios.size(), 5u);  // the four built in stay
  std::filesystem::remove_all(dir);
}

TEST_F(DrillTest, ADrillIsMarkedAndNeverCountedAsAnIncident) {
  const auto id = start();
  const auto v = load_drill_view(*ws_, officer_, id, at(1));
  EXPECT_TRUE(v.incident.incident.drill);
  EXPECT_NE(v.incident.incident.title.find("【訓練】"), std::string::npos);
  EXPECT_EQ(v.progress.participants.size(), 3u);
  // The scenario's discovery report is the opening; 電子カルテ is affected.
  ASSERT_FALSE(v.incident.incident.systems.empty());
  EXPECT_EQ(v.incident.incident.discovery.discoverer, "中村 さくら");
  EXPECT_TRUE(list_incidents(*ws_, officer_).empty());
  EXPECT_TRUE(open_incidents(*ws_, officer_).empty());
  EXPECT_EQ(list_drills(*ws_, officer_).size(), 1u);
  // A real report is not told a drill is open.
  StartIncidentRequest real;
  real.discovery = {"渡辺 愛", at(5), "受付で", "画面が固まる", ""};
  EXPECT_TRUE(start_incident(*ws_, staff_, real, at(6)).problems.empty());
  EXPECT_EQ(list_incidents(*ws_, officer_).size(), 1u);
  // The association counts the real one only.
  EXPECT_EQ(count_readiness(*ws_, at(7).tokyo_date()).open_incidents, 1);
}

TEST_F(DrillTest, AnUnknownScenarioOrAnOpenIncidentWritesNothing) {
  StartDrillRequest r;
  r.scenario_code = "no-such-drill";
  auto refused = start_drill(*ws_, officer_, catalog_, r, kStart);
  ASSERT_EQ(refused.problems.size(), 1u);
  EXPECT_EQ(refused.problems[0].field, "scenario");
  EXPECT_NE(refused.problems[0].message.find("ransomware-monday"), std::string::npos);
  EXPECT_EQ(incident_rows(), 0u);

  StartIncidentRequest real;
  real.discovery = {"渡辺 愛", kStart, "受付で", "画面に脅迫文", ""};
  ASSERT_TRUE(start_incident(*ws_, staff_, real, kStart).problems.empty());
  r.scenario_code = "warning-sign";
  refused = start_drill(*ws_, officer_, catalog_, r, at(1));
  ASSERT_EQ(refused.problems.size(), 1u);
  EXPECT_EQ(refused.problems[0].field, "open_incident");
  EXPECT_NE(refused.problems[0].message.find("実際の対応が先"), std::string::npos);
  EXPECT_EQ(incident_rows(), 1u);
  r.despite_open_incident = true;
  EXPECT_TRUE(start_drill(*ws_, officer_, catalog_, r, at(2)).problems.empty());
  EXPECT_EQ(incident_rows(), 2u);
}

TEST_F(DrillTest, StaffCannotRunADrill) {
  StartDrillRequest r;
  r.scenario_code = "warning-sign";
  EXPECT_THROW(start_drill(*ws_, staff_, catalog_, r, kStart), PermissionDenied);
}

TEST_F(DrillTest, InjectsComeInOrderPausedTimeIsNotCounted) {
  const auto id = start();
  EXPECT_TRUE(load_drill_view(*ws_, officer_, id, at(5)).due.empty());
  EXPECT_EQ(load_drill_view(*ws_, officer_, id, at(11)).due, std::vector<int>{0});
  ASSERT_TRUE(pause_drill(*ws_, officer_, id, at(11)).problems.empty());
  EXPECT_FALSE(reveal_inject(*ws_, officer_, id, std::nullopt, at(12)).problems.empty());
  EXPECT_FALSE(pause_drill(*ws_, officer_, id, at(13)).problems.empty());
  ASSERT_TRUE(resume_drill(*ws_, officer_, id, at(31)).problems.empty());  // 20 minutes paused
  auto v = load_drill_view(*ws_, officer_, id, at(35));
  EXPECT_EQ(v.measures.duration_seconds, 15 * 60);
  EXPECT_EQ(v.due, std::vector<int>{0});  // 15 drill minutes: only the 10-minute inject is due
  auto first = reveal_inject(*ws_, officer_, id, std::nullopt, at(35));
  ASSERT_TRUE(first.problems.empty());
  EXPECT_NE(first.entry->text.find("医事会計"), std::string::npos);
  EXPECT_EQ(first.entry->kind, core::EntryKind::Drill);
  for (int i = 1; i < 4; ++i)
    ASSERT_TRUE(reveal_inject(*ws_, officer_, id, std::nullopt, at(40 + i)).problems.empty());
  const auto none_left = reveal_inject(*ws_, officer_, id, std::nullopt, at(50));
  ASSERT_FALSE(none_left.problems.empty());
  EXPECT_EQ(none_left.problems[0].message, "付与情報はすべて出しました。");
  EXPECT_EQ(load_drill_view(*ws_, officer_, id, at(50)).progress.revealed.size(), 4u);
  // The incident's own verification holds over the drill's entries.
  EXPECT_TRUE(verify_incident(*ws_, officer_, id).ok());
}

TEST_F(DrillTest, TimesAreMeasuredAndComparedWithThePreviousDrill) {
  auto run = [&](Instant from, int report_after, bool reach_vendor) {
    const auto id = start("ransomware-monday", from);
    auto m = [&](int minutes) { return Instant{from.seconds + minutes * 60}; };
    core::ContactCall officer_call;
    officer_call.target.type = core::ContactTarget::Type::Officer;
    officer_call.called_by = "中村 さくら";
    officer_call.channel = "電話";
    officer_call.reached = true;
    EXPECT_TRUE(record_contact(*ws_, staff_, id, officer_call, m(report_after), m(report_after))
                    .problems.empty());
    core::StepMark isolate{"isolate", core::StepState::Done, "", ""};
    EXPECT_TRUE(mark_step(*ws_, staff_, id, isolate, "LANを抜いた", m(4), m(4)).problems.empty());
    core::ContactCall vendor;
    vendor.target.type = core::ContactTarget::Type::External;
    vendor.target.id = plan_.external_contacts[0].id.value;
    vendor.called_by = "山田 花子";
    vendor.channel = "電話";
    vendor.reached = reach_vendor;
    EXPECT_TRUE(record_contact(*ws_, officer_, id, vendor, m(12), m(12)).problems.empty());
    core::Decision care;
    care.kind = core::DecisionKind::Care;
    care.care = core::CareStatus::Reduced;
    care.care_mode = "紙カルテで外来のみ";
    care.reason = "電子カルテ停止";
    EXPECT_TRUE(record_decision(*ws_, officer_, id, care, m(25), m(25)).problems.empty());
    EndDrillRequest end;
    end.findings = {
        {"夜間の連絡先を別紙１に追記", "山田 花子", core::Date{2026, 12, 31}, "internal_contacts"}};
    if (!reach_vendor) end.check_contacts = {plan_.external_contacts[0].id};
    EXPECT_TRUE(end_drill(*ws_, officer_, id, end, m(40)).problems.empty());
    return id;
  };
  const auto first = run(kStart, 6, false);
  auto v1 = load_drill_view(*ws_, officer_, first, at(60));
  const auto* report = core::find_measure(v1.measures, "officer");
  ASSERT_NE(report, nullptr);
  EXPECT_EQ(report->seconds, 6 * 60);
  EXPECT_EQ(core::find_measure(v1.measures, "isolate")->seconds, 4 * 60);
  EXPECT_EQ(v1.measures.care_decision.seconds, 25 * 60);
  ASSERT_EQ(v1.measures.unreached.size(), 1u);
  EXPECT_NE(v1.measures.unreached[0].target.name.find(plan_.external_contacts[0].organization),
            std::string::npos);
  EXPECT_FALSE(v1.measures.missed_steps.empty());
  EXPECT_FALSE(v1.previous.has_value());
  // Findings and the contact to check are tasks, kept as from a drill.
  ASSERT_EQ(v1.incident.follow_ups.size(), 2u);
  EXPECT_EQ(v1.incident.follow_ups[0].plan_section, "internal_contacts");
  EXPECT_TRUE(v1.incident.follow_ups[0].from_drill);
  EXPECT_NE(v1.incident.follow_ups[1].title.find("連絡先を確認する"), std::string::npos);
  EXPECT_EQ(v1.incident.follow_ups[1].plan_section, "external_contacts");

  const auto second = run(at(60 * 24 * 30), 3, true);
  auto v2 = load_drill_view(*ws_, officer_, second, at(60 * 24 * 31));
  ASSERT_TRUE(v2.previous.has_value());
  EXPECT_EQ(v2.previous_id, first);
  EXPECT_EQ(core::find_measure(*v2.previous, "officer")->seconds, 6 * 60);
  EXPECT_EQ(core::find_measure(v2.measures, "officer")->seconds, 3 * 60);
  EXPECT_TRUE(v2.measures.unreached.empty());
}

TEST_F(DrillTest, EndingTwiceIsRefusedAndWritesNothing) {
  const auto id = start();
  ASSERT_TRUE(end_drill(*ws_, officer_, id, {}, at(30)).problems.empty());
  const auto entries = load_incident_view(*ws_, officer_, id, at(31)).timeline.size();
  const auto again = end_drill(*ws_, officer_, id, {}, at(31));
  ASSERT_EQ(again.problems.size(), 1u);
  EXPECT_NE(again.problems[0].message.find("すでに終了"), std::string::npos);
  EXPECT_EQ(load_incident_view(*ws_, officer_, id, at(32)).timeline.size(), entries);
  // A finding without words is refused whole.
  const auto other = start("warning-sign", at(60));
  EndDrillRequest bad;
  bad.findings = {{"", "山田 花子", std::nullopt, ""}};
  EXPECT_FALSE(end_drill(*ws_, officer_, other, bad, at(90)).problems.empty());
  EXPECT_EQ(load_incident_view(*ws_, officer_, other, at(91)).incident.status,
            core::IncidentStatus::Open);
}

TEST_F(DrillTest, RecordingOnARealIncidentAsADrillIsRefused) {
  StartIncidentRequest real;
  real.discovery = {"渡辺 愛", kStart, "受付で", "画面に脅迫文", ""};
  const auto id = start_incident(*ws_, staff_, real, kStart).id;
  EXPECT_THROW(reveal_inject(*ws_, officer_, id, std::nullopt, at(1)), NoSuchIncident);
  core::DrillEvent pause{.type = core::DrillEvent::Type::Pause};
  EXPECT_EQ(record_drill_event(*ws_, officer_, id, pause, std::nullopt, at(1)).problems[0].field,
            "drill");
}

TEST_F(DrillTest, TheTrainingRecordRemindersAndChecklistFollowDrills) {
  const core::Date today = at(10).tokyo_date();
  auto drill_reminders = [&](const core::Date& day) {
    std::vector<core::Reminder> out;
    for (auto& r : current_reminders(*ws_, officer_, day)) {
      if (r.kind == core::ReminderKind::DrillOverdue ||
          r.kind == core::ReminderKind::StaffNotTrained)
        out.push_back(r);
    }
    return out;
  };
  auto drills_item = [&](const core::Date& day) {
    for (const auto& row : assess_checklist(*ws_, officer_, default_checklist(), day).bcp) {
      if (row.item.evidence == core::EvidenceRule::Drills) return row.coverage.answer;
    }
    return std::optional<bool>(false);
  };
  EXPECT_EQ(drills_item(today), std::nullopt);  // no record: a person answers
  auto before = drill_reminders(today);
  ASSERT_EQ(before.size(), 1u);
  EXPECT_EQ(before[0].kind, core::ReminderKind::DrillOverdue);
  EXPECT_EQ(before[0].urgency, core::Urgency::Overdue);

  const auto id = start();
  ASSERT_TRUE(end_drill(*ws_, officer_, id, {}, at(30)).problems.empty());
  auto after = drill_reminders(today);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].kind, core::ReminderKind::StaffNotTrained);
  EXPECT_NE(after[0].message.find("鈴木 一郎"), std::string::npos);
  EXPECT_EQ(after[0].message.find("中村 さくら"), std::string::npos);
  // Thirteen months later the drill is due again.
  const auto late = drill_reminders(today.plus_days(400));
  ASSERT_FALSE(late.empty());
  EXPECT_EQ(late[0].kind, core::ReminderKind::DrillOverdue);
  EXPECT_EQ(late[0].urgency, core::Urgency::Overdue);

  const auto record = training_record(*ws_, officer_);
  ASSERT_FALSE(record.empty());
  EXPECT_EQ(record[0].name, plan_.officer.name);
  EXPECT_EQ(record[0].drills.size(), 1u);
  const auto suzuki = std::find_if(record.begin(), record.end(),
                                   [](const StaffTraining& t) { return t.name == "鈴木 一郎"; });
  ASSERT_NE(suzuki, record.end());
  EXPECT_TRUE(suzuki->drills.empty());

  EXPECT_EQ(count_readiness(*ws_, today).last_drill, kStart.tokyo_date());
  EXPECT_EQ(drills_item(today), std::optional<bool>(true));
  EXPECT_EQ(drills_item(today.plus_days(400)), std::nullopt);  // lapsed: asked again
}

TEST_F(DrillTest, TheReportAndTheTabletopKitAreMadeAndAudited) {
  const auto id = start();
  ASSERT_TRUE(reveal_inject(*ws_, officer_, id, std::nullopt, at(10)).problems.empty());
  ASSERT_TRUE(end_drill(*ws_, officer_, id, {}, at(30)).problems.empty());
  const auto pdf = export_drill_report(*ws_, officer_, id, DrillReportFormat::Pdf, at(40));
  EXPECT_EQ(pdf.bytes.substr(0, 5), "%PDF-");
  EXPECT_EQ(pdf.name, "drill-" + std::to_string(id.value) + "-report.pdf");
  const auto docx = export_drill_report(*ws_, officer_, id, DrillReportFormat::Docx, at(40));
  EXPECT_EQ(docx.bytes.substr(0, 2), "PK");
  const auto kit = tabletop_kit(*ws_, officer_, *catalog_.find("vpn-intrusion"));
  EXPECT_EQ(kit.bytes.substr(0, 5), "%PDF-");
  StartIncidentRequest real;
  real.discovery = {"渡辺 愛", kStart, "受付で", "画面に脅迫文", ""};
  const auto real_id = start_incident(*ws_, staff_, real, at(50)).id;
  EXPECT_THROW(export_drill_report(*ws_, officer_, real_id, DrillReportFormat::Pdf, at(51)),
               NoSuchIncident);
}

}  // namespace
}  // namespace medbcp::app
