// The incident use cases against a real workspace file with the demo plan: a
// ransomware day from discovery to close, the closed-incident refusal, the
// permissions, evidence hashing, and two writers at once.
#include "app/incident_service.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "app/incident_evidence.h"
#include "app/plan_service.h"
#include "core/incident_guidance.h"
#include "core/incident_payload.h"
#include "core/sha256.h"
#include "store/database_test_util.h"

namespace medbcp::app {
namespace {

using core::Instant;

// NOLINTNEXTLINE(cert-err58-cpp): a test constant
const Instant kFound = Instant::from_tokyo(core::Date{2024, 6, 3}, 8, 40);

class IncidentServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("medbcp-app-incident-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    ws_ = Workspace::open(store::test_database_location(dir_ / "plan.db"));
    ASSERT_TRUE(ensure_demo_plan(*ws_, admin_));
    plan_ = load_plan(*ws_);
  }
  void TearDown() override {
    ws_.reset();
    std::filesystem::remove_all(dir_);
  }

  core::IncidentId start(bool leak = true) {
    StartIncidentRequest r;
    r.title = "受付端末に脅迫文";
    r.threat = core::ThreatKind::Malware;
    r.discovery = {"中村 さくら", kFound, "始業時に受付端末を起動したところ",
                   "画面に英語の脅迫文。ファイルが開けない", "LANケーブルを抜いた"};
    r.systems = {plan_.systems[0].id};
    r.devices = {plan_.devices[3].id};
    r.personal_data_leak = leak;
    r.aware_at = Instant{kFound.seconds + 600};
    auto started = start_incident(*ws_, staff_, r, Instant{kFound.seconds + 900});
    EXPECT_TRUE(started.problems.empty());
    return started.id;
  }

  Instant at(std::int64_t minutes) { return Instant{kFound.seconds + minutes * 60}; }

