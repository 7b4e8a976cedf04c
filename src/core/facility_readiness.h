// How ready one facility is, as an association's overview lists it: counts
// and dates only — never the contents of a plan or an incident, which stay
// the clinic's.
#pragma once

#include <optional>
#include <string>

#include "core/time.h"

namespace medbcp::core {

enum class KitState {
  Current,   // the offline kit carries the plan as it is, and a paper kit was printed since
  Outdated,  // made, but the plan changed since (or no paper kit printed)
  None,      // never made
};
const char* label(KitState);  // 「最新」「古い」「未作成」
const char* code(KitState);   // "current", "outdated", "none"

struct FacilityReadiness {
  std::string code;  // 施設コード
  std::string name;  // 施設名
  bool has_plan = false;
  int gaps = 0;                // 不備 (medbcp check)
  int overdue = 0;             // 点検: 要対応
  int due_soon = 0;            // 点検: 期限間近
  std::optional<int> edition;  // the last published 版
  std::optional<Date> published_on;
  int acknowledged = 0;  // active accounts that confirmed that 版
  int accounts = 0;      // active accounts
  KitState kit = KitState::None;
  int open_incidents = 0;
  std::optional<Instant> open_since;  // the oldest open incident's start
  // MHLW's checklist this 年度 (app/checklist_service.h).
  int checklist_yes = 0;
  int checklist_no = 0;
  int checklist_unanswered = 0;
  int checklist_lapsed = 0;         // はい whose evidence lapsed
  int checklist_target_passed = 0;  // いいえ past its target date
  std::optional<Date> last_drill;   // the latest drill (訓練) held
  Date computed_on;                 // the day the counts were made for
  // Changed (or a new day) since these counts were made, and not yet
  // counted again: the overview shows them marked 「集計待ち」 meanwhile.
  bool awaiting_count = false;
};

}  // namespace medbcp::core
