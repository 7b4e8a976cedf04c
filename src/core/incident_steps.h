// The guided response of the spec's chapter 3 (第３章 サイバーインシデント発生時
// の対応) as a fixed list of steps, each marked done or not applicable (with a
// reason) by a timeline entry. Steps about personal data apply only when a
// leak is possible.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/incident.h"

namespace medbcp::core {

struct ResponseStep {
  std::string_view id;      // stable code used in timeline payloads and URLs
  std::string_view phase;   // 初動対応 / 業務継続対応
  std::string_view number;  // （１）, （２）① …
  std::string_view title;
  std::string_view guidance;  // what to do, in the spec's words where it has them
  bool leak_only = false;     // only when personal data may have leaked
};

const std::vector<ResponseStep>& all_response_steps();
// The steps that apply to this incident, in the spec's order.
std::vector<const ResponseStep*> response_steps_for(const Incident& incident);
const ResponseStep* find_response_step(std::string_view id);

enum class StepState { Pending, Done, NotApplicable };
const char* code(StepState);   // pending, done, not_applicable
const char* label(StepState);  // 未実施, 実施済, 対象外
std::optional<StepState> step_state_from_code(std::string_view);

// Step ids used elsewhere (decisions complete their step; deadlines are met
// by the report steps).
inline constexpr std::string_view kStepReport = "report";
inline constexpr std::string_view kStepPreserveEvidence = "preserve_evidence";
inline constexpr std::string_view kStepNotifyContacts = "notify_contacts";
inline constexpr std::string_view kStepPpcPreliminary = "ppc_preliminary";
inline constexpr std::string_view kStepPpcFinal = "ppc_final";
inline constexpr std::string_view kStepSystemRecovery = "system_recovery";
inline constexpr std::string_view kStepDataRecovery = "data_recovery";
inline constexpr std::string_view kStepCareDecision = "care_decision";

// Shown on every affected device until the incident is closed.
inline constexpr std::string_view kDoNotInitialiseReminder =
    "この機器は初期化・再インストール・再起動をしないでください（外部調査に必要な証拠が消えます）。"
    "電源とネットワークの扱いは医療情報システム安全管理責任者の指示に従ってください。";

}  // namespace medbcp::core
