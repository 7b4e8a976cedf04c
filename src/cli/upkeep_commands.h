// The 平時 commands: `backup` (record runs and restore tests — a backup job
// calls `medbcp backup record` when it finishes), `status` (every reminder;
// exit 1 when anything needs action, for cron and monitoring), `stocktake`
// (start, record, close, print the check sheet and the difference report)
// and `confirm` (a contact verified, the plan reviewed).
#pragma once

#include "cli/command.h"

namespace medbcp::cli {

void add_backup_command(CLI::App& root, GlobalOptions& options);
void add_status_command(CLI::App& root, GlobalOptions& options);
void add_stocktake_command(CLI::App& root, GlobalOptions& options);
void add_confirm_command(CLI::App& root, GlobalOptions& options);

}  // namespace medbcp::cli
