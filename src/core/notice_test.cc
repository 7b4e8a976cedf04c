// Notices filled from the record: templates read from their data files,
// placeholders filled from the incident, the plan and the 責任者's answers,
// what is missing listed with where to fill it, and the notices an incident
// calls for.
#include "core/notice.h"

#include <gtest/gtest.h>

#include <cstdint>

#include "core/demo_plan.h"
#include "core/incident_payload.h"

namespace medbcp::core {
namespace {

TimelineEntry fact(std::string id, std::string payload, EntryKind kind = EntryKind::Fact) {
  TimelineEntry e;
  e.id = std::move(id);
  e.kind = kind;
  e.payload = std::move(payload);
  e.text = "記録";
  return e;
}

TEST(Notice, TemplatesReadTheirLinesAndNameABadOne) {
  const auto parsed = parse_notice_template(
      "# comment\ntitle | 表題 {{facility}}\nheading | 見出し\npara | 本文\n"
      "field | 原因 | {{cause}}\nlist | timeline\nbogus | x\n");
  ASSERT_EQ(parsed.problems.size(), 1u);
  EXPECT_EQ(parsed.problems[0].row, 7);
  EXPECT_EQ(parsed.notice.title, "表題 {{facility}}");
  ASSERT_EQ(parsed.notice.lines.size(), 4u);
  EXPECT_EQ(parsed.notice.lines[2].type, NoticeLine::Type::Field);
  EXPECT_EQ(parsed.notice.lines[2].label, "原因");
  EXPECT_FALSE(parse_notice_template("para | x\n").problems.empty());  // no title
}

TEST(Notice, MissingFactsAreListedWithWhereToFillThemNeverLeftBlank) {
  NoticeTemplate t = parse_notice_template(
                         "title | {{facility}}\nfield | 原因 | {{cause}}\npara | {{cause}} と "
                         "{{care}}\nlist | timeline\n")
                         .notice;
  NoticeFacts facts;
  facts.values["facility"] = "さくら内科";
  const auto composed = compose_notice(t, facts);
  EXPECT_EQ(composed.title, "さくら内科");
  EXPECT_EQ(composed.blocks[0].text, "（未記入：原因）");
  ASSERT_EQ(composed.missing.size(), 2u);  // cause once, care once
  EXPECT_EQ(composed.missing[0].key, "cause");
  EXPECT_NE(composed.missing[0].where.find("--answer cause="), std::string::npos);
  EXPECT_NE(composed.missing[1].where.find("診療可否"), std::string::npos);
  EXPECT_EQ(composed.blocks[2].items, std::vector<std::string>{"（記録なし）"});
  facts.values["cause"] = "標的型メール";
  facts.values["care"] = "縮小";
  EXPECT_TRUE(compose_notice(t, facts).missing.empty());
}

TEST(Notice, TheLatestAnswerCountsAndAWithdrawnOneDoesNot) {
  std::vector<TimelineEntry> timeline = {
      fact("a", report_item_payload("cause", "不明")),
      fact("b", report_item_payload("cause", "標的型メール")),
      fact("c", report_item_payload("affected_people", "約1,200人")),
      fact("d", report_item_payload("no_such_key", "x")),
  };
  TimelineEntry withdraw;
  withdraw.kind = EntryKind::Correction;
  withdraw.corrects = "c";
  withdraw.payload = to_payload(Correction{true, std::nullopt});
  timeline.push_back(withdraw);
  const auto answers = report_answers(timeline);
  EXPECT_EQ(answers.at("cause"), "標的型メール");
  EXPECT_EQ(answers.count("affected_people"), 0u);
  EXPECT_EQ(answers.count("no_such_key"), 0u);
  timeline.push_back(
      fact("e", notice_issued_payload(NoticeKind::Door, "掲示した"), EntryKind::Note));
  const auto issued = notices_issued(timeline);
  ASSERT_EQ(issued.count(NoticeKind::Door), 1u);
  EXPECT_EQ(issued.at(NoticeKind::Door).action, "掲示した");
}

TEST(Notice, WhatAnIncidentCallsFor) {
  IncidentView v;
  v.plan = demo_plan();
  auto due = notices_due(v);
  EXPECT_EQ(due, (std::vector<NoticeKind>{NoticeKind::Police, NoticeKind::Insurer}));
  v.incident.personal_data_leak = true;
  Decision care;
  care.kind = DecisionKind::Care;
  care.care = CareStatus::Suspended;
  v.state.decisions.push_back(Recorded<Decision>{care, "x", 1, Instant{}, "", "", false, false});
  due = notices_due(v);
  for (auto k : {NoticeKind::PpcPrompt, NoticeKind::Person, NoticeKind::Door, NoticeKind::Phone}) {
    EXPECT_NE(std::find(due.begin(), due.end(), k), due.end()) << code(k);
  }
  const auto facts = notice_facts(v, Instant{});
  EXPECT_EQ(facts.values.at("care"), "休止");
  EXPECT_EQ(facts.values.at("inquiry"), v.plan.facility.name + " " + v.plan.facility.phone);
  for (auto k : all_notice_kinds()) EXPECT_EQ(notice_kind_from_code(code(k)), k);
}

}  // namespace
}  // namespace medbcp::core

namespace medbcp::core {
namespace {

TEST(CostLog, CostsAreReadFromTheTimelineAndShownInYen) {
  CostItem vendor{CostCategory::Vendor, 120000, "初動調査", Instant{}};
  std::vector<TimelineEntry> timeline = {
      fact("a", cost_payload(vendor)),
      fact("b", cost_payload({CostCategory::Overtime, 36000, "", {}}))};
  const auto log = cost_log(timeline);
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].category, CostCategory::Vendor);
  EXPECT_EQ(log[0].amount, 120000);
  EXPECT_EQ(log[0].note, "初動調査");
  EXPECT_EQ(format_yen(1234567), "1,234,567円");
  EXPECT_EQ(format_yen(999), "999円");
  EXPECT_EQ(format_yen(-1500), "-1,500円");
  EXPECT_EQ(format_yen(INT64_MIN), "-9,223,372,036,854,775,808円");
  EXPECT_EQ(cost_category_from_code("lost_revenue"), CostCategory::LostRevenue);
}

}  // namespace
}  // namespace medbcp::core
