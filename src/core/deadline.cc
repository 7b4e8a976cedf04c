#include "core/deadline.h"

namespace medbcp::core {
namespace {

std::optional<Instant> step_done_at(const IncidentState& state, std::string_view step) {
  const auto* mark = state.step(step);
  if (mark == nullptr || mark->value.state != StepState::Done) return std::nullopt;
  return mark->occurred_at;
}

std::string contact_title(const ExternalContact& c) {
  std::string name = c.organization.empty() ? label(c.category) : c.organization;
  return name + "への連絡";
}

}  // namespace

const char* code(DeadlineKind kind) {
  switch (kind) {
    case DeadlineKind::PpcPreliminary:
      return "ppc_preliminary";
    case DeadlineKind::PpcFinal:
      return "ppc_final";
    case DeadlineKind::Police:
      return "police";
    case DeadlineKind::Mhlw:
      return "mhlw";
  }
  return "police";
}

const char* code(DeadlineState state) {
  switch (state) {
    case DeadlineState::Upcoming:
      return "upcoming";
    case DeadlineState::Warning:
      return "warning";
    case DeadlineState::Overdue:
      return "overdue";
    case DeadlineState::Prompt:
      return "prompt";
    case DeadlineState::Done:
      return "done";
  }
  return "upcoming";
}

const char* label(DeadlineState state) {
  switch (state) {
    case DeadlineState::Upcoming:
      return "期限前";
    case DeadlineState::Warning:
      return "目安超過";
    case DeadlineState::Overdue:
      return "期限超過";
    case DeadlineState::Prompt:
      return "速やかに";
    case DeadlineState::Done:
      return "完了";
  }
  return "期限前";
}

std::int64_t final_report_days(ThreatKind threat) {
  // Every attack is 「不正の目的をもって行われたおそれ」 (施行規則第7条第3号):
  // a targeted e-mail as much as ransomware. Only a warning sign or another
  // cause (a mistake, a loss) keeps the shorter 30 days, the safe side.
  return threat == ThreatKind::UnauthorizedAccess || threat == ThreatKind::Malware ||
                 threat == ThreatKind::TargetedEmail
             ? kFinalReportDaysWrongful
             : kFinalReportDays;
}

std::vector<Deadline> incident_deadlines(const Incident& incident, const Plan& plan,
                                         const IncidentState& state, Instant now) {
  std::vector<Deadline> out;
  const Instant aware = incident.aware_at;

  if (incident.personal_data_leak) {
    Deadline pre;
    pre.kind = DeadlineKind::PpcPreliminary;
    pre.title = "個人情報保護委員会への速報";
    pre.rule = "知った時から速やかに（概ね3〜5日以内）";
    pre.due = Instant{aware.seconds + kPreliminaryTargetDays * kDaySeconds};
    pre.hard_limit = Instant{aware.seconds + kPreliminaryLimitDays * kDaySeconds};
    pre.done_at = step_done_at(state, kStepPpcPreliminary);
    if (pre.done_at) {
      pre.state = DeadlineState::Done;
    } else if (now < pre.due) {
      pre.state = DeadlineState::Upcoming;
      pre.seconds_left = pre.due.seconds - now.seconds;
    } else if (now < *pre.hard_limit) {
      pre.state = DeadlineState::Warning;
      pre.seconds_left = pre.hard_limit->seconds - now.seconds;
    } else {
      pre.state = DeadlineState::Overdue;
      pre.seconds_left = pre.hard_limit->seconds - now.seconds;
    }
    out.push_back(pre);

    // The 責任者's finding, once recorded, decides; until then medbcp's
    // reading of the threat (the safe side for every attack is 60 days only
    // because the law gives it; a clinic that finds no wrongful purpose
    // says so and gets 30).
    const auto* grounds = state.latest_decision(DecisionKind::ReportGrounds);
    const std::int64_t days =
        grounds ? (grounds->value.wrongful_purpose ? kFinalReportDaysWrongful : kFinalReportDays)
                : final_report_days(incident.threat);
    Deadline fin;
    fin.kind = DeadlineKind::PpcFinal;
    fin.title = "個人情報保護委員会への確報";
    if (grounds) {
      fin.rule = days == kFinalReportDaysWrongful
                     ? "知った時から60日以内（責任者の判断: 不正の目的によるおそれあり）"
                     : "知った時から30日以内（責任者の判断: 不正の目的によるおそれなし）";
    } else {
      fin.rule =
          days == kFinalReportDaysWrongful
              ? "知った時から60日以内（標的型メール・不正アクセス・ランサムウェア等、不正の目的に"
                "よるおそれ。責任者が判断を記録すると、それに従います）"
              : "知った時から30日以内（不正の目的によるおそれがあれば60日。責任者が判断を記録"
                "すると、それに従います）";
    }
    fin.due = Instant{aware.seconds + days * kDaySeconds};
    fin.done_at = step_done_at(state, kStepPpcFinal);
    fin.seconds_left = fin.done_at ? 0 : fin.due.seconds - now.seconds;
    fin.state = fin.done_at     ? DeadlineState::Done
                : now < fin.due ? DeadlineState::Upcoming
                                : DeadlineState::Overdue;
    out.push_back(fin);
  }

  for (const auto& c : plan.external_contacts) {
    DeadlineKind kind;
    if (c.category == ExternalCategory::Police) {
      kind = DeadlineKind::Police;
    } else if (c.category == ExternalCategory::Mhlw) {
      kind = DeadlineKind::Mhlw;
    } else {
      continue;
    }
    Deadline d;
    d.kind = kind;
    d.title = contact_title(c);
    d.rule = "速やかに（別紙１の連絡先）";
    d.contact = c.id;
    d.due = aware;
    d.done_at = first_reached(state, c.id);
    d.state = d.done_at ? DeadlineState::Done : DeadlineState::Prompt;
    d.seconds_left = d.done_at ? 0 : aware.seconds - now.seconds;
    out.push_back(d);
  }
  return out;
}

std::string format_time_left(std::int64_t seconds) {
  const bool past = seconds < 0;
  const std::string text = format_duration(past ? -seconds : seconds);
  return past ? text + "超過" : "あと" + text;
}

std::string format_prompt_elapsed(std::int64_t seconds_left) {
  return "認知から" + format_duration(seconds_left < 0 ? -seconds_left : 0) + "経過";
}

std::string format_duration(std::int64_t s) {
  const std::int64_t days = s / kDaySeconds;
  const std::int64_t hours = s % kDaySeconds / 3600;
  const std::int64_t minutes = s % 3600 / 60;
  std::string text;
  if (days > 0) {
    text = std::to_string(days) + "日" + std::to_string(hours) + "時間";
  } else if (hours > 0) {
    text = std::to_string(hours) + "時間" + std::to_string(minutes) + "分";
  } else {
    text = std::to_string(minutes) + "分";
  }
  return text;
}

}  // namespace medbcp::core
