#include "core/incident_state.h"

#include <gtest/gtest.h>

#include "core/incident_payload.h"

namespace medbcp::core {
namespace {

ExternalContact external(std::int64_t id, ExternalCategory category, std::string organization) {
  ExternalContact c;
  c.id = ExternalContactId(id);
  c.category = category;
  c.organization = std::move(organization);
  return c;
}

class Builder {
 public:
  TimelineEntry& add(EntryKind kind, std::string payload, std::string text = "") {
    TimelineEntry e;
    e.id = new_entry_id();
    e.seq = static_cast<std::int64_t>(entries.size() + 1);
    e.kind = kind;
    e.occurred_at = Instant{1000 + e.seq * 60};
    e.author = "山田";
    e.text = std::move(text);
    e.payload = std::move(payload);
    entries.push_back(e);
    return entries.back();
  }
  std::vector<TimelineEntry> entries;
};

IncidentOpening opening() {
  IncidentOpening o;
  o.title = "受付PCに脅迫文";
  o.threat = ThreatKind::Malware;
  o.discovery.discoverer = "受付 佐藤";
  o.discovery.discovered_at = Instant{900};
  o.discovery.situation = "画面に身代金要求";
  o.systems = {{SystemId(1), "電子カルテシステム"}};
  o.aware_at = Instant{960};
  return o;
}

TEST(IncidentStateTest, OpeningMarksTheReportStepDoneByTheDiscoverer) {
  Builder b;
  b.add(EntryKind::Fact, to_payload(opening()));
  auto s = fold_timeline(b.entries);
  ASSERT_TRUE(s.opening);
  EXPECT_EQ(s.opening->value.title, "受付PCに脅迫文");
  EXPECT_EQ(s.step_state(kStepReport), StepState::Done);
  EXPECT_EQ(s.step(kStepReport)->author, "受付 佐藤");
  EXPECT_EQ(s.step_state("isolate"), StepState::Pending);
}

TEST(IncidentStateTest, LatestStepMarkWins) {
  Builder b;
  b.add(EntryKind::Step, to_payload(StepMark{"isolate", StepState::Done, "", ""}));
  b.add(EntryKind::Step,
        to_payload(StepMark{"stop_network", StepState::NotApplicable, "他部門で発生なし", ""}));
  b.add(EntryKind::Step, to_payload(StepMark{"isolate", StepState::Pending, "誤って記録", ""}));
  auto s = fold_timeline(b.entries);
  EXPECT_EQ(s.step_state("isolate"), StepState::Pending);
  EXPECT_EQ(s.step_state("stop_network"), StepState::NotApplicable);
  EXPECT_EQ(s.step("stop_network")->value.reason, "他部門で発生なし");
}

TEST(IncidentStateTest, DecisionsCompleteTheirStep) {
  Builder b;
  Decision d;
  d.kind = DecisionKind::Care;
  d.care = CareStatus::Reduced;
  d.care_mode = "外来のみ";
  d.reason = "電子カルテ停止のため紙運用";
  b.add(EntryKind::Decision, to_payload(d));
  auto s = fold_timeline(b.entries);
  EXPECT_EQ(s.step_state(kStepCareDecision), StepState::Done);
  ASSERT_NE(s.latest_decision(DecisionKind::Care), nullptr);
  EXPECT_EQ(s.latest_decision(DecisionKind::Care)->value.care_mode, "外来のみ");
  EXPECT_EQ(s.latest_decision(DecisionKind::SystemRecovery), nullptr);
}

TEST(IncidentStateTest, EvidenceCustodyFollowsHandOvers) {
  Builder b;
  EvidenceItem item;
  item.evidence_id = "ev1";
  item.item = "脅迫文の写真";
  item.location = "事務室金庫";
  item.holder = "事務長";
  b.add(EntryKind::Evidence, to_payload(item));
  b.add(EntryKind::Custody, to_payload(CustodyTransfer{"ev1", "事務長", "県警 鈴木", "県警本部"}));
  auto s = fold_timeline(b.entries);
  ASSERT_EQ(s.evidence.size(), 1u);
  EXPECT_EQ(s.evidence[0].current_holder(), "県警 鈴木");
  EXPECT_EQ(s.evidence[0].current_location(), "県警本部");
  EXPECT_EQ(s.find_evidence("ev1"), &s.evidence[0]);
}

TEST(IncidentStateTest, CorrectionsWithdrawOrReplace) {
  Builder b;
  ContactCall call{ContactTarget{ContactTarget::Type::External, 4, "警察", std::nullopt},
                   "事務長",
                   "電話",
                   true,
                   "",
                   ""};
  const std::string wrong_call = b.add(EntryKind::Contact, to_payload(call)).id;
  Decision d;
  d.kind = DecisionKind::DataRecovery;
  d.possible = true;
  d.backup_generation = "4/1 夜間";
  d.reason = "r";
  const std::string decision = b.add(EntryKind::Decision, to_payload(d)).id;

  b.add(EntryKind::Correction, to_payload(Correction{true, std::nullopt}), "別の日の通話だった")
      .corrects = wrong_call;
  d.backup_generation = "3/31 夜間";
  b.add(EntryKind::Correction, to_payload(Correction{false, to_payload(d)}), "世代の誤記")
      .corrects = decision;

  auto s = fold_timeline(b.entries);
  ASSERT_EQ(s.contacts.size(), 1u);
  EXPECT_TRUE(s.contacts[0].withdrawn);
  EXPECT_FALSE(first_reached(s, ExternalContactId(4)));
  ASSERT_NE(s.latest_decision(DecisionKind::DataRecovery), nullptr);
  EXPECT_EQ(s.latest_decision(DecisionKind::DataRecovery)->value.backup_generation, "3/31 夜間");
  EXPECT_TRUE(s.latest_decision(DecisionKind::DataRecovery)->corrected);
  EXPECT_EQ(s.corrections.at(decision).size(), 1u);
}

TEST(IncidentStateTest, CloseAndReopen) {
  Builder b;
  b.add(EntryKind::Close,
        to_payload(Closure{"訓練不足", {{"VPN装置の更新", "事務長", Date{2024, 6, 1}}}}));
  auto s = fold_timeline(b.entries);
  EXPECT_TRUE(s.closed);
  ASSERT_TRUE(s.closure);
  EXPECT_EQ(s.closure->value.follow_ups[0].title, "VPN装置の更新");
  b.add(EntryKind::Reopen, "{}", "追加の被害が判明");
  EXPECT_FALSE(fold_timeline(b.entries).closed);
}

TEST(IncidentStateTest, UnreadablePayloadsAreListedNotFatal) {
  Builder b;
  const std::string id = b.add(EntryKind::Step, "not json").id;
  b.add(EntryKind::Contact, R"({"contact": 3})");
  auto s = fold_timeline(b.entries);
  EXPECT_EQ(s.unreadable.size(), 2u);
  EXPECT_EQ(s.unreadable[0], id);
}

TEST(IncidentStateTest, RequiredContactsStayFlaggedUntilReached) {
  Plan plan;
  plan.external_contacts.push_back(external(1, ExternalCategory::SystemVendor, "ベンダー"));
  plan.external_contacts.back().notify_on_incident = true;
  plan.external_contacts.push_back(external(2, ExternalCategory::Insurer, "保険"));
  Builder b;
  EXPECT_EQ(contacts_still_to_reach(plan, fold_timeline(b.entries), false).size(), 1u);
  ContactCall call{ContactTarget{ContactTarget::Type::External, 1, "ベンダー", std::nullopt},
                   "事務長",
                   "電話",
                   false,
                   "",
                   ""};
  b.add(EntryKind::Contact, to_payload(call));
  EXPECT_EQ(contacts_still_to_reach(plan, fold_timeline(b.entries), false).size(), 1u);
  call.reached = true;
  b.add(EntryKind::Contact, to_payload(call));
  EXPECT_TRUE(contacts_still_to_reach(plan, fold_timeline(b.entries), false).empty());
}

TEST(IncidentStateTest, ASuspectedLeakMakesThePrivacyCommissionRequired) {
  Plan plan;
  plan.external_contacts.push_back(
      external(1, ExternalCategory::PrivacyCommission, "個人情報保護委員会"));
  plan.external_contacts.push_back(external(2, ExternalCategory::Insurer, "保険"));
  Builder b;
  EXPECT_TRUE(contacts_still_to_reach(plan, fold_timeline(b.entries), false).empty());
  const auto with_leak = contacts_still_to_reach(plan, fold_timeline(b.entries), true);
  ASSERT_EQ(with_leak.size(), 1u);
  EXPECT_EQ(with_leak[0]->organization, "個人情報保護委員会");
  EXPECT_TRUE(must_reach(plan.external_contacts[0], true));
  EXPECT_FALSE(must_reach(plan.external_contacts[1], true));
}

}  // namespace
}  // namespace medbcp::core
