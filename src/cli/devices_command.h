// `medbcp devices`: the device ledger (別紙２) as a spreadsheet.
//   medbcp devices import FILE [--dry-run]   CSV (UTF-8/CP932) or XLSX; all or nothing
//   medbcp devices export --format csv|xlsx [--encoding utf8|cp932] --out FILE
// A refused import prints every problem as 「行 N・列 X: 理由」 and exits 1.
#pragma once

#include "cli/command.h"

namespace medbcp::cli {

void add_devices_command(CLI::App& root, GlobalOptions& options);

}  // namespace medbcp::cli
