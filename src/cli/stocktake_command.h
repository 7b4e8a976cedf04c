// `medbcp stocktake`: the 棚卸し of the device ledger.
#pragma once

#include "cli/command.h"

namespace medbcp::cli {

void add_stocktake_command(CLI::App& root, GlobalOptions& options);

}  // namespace medbcp::cli
