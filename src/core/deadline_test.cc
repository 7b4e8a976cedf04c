#include "core/deadline.h"

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

// NOLINTNEXTLINE(cert-err58-cpp): a test constant
const Instant kAware = Instant::from_tokyo(Date{2024, 4, 1}, 9, 30);

Incident leak_incident(ThreatKind threat) {
  Incident i;
  i.threat = threat;
  i.personal_data_leak = true;
  i.aware_at = kAware;
  return i;
}

Instant at(std::int64_t seconds_after_aware) {
  return Instant{kAware.seconds + seconds_after_aware};
}

const Deadline& find(const std::vector<Deadline>& ds, DeadlineKind kind) {
  for (const auto& d : ds) {
    if (d.kind == kind) return d;
  }
  throw std::runtime_error("no such deadline");
}

TEST(DeadlineTest, NoReportsWithoutPersonalData) {
  Incident i = leak_incident(ThreatKind::Malware);
  i.personal_data_leak = false;
  EXPECT_TRUE(incident_deadlines(i, Plan{}, IncidentState{}, kAware).empty());
}

TEST(DeadlineTest, PreliminaryReportBoundaries) {
  const Incident i = leak_incident(ThreatKind::TargetedEmail);
  const std::int64_t three = 3 * kDaySeconds;
  const std::int64_t five = 5 * kDaySeconds;
  auto pre = [&](std::int64_t t) {
    return find(incident_deadlines(i, Plan{}, IncidentState{}, at(t)),
                DeadlineKind::PpcPreliminary);
  };
  EXPECT_EQ(pre(0).state, DeadlineState::Upcoming);
  EXPECT_EQ(pre(0).seconds_left, three);
  EXPECT_EQ(pre(three - 1).state, DeadlineState::Upcoming);
  EXPECT_EQ(pre(three - 1).seconds_left, 1);
  EXPECT_EQ(pre(three).state, DeadlineState::Warning);
  EXPECT_EQ(pre(three).seconds_left, five - three);  // counts down to the hard limit now
  EXPECT_EQ(pre(five - 1).state, DeadlineState::Warning);
  EXPECT_EQ(pre(five - 1).seconds_left, 1);
  EXPECT_EQ(pre(five).state, DeadlineState::Overdue);
  EXPECT_EQ(pre(five).seconds_left, 0);
  EXPECT_EQ(pre(five + 60).seconds_left, -60);
  EXPECT_EQ(pre(0).due, at(three));
  EXPECT_EQ(*pre(0).hard_limit, at(five));
}

TEST(DeadlineTest, FinalReportIs30DaysOr60ForWrongfulCauses) {
  // A targeted e-mail is an attack: 不正の目的, 60 days (it was 30).
  EXPECT_EQ(final_report_days(ThreatKind::TargetedEmail), 60);
  EXPECT_EQ(final_report_days(ThreatKind::Precursor), 30);
  EXPECT_EQ(final_report_days(ThreatKind::Other), 30);
  EXPECT_EQ(final_report_days(ThreatKind::UnauthorizedAccess), 60);
  EXPECT_EQ(final_report_days(ThreatKind::Malware), 60);

  for (auto [threat, days] :
       {std::pair{ThreatKind::Other, 30}, std::pair{ThreatKind::Malware, 60},
        std::pair{ThreatKind::UnauthorizedAccess, 60}, std::pair{ThreatKind::TargetedEmail, 60}}) {
    const Incident i = leak_incident(threat);
    const std::int64_t limit = days * kDaySeconds;
    auto fin = [&](std::int64_t t) {
      return find(incident_deadlines(i, Plan{}, IncidentState{}, at(t)), DeadlineKind::PpcFinal);
    };
    EXPECT_EQ(fin(0).due, at(limit));
    EXPECT_EQ(fin(limit - 1).state, DeadlineState::Upcoming) << days;
    EXPECT_EQ(fin(limit - 1).seconds_left, 1);
    EXPECT_EQ(fin(limit).state, DeadlineState::Overdue) << days;
    EXPECT_EQ(fin(limit).seconds_left, 0);
  }
}

// The 責任者's finding sets the 確報's deadline, with the reason on the
// record; the latest finding counts, a withdrawn one does not.
TEST(DeadlineTest, TheOfficersFindingOnWrongfulPurposeSetsTheFinalReportDeadline) {
  const Incident i = leak_incident(ThreatKind::TargetedEmail);  // 60 days by the threat
  auto finding = [](bool wrongful, std::int64_t t) {
    Decision d;
    d.kind = DecisionKind::ReportGrounds;
    d.wrongful_purpose = wrongful;
    d.reason = wrongful ? "外部からの攻撃" : "職員の誤送信で、攻撃ではなかった";
    TimelineEntry e;
    e.id = new_entry_id();
    e.kind = EntryKind::Decision;
    e.occurred_at = at(t);
    e.payload = to_payload(d);
    return e;
  };
  const TimelineEntry no = finding(false, 3600);
  auto fin =
      find(incident_deadlines(i, Plan{}, fold_timeline({no}), at(7200)), DeadlineKind::PpcFinal);
  EXPECT_EQ(fin.due, at(30 * kDaySeconds));
  EXPECT_NE(fin.rule.find("責任者の判断"), std::string::npos) << fin.rule;
  // It completes no step of its own.
  EXPECT_EQ(fold_timeline({no}).steps.size(), 0u);
  const TimelineEntry yes = finding(true, 7200);
  fin = find(incident_deadlines(i, Plan{}, fold_timeline({no, yes}), at(7200)),
             DeadlineKind::PpcFinal);
  EXPECT_EQ(fin.due, at(60 * kDaySeconds));
  EXPECT_NE(describe(read_decision(yes.payload).value()).find("60日"), std::string::npos);
}

