// What is due, and by when, once an incident is known: the reports to 個人情報
// 保護委員会 where personal data may have leaked, and the police and MHLW
// contacts the plan lists. A pure function of the incident, its folded
// timeline and the current time, so every boundary can be tested.
//
// The rule, as medbcp applies it (個人情報の保護に関する法律 第26条, 施行規則
// 第7条・第8条, and the commission's guideline):
//  - 速報 (preliminary report) 「速やかに（概ね3〜5日以内）」: due 3 days after
//    aware_at; from then until 5 days after aware_at it is shown as a warning
//    (past the usual target, still within 「概ね5日」); from 5 days on, overdue.
//  - 確報 (final report): due 30 days after aware_at, or 60 days when the
//    cause may be wrongful, which medbcp takes to be every attack: 標的型メール
//    (TargetedEmail), 不正アクセス (UnauthorizedAccess) and マルウェア・
//    ランサムウェア (Malware).
//  - Days are counted as 24-hour periods from aware_at, which is never later
//    than the legal count in calendar days, so a clinic following medbcp is
//    never late by its rule.
//  - Police and MHLW contacts in 別紙１ are due 「速やかに」: no fixed hour;
//    shown with the time elapsed since aware_at until a call reaches them.
// A report counts as made when its response step (ppc_preliminary /
// ppc_final) is marked done.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/incident.h"
#include "core/incident_state.h"
#include "core/plan.h"

namespace medbcp::core {

inline constexpr std::int64_t kDaySeconds = std::int64_t{24} * 3600;
inline constexpr std::int64_t kPreliminaryTargetDays = 3;
inline constexpr std::int64_t kPreliminaryLimitDays = 5;
inline constexpr std::int64_t kFinalReportDays = 30;
inline constexpr std::int64_t kFinalReportDaysWrongful = 60;

enum class DeadlineKind { PpcPreliminary, PpcFinal, Police, Mhlw };
const char* code(DeadlineKind);

enum class DeadlineState {
  Upcoming,  // before the due time
  Warning,   // past the target, before the hard limit (速報 only)
  Overdue,   // past the due time (or the hard limit)
  Prompt,    // 「速やかに」: no fixed time, not yet done
  Done,
};
const char* code(DeadlineState);
const char* label(DeadlineState);  // 期限前, 目安超過, 期限超過, 速やかに, 完了

struct Deadline {
  DeadlineKind kind = DeadlineKind::PpcPreliminary;
  std::string title;  // 個人情報保護委員会への速報 / ○○警察署への連絡 …
  std::string rule;   // the rule in words
  std::optional<ExternalContactId> contact;
  Instant due;                        // for Prompt: aware_at
  std::optional<Instant> hard_limit;  // 速報: 5 days
  DeadlineState state = DeadlineState::Upcoming;
  // Seconds from now to the next limit that matters (the due time, or the
  // hard limit while in Warning); negative once passed. For Prompt, minus the
  // time elapsed since aware_at.
  std::int64_t seconds_left = 0;
  std::optional<Instant> done_at;
};

// Days allowed for the 確報 given the threat.
std::int64_t final_report_days(ThreatKind threat);

std::vector<Deadline> incident_deadlines(const Incident& incident, const Plan& plan,
                                         const IncidentState& state, Instant now);

// 「あと2日3時間」「5時間12分超過」— for people, in Japanese.
std::string format_time_left(std::int64_t seconds);
// 「2日3時間」「5時間12分」「0分」: a length of time, not negative.
std::string format_duration(std::int64_t seconds);
// For a 「速やかに」 deadline (Prompt), whose seconds_left is minus the time
// since aware_at: 「認知から12分経過」 — time passed, never 「超過」, which read
// as late at minute zero.
std::string format_prompt_elapsed(std::int64_t seconds_left);

}  // namespace medbcp::core
