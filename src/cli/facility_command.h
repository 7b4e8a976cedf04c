// `medbcp facility add|list`: the facilities of an association's database.
#pragma once

#include "cli/command.h"

namespace medbcp::cli {

void add_facility_command(CLI::App& root, GlobalOptions& options);

}  // namespace medbcp::cli
