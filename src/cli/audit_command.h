// `medbcp audit`: the audit log (監査ログ) from the command line, for an
// administrator at the server or on a laptop with a copy of the database.
//
//   medbcp audit [--from DATE] [--to DATE] [--action CODE] [--user NAME]
//                [--limit N]              newest first, one line each
//   medbcp audit --csv --out FILE …       the matching rows for Excel
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace medbcp::cli {

void add_audit_command(CLI::App& root, GlobalOptions& options);

}  // namespace medbcp::cli
