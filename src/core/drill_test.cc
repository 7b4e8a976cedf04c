// Drill scenarios read from their data files, and a drill's progress folded
// from its timeline: participants, injects, pauses (not counted as drill
// time) and the end.
#include "core/drill.h"

#include <gtest/gtest.h>

#include "core/drill_measures.h"
#include "core/incident_payload.h"

namespace medbcp::core {
namespace {

constexpr std::string_view kScenario =
    "# a comment\n"
    "code | sample\n"
    "title | 試しの訓練\n"
    "threat | malware\n"
    "leak | yes\n"
    "system | 電子カルテ\n"
    "briefing | 一段落目\n"
    "briefing | 二段落目\n"
    "discoverer | 受付\n"
    "situation | 画面に脅迫文\r\n"
    "role | 発見者 | 報告する\n"
    "inject | 20 | 後の情報\n"
    "inject | １０分 | 先の情報\n";

TEST(DrillScenario, ReadsEveryFieldAndSortsInjectsByMinute) {
  const auto parsed = parse_drill_scenario(kScenario);
  ASSERT_TRUE(parsed.problems.empty()) << parsed.problems[0].message;
  const auto& s = parsed.scenario;
  EXPECT_EQ(s.code, "sample");
  EXPECT_EQ(s.threat, ThreatKind::Malware);
  EXPECT_TRUE(s.personal_data_leak);
  EXPECT_EQ(s.briefing.size(), 2u);
  EXPECT_EQ(s.situation, "画面に脅迫文");
  ASSERT_EQ(s.injects.size(), 2u);
  EXPECT_EQ(s.injects[0].minute, 10);
  EXPECT_EQ(s.injects[0].text, "先の情報");
  EXPECT_EQ(s.source, kScenario);
}

TEST(DrillScenario, ABrokenInjectTimeIsNamedWithItsLine) {
  const auto parsed = parse_drill_scenario(
      "code | x\ntitle | t\nthreat | other\nbriefing | b\nsituation | s\nrole | r | t\n"
      "inject | 1o | 読めない\ninject | -5 | 負\ninject | 2000 | 長すぎる\n");
  ASSERT_EQ(parsed.problems.size(), 3u);
  EXPECT_EQ(parsed.problems[0].row, 7);
  EXPECT_NE(parsed.problems[0].message.find("「1o」"), std::string::npos);
  EXPECT_EQ(parsed.problems[1].row, 8);
  EXPECT_EQ(parsed.problems[2].row, 9);
}

TEST(DrillScenario, MissingPartsAndUnknownWordsAreProblems) {
  const auto parsed = parse_drill_scenario("code | Bad Code\nthreat | meteor\nwhat | ever\n");
  std::string all;
  for (const auto& p : parsed.problems) all += p.message + "\n";
  EXPECT_NE(all.find("英小文字"), std::string::npos);
  EXPECT_NE(all.find("想定事象「meteor」"), std::string::npos);
  EXPECT_NE(all.find("行の種類「what」"), std::string::npos);
  EXPECT_NE(all.find("title の行がありません"), std::string::npos);
  EXPECT_NE(all.find("role の行がありません"), std::string::npos);
}

TEST(DrillScenario, SystemsAreFoundByTheStartOfTheirName) {
  Plan plan;
  plan.systems.push_back(InScopeSystem{SystemId(3), "電子カルテシステム", "", std::nullopt, false});
  plan.systems.push_back(InScopeSystem{SystemId(4), "医事会計システム", "", std::nullopt, false});
  DrillScenario s;
  s.systems = {"電子カルテ", "ＰＡＣＳ"};
  EXPECT_EQ(scenario_systems_in(s, plan), std::vector<SystemId>{SystemId(3)});
}

TimelineEntry drill_entry(std::string id, const DrillEvent& e, std::int64_t minute) {
  TimelineEntry t;
  t.id = std::move(id);
  t.kind = EntryKind::Drill;
  t.occurred_at = Instant{minute * 60};
  t.payload = to_payload(e);
  return t;
}

TEST(DrillProgress, PausesAreNotDrillTimeAndWithdrawnEntriesDoNotCount) {
  DrillEvent start{.type = DrillEvent::Type::Start, .participants = {{"山田", "事務長"}}};
  DrillEvent inject{.type = DrillEvent::Type::Inject, .inject_index = 1, .minute = 20, .text = "x"};
  std::vector<TimelineEntry> timeline = {
      drill_entry("a", start, 0),
      drill_entry("b", DrillEvent{.type = DrillEvent::Type::Pause}, 10),
      drill_entry("c", DrillEvent{.type = DrillEvent::Type::Resume}, 25),
      drill_entry("d", inject, 30),
      drill_entry("e", DrillEvent{.type = DrillEvent::Type::Join, .participants = {{"鈴木", ""}}},
                  31),
  };
  TimelineEntry withdraw;
  withdraw.kind = EntryKind::Correction;
  withdraw.corrects = "e";
  withdraw.payload = to_payload(Correction{true, std::nullopt});
  timeline.push_back(withdraw);
  const auto p = fold_drill(timeline);
  ASSERT_TRUE(p.started_at);
  EXPECT_FALSE(p.paused());
  EXPECT_EQ(p.drill_seconds_at(Instant{40 * 60}), 25 * 60);
  EXPECT_EQ(p.drill_seconds_at(Instant{15 * 60}), 10 * 60);  // inside the pause
  EXPECT_TRUE(p.is_revealed(1));
  EXPECT_FALSE(p.is_revealed(0));
  ASSERT_EQ(p.participants.size(), 1u);  // 鈴木's join was withdrawn

  DrillScenario s;
  s.injects = {{10, "first"}, {20, "second"}, {30, "third"}};
  EXPECT_EQ(injects_due(s, p, Instant{45 * 60}), (std::vector<int>{0, 2}));
}

TEST(DrillPayload, EveryEventRoundTripsAndReadsAsText) {
  DrillEvent start{.type = DrillEvent::Type::Start,
                   .scenario_code = "ransomware-monday",
                   .mode = DrillMode::Tabletop,
                   .participants = {{"山田", "事務長"}}};
  auto back = read_drill_event(to_payload(start));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->mode, DrillMode::Tabletop);
  EXPECT_EQ(back->participants, start.participants);
  EXPECT_EQ(describe(start), "【訓練】机上訓練を開始。参加者: 山田（事務長）");
  DrillEvent inject{
      .type = DrillEvent::Type::Inject, .inject_index = 2, .minute = 30, .text = "報道"};
  EXPECT_EQ(describe(inject), "【訓練】付与情報（30分後）: 報道");
  EXPECT_FALSE(read_drill_event("{\"event\":\"dance\"}"));
  EXPECT_FALSE(read_drill_event("not json"));
}

TEST(DrillMeasures, TimesReadAsPeopleSayThem) {
  EXPECT_EQ(format_drill_time(std::nullopt), "—");
  EXPECT_EQ(format_drill_time(45), "45秒");
  EXPECT_EQ(format_drill_time(12 * 60 + 30), "12分30秒");
  EXPECT_EQ(format_drill_time(3600 + 5 * 60), "1時間5分");
}

}  // namespace
}  // namespace medbcp::core

namespace medbcp::core {
namespace {

TEST(DrillParticipant, NameAndRoleAsTyped) {
  EXPECT_EQ(parse_participant(" 山田 花子 : 事務長 "), (DrillParticipant{"山田 花子", "事務長"}));
  EXPECT_EQ(parse_participant("中村：発見者（受付）"),
            (DrillParticipant{"中村", "発見者（受付）"}));
  EXPECT_EQ(parse_participant("鈴木"), (DrillParticipant{"鈴木", ""}));
}

}  // namespace
}  // namespace medbcp::core
