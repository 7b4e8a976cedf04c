#include "core/drill_scenario.h"

#include <algorithm>

#include "core/data_lines.h"
#include "core/text.h"

namespace medbcp::core {

std::optional<int> parse_inject_minute(std::string_view text) {
  std::string t = trim(nfkc(text));
  constexpr std::string_view kMinutes = "分";
  if (t.size() > kMinutes.size() && t.ends_with(kMinutes)) t.resize(t.size() - kMinutes.size());
  if (t.empty() || t.size() > 4) return std::nullopt;
  int minute = 0;
  for (char c : t) {
    if (c < '0' || c > '9') return std::nullopt;
    minute = minute * 10 + (c - '0');
  }
  if (minute > 24 * 60) return std::nullopt;
  return minute;
}

bool is_scenario_code(std::string_view code) {
  if (code.empty() || code.size() > 40 || code.front() == '-') return false;
  return std::all_of(code.begin(), code.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

DrillScenarioParse parse_drill_scenario(std::string_view text) {
  DrillScenarioParse out;
  DrillScenario& s = out.scenario;
  s.source = std::string(text);
  bool threat_given = false;
  for_each_data_line(text, [&](int line, std::vector<std::string>& f) {
    auto problem = [&](std::string message) {
      out.problems.push_back(Problem{"scenario", line, std::move(message)});
    };
    const std::string& kind = f[0];
    auto need = [&](std::size_t count, const char* shape) {
      if (f.size() != count || f.back().empty()) {
        problem(kind + " の行の形が違います（" + shape + "）。");
        return false;
      }
      return true;
    };
    if (kind == "code") {
      if (!need(2, "code | 英小文字・数字・ハイフン")) return;
      if (!is_scenario_code(f[1])) {
        problem("シナリオのコード「" + f[1] +
                "」は英小文字・数字・ハイフンで40字までにしてください（例 ransomware-monday）。");
      }
      s.code = f[1];
    } else if (kind == "title") {
      if (need(2, "title | 表題")) s.title = f[1];
    } else if (kind == "threat") {
      if (!need(2, "threat | malware など")) return;
      auto threat = threat_kind_from_code(f[1]);
      if (!threat) {
        problem("想定事象「" + f[1] +
                "」が分かりません（targeted_email, unauthorized_access, malware, precursor, "
                "other）。");
        return;
      }
      s.threat = *threat;
      threat_given = true;
    } else if (kind == "leak") {
      if (!need(2, "leak | yes か no")) return;
      if (f[1] != "yes" && f[1] != "no") {
        problem("leak は yes か no です（「" + f[1] + "」）。");
        return;
      }
      s.personal_data_leak = f[1] == "yes";
    } else if (kind == "system") {
      if (need(2, "system | システム名")) s.systems.push_back(f[1]);
    } else if (kind == "briefing") {
      if (need(2, "briefing | 説明の段落")) s.briefing.push_back(f[1]);
    } else if (kind == "discoverer") {
      if (need(2, "discoverer | 発見者の役割")) s.discoverer_role = f[1];
    } else if (kind == "how_found") {
      if (need(2, "how_found | 発見の経緯")) s.how_found = f[1];
    } else if (kind == "situation") {
      if (need(2, "situation | 発生状況")) s.situation = f[1];
    } else if (kind == "role") {
      if (need(3, "role | 役割 | 何をするか")) s.roles.push_back(DrillRole{f[1], f[2]});
    } else if (kind == "inject") {
      if (!need(3, "inject | 分 | 付与情報")) return;
      auto minute = parse_inject_minute(f[1]);
      if (!minute) {
        problem("付与情報の時刻「" + f[1] +
                "」が読めません。開始から何分後かを 0〜1440 の数字で書いてください（例 10）。");
        return;
      }
      s.injects.push_back(DrillInject{*minute, f[2]});
    } else {
      problem("行の種類「" + kind +
              "」が分かりません（code, title, threat, leak, system, briefing, discoverer, "
              "how_found, situation, role, inject）。");
    }
  });
  auto missing = [&](const char* what) {
    out.problems.push_back(Problem{"scenario", 0, std::string(what) + " の行がありません。"});
  };
  if (s.code.empty()) missing("code");
  if (s.title.empty()) missing("title");
  if (!threat_given) missing("threat");
  if (s.briefing.empty()) missing("briefing");
  if (s.situation.empty()) missing("situation");
  if (s.roles.empty()) missing("role");
  std::stable_sort(s.injects.begin(), s.injects.end(),
                   [](const DrillInject& a, const DrillInject& b) { return a.minute < b.minute; });
  return out;
}

std::vector<SystemId> scenario_systems_in(const DrillScenario& scenario, const Plan& plan) {
  std::vector<SystemId> found;
  for (const auto& wanted : scenario.systems) {
    const std::string key = match_key(wanted);
    for (const auto& system : plan.systems) {
      if (match_key(system.name).starts_with(key) &&
          std::find(found.begin(), found.end(), system.id) == found.end()) {
        found.push_back(system.id);
        break;
      }
    }
  }
  return found;
}

}  // namespace medbcp::core