  std::filesystem::path dir_;
  std::unique_ptr<Workspace> ws_;
  core::Plan plan_;
  Actor admin_{core::UserId(1), "桜井 健一", Role::Admin};
  Actor staff_{core::UserId(2), "中村 さくら", Role::Staff};
  Actor viewer_{core::UserId(3), "閲覧者", Role::Viewer};
};

TEST_F(IncidentServiceTest, StartRecordsTheDiscoveryReportAsTheFirstEntry) {
  auto id = start();
  auto view = load_incident_view(*ws_, admin_, id, at(20));
  EXPECT_EQ(view.incident.title, "受付端末に脅迫文");
  EXPECT_EQ(view.incident.systems[0].name, "電子カルテシステム");
  EXPECT_EQ(view.incident.devices[0].name, "受付端末1");
  ASSERT_EQ(view.timeline.size(), 1u);
  EXPECT_EQ(view.timeline[0].kind, core::EntryKind::Fact);
  EXPECT_EQ(view.timeline[0].occurred_at, kFound);  // when it happened, not when written
  EXPECT_EQ(view.timeline[0].recorded_at, at(15));
  EXPECT_EQ(view.timeline[0].author, "中村 さくら");
  auto opening = core::read_opening(view.timeline[0].payload);
  ASSERT_TRUE(opening);
  EXPECT_EQ(opening->discovery.actions_taken, "LANケーブルを抜いた");
  EXPECT_EQ(view.state.step_state(core::kStepReport), core::StepState::Done);
  EXPECT_TRUE(view.chain.ok());
  // Every contact the demo plan marks for the first report is still to reach,
  // and the 個人情報保護委員会 too: a leak is suspected.
  EXPECT_EQ(view.still_to_reach.size(), core::first_report_contacts(view.plan).size() + 1);
  bool ppc = false;
  for (const auto& c : view.still_to_reach) {
    ppc = ppc || c.category == core::ExternalCategory::PrivacyCommission;
  }
  EXPECT_TRUE(ppc);
}

TEST_F(IncidentServiceTest, StartProblemsWriteNothing) {
  StartIncidentRequest r;
  r.discovery.discovered_at = kFound;
  r.systems = {core::SystemId(999)};
  auto started = start_incident(*ws_, staff_, r, at(10));
  EXPECT_EQ(started.problems.size(), 3u);  // discoverer, situation, system
  EXPECT_TRUE(list_incidents(*ws_, admin_).empty());
}

TEST_F(IncidentServiceTest, ASecondReportWhileOneIsOpenNamesItAndStartsNothing) {
  auto first = start();
  StartIncidentRequest r;
  r.discovery = {"渡辺", kFound, "", "受付端末に同じ脅迫文", ""};
  auto again = start_incident(*ws_, staff_, r, at(20));
  ASSERT_EQ(again.problems.size(), 1u);
  EXPECT_EQ(again.problems[0].field, "separate_event");
  EXPECT_NE(again.problems[0].message.find("No." + std::to_string(first.value)), std::string::npos);
  EXPECT_EQ(list_incidents(*ws_, admin_).size(), 1u);
  EXPECT_EQ(open_incidents(*ws_, admin_).size(), 1u);

  r.separate_from_open = true;  // another event after all
  auto separate = start_incident(*ws_, staff_, r, at(21));
  ASSERT_TRUE(separate.problems.empty());
  EXPECT_EQ(open_incidents(*ws_, admin_).size(), 2u);
  EXPECT_EQ(open_incidents(*ws_, admin_)[0].id, first);  // oldest first
}

TEST_F(IncidentServiceTest, ClosingWithReportsOrContactsUndoneListsThemAndWritesNothing) {
  auto id = start(true);  // a leak: the PPC reports fall due
  const auto view = load_incident_view(*ws_, admin_, id, at(30));
  const auto items = open_items_at_close(view);
  ASSERT_FALSE(items.empty());
  bool names_ppc = false;
  for (const auto& item : items)
    names_ppc = names_ppc || item.find("個人情報保護委員会") != std::string::npos;
  EXPECT_TRUE(names_ppc);

  auto refused = close_incident(*ws_, admin_, id, {"教訓", {}}, at(30));
  ASSERT_EQ(refused.problems.size(), 1u);
  EXPECT_EQ(refused.problems[0].field, "open_items");
  EXPECT_NE(refused.problems[0].message.find("まだ終わっていないことがあります"),
            std::string::npos);
  EXPECT_EQ(load_incident_view(*ws_, admin_, id, at(31)).incident.status,
            core::IncidentStatus::Open);
  EXPECT_EQ(load_incident_view(*ws_, admin_, id, at(31)).timeline.size(), view.timeline.size());

  EXPECT_TRUE(close_incident(*ws_, admin_, id, {"教訓", {}}, at(32), OpenItems::CloseAnyway)
                  .problems.empty());
  EXPECT_EQ(load_incident_view(*ws_, admin_, id, at(33)).incident.status,
            core::IncidentStatus::Closed);
}

TEST_F(IncidentServiceTest, AwarenessDefaultsToTheDiscoveryNotToTheTyping) {
  // Found at 08:40 by the receptionist, typed in at 15:21: the clinic knew
  // at 08:40, and the deadlines count from then.
  StartIncidentRequest r;
  r.discovery = {"受付 山田", kFound, "", "受付端末に身代金要求", ""};
  auto started = start_incident(*ws_, staff_, r, at(401));
  ASSERT_TRUE(started.problems.empty());
  EXPECT_EQ(load_incident_view(*ws_, admin_, started.id, at(402)).incident.aware_at, kFound);
}

TEST_F(IncidentServiceTest, TitleDefaultsToTheSituationsFirstLine) {
  StartIncidentRequest r;
  r.discovery = {"渡辺", kFound, "", "予約システムに見覚えのないログイン\n詳細は後で", ""};
  auto started = start_incident(*ws_, staff_, r, at(10));
  ASSERT_TRUE(started.problems.empty());
  EXPECT_EQ(list_incidents(*ws_, admin_)[0].title, "予約システムに見覚えのないログイン");
}

TEST_F(IncidentServiceTest, RansomwareDayEndToEnd) {
  auto id = start();
  // Facts, steps, contacts, evidence, decisions: each a timeline entry.
  EXPECT_TRUE(log_entry(*ws_, staff_, id, {core::EntryKind::Fact, "他の端末は正常", at(20)}, at(21))
                  .problems.empty());
  EXPECT_TRUE(mark_step(*ws_, staff_, id, {"isolate", core::StepState::Done, "", ""},
                        "受付端末1を切り離し", at(25), at(26))
                  .problems.empty());
  EXPECT_TRUE(
      mark_step(*ws_, admin_, id,
                {"stop_network", core::StepState::NotApplicable, "他部門で類似事象なし", ""}, "",
                std::nullopt, at(40))
          .problems.empty());

  core::ContactCall vendor_call;
  vendor_call.target = {core::ContactTarget::Type::External, 1, "", std::nullopt};
  vendor_call.channel = "電話";
  vendor_call.reached = true;
  vendor_call.said = "受付端末1に脅迫文";
  auto called = record_contact(*ws_, admin_, id, vendor_call, at(45), at(46));
  ASSERT_TRUE(called.problems.empty());
  EXPECT_NE(called.entry->text.find("富岳メディカルシステム"), std::string::npos);

  const auto file = dir_ / "ransom_note.txt";
  std::ofstream(file) << "YOUR FILES ARE ENCRYPTED";
  core::EvidenceItem ev;
  ev.item = "脅迫文のファイル";
  ev.device = plan_.devices[3].id;
  ev.location = "事務室金庫";
  ev.holder = "山田 花子";
  auto added = add_evidence(*ws_, admin_, id, ev, file.string(), at(50), at(51));
  ASSERT_TRUE(added.problems.empty());
  auto stored = core::read_evidence(added.entry->payload);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->sha256, core::sha256_hex("YOUR FILES ARE ENCRYPTED"));
  EXPECT_EQ(stored->file_size, 24u);
  EXPECT_EQ(stored->file_name, "ransom_note.txt");
  EXPECT_TRUE(hand_over_evidence(*ws_, admin_, id,
                                 {stored->evidence_id, "山田 花子", "県警 捜査員", "県警本部"},
                                 at(300), at(301))
                  .problems.empty());

