// `medbcp confirm`: a contact verified, the plan reviewed.
#pragma once

#include "cli/command.h"

namespace medbcp::cli {

void add_confirm_command(CLI::App& root, GlobalOptions& options);

}  // namespace medbcp::cli
