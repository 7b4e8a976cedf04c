// The MHLW checklist of a clinic (core/checklist.h): the edition medbcp
// carries (checklists/, compiled in) or one read from a file, each item with
// medbcp's proposal from its records and the answer a person gave this 年度,
// last 年度's beside it; answering an item; and what the dashboard and
// `medbcp status` must say about it (いいえ past its target date, はい whose
// evidence lapsed, BCP確認表 items the plan does not cover).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/workspace.h"
#include "core/checklist.h"
#include "core/checklist_evidence.h"
#include "core/problem.h"
#include "core/reminders.h"

namespace medbcp::app {

// The newest edition compiled in (checklists/*.txt, by name), read once.
const core::Checklist& default_checklist();
// A checklist file (`--checklist FILE`); problems carry the line.
core::ChecklistParse read_checklist_file(const std::string& path);

struct ChecklistRow {
  core::ChecklistItem item;
  core::Proposal proposal;                      // from the records, as of today
  std::optional<core::ChecklistAnswer> answer;  // a person's, this 年度
  std::optional<core::ChecklistAnswer> last_year;
  std::optional<bool> effective;  // the answer, else the proposal
  bool answered_by_person = false;
  bool lapsed = false;          // はい given, the records now say いいえ
  bool target_passed = false;   // いいえ whose 目標日 is before today
  bool not_applicable = false;  // the gate was answered いいえ
};

struct BcpRow {
  core::BcpCheckItem item;
  core::Proposal coverage;  // answer: whether the plan covers it
};

struct ChecklistAssessment {
  std::string edition;
  std::string title;
  std::string facility;
  int fiscal_year = 0;
  std::vector<ChecklistRow> rows;
  std::vector<BcpRow> bcp;
  int yes = 0, no = 0, unanswered = 0, lapsed = 0, target_passed = 0;
};

// ReadPlan. `fiscal_year` defaults to the 年度 of `today`.
ChecklistAssessment assess_checklist(Workspace& ws, const Actor& actor,
                                     const core::Checklist& checklist, const core::Date& today,
                                     std::optional<int> fiscal_year = std::nullopt);

// The same, from reminders already computed (current_reminders uses it:
// the checklist's evidence is the plan's and upkeep's reminders).
ChecklistAssessment assess_checklist(Workspace& ws, const core::Checklist& checklist,
                                     const core::Date& today, int fiscal_year,
                                     std::vector<core::Reminder> plan_reminders);

struct ChecklistAnswerRequest {
  std::string item_id;
  bool yes = false;
  std::optional<core::Date> checked_on;  // default: today
  std::optional<core::Date> target_on;   // required for いいえ
  std::string note;
  std::string evidence;
};

// EditPlan. Problems name the field ("item", "checked_on", "target_on")
// in Japanese; nothing is stored then.
core::Problems answer_checklist_item(Workspace& ws, const Actor& actor,
                                     const core::Checklist& checklist,
                                     const ChecklistAnswerRequest& request, const core::Date& today,
                                     core::Instant now);

// The checklist's share of the reminders (app/reminders.h adds them): a
// はい whose evidence lapsed, an いいえ near or past its target date.
std::vector<core::Reminder> checklist_reminders(const ChecklistAssessment& assessment,
                                                const core::Date& today, int due_soon_days);
// The BCP確認表 items the plan does not cover: gaps of the plan, for
// `medbcp check` and the dashboard (not `status`, which is upkeep's).
std::vector<core::Reminder> bcp_gaps(const ChecklistAssessment& assessment);

}  // namespace medbcp::app