  core::Decision sys;
  sys.kind = core::DecisionKind::SystemRecovery;
  sys.system = plan_.systems[0].id;
  sys.possible = false;
  sys.vendor = "富岳メディカルシステム";
  sys.reason = "サーバも暗号化";
  EXPECT_TRUE(record_decision(*ws_, admin_, id, sys, at(120), at(121)).problems.empty());
  core::Decision care;
  care.kind = core::DecisionKind::Care;
  care.care = core::CareStatus::Reduced;
  care.care_mode = "予約患者のみ";
  care.reason = "紙カルテで対応可能な範囲";
  EXPECT_TRUE(record_decision(*ws_, admin_, id, care, at(130), at(131)).problems.empty());

  auto view = load_incident_view(*ws_, admin_, id, at(200));
  EXPECT_EQ(view.timeline.size(), 9u);
  EXPECT_TRUE(view.chain.ok());
  EXPECT_EQ(view.state.step_state("isolate"), core::StepState::Done);
  EXPECT_EQ(view.state.step_state("stop_network"), core::StepState::NotApplicable);
  EXPECT_EQ(view.state.step_state(core::kStepSystemRecovery), core::StepState::Done);
  EXPECT_EQ(view.state.step_state(core::kStepCareDecision), core::StepState::Done);
  EXPECT_EQ(view.state.evidence[0].current_holder(), "県警 捜査員");
  EXPECT_EQ(view.state.latest_decision(core::DecisionKind::SystemRecovery)->value.system_name,
            "電子カルテシステム");
  // The vendor was reached, so it is no longer flagged.
  for (const auto& c : view.still_to_reach) EXPECT_NE(c.id, core::ExternalContactId(1));
  // Personal data may have leaked: the commission reports are due; police and MHLW promptly.
  ASSERT_GE(view.deadlines.size(), 4u);
  EXPECT_EQ(view.deadlines[0].kind, core::DeadlineKind::PpcPreliminary);
  EXPECT_EQ(view.deadlines[0].due, Instant{kFound.seconds + 600 + 3 * core::kDaySeconds});
  EXPECT_EQ(view.deadlines[1].due, Instant{kFound.seconds + 600 + 60 * core::kDaySeconds});

  core::Closure closure{"バックアップのオフライン保管が有効だった",
                        {{"VPN装置のファームウェア更新", "鈴木 一郎", core::Date{2024, 7, 1}}}};
  auto closed = close_incident(*ws_, admin_, id, closure, at(600), OpenItems::CloseAnyway);
  ASSERT_TRUE(closed.problems.empty());
  view = load_incident_view(*ws_, admin_, id, at(601));
  EXPECT_EQ(view.incident.status, core::IncidentStatus::Closed);
  EXPECT_TRUE(view.state.closed);
  ASSERT_EQ(view.follow_ups.size(), 1u);
  EXPECT_EQ(view.follow_ups[0].title, "VPN装置のファームウェア更新");
  EXPECT_EQ(list_follow_up_tasks(*ws_, staff_, true).size(), 1u);
  EXPECT_TRUE(verify_incident(*ws_, viewer_, id).ok());
}

