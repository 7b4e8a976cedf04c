// A cyber incident as the clinic runs it (第３章 発生時の対応): the discovery
// report the spec asks the finder to give (発見者, 発見日時・経緯, 発生状況,
// 処置内容), the threat scenario, what is affected, whether personal data
// may have leaked and when the facility became aware. What happens after the
// start is not kept here but in the incident's timeline (core/timeline.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/id.h"
#include "core/plan.h"
#include "core/problem.h"
#include "core/time.h"

namespace medbcp::core {

using IncidentId = Id<struct IncidentTag>;

enum class IncidentStatus { Open, Closed };
const char* code(IncidentStatus);   // "open", "closed"
const char* label(IncidentStatus);  // 対応中, 終了
std::optional<IncidentStatus> incident_status_from_code(std::string_view);

// 発生事象の発見・報告 (第３章 １（１）).
struct DiscoveryReport {
  std::string discoverer;     // 発見者
  Instant discovered_at;      // 発見日時
  std::string how_found;      // 経緯
  std::string situation;      // 発生状況
  std::string actions_taken;  // 処置内容（発見者がすでに行ったこと）
};

// Affected systems and devices keep the name they had in the plan when the
// incident started, so the record still reads right after the ledger changes.
struct AffectedSystem {
  SystemId id;
  std::string name;
};
struct AffectedDevice {
  DeviceId id;
  std::string name;
  std::string asset_number;
};

struct Incident {
  IncidentId id;
  std::string title;  // 一行の見出し（「受付PCにランサムノート」）
  ThreatKind threat = ThreatKind::Other;
  DiscoveryReport discovery;
  std::vector<AffectedSystem> systems;
  std::vector<AffectedDevice> devices;
  bool personal_data_leak = false;  // 個人データの漏えい（そのおそれを含む）
  Instant aware_at;  // 当院が事態を知った時点（報告期限の起算点）
  IncidentStatus status = IncidentStatus::Open;
  Instant opened_at;
  std::string opened_by;
  std::optional<Instant> closed_at;
  bool drill = false;  // a drill (訓練, core/drill.h): never counted as a real incident
};

// Fills the snapshot names of systems and devices from the plan.
void name_affected_from_plan(Incident& incident, const Plan& plan);

// What a person must fix before the incident can be started. `now` bounds
// the times (a discovery cannot be in the future; five minutes of clock
// difference between a laptop and the server are allowed).
Problems validate_new_incident(const Incident& incident, const Plan& plan, Instant now);

}  // namespace medbcp::core
