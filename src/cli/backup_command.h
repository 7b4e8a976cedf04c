// `medbcp backup`: the clinic's backup runs and restore tests.
#pragma once

#include "cli/command.h"

namespace medbcp::cli {

void add_backup_command(CLI::App& root, GlobalOptions& options);

}  // namespace medbcp::cli