// Acceptance: a closed incident refuses new entries except an explicit reopen.
TEST_F(IncidentServiceTest, ClosedIncidentRefusesEverythingButReopen) {
  auto id = start();
  ASSERT_TRUE(close_incident(*ws_, admin_, id, {"教訓", {}}, at(60), OpenItems::CloseAnyway)
                  .problems.empty());
  const auto before = load_incident_view(*ws_, admin_, id, at(61)).timeline.size();

  auto refused = log_entry(*ws_, staff_, id, {core::EntryKind::Note, "追記", std::nullopt}, at(62));
  ASSERT_EQ(refused.problems.size(), 1u);
  EXPECT_EQ(refused.problems[0].field, "status");
  EXPECT_FALSE(refused.entry);
  EXPECT_FALSE(mark_step(*ws_, admin_, id, {"isolate", core::StepState::Done, "", ""}, "",
                         std::nullopt, at(62))
                   .problems.empty());
  core::Decision d;
  d.kind = core::DecisionKind::Care;
  d.care = core::CareStatus::Continued;
  d.care_mode = "通常診療";
  d.reason = "r";
  EXPECT_FALSE(record_decision(*ws_, admin_, id, d, std::nullopt, at(62)).problems.empty());
  EXPECT_FALSE(close_incident(*ws_, admin_, id, {"二度目", {}}, at(62), OpenItems::CloseAnyway)
                   .problems.empty());
  EXPECT_EQ(load_incident_view(*ws_, admin_, id, at(63)).timeline.size(), before);

  EXPECT_FALSE(reopen_incident(*ws_, admin_, id, "", at(64)).problems.empty());  // reason needed
  ASSERT_TRUE(reopen_incident(*ws_, admin_, id, "別端末でも脅迫文", at(65)).problems.empty());
  EXPECT_TRUE(log_entry(*ws_, staff_, id, {core::EntryKind::Note, "追記", std::nullopt}, at(66))
                  .problems.empty());
  auto view = load_incident_view(*ws_, admin_, id, at(67));
  EXPECT_EQ(view.incident.status, core::IncidentStatus::Open);
  EXPECT_EQ(view.timeline.size(), before + 2);
  EXPECT_EQ(view.timeline[before].kind, core::EntryKind::Reopen);
  EXPECT_FALSE(reopen_incident(*ws_, admin_, id, "again", at(68)).problems.empty());
  EXPECT_TRUE(view.chain.ok());
}

TEST_F(IncidentServiceTest, PermissionsFollowRoles) {
  auto id = start();
  EXPECT_THROW(log_entry(*ws_, viewer_, id, {core::EntryKind::Note, "x", std::nullopt}, at(20)),
               PermissionDenied);
  core::Decision d;
  d.kind = core::DecisionKind::DataRecovery;
  d.reason = "r";
  EXPECT_THROW(record_decision(*ws_, staff_, id, d, std::nullopt, at(20)), PermissionDenied);
  EXPECT_THROW(close_incident(*ws_, staff_, id, {"x", {}}, at(20)), PermissionDenied);
  StartIncidentRequest r;
  EXPECT_THROW(start_incident(*ws_, viewer_, r, at(20)), PermissionDenied);
  EXPECT_NO_THROW(load_incident_view(*ws_, viewer_, id, at(20)));
}

TEST_F(IncidentServiceTest, CorrectionsPointAtTheirEntryAndNeverChangeIt) {
  auto id = start();
  auto wrong =
      log_entry(*ws_, staff_, id, {core::EntryKind::Fact, "9時に発見", std::nullopt}, at(20));
  auto corrected = correct_entry(*ws_, staff_, id, wrong.entry->id, {true, std::nullopt},
                                 "8時40分の誤り", at(21));
  ASSERT_TRUE(corrected.problems.empty());
  EXPECT_EQ(corrected.entry->corrects, wrong.entry->id);
  auto view = load_incident_view(*ws_, admin_, id, at(22));
  EXPECT_EQ(view.timeline[1].text, "9時に発見");
  EXPECT_EQ(view.state.corrections.at(wrong.entry->id).size(), 1u);
  EXPECT_FALSE(correct_entry(*ws_, staff_, id, "00000000000000000000000000000000",
                             {true, std::nullopt}, "x", at(23))
                   .problems.empty());
}

