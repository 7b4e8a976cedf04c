#include "core/checklist.h"

#include <gtest/gtest.h>

#include "core/checklist_evidence.h"
#include "core/demo_plan.h"

namespace medbcp::core {
namespace {

constexpr const char* kSmall = R"(# a comment
edition | 令和7年度版
title | チェックリスト

gate | 0 | 医療情報システム全般 | 医療情報システムを導入、運用している。
section | 1 | 体制構築 | vendor
item | 1-1 | 全般 | 責任者を設置している。 | officer
item | 1-2 | 全般 | 規程を整備している。〔要確認〕 |
bcp_section | 1 | 平時
bcp | 1-1-1 | 把握 | 機器を把握できているか | plan_devices
)";

TEST(Checklist, ReadsItemsGateRulesAndUnconfirmedWording) {
  const auto parsed = parse_checklist(kSmall);
  ASSERT_TRUE(parsed.problems.empty()) << parsed.problems[0].message;
  const Checklist& c = parsed.checklist;
  EXPECT_EQ(c.edition, "令和7年度版");
  ASSERT_EQ(c.items.size(), 3u);
  EXPECT_TRUE(c.items[0].gate);
  EXPECT_EQ(c.gate()->id, "0");
  EXPECT_EQ(c.find("1-1")->evidence, EvidenceRule::Officer);
  EXPECT_EQ(c.find("1-1")->section, "体制構築");
  EXPECT_TRUE(c.find("1-2")->unconfirmed);
  EXPECT_TRUE(c.find("1-1")->vendor);
  EXPECT_FALSE(c.items[0].vendor);  // the gate is the clinic's
  EXPECT_FALSE(c.find("1-1")->unconfirmed);
  EXPECT_EQ(c.find("1-2")->evidence, EvidenceRule::None);
  ASSERT_EQ(c.bcp_items.size(), 1u);
  EXPECT_EQ(c.bcp_items[0].evidence, EvidenceRule::PlanDevices);
}

TEST(Checklist, EveryMistakeNamesItsLine) {
  const auto parsed = parse_checklist(
      "edition | 版\n"
      "item | 1-1 | 全般 | 前に section がない |\n"
      "section | 1 | 体制\n"
      "item | 1-1 | 全般 | 規則が不明 | nonsense\n"
      "item | 1-1 | 全般 | 二度目 |\n"
      "item | 1.2 | 全般 | ID が変 |\n"
      "item | 1-3 | 全般 |\n"
      "whatever | x\n");
  std::vector<int> lines;
  for (const auto& p : parsed.problems) lines.push_back(p.row);
  // …and, every item refused, that none is left (line 0: the file).
  EXPECT_EQ(lines, (std::vector<int>{2, 4, 5, 6, 7, 8, 0})) << parsed.problems[0].message;
  EXPECT_FALSE(parse_checklist("").problems.empty());  // no edition, no items
}

TEST(Checklist, FiscalYearsRunFromApril) {
  EXPECT_EQ(fiscal_year_of(Date{2026, 12, 6}), 2026);
  EXPECT_EQ(fiscal_year_of(Date{2027, 3, 31}), 2026);
  EXPECT_EQ(fiscal_year_of(Date{2027, 4, 1}), 2027);
  EXPECT_EQ(fiscal_year_label(2026), "令和8年度");
  EXPECT_EQ(fiscal_year_label(2019), "令和元年度");
}

TEST(ChecklistEvidence, ProposesFromThePlanAndTheReminders) {
  Plan plan = demo_plan(Date{2026, 12, 6});
  ChecklistFacts facts;
  facts.plan_published = true;
  EXPECT_EQ(propose(EvidenceRule::Officer, plan, facts).answer, true);
  EXPECT_EQ(propose(EvidenceRule::ContactChart, plan, facts).answer, true);
  EXPECT_EQ(propose(EvidenceRule::None, plan, facts).answer, std::nullopt);
  EXPECT_EQ(propose(EvidenceRule::MedbcpSignIn, plan, facts).answer, std::nullopt);
  EXPECT_NE(propose(EvidenceRule::MedbcpSignIn, plan, facts).why.find("medbcp だけ"),
            std::string::npos);

  // A restore test overdue: 3-2 says いいえ, naming it.
  facts.reminders.push_back(Reminder{ReminderKind::RestoreTestOverdue, Urgency::Overdue,
                                     "電子カルテ（1日ごと）", "", Date{2026, 1, 1}, "backups[0]"});
  const auto backups = propose(EvidenceRule::Backups, plan, facts);
  EXPECT_EQ(backups.answer, false);
  EXPECT_NE(backups.why.find("電子カルテ（1日ごと）"), std::string::npos);
  EXPECT_EQ(backups.link, "/backups");

  plan.officer.phone_night.clear();
  EXPECT_EQ(propose(EvidenceRule::Officer, plan, facts).answer, false);
  plan.external_contacts.erase(
      std::remove_if(
          plan.external_contacts.begin(), plan.external_contacts.end(),
          [](const ExternalContact& c) { return c.category == ExternalCategory::Police; }),
      plan.external_contacts.end());
  const auto chart = propose(EvidenceRule::ContactChart, plan, facts);
  EXPECT_EQ(chart.answer, false);
  EXPECT_NE(chart.why.find("警察"), std::string::npos);
  facts.plan_published = false;
  EXPECT_EQ(propose(EvidenceRule::PublishedPlan, plan, facts).answer, false);
}

}  // namespace
}  // namespace medbcp::core
