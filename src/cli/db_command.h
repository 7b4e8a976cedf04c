// `medbcp db`: the clinic's backup of medbcp itself.
//
//   medbcp db backup --out FILE   consistent copy, also while the server runs
//   medbcp db restore FILE        check the file, then replace the database
//   medbcp db check [FILE]        run the restore checks on a file or the
//                                 live database (a restore test without
//                                 restoring)
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace medbcp::cli {

void add_db_command(CLI::App& root, GlobalOptions& options);

}  // namespace medbcp::cli