TEST_F(IncidentServiceTest, FutureTimesAndUnknownReferencesAreProblems) {
  auto id = start();
  EXPECT_EQ(
      log_entry(*ws_, staff_, id, {core::EntryKind::Fact, "x", at(100)}, at(20)).problems[0].field,
      "occurred_at");
  core::ContactCall call;
  call.target = {core::ContactTarget::Type::External, 999, "", std::nullopt};
  EXPECT_EQ(record_contact(*ws_, staff_, id, call, std::nullopt, at(20)).problems[0].field,
            "contact");
  EXPECT_THROW(log_entry(*ws_, staff_, core::IncidentId(77),
                         {core::EntryKind::Fact, "x", std::nullopt}, at(20)),
               NoSuchIncident);
}

// 第３章１(1): the 医療情報システム安全管理責任者 is the first to be told.
// He is the root of 別紙１, not one of its rows, and was missing from every
// contact picker.
TEST_F(IncidentServiceTest, TheOfficerCanBeLoggedAsAContact) {
  auto id = start();
  core::ContactCall call;
  call.target.type = core::ContactTarget::Type::Officer;
  call.reached = true;
  call.said = "受付端末に脅迫文";
  const AppendResult r = record_contact(*ws_, staff_, id, call, at(20), at(21));
  ASSERT_TRUE(r.problems.empty()) << r.problems[0].message;
  EXPECT_NE(r.entry->text.find("桜井 健一（院長・安全管理責任者）"), std::string::npos)
      << r.entry->text;
  const auto read = core::read_contact_call(r.entry->payload);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->target.type, core::ContactTarget::Type::Officer);
}

TEST_F(IncidentServiceTest, AStepBeforeTheDiscoveryIsRefused) {
  auto id = start();
  core::StepMark mark{"isolate", core::StepState::Done, "", ""};
  const AppendResult early = mark_step(*ws_, staff_, id, mark, "", at(-60), at(20));
  ASSERT_EQ(early.problems.size(), 1u);
  EXPECT_EQ(early.problems[0].field, "occurred_at");
  EXPECT_TRUE(mark_step(*ws_, staff_, id, mark, "", at(5), at(20)).problems.empty());
  // A fact may reach back before the discovery (the mail that came first).
  EXPECT_TRUE(
      log_entry(*ws_, staff_, id, {core::EntryKind::Fact, "前日に不審なメール", at(-1440)}, at(20))
          .problems.empty());
}

TEST_F(IncidentServiceTest, EvidenceFileIsHashedInChunks) {
  // Larger than several chunks and not a multiple of the chunk size.
  const auto file = dir_ / "image.bin";
  std::string data;
  for (std::size_t i = 0; i < 3 * kEvidenceChunkBytes + 1234; ++i) {
    data.push_back(static_cast<char>(i * 7 % 256));
  }
  std::ofstream(file, std::ios::binary) << data;
  std::vector<std::uint64_t> progress;
  auto digest = hash_evidence_file(file.string(), [&](std::uint64_t n) { progress.push_back(n); });
  EXPECT_EQ(digest.sha256, core::sha256_hex(data));
  EXPECT_EQ(digest.size, data.size());
  EXPECT_EQ(progress.size(), 4u);
  EXPECT_EQ(progress.front(), kEvidenceChunkBytes);
  EXPECT_THROW(hash_evidence_file((dir_ / "missing").string()), EvidenceFileError);
}

TEST_F(IncidentServiceTest, TwoWritersThroughTheWorkspaceLoseNothing) {
  auto id = start();
  constexpr int kEach = 60;
  auto writer = [&](const std::string& who) {
    Actor a{core::UserId(5), who, Role::Staff};
    for (int i = 0; i < kEach; ++i) {
      auto r = log_entry(*ws_, a, id,
                         {core::EntryKind::Note, who + std::to_string(i), std::nullopt}, at(30));
      ASSERT_TRUE(r.problems.empty());
    }
  };
  std::thread a(writer, "A");
  std::thread b(writer, "B");
  a.join();
  b.join();
  auto report = verify_incident(*ws_, admin_, id);
  EXPECT_TRUE(report.ok());
  EXPECT_EQ(report.entries, 1 + 2 * kEach);
}

}  // namespace
}  // namespace medbcp::app