TEST(DeadlineTest, ReportsAreDoneWhenTheirStepIsDone) {
  const Incident i = leak_incident(ThreatKind::Malware);
  TimelineEntry e;
  e.id = new_entry_id();
  e.kind = EntryKind::Step;
  e.occurred_at = at(3600);
  e.payload = to_payload(StepMark{std::string(kStepPpcPreliminary), StepState::Done, "", ""});
  const IncidentState state = fold_timeline({e});
  auto ds = incident_deadlines(i, Plan{}, state, at(10 * kDaySeconds));
  EXPECT_EQ(find(ds, DeadlineKind::PpcPreliminary).state, DeadlineState::Done);
  EXPECT_EQ(*find(ds, DeadlineKind::PpcPreliminary).done_at, at(3600));
  EXPECT_EQ(find(ds, DeadlineKind::PpcFinal).state, DeadlineState::Upcoming);
}

TEST(DeadlineTest, PoliceAndMhlwFromThePlanArePromptUntilReached) {
  Plan plan;
  plan.external_contacts.push_back(
      external(1, ExternalCategory::Police, "静岡県警察 サイバー犯罪相談窓口"));
  plan.external_contacts.push_back(external(2, ExternalCategory::Mhlw, "厚生労働省 医政局"));
  plan.external_contacts.push_back(external(3, ExternalCategory::SystemVendor, "ベンダー"));
  Incident i = leak_incident(ThreatKind::Malware);
  i.personal_data_leak = false;  // police and MHLW are due regardless

  auto ds = incident_deadlines(i, plan, IncidentState{}, at(7200));
  ASSERT_EQ(ds.size(), 2u);
  EXPECT_EQ(ds[0].kind, DeadlineKind::Police);
  EXPECT_EQ(ds[0].state, DeadlineState::Prompt);
  EXPECT_EQ(ds[0].seconds_left, -7200);
  EXPECT_EQ(ds[0].title, "静岡県警察 サイバー犯罪相談窓口への連絡");
  EXPECT_EQ(ds[1].kind, DeadlineKind::Mhlw);

  // A call that did not get through does not count; one that did does.
  TimelineEntry missed;
  missed.kind = EntryKind::Contact;
  missed.occurred_at = at(600);
  ContactCall call{
      ContactTarget{ContactTarget::Type::External, 1, "県警", ExternalCategory::Police},
      "事務長",
      "電話",
      false,
      "",
      ""};
  missed.payload = to_payload(call);
  TimelineEntry reached = missed;
  reached.occurred_at = at(1200);
  call.reached = true;
  reached.payload = to_payload(call);

  ds = incident_deadlines(i, plan, fold_timeline({missed}), at(7200));
  EXPECT_EQ(ds[0].state, DeadlineState::Prompt);
  ds = incident_deadlines(i, plan, fold_timeline({missed, reached}), at(7200));
  EXPECT_EQ(ds[0].state, DeadlineState::Done);
  EXPECT_EQ(*ds[0].done_at, at(1200));
  EXPECT_EQ(ds[1].state, DeadlineState::Prompt);
}

TEST(DeadlineTest, TimeLeftInJapanese) {
  EXPECT_EQ(format_time_left(2 * kDaySeconds + std::int64_t{3} * 3600 + 59), "あと2日3時間");
  EXPECT_EQ(format_time_left(5 * 3600 + 12 * 60), "あと5時間12分");
  EXPECT_EQ(format_time_left(59), "あと0分");
  EXPECT_EQ(format_time_left(-(5 * 3600 + 12 * 60)), "5時間12分超過");
}

// 「速やかに … 0分超過」 read as late at minute zero: time since 認知 is elapsed time.
TEST(DeadlineTest, APromptDeadlineShowsTimePassedNotLateness) {
  EXPECT_EQ(format_prompt_elapsed(0), "認知から0分経過");
  EXPECT_EQ(format_prompt_elapsed(-(12 * 60)), "認知から12分経過");
  EXPECT_EQ(format_prompt_elapsed(-(kDaySeconds + 3600)), "認知から1日1時間経過");
  EXPECT_EQ(format_duration(59), "0分");
}

}  // namespace
}  // namespace medbcp::core
