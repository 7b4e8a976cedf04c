// What medbcp's records say about an item of the checklist or the BCP確認表:
// a proposed answer with the reason and the page that shows the record, or
// nothing when only a person can answer. A proposal follows the records:
// when a restore test falls overdue, 3-2 proposes いいえ — and an earlier
// はい is shown as lapsed (app/checklist_service.h).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/checklist.h"
#include "core/plan.h"
#include "core/reminders.h"

namespace medbcp::core {

// The facts a proposal may use besides the plan: the reminders as of today
// (overdue backups, stock-take, support ends) and the published plan.
struct ChecklistFacts {
  std::vector<Reminder> reminders;
  bool plan_published = false;  // a version is published (版と周知)
  // What vendors answered on their 事業者確認用 sheet to the remote
  // maintenance item, by the vendor's name in 別紙１ (true: はい).
  std::map<std::string, bool> vendor_remote_answers;
  std::optional<Date> last_drill;  // the day the latest drill (訓練) was held
};

struct Proposal {
  std::optional<bool> answer;  // nullopt: a person answers
  std::string why;             // 「責任者 桜井 健一（日中・夜間の電話あり）」
  std::string link;            // the page holding the record: /plan#officer …
};

Proposal propose(EvidenceRule rule, const Plan& plan, const ChecklistFacts& facts);

}  // namespace medbcp::core
