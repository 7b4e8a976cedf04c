// What the structured timeline entries of an incident say: a step marked, a
// contact called, a decision taken, evidence preserved and handed over, the
// incident closed. Each is the payload of one timeline entry (JSON shapes in
// core/incident_payload.h); the incident's current picture is folded from
// them (core/incident_state.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/incident.h"
#include "core/incident_steps.h"
#include "core/plan.h"

namespace medbcp::core {

// The discovery report and scope as given at the start (the first entry).
struct IncidentOpening {
  std::string title;
  ThreatKind threat = ThreatKind::Other;
  DiscoveryReport discovery;
  std::vector<AffectedSystem> systems;
  std::vector<AffectedDevice> devices;
  bool personal_data_leak = false;
  Instant aware_at;
};

// The incident as its opening reads now: a correction of the opening entry
// (what was reported at the start: the leak flag, the 認知 time, the
// affected systems and devices) replaces these fields; the incident row
// keeps what was first reported.
void apply_opening(Incident& incident, const IncidentOpening& opening);

// A step of chapter 3 marked done, not applicable (with a reason), or back to
// pending. The entry's text is the note.
struct StepMark {
  std::string step;
  StepState state = StepState::Done;
  std::string reason;  // required for NotApplicable
  std::string note{};  // who did what, in the person's words (also in the entry's text)
};

// Who was called: a contact of 別紙１ (external or internal) or someone not
// on the chart.
struct ContactTarget {
  // Officer: the 医療情報システム安全管理責任者 of the plan (第３章１(1)
  // makes him the first to be told); he is the root of 別紙１, not a row of it.
  enum class Type { External, Internal, Other, Officer };
  Type type = Type::Other;
  std::int64_t id = 0;  // ExternalContactId / InternalContactId value; 0 for Other
  std::string name;     // organisation or person, as it was when called
  std::optional<ExternalCategory> category;
};

struct ContactCall {
  ContactTarget target;
  std::string called_by;
  std::string channel;  // 電話, メール, 訪問 …
  bool reached = false;
  std::string said;       // 伝えた内容
  std::string follow_up;  // 先方の対応・次の連絡
};

// ReportGrounds: the 責任者's finding whether the leak may have been done
// for a wrongful purpose (不正の目的, 施行規則第7条第3号), which sets the
// 確報 deadline (60 days, else 30) instead of medbcp's guess from the threat.
enum class DecisionKind { SystemRecovery, DataRecovery, Care, ReportGrounds };
const char* code(DecisionKind);  // system_recovery, data_recovery, care, report_grounds
const char* label(
    DecisionKind);  // システム復旧可否, データ復旧可否, 診療可否・診療形態, 確報の期限の根拠
std::optional<DecisionKind> decision_kind_from_code(std::string_view);

enum class CareStatus { Continued, Reduced, Suspended };
const char* code(CareStatus);   // continued, reduced, suspended
const char* label(CareStatus);  // 継続, 縮小, 休止
std::optional<CareStatus> care_status_from_code(std::string_view);

// 診療形態 people usually choose; any other text is accepted.
const std::vector<std::string_view>& care_mode_suggestions();

struct Decision {
  DecisionKind kind = DecisionKind::SystemRecovery;
  std::optional<SystemId> system;  // the affected system it concerns, if one
  std::string system_name;
  std::optional<bool> possible;             // recovery possible / not / not yet known
  std::string vendor;                       // システム事業者（相談相手）
  std::string backup_generation;            // the backup believed clean (data recovery)
  CareStatus care = CareStatus::Continued;  // care decisions only
  std::string care_mode;                    // 通常, 外来のみ, 初診停止 …
  bool wrongful_purpose = false;            // report grounds only: 不正の目的のおそれ
  std::string reason;                       // why
};

// One item of the evidence register (証拠保全).
struct EvidenceItem {
  std::string evidence_id;  // random, like entry ids
  std::string item;         // what: disk image, log export, ransom note, photo …
  std::optional<DeviceId> device;
  std::string device_name;
  std::string location;   // where it is kept
  std::string holder;     // who holds it
  std::string file_name;  // when a file was added
  std::uint64_t file_size = 0;
  std::string sha256;  // of the file, computed by medbcp
};

// A hand-over of an evidence item (chain of custody).
struct CustodyTransfer {
  std::string evidence_id;
  std::string from;
  std::string to;
  std::string location;
};

struct FollowUp {
  std::string title;
  std::string owner;
  std::optional<Date> due;
  std::string plan_section{};  // a section code (core/plan_section.h) the task changes, or empty
};

struct Closure {
  std::string lessons;  // 教訓
  std::vector<FollowUp> follow_ups;
};

// A correction either withdraws the entry it names or replaces its payload
// (same kind); the entry's text says what was wrong either way.
struct Correction {
  bool withdraw = false;
  std::optional<std::string> replacement_payload;
};

// One-line texts for the timeline, so the list reads without the payload.
std::string describe(const IncidentOpening&);
std::string describe(const StepMark&);
std::string describe(const ContactCall&);
std::string describe(const Decision&);
std::string describe(const EvidenceItem&);
std::string describe(const CustodyTransfer&);

// Problems with what a person entered.
Problems validate(const StepMark&);
Problems validate(const ContactCall&);
Problems validate(const Decision&);
Problems validate(const EvidenceItem&);
Problems validate(const CustodyTransfer&);
Problems validate(const Closure&);

}  // namespace medbcp::core
