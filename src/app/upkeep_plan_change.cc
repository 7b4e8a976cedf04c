#include "app/upkeep_plan_change.h"

#include "app/plan_service.h"
#include "core/plan_validation.h"
#include "io/plan_json.h"
#include "store/history_store.h"
#include "store/plan_store.h"

namespace medbcp::app {

core::Problems save_plan_change(store::Database& db, const Actor& actor, const core::Plan& before,
                                core::Plan after) {
  assign_missing_ids(after);
  core::Problems problems = core::validate_plan(after);
  if (!problems.empty()) return problems;
  store::save_plan(db, after);
  const std::string at = core::Instant::now().iso_utc();
  for (const char* section : {"facility", "external_contacts", "devices", "backups"}) {
    std::string old_json = io::section_to_json(before, section);
    std::string new_json = io::section_to_json(after, section);
    if (old_json == new_json) continue;
    store::append_history(db, {0, at, actor.user.value, actor.name, section, old_json, new_json});
  }
  return {};
}

}  // namespace medbcp::app
