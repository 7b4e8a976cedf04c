// A drill scenario (訓練シナリオ): what the staff are told at the start (the
// briefing and the discovery report the 発見者 will give), the roles the
// drill needs, and the injects (付与情報) the facilitator reveals as the
// drill goes — 「10分後: 医事会計も開けない」. Scenarios are data files
// (scenarios/*.txt, or a clinic's own with --scenarios DIR), read here.
//
// File format (core/data_lines.h): one record per line,
//   code      | ransomware-monday        (英小文字・数字・ハイフン)
//   title     | 表題
//   threat    | targeted_email / unauthorized_access / malware / precursor / other
//   leak      | yes / no                  (個人データ漏えいのおそれ)
//   system    | 電子カルテ                (影響するシステム、計画の名前の前方一致。複数行可)
//   briefing  | 参加者への説明（複数行可、行ごとに段落）
//   discoverer| 発見者の役割
//   how_found | 発見の経緯
//   situation | 発生状況
//   role      | 役割 | 何をするか        (複数行)
//   inject    | 分 | 付与情報             (開始から何分後か。複数行)
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/plan.h"
#include "core/problem.h"

namespace medbcp::core {

struct DrillRole {
  std::string name;  // 発見者（受付）, 医療情報システム安全管理責任者 …
  std::string task;  // what the person playing it does
};

struct DrillInject {
  int minute = 0;  // after the start of the drill (paused time not counted)
  std::string text;
};

struct DrillScenario {
  std::string code;
  std::string title;
  ThreatKind threat = ThreatKind::Other;
  bool personal_data_leak = false;
  std::vector<std::string> systems;   // names as written; matched against the plan at start
  std::vector<std::string> briefing;  // paragraphs
  std::string discoverer_role;
  std::string how_found;
  std::string situation;
  std::vector<DrillRole> roles;
  std::vector<DrillInject> injects;  // by minute, in file order for the same minute
  std::string source;                // the file's text, kept with each drill run
};

struct DrillScenarioParse {
  DrillScenario scenario;
  Problems problems;  // field "scenario", row = line number (0: the file as a whole)
};

DrillScenarioParse parse_drill_scenario(std::string_view text);

// 「10」「10分」「１０分」 → 10; nullopt unless 0 to 1440 minutes (one day).
std::optional<int> parse_inject_minute(std::string_view text);

// Codes name files and URLs: 1 to 40 of a-z, 0-9 and '-', not starting with '-'.
bool is_scenario_code(std::string_view code);

// The scenario's systems found in the plan (a name of the plan starting with
// the scenario's, after NFKC): 電子カルテ finds 電子カルテシステム.
std::vector<SystemId> scenario_systems_in(const DrillScenario& scenario, const Plan& plan);

}  // namespace medbcp::core
