// `medbcp status`: every reminder due or overdue; exit 1 when anything needs action.
#pragma once

#include "cli/command.h"

namespace medbcp::cli {

void add_status_command(CLI::App& root, GlobalOptions& options);

}  // namespace medbcp::cli
