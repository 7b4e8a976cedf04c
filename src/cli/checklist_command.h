#pragma once

#include "cli/command.h"

namespace medbcp::cli {

// `medbcp checklist show|answer|render`: MHLW's cybersecurity checklist.
void add_checklist_command(CLI::App& root, GlobalOptions& options);

}  // namespace medbcp::cli
