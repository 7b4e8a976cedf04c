// The CLI's `--json` views of lists and records, so scripts never parse
// Japanese text: English snake_case keys, codes rather than labels (with the
// label beside where people read it too), times as UTC ISO 8601 and dates as
// ISO dates. One place, so every command names a field the same way.
#pragma once

#include <string>
#include <vector>

#include "app/audit.h"
#include "app/clinic_backup_runs.h"
#include "app/kit.h"
#include "app/stocktake.h"
#include "app/users.h"
#include "core/incident.h"
#include "core/reminders.h"

namespace medbcp::app {

std::string incidents_json(const std::vector<core::Incident>& incidents);
std::string reminders_json(const core::Date& today, const std::vector<core::Reminder>& reminders,
                           const KitFreshness& kits);
std::string backups_json(const std::vector<BackupPlanStatus>& plans);
std::string users_json(const std::vector<User>& users);
std::string stocktakes_json(const std::vector<StocktakeSummary>& rounds);
std::string audit_json(const AuditPage& page);

}  // namespace medbcp::app
